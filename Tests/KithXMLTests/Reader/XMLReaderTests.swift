import Foundation
import KithIO
import KithModel
import KithXML
import Synchronization
import Testing

@Suite struct XMLReaderTests {
    @Test func unknownRootIsNamedWithTheSupportedLayouts() throws {
        do {
            _ = try XMLTestReading.read(
                text: "<?xml version=\"1.0\"?>\n<inventory xmlns=\"urn:example:stock\"><item/></inventory>")
            Issue.record("an unknown document was accepted")
        } catch let error as KithError {
            #expect(error.code == .unknownFormat)
            #expect(error.message.contains("<inventory>"))
            #expect(error.message.contains("urn:example:stock"))
            #expect(error.message.contains("FRITZ!Box <phonebooks>"))
            #expect(error.message.contains("xCard"))
            #expect(error.line == 2)
        }
    }

    @Test func sharedRootWithUnknownChildrenIsUnknown() throws {
        #expect {
            _ = try XMLTestReading.read(text: "<tbook><song title=\"x\"/></tbook>")
        } throws: { error in
            let error = error as? KithError
            return error?.code == .unknownFormat && error?.message.contains("<tbook>") == true
        }
    }

    @Test func textThatIsNotXMLIsInvalid() throws {
        #expect {
            _ = try XMLTestReading.read(text: "BEGIN:VCARD\r\nEND:VCARD\r\n")
        } throws: { error in
            (error as? KithError)?.code == .invalidInput
        }
    }

    @Test func truncatedDocumentKeepsTheRecordsBeforeTheBreak() throws {
        let read = try XMLTestReading.read(
            text: """
                <phonebooks><phonebook>
                <contact><person><realName>One</realName></person></contact>
                <contact><person><realName>Two</realName></person></contact>
                <contact><person><realName>Thr
                """)
        #expect(read.contacts.map { $0.name?.full } == ["One", "Two"])
        #expect(read.report.diagnostics.contains { $0.code == "xml.malformed" && $0.severity == .error })
    }

    /// libxml2 writes its encoding message on two lines ("…indicate encoding !\nBytes: 0xFF
    /// …"); a diagnostic is one line (`path:line: severity: code: message`).
    @Test func parserMessagesAreOneLine() throws {
        let head = Array(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<phonebooks><phonebook>\n<contact><person><realName>One</realName></person></contact>\n<contact><person><realName>T"
                .utf8)
        let tail = Array("o</realName></person></contact>\n</phonebook></phonebooks>\n".utf8)
        let read = try XMLTestReading.read(bytes: head + [0xFF, 0xFE] + tail)
        #expect(read.contacts.first?.name?.full == "One")
        let malformed = read.report.diagnostics.filter { $0.code == "xml.malformed" }
        #expect(malformed.count == 1)
        #expect(malformed.allSatisfy { !$0.message.contains("\n") && $0.message.contains("Bytes: 0xFF") })
    }

    @Test func recordsAreNumberedPerSourceAndCarryTheirLine() throws {
        var contacts: [Contact] = []
        let text =
            "<phonebooks>\n<phonebook>\n\n<contact><person><realName>A</realName></person></contact>\n<contact/>\n</phonebook></phonebooks>"
        _ = try XMLReader().read(InputFileBytes.make(text), context: ReadContext(source: 3, path: "x.xml")) {
            contacts.append($0)
        }
        #expect(contacts.map(\.ref) == [RecordRef(source: 3, index: 0), RecordRef(source: 3, index: 1)])
        #expect(contacts.map(\.line) == [4, 5])
    }

    @Test func lineNumbersBeyond65535AreExact() throws {
        let text =
            "<phonebooks><phonebook>" + String(repeating: "\n", count: 70_000)
            + "<contact><person><realName>Far</realName></person>\n<telephony nid=\"1\">\n"
            + "<number type=\"home\">030 1234567</number>\n</telephony></contact></phonebook></phonebooks>"
        let read = try XMLTestReading.read(text: text)
        let contact = try #require(read.contacts.first)
        #expect(contact.line == 70_001)
        // The number's own line, and its parent's, counted in the text above (libxml2's tree
        // keeps 65535 for nodes past that line, so values used to carry a neighbour's line).
        #expect(contact.phones.first?.meta.line == 70_003)
        #expect(contact.unmapped.first { $0.name.hasSuffix("telephony") }?.line == 70_002)
    }

    /// A document of many 64 KiB parser chunks, whose boundaries fall anywhere: inside names,
    /// inside multi-byte characters, inside CDATA and between the pieces of one text. Every
    /// value is read whole, the same from memory and streamed from disk.
    @Test func valuesSurviveChunkBoundaries() throws {
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<phonebooks><phonebook>\n"
        var expected: [String] = []
        for index in 0..<3000 {
            let given = "Jörg\(index)ß"
            let surname = "Ümlaut-\(String(repeating: "é", count: index % 7))"
            // Text, a comment, CDATA and a reference make one value: "Surname, Given & Co".
            text +=
                "<contact><person><realName>\(surname), <!-- split --><![CDATA[\(given)]]> &amp; Co</realName></person>"
                + "<telephony><number type=\"home\">+49 30 \(1_000_000 + index)</number></telephony></contact>\n"
            expected.append("\(surname), \(given) & Co")
        }
        text += "</phonebook></phonebooks>\n"
        #expect(text.utf8.count > 3 * 65_536)
        let loaded = try XMLTestReading.read(text: text)
        #expect(loaded.contacts.map { $0.name?.full ?? "" } == expected)
        #expect(loaded.contacts.last?.phones.first?.raw == "+49 30 1002999")
        let url = try XMLTestReading.temporaryFile(named: "chunks.xml", contents: Array(text.utf8))
        let streamed = try XMLTestReading.read(url)
        #expect(streamed.contacts == loaded.contacts)
    }

    /// Attribute values with escaped ampersands and other references (libxml2's SAX2 hands a
    /// `&amp;` on as `&#38;`), and names whose prefix the document never declared (kept as
    /// written, `prefix:name`, as libxml2's tree does).
    @Test func attributeReferencesAndUndeclaredPrefixes() throws {
        let text = """
            <phonebooks><phonebook><contact><person><realName>A &amp; B</realName></person>
            <telephony><number type="home" vanity="Tom &amp; Jerry &#38; &lt;Co&gt; &#x41;&amp;#38;">030 1</number></telephony>
            <x:extra y:flag="1">kept</x:extra></contact></phonebook></phonebooks>
            """
        let read = try XMLTestReading.read(text: text)
        let contact = try #require(read.contacts.first)
        #expect(contact.name?.full == "A & B")
        let number = try #require(contact.phones.first)
        #expect(number.meta.parameters.contains(Parameter(name: "vanity", values: ["Tom & Jerry & <Co> A&#38;"])))
        let extra = try #require(contact.unmapped.first { $0.name.contains("extra") })
        #expect(extra.name == "X-XML-x:extra")
        #expect(extra.value == "kept")
    }

    /// UTF-16 with a BOM and `encoding="UTF-16"`: `InputFile` transcodes it to UTF-8, and the
    /// reader tells libxml2 so; streamed from disk, libxml2 decodes it itself.
    @Test func utf16DocumentsReadBothWays() throws {
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<phonebooks><phonebook><contact><person><realName>Groß, Jörg</realName></person></contact></phonebook></phonebooks>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let loaded = try XMLTestReading.read(bytes: bytes)
        #expect(loaded.contacts.first?.name?.given == ["Jörg"])
        #expect(loaded.report.encoding == "utf-16le")
        let url = try XMLTestReading.temporaryFile(named: "utf16.xml", contents: bytes)
        let streamed = try XMLTestReading.read(url)
        #expect(streamed.contacts.first?.name?.surname == ["Groß"])
        #expect(streamed.contacts == loaded.contacts)
    }

    /// ISO-8859-1 as some FRITZ!Box generators write it: declared, and undeclared (read in the
    /// fallback charset, windows-1252 by default).
    @Test(arguments: [true, false])
    func latin1DocumentsRead(declared: Bool) throws {
        let declaration = declared ? "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" : ""
        var bytes = Array((declaration + "<phonebooks><phonebook><contact><person><realName>M").utf8)
        bytes.append(0xFC)  // ü in ISO-8859-1
        bytes += Array("ller</realName></person></contact></phonebook></phonebooks>".utf8)
        let loaded = try XMLTestReading.read(bytes: bytes)
        #expect(loaded.contacts.first?.name?.full == "Müller")
        let url = try XMLTestReading.temporaryFile(named: "latin1.xml", contents: bytes)
        let streamed = try XMLTestReading.read(url)
        #expect(streamed.contacts.first?.name?.full == "Müller")
        #expect(streamed.report.encoding == (declared ? "iso-8859-1" : "windows-1252"))
    }

    @Test func streamedReadHashesTheWholeFile() throws {
        var bytes = Array("<phonebooks><phonebook>".utf8)
        for index in 0..<3000 {
            bytes += Array("<contact><person><realName>Person \(index)</realName></person></contact>\n".utf8)
        }
        bytes += Array("</phonebook></phonebooks>".utf8)
        let url = try XMLTestReading.temporaryFile(named: "many.xml", contents: bytes)
        let result = try XMLReader().read(path: url.path, context: ReadContext(source: 0, path: "many.xml")) { _ in }
        #expect(result.report.records == 3000)
        #expect(result.byteCount == bytes.count)
        #expect(result.sha256 == ContentHash.sha256Hex(bytes))
    }

    @Test func sniffsFilesFromTheirHead() throws {
        let url = try XMLTestReading.temporaryFile(
            named: "book.xml", contents: Array("<?xml version=\"1.0\"?>\n<phonebooks/>".utf8))
        #expect(XMLReader.sniff(path: url.path) == 95)
        #expect(XMLReader.sniff(path: "/nonexistent/kith.xml") == 0)
        #expect(XMLReader.sniff(path: "-") == 0)
    }

    /// The pipeline reads two files at a time: readers on several threads must not disturb
    /// each other (libxml2 keeps per-reader state, initialized once).
    @Test func readersRunConcurrently() throws {
        var text = "<phonebooks><phonebook>"
        for index in 0..<200 {
            text += "<contact><person><realName>P\(index)</realName></person><uniqueid>\(index)</uniqueid></contact>"
        }
        text += "</phonebook></phonebooks>"
        let url = try XMLTestReading.temporaryFile(named: "parallel.xml", contents: Array(text.utf8))
        let expected = try XMLTestReading.read(url).contacts
        let results = ConcurrentResults()
        DispatchQueue.concurrentPerform(iterations: 8) { iteration in
            results.set(iteration, (try? XMLTestReading.read(url).contacts) ?? [])
        }
        let all = results.all()
        #expect(all.count == 8)
        for contacts in all.values { #expect(contacts == expected) }
    }

    @Test func missingFileIsUnreadable() throws {
        #expect {
            _ = try XMLReader().read(path: "/nonexistent/kith.xml", context: ReadContext(source: 0, path: "kith.xml")) {
                _ in
            }
        } throws: { error in
            (error as? KithError)?.code == .unreadableInput
        }
    }
}

@Suite struct XMLSnifferTests {
    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<phonebooks>", 95),
        ("\u{FEFF}<?xml version=\"1.0\"?><vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\">", 95),
        ("  <CiscoIPPhoneDirectory>", 95),
        ("<?xml version=\"1.0\"?><inventory/>", 80),
        ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Blog</title>", 80),
        ("<entry xmlns:gd=\"http://schemas.google.com/g/2005\">", 95),
        ("<html>", 20),
        ("BEGIN:VCARD", 0),
        ("Name,Phone", 0),
    ])
    func scores(_ head: String, _ expected: Int) {
        #expect(XMLReader.sniff(ArraySlice(Array(head.utf8)), path: "x") == expected)
    }
}

@Suite struct XMLDateTextTests {
    @Test(arguments: [
        ("--0203", PartialDate(month: 2, day: 3)),
        ("--02-03", PartialDate(month: 2, day: 3)),
        ("---15", PartialDate(day: 15)),
        ("2010-05-20", PartialDate(year: 2010, month: 5, day: 20)),
        ("19850412", PartialDate(year: 1985, month: 4, day: 12)),
        ("1985-04", PartialDate(year: 1985, month: 4)),
        ("1985", PartialDate(year: 1985)),
        (
            "20090808T1430-0500",
            PartialDate(year: 2009, month: 8, day: 8, hour: 14, minute: 30, second: 0, utcOffsetMinutes: -300)
        ),
        (
            "2012-05-29T11:19:55.909Z",
            PartialDate(year: 2012, month: 5, day: 29, hour: 11, minute: 19, second: 55, utcOffsetMinutes: 0)
        ),
    ])
    func parses(_ text: String, _ expected: PartialDate) {
        #expect(XMLDateText.parse(text) == expected)
    }

    @Test(arguments: ["", "April 15th", "2010-13-01", "20100520T", "--1302"])
    func rejects(_ text: String) {
        #expect(XMLDateText.parse(text) == nil)
    }

    @Test func readsEpochSeconds() {
        #expect(
            XMLDateText.epoch("0")
                == PartialDate(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0))
        // 951782400 is 2000-02-29T00:00:00Z, a leap day.
        #expect(
            XMLDateText.epoch("951782400")
                == PartialDate(year: 2000, month: 2, day: 29, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0))
        #expect(XMLDateText.epoch("-5") == nil)
        #expect(XMLDateText.epoch("soon") == nil)
    }
}

/// Results gathered from several threads.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: [Contact]] = [:]

    func set(_ index: Int, _ contacts: [Contact]) {
        lock.withLock { results[index] = contacts }
    }

    func all() -> [Int: [Contact]] {
        lock.withLock { results }
    }
}
