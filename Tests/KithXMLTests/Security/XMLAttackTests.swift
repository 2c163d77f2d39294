import Foundation
import KithModel
import KithXML
import Testing

/// The three classic attacks on XML parsers, each written into a temporary file and read as
/// the pipeline reads XML: refused with a clear error, fast, without reading anything.
@Suite struct XMLAttackTests {
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE phonebooks [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <phonebooks><phonebook><contact><person><realName>&lol9;</realName></person></contact></phonebook></phonebooks>
        """

    static let externalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE phonebooks [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <phonebooks><phonebook><contact><person><realName>&xxe;</realName></person></contact></phonebook></phonebooks>
        """

    static let externalDTD = """
        <?xml version="1.0"?>
        <!DOCTYPE phonebooks SYSTEM "http://127.0.0.1:9/evil.dtd">
        <phonebooks><phonebook><contact><person><realName>Eve</realName></person></contact></phonebook></phonebooks>
        """

    /// Reads a document from a temporary file, expecting a refusal; returns the error, the
    /// contacts emitted before it and the time taken.
    static func refuse(_ text: String) throws -> (error: KithError, contacts: [Contact], seconds: Double) {
        let url = try XMLTestReading.temporaryFile(named: "attack.xml", contents: Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var contacts: [Contact] = []
        let clock = ContinuousClock()
        var caught: KithError?
        let elapsed = clock.measure {
            do {
                _ = try XMLReader().read(path: url.path, context: .init(source: 0, path: "attack.xml")) {
                    contacts.append($0)
                }
            } catch let error as KithError {
                caught = error
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        let error = try #require(caught, "the document was not refused")
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (error, contacts, seconds)
    }

    @Test func billionLaughsIsRefused() throws {
        let result = try Self.refuse(Self.billionLaughs)
        #expect(result.error.code == .unsafeInput)
        #expect(result.error.message.contains("billion laughs"))
        #expect(result.error.path == "attack.xml")
        #expect(result.contacts.isEmpty)
        #expect(result.seconds < 1)
    }

    @Test func externalEntityIsRefusedAndNeverRead() throws {
        let result = try Self.refuse(Self.externalEntity)
        #expect(result.error.code == .unsafeInput)
        #expect(result.error.message.contains("external entity"))
        #expect(result.contacts.isEmpty)
        #expect(result.seconds < 1)
    }

    @Test func externalDTDIsRefused() throws {
        let result = try Self.refuse(Self.externalDTD)
        #expect(result.error.code == .unsafeInput)
        #expect(result.error.message.contains("external DTD"))
        #expect(result.contacts.isEmpty)
        #expect(result.seconds < 1)
    }

    @Test(arguments: [billionLaughs, externalEntity, externalDTD])
    func attacksAreRefusedFromMemoryToo(_ text: String) throws {
        #expect(throws: KithError.self) { try XMLTestReading.read(text: text) }
        do {
            _ = try XMLTestReading.read(text: text)
        } catch let error as KithError {
            #expect(error.code == .unsafeInput)
        }
    }

    /// A prolog longer than the head the pre-check scans still meets the check on the
    /// DOCTYPE node libxml2 reports (and libxml2's own expansion limits).
    @Test func entitiesPastTheScannedHeadAreRefused() throws {
        let padding = "<!--" + String(repeating: "x", count: 70_000) + "-->\n"
        let text = Self.billionLaughs.replacingOccurrences(
            of: "<?xml version=\"1.0\"?>\n", with: "<?xml version=\"1.0\"?>\n" + padding)
        let result = try Self.refuse(text)
        #expect(result.error.code == .unsafeInput)
        #expect(result.error.message.contains("billion laughs"))
        #expect(result.contacts.isEmpty)
        #expect(result.seconds < 1)
    }

    @Test func plainDoctypeWithoutSubsetIsAccepted() throws {
        let read = try XMLTestReading.read(
            text:
                "<?xml version=\"1.0\"?>\n<!DOCTYPE phonebooks>\n<phonebooks><phonebook><contact><person><realName>Ok</realName></person></contact></phonebook></phonebooks>"
        )
        #expect(read.contacts.map { $0.name?.full } == ["Ok"])
    }

    @Test func nestingDeeperThanTheLimitIsRefused() throws {
        let depth = 300
        let text =
            "<phonebooks><phonebook><contact>" + String(repeating: "<a>", count: depth)
            + String(repeating: "</a>", count: depth)
            + "</contact></phonebook></phonebooks>"
        let result = try Self.refuse(text)
        #expect(result.error.code == .unsafeInput)
        #expect(result.error.message.contains("nested deeper"))
    }

    @Test func textLongerThanTheLimitIsRefused() throws {
        let text =
            "<phonebooks><phonebook><contact><person><realName>" + String(repeating: "A", count: 5000)
            + "</realName></person></contact></phonebook></phonebooks>"
        let input = InputFileBytes.make(text)
        #expect {
            _ = try XMLReader(limits: XMLLimits(maxTextBytes: 1000)).read(
                input, context: .init(source: 0, path: "big.xml")
            ) { _ in }
        } throws: { error in
            (error as? KithError)?.code == .unsafeInput
        }
        // Within the limit the same record reads.
        let read = try XMLReader(limits: XMLLimits(maxTextBytes: 10_000)).read(
            input, context: .init(source: 0, path: "big.xml")
        ) { _ in }
        #expect(read.records == 1)
    }

    /// Over-long text between records is not part of any record, but the parse stops at it:
    /// the file is refused rather than read up to that point as if it ended there.
    @Test func textLongerThanTheLimitOutsideARecordIsRefused() throws {
        let text =
            "<phonebooks><phonebook><contact><person><realName>A</realName></person></contact>"
            + String(repeating: "B", count: 5000)
            + "<contact><person><realName>C</realName></person></contact></phonebook></phonebooks>"
        #expect {
            _ = try XMLReader(limits: XMLLimits(maxTextBytes: 1000)).read(
                InputFileBytes.make(text), context: .init(source: 0, path: "big.xml")
            ) { _ in }
        } throws: { error in
            (error as? KithError)?.code == .unsafeInput
        }
    }
}
