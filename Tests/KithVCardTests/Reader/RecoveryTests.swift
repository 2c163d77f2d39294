import KithModel
import Testing

@testable import KithVCard

/// Broken files: everything readable is kept, each problem is a located diagnostic.
@Suite struct RecoveryTests {
    @Test func missingEnd() throws {
        let result = try Reading.read("BEGIN:VCARD\nVERSION:3.0\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n")
        // The second BEGIN is read as a nested card (AOSP), the first lacks its END.
        #expect(result.contacts.map { $0.name?.full } == ["B", "A"])
        let missing = try #require(result.report.diagnostics.first { $0.code == "vcard.card.missing-end" })
        #expect(missing.line == 1)
        #expect(missing.record == 1)
    }

    @Test func truncatedInsideProperty() throws {
        let result = try Reading.read("BEGIN:VCARD\nVERSION:3.0\nFN:Frank\nE")
        #expect(result.contacts.count == 1)
        #expect(result.contacts.first?.name?.full == "Frank")
        #expect(result.contacts.first?.unmapped.map(\.name) == ["E"])
        #expect(result.codes.contains("vcard.card.missing-end"))
        #expect(result.codes.contains("vcard.property.missing-colon"))
    }

    @Test func garbageAndCommentsOutsideCards() throws {
        let result = try Reading.read("ENCODING:UTF-8\n# exported\n\nbegin:vcard\nfn:a\nend:vcard\n\n\nEND:VCARD\n")
        #expect(result.contacts.map { $0.name?.full } == ["a"])
        #expect(result.codes == ["vcard.line.outside-card", "vcard.line.comment", "vcard.card.missing-begin"])
        #expect(result.report.diagnostics.map(\.line) == [1, 2, 9])
    }

    @Test func emptyCards() throws {
        let result = try Reading.read("BEGIN:VCARD\nEND:VCARD\nBEGIN:VCARD\nVERSION:2.1\nEND:VCARD\n")
        #expect(result.contacts.count == 2)
        #expect(result.contacts.allSatisfy { $0.isEmpty })
        #expect(result.codes == ["vcard.card.empty"])
        #expect(result.report.diagnostics.first?.record == 0)
    }

    @Test func emptyAndBlankInputs() throws {
        for text in ["", "\n\n", "\u{FEFF}", "garbage without cards"] {
            let result = try Reading.read(text)
            #expect(result.contacts.isEmpty)
            #expect(result.report.records == 0)
        }
    }

    @Test func repeatedSingleValuedPropertiesAreKept() throws {
        let result = try Reading.read("BEGIN:VCARD\nVERSION:3.0\nFN:A\nFN:B\nUID:1\nUID:2\nEND:VCARD\n")
        let card = try #require(result.contacts.first)
        #expect(card.name?.full == "A")
        #expect(card.uid == "1")
        #expect(card.unmapped.map(\.value) == ["B", "2"])
    }

    @Test func unknownPropertiesAreKeptVerbatim() throws {
        let result = try Reading.read(
            "BEGIN:VCARD\nVERSION:3.0\nitem1.X-FOO;X-P=\"a,b\";VALUE=text:x\\,y\nGEO:geo:1,2\nEND:VCARD\n")
        let raw = try #require(result.contacts.first?.unmapped)
        #expect(raw.map(\.name) == ["X-FOO", "GEO"])
        #expect(raw.first?.group == "item1")
        #expect(
            raw.first?.parameters == [
                Parameter(name: "X-P", values: ["a,b"]), Parameter(name: "VALUE", values: ["text"]),
            ])
        #expect(raw.first?.valueType == "text")
        #expect(raw.first?.value == "x\\,y")
        #expect(raw.first?.line == 3)
    }

    @Test func legacyCharsetHintBecomesTheFallback() throws {
        // cp1253 "Βαγγέλης" without CHARSET, and one LABEL declaring Windows-1253.
        let greek: [UInt8] = [0xC2, 0xE1, 0xE3, 0xE3, 0xDD, 0xEB, 0xE7, 0xF2]
        let bytes =
            Array("BEGIN:VCARD\nVERSION:2.1\nFN:".utf8) + greek
            + Array("\nLABEL;CHARSET=Windows-1253:x\nEND:VCARD\n".utf8)
        let result = try Reading.read(bytes: bytes)
        #expect(result.contacts.first?.name?.full == "Βαγγέλης")
        #expect(result.report.encoding == "windows-1253")
    }

    @Test func flavors() throws {
        let apple = try Reading.read("BEGIN:VCARD\nVERSION:3.0\nPRODID:-//Apple Inc.//iOS 17//EN\nEND:VCARD\n")
        #expect(apple.report.flavor == "vcard-3.0/apple")
        let mixed = try Reading.read(
            "BEGIN:VCARD\nVERSION:2.1\nX-ANDROID-CUSTOM:x\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n")
        #expect(mixed.report.flavor == "vcard-mixed/android")
        #expect(try Reading.read("BEGIN:VCARD\nFN:a\nEND:VCARD\n").report.flavor == "vcard-unknown/generic")
    }

    @Test func sniffing() {
        func sniff(_ text: String, _ path: String = "x") -> Int { VCardReader.sniff(Array(text.utf8)[...], path: path) }
        #expect(sniff("BEGIN:VCARD\r\nVERSION:3.0\r\n") >= 95)
        #expect(sniff("\n\nbegin:vcard\n", "a.vcf") == 100)
        #expect(sniff("ENCODING:UTF-8\nBEGIN:VCARD\n") >= 95)
        #expect(sniff("Name,Email\nA,a@b.c\n") == 0)
        #expect(sniff("Name,Email\n", "a.vcf") == 20)
    }

    @Test func groupCards() throws {
        let text = """
            BEGIN:VCARD
            VERSION:4.0
            KIND:group
            FN:The Doe family
            MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af
            MEMBER:urn:uuid:b8767877-b4a1-4c70-9acc-505d3819e519
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            X-ADDRESSBOOKSERVER-KIND:group
            X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:uid1
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            X-ABShowAs:COMPANY
            ORG:Acme
            END:VCARD

            """
        let contacts = try Reading.read(text).contacts
        #expect(contacts.map(\.kind) == [.group, .group, .org])
        #expect(contacts[0].members.count == 2)
        #expect(contacts[1].members.map(\.value) == ["urn:uuid:uid1"])
    }
}
