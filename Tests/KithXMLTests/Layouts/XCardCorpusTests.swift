import Foundation
import KithModel
import KithTestSupport
import KithXML
import Testing

/// corpus xml/ez-vcard/rfc6351-example.xml: the example of RFC 6351 (xCard) §4 / RFC 6350 §8.
@Suite(requiresCorpus) struct XCardCorpusTests {
    @Test func readsTheRFC6351Example() throws {
        let read = try XMLTestReading.read(TestPaths.corpusFile("xml/ez-vcard/rfc6351-example.xml"))
        #expect(read.report.flavor == "xml/xcard")
        #expect(read.contacts.count == 1)
        let card = try #require(read.contacts.first)
        #expect(card.line == 3)
        #expect(card.version == "4.0")
        #expect(card.name?.full == "Simon Perreault")
        #expect(card.name?.surname == ["Perreault"])
        #expect(card.name?.given == ["Simon"])
        #expect(card.name?.additional == [])
        #expect(card.name?.suffixes == ["ing. jr", "M.Sc."])

        let birthday = try #require(card.dates.first { $0.kind == .birth })
        #expect(birthday.raw == "--0203")
        #expect(birthday.date == PartialDate(month: 2, day: 3))
        let anniversary = try #require(card.dates.first { $0.kind == .wedding })
        #expect(anniversary.raw == "20090808T1430-0500")
        #expect(
            anniversary.date
                == PartialDate(year: 2009, month: 8, day: 8, hour: 14, minute: 30, second: 0, utcOffsetMinutes: -300))
        #expect(card.gender?.value == "M")

        #expect(card.organizations.map(\.name) == ["Viagenie"])
        #expect(card.organizations.first?.meta.types == ["work"])

        let address = try #require(card.addresses.first)
        #expect(address.street == "2875 boul. Laurier, suite D2-630")
        #expect(address.locality == "Quebec")
        #expect(address.region == "QC")
        #expect(address.postalCode == "G1V 2M2")
        #expect(address.country == "Canada")
        #expect(address.formatted == "Simon Perreault\n2875 boul. Laurier, suite D2-630\nQuebec, QC, Canada\nG1V 2M2")
        #expect(address.meta.types == ["work"])

        #expect(card.phones.map(\.raw) == ["tel:+1-418-656-9254;ext=102", "tel:+1-418-262-6501"])
        #expect(card.phones.map(\.meta.types) == [["work", "voice"], ["work", "text", "voice", "cell", "video"]])
        #expect(card.emails.map(\.raw) == ["simon.perreault@viagenie.ca"])
        #expect(card.links.map(\.uri) == ["http://nomis80.org"])
        #expect(card.links.first?.meta.types == ["home"])

        // LANG, GEO, KEY and TZ have no field in Kith's model: kept as vCard properties.
        let lang = card.unmapped.filter { $0.name == "LANG" }
        #expect(lang.map(\.value) == ["fr", "en"])
        #expect(lang.map(\.valueType) == ["language-tag", "language-tag"])
        #expect(lang.first?.parameters == [Parameter(name: "PREF", values: ["1"])])
        #expect(card.unmapped.first { $0.name == "GEO" }?.value == "geo:46.766336,-71.28955")
        #expect(card.unmapped.first { $0.name == "KEY" }?.value == "http://www.viagenie.ca/simon.perreault/simon.asc")
        #expect(card.unmapped.first { $0.name == "TZ" }?.value == "America/Montreal")
    }

    @Test func readsGroupsAndSingleVCardRoots() throws {
        let read = try XMLTestReading.read(
            text: """
                <?xml version="1.0"?>
                <vcard xmlns="urn:ietf:params:xml:ns:vcard-4.0">
                  <fn><text>Jane Doe</text></fn>
                  <group name="item1">
                    <email><text>jane@example.com</text></email>
                    <x-ablabel><text>School</text></x-ablabel>
                  </group>
                  <uid><uri>urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1</uri></uid>
                </vcard>
                """)
        let card = try #require(read.contacts.first)
        #expect(card.name?.full == "Jane Doe")
        #expect(card.emails.first?.meta.group == "item1")
        #expect(card.unmapped.first { $0.name == "X-ABLABEL" }?.group == "item1")
        #expect(card.uid == "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1")
    }
}
