import Foundation
import KithModel
import KithTestSupport
import KithXML
import Testing

/// Hand-written fixtures (Fixtures/xml/) for the layouts the corpus lacks, written from the
/// element lists in shared/FORMATS.md and fbcontactconv's XSLTs; the expected values are read
/// off the fixture text.
@Suite struct FixtureLayoutTests {
    static func read(_ name: String) throws -> XMLRead {
        try XMLTestReading.read(TestPaths.fixture("xml/\(name)"))
    }

    @Test func yealinkRemotePhonebook() throws {
        let read = try Self.read("yealink-remote-phonebook.xml")
        #expect(read.report.flavor == "xml/yealink")
        #expect(read.contacts.map { $0.name?.full } == ["Jürgen Müller", "Oma", "Empfang"])
        #expect(read.contacts.map(\.ref.index) == [0, 1, 2])
        #expect(read.contacts.map(\.line) == [5, 6, 9])
        let jurgen = read.contacts[0]
        #expect(jurgen.phones.map(\.raw) == ["+49 30 1234567", "0171 2345678"])
        #expect(jurgen.phones.map(\.meta.label) == ["Phone1", "Phone2"])
        #expect(jurgen.categories.map(\.value) == ["Familie"])
        #expect(
            jurgen.unmapped.first { $0.name == "X-XML-Unit" }?.parameters
                == [Parameter(name: "default_photo", values: ["Resource:icon_family_b.png"])])
        #expect(read.contacts[2].categories.map(\.value) == ["Büro"])
        #expect(read.contacts[2].phones.map(\.raw) == ["**610"])
    }

    @Test func yealinkLocalContacts() throws {
        let read = try Self.read("yealink-local-contacts.xml")
        #expect(read.report.flavor == "xml/yealink")
        #expect(read.contacts.count == 2)
        let anna = read.contacts[0]
        #expect(anna.name?.full == "Schmidt, Anna")
        #expect(anna.phones.map(\.raw) == ["030 1111111", "0160 2222222"])
        #expect(anna.phones.map(\.meta.types) == [["work"], ["cell"]])
        #expect(anna.categories.map(\.value) == ["All Contacts"])
        let kept = try #require(anna.unmapped.first { $0.name == "X-XML-contact" })
        #expect(kept.parameters.map(\.name) == ["line", "ring", "default_photo", "selected_photo"])
        #expect(read.contacts[1].phones.map(\.meta.types) == [["other"]])
        #expect(read.contacts[1].phones.map(\.raw) == ["0800 333333"])
    }

    @Test func yeastarDirectoryWithSeveralNumbers() throws {
        let read = try Self.read("yeastar-directory.xml")
        #expect(read.report.flavor == "xml/ipphone-directory")
        #expect(read.contacts.first?.name?.full == "Support Hotline")
        #expect(read.contacts.first?.phones.map(\.raw) == ["6001", "+44 20 7946 0000"])
    }

    @Test func grandstreamPhonebook() throws {
        let read = try Self.read("grandstream-phonebook.xml")
        #expect(read.report.flavor == "xml/grandstream")
        #expect(read.contacts.count == 2)
        let klaus = read.contacts[0]
        #expect(klaus.name?.given == ["Klaus"])
        #expect(klaus.name?.surname == ["Weber"])
        #expect(klaus.phones.map(\.raw) == ["089 1234567", "0151 9876543"])
        #expect(klaus.phones.map(\.meta.types) == [["work"], ["cell"]])
        #expect(klaus.phones.first?.meta.parameters.contains(Parameter(name: "accountindex", values: ["1"])) == true)
        // <Group>2</Group> names the <pbgroup> with id 2.
        #expect(klaus.categories.map(\.value) == ["Kunden"])
        #expect(klaus.unmapped.first { $0.name == "X-XML-Frequent" }?.value == "0")
        let pizzeria = read.contacts[1]
        #expect(pizzeria.name?.surname == ["Pizzeria Roma"])
        #expect(pizzeria.name?.given == [])
        #expect(pizzeria.phones.map(\.meta.types) == [["other"]])
    }

    @Test func snomMasterAndMembersAreOneContact() throws {
        let read = try Self.read("snom-tbook.xml")
        #expect(read.report.flavor == "xml/snom")
        #expect(read.report.records == 2)
        let petra = read.contacts[0]
        #expect(petra.ref.index == 0)
        #expect(petra.line == 3)
        #expect(petra.name?.given == ["Petra"])
        #expect(petra.name?.surname == ["Hansen"])
        #expect(petra.phones.map(\.raw) == ["040 123456", "0170 1234567"])
        #expect(petra.phones.map(\.meta.types) == [["work"], ["cell"]])
        // The master's own <number> is only the link key.
        #expect(petra.unmapped.contains { $0.name == "X-XML-number" && $0.value == "040 123456" })
        let office = read.contacts[1]
        #expect(office.ref.index == 1)
        #expect(office.organizations.map(\.name) == ["Zentrale"])
        #expect(office.phones.map(\.raw) == ["1001@pbx.example.com"])
        #expect(office.phones.map(\.meta.types) == [["sip"]])
        #expect(office.categories.map(\.value) == ["favorite"])
    }

    @Test func jfritzPhonebook() throws {
        let read = try Self.read("jfritz-phonebook.xml")
        #expect(read.report.flavor == "xml/jfritz")
        let lena = try #require(read.contacts.first)
        #expect(read.contacts.count == 1)
        #expect(lena.name?.given == ["Lena"])
        #expect(lena.name?.surname == ["Vogel"])
        #expect(lena.phones.map(\.raw) == ["0221 445566", "0221 998877", "0221 998878"])
        #expect(lena.phones.map(\.meta.types) == [["home"], ["work"], ["fax"]])
        // standard="home" marks the home number as the preferred one.
        #expect(lena.phones.map(\.meta.pref) == [1, nil, nil])
        #expect(lena.emails.map(\.raw) == ["lena.vogel@example.de"])
    }

    @Test func gigasetVersion1List() throws {
        let read = try Self.read("gigaset-v1-list.xml")
        #expect(read.report.flavor == "xml/gigaset-v1")
        let tobias = try #require(read.contacts.first)
        #expect(tobias.name?.given == ["Tobias"])
        #expect(tobias.name?.surname == ["Keller"])
        #expect(tobias.phones.map(\.raw) == ["0711 123123", "0711 456456", "0176 7777777"])
        #expect(tobias.phones.map(\.meta.types) == [["home"], ["work"], ["cell"]])
    }

    @Test func windowsContactWithData() throws {
        let read = try Self.read("windows-contact.contact")
        #expect(read.report.flavor == "xml/windows-contact")
        let maria = try #require(read.contacts.first)
        #expect(read.contacts.count == 1)
        #expect(maria.line == 2)
        #expect(maria.uid == "4d8ed3f1-7b6e-4c61-9a3b-2e5f7c8d9a0b")
        #expect(maria.name?.full == "Dr. Maria Anna Lopez")
        #expect(maria.name?.given == ["Maria"])
        #expect(maria.name?.additional == ["Anna"])
        #expect(maria.name?.surname == ["Lopez"])
        #expect(maria.name?.prefixes == ["Dr."])
        #expect(maria.nicknames.map(\.value) == ["Mia"])
        // The second EmailAddress is xsi:nil: a placeholder, skipped.
        #expect(maria.emails.map(\.raw) == ["maria.lopez@example.org"])
        #expect(maria.emails.first?.meta.pref == 1)
        #expect(maria.emails.first?.meta.types == ["work"])
        #expect(maria.emails.first?.meta.parameters.contains(Parameter(name: "Type", values: ["SMTP"])) == true)
        #expect(maria.phones.map(\.raw) == ["+1 425 555 0100", "+1 425 555 0199"])
        #expect(maria.phones.map(\.meta.types) == [["cell"], ["work", "fax"]])
        let address = try #require(maria.addresses.first)
        #expect(address.street == "1 Microsoft Way")
        #expect(address.locality == "Redmond")
        #expect(address.region == "WA")
        #expect(address.postalCode == "98052")
        #expect(address.country == "United States of America")
        #expect(address.meta.types == ["work"])
        #expect(maria.organizations.map(\.name) == ["Contoso Ltd."])
        #expect(maria.organizations.first?.units == ["Research"])
        #expect(maria.titles.map(\.value) == ["Principal Scientist"])
        #expect(maria.unmapped.first { $0.name == "X-XML-PositionCollection/Position/Office" }?.value == "B42/1337")
        #expect(maria.related.map(\.value) == ["Carlos Lopez"])
        #expect(maria.related.first?.relations == ["spouse"])
        let birthday = try #require(maria.dates.first)
        #expect(birthday.kind == .birth)
        #expect(
            birthday.date
                == PartialDate(year: 1980, month: 4, day: 15, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0))
        #expect(maria.links.map(\.uri) == ["https://contoso.example/maria"])
        let photo = try #require(maria.media.first)
        #expect(photo.mediaType == "image/png")
        #expect(photo.data == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(photo.meta.types == ["usertile"])
        #expect(maria.notes.map(\.value) == ["Met at the 2010 conference."])
        #expect(maria.gender?.value == "Female")
        #expect(maria.unmapped.first { $0.name == "X-XML-Mailer" }?.value == "Windows Mail")
        #expect(maria.unmapped.first { $0.name == "X-XML-CreationDate" }?.value == "2011-03-14T09:26:53Z")
        // c:Extended is xsi:nil here: nothing to keep.
        #expect(!maria.unmapped.contains { $0.name.hasPrefix("X-XML-Extended") })
    }
}
