import KithModel
import Testing

@testable import KithVCard

/// Property headers: groups, names, parameters (RFC 6350 §3.3, 2.1 bare parameters, broken ones).
@Suite struct ParameterTests {
    static func header(_ line: String) -> VCardProperty? {
        Array(line.utf8).withUnsafeBufferPointer { bytes in
            PropertyHeaderParser.parse(bytes, line: 1) { String(decoding: $0, as: UTF8.self) }
        }
    }

    @Test func groupNameAndRepeatedTypes() throws {
        let property = try #require(Self.header("item1.EMAIL;type=INTERNET;type=WORK;type=pref:a@b.c"))
        #expect(property.group == "item1")
        #expect(property.name == "EMAIL")
        // Kept as written: three TYPE parameters.
        #expect(property.parameters.map(\.name) == ["TYPE", "TYPE", "TYPE"])
        #expect(property.parameters.flatMap(\.values) == ["INTERNET", "WORK", "pref"])
        #expect(property.valueStart == "item1.EMAIL;type=INTERNET;type=WORK;type=pref:".utf8.count)
    }

    @Test func bareParameters() throws {
        let property = try #require(Self.header("tel;CELL;PREF;QUOTED-PRINTABLE:1"))
        #expect(property.name == "TEL")
        #expect(
            property.parameters == [
                Parameter(name: "TYPE", values: ["CELL", "PREF"]),
                Parameter(name: "ENCODING", values: ["QUOTED-PRINTABLE"]),
            ])
        #expect(property.encoding == .quotedPrintable)
    }

    /// The value starts after the first ':' outside quotes.
    @Test func quotedValues() throws {
        let property = try #require(Self.header("TEL;TYPE=\"COMMA,SEPARATED:INSIDE.DQUOTE\",PREF:1"))
        #expect(property.parameters == [Parameter(name: "TYPE", values: ["COMMA,SEPARATED:INSIDE.DQUOTE", "PREF"])])
        #expect(property.valueStart == "TEL;TYPE=\"COMMA,SEPARATED:INSIDE.DQUOTE\",PREF:".utf8.count)
        let sort = try #require(Self.header("N;SORT-AS=\"a;b\":x"))
        #expect(sort.parameter("SORT-AS") == ["a;b"])
    }

    @Test func brokenParameters() throws {
        #expect(try #require(Self.header("NOPARAM;:x")).headerProblems.count == 1)
        let middle = try #require(Self.header("MIDDLE;PARAM=value;;PARAM2=value2:x"))
        #expect(middle.parameters.map(\.name) == ["PARAM", "PARAM2"])
        let comma = try #require(Self.header("LABEL,TYPE=HOME:x"))
        #expect(comma.name == "LABEL")
        #expect(comma.parameter("TYPE") == ["HOME"])
        let weird = try #require(Self.header("X-GOOGLE TALK;TYPE=WORK:x"))
        #expect(weird.name == "X-GOOGLE TALK")
        #expect(Self.header(";TYPE=a:x") == nil)
        let noColon = try #require(Self.header("FN"))
        #expect(!noColon.hasColon)
    }

    @Test func metadataFromParameters() throws {
        let text =
            "BEGIN:VCARD\nVERSION:4.0\nEMAIL;TYPE=INTERNET,work;PREF=2;LANGUAGE=de;ALTID=1;X-COUCHDB-UUID=\"u\":a@b.c\nEND:VCARD\n"
        let meta = try #require(try Reading.read(text).contacts.first?.emails.first?.meta)
        #expect(meta.types == ["internet", "work"])
        #expect(meta.pref == 2)
        #expect(meta.language == "de")
        #expect(meta.altID == "1")
        #expect(meta.parameters == [Parameter(name: "X-COUCHDB-UUID", values: ["u"])])
        #expect(meta.line == 3)
    }

    @Test func appleGroupsAndLabels() throws {
        let text = """
            BEGIN:VCARD
            VERSION:3.0
            ITEM1.EMAIL;type=INTERNET:a@b.c
            item1.X-ABLABEL:_$!<Other>!$_
            item2.URL:https://example.com
            item2.X-ABLabel:_$!<HomePage>!$_
            item3.ADR;type=HOME:;;1 Main St;Town;;12345;USA
            item3.X-ABADR:us
            item4.X-ABLabel:orphan
            END:VCARD

            """
        let result = try Reading.read(text)
        let card = try #require(result.contacts.first)
        #expect(card.emails.first?.meta.label == "Other")
        #expect(card.emails.first?.meta.group == "ITEM1")
        #expect(card.links.first?.meta.label == "HomePage")
        #expect(card.addresses.first?.countryCode == "US")
        #expect(card.unmapped.map(\.name) == ["X-ABLABEL"])
        #expect(card.unmapped.first?.group == "item4")
    }

    @Test func valueURIsLoseTheirScheme() throws {
        let text =
            "BEGIN:VCARD\nVERSION:4.0\nTEL;VALUE=uri;TYPE=\"voice,home\":tel:+1-555-555-5555;ext=5555\nEMAIL;VALUE=uri:mailto:a@b.c\nEND:VCARD\n"
        let card = try #require(try Reading.read(text).contacts.first)
        #expect(card.phones.first?.raw == "+1-555-555-5555;ext=5555")
        #expect(card.phones.first?.meta.types == ["voice", "home"])
        #expect(card.emails.first?.raw == "mailto:a@b.c")
        #expect(card.emails.first?.address == "a@b.c")
    }
}
