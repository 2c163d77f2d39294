import KithModel
import KithTestSupport
import Testing

@testable import KithCSV

/// Hand-written fixtures for the layouts the corpus lacks, built from FORMATS.md's headers
/// (Fixtures/csv/). Expected values are read off the fixture text.
@Suite struct FixtureLayoutTests {
    @Test func googleCurrentLayout() throws {
        let result = try CSVReading.fixture("csv/google.csv")
        #expect(result.report.flavor == "csv/google")
        #expect(result.report.records == 4)
        let c = result.contacts
        // Row 1: María José García López.
        #expect(c[0].line == 2)
        #expect(c[0].name?.given == ["María José"])
        #expect(c[0].name?.surname == ["García López"])
        #expect(c[0].organizations.map(\.name) == ["Acme Corp"])
        #expect(c[0].organizations.first?.units == ["R&D"])
        #expect(c[0].titles.map(\.value) == ["Engineer"])
        #expect(c[0].dates.map(\.date) == [PartialDate(year: 1980, month: 4, day: 15)])
        #expect(c[0].notes.map(\.value) == ["Met at \"RustConf\"\nLikes tea"])
        #expect(c[0].categories.map(\.value) == ["myContacts", "Friends"])
        #expect(c[0].emails.map(\.raw) == ["maria@acme.example", "mj@mail.example", "mjg@other.example"])
        #expect(c[0].emails.map(\.meta.pref) == [1, nil, nil])  // "* Work" marks the primary
        #expect(c[0].emails.map(\.meta.types) == [["work"], ["home"], ["home"]])
        #expect(c[0].emails.map(\.meta.label) == ["Work", "Home", "Home"])
        #expect(c[0].phones.map(\.raw) == ["+34 600 123 456"])
        #expect(c[0].phones.first?.meta.types == ["cell"])
        let address = try #require(c[0].addresses.first)
        #expect(address.formatted == "Calle Mayor 1\n28013 Madrid\nSpain")
        #expect([address.street, address.locality, address.postalCode, address.country] == ["Calle Mayor 1", "Madrid", "28013", "Spain"])
        #expect(address.meta.types == ["home"])
        #expect(c[0].links.map(\.uri) == ["https://example.org/mj"])
        // Row 2 (starts on line 6: row 1 spans lines 2–5).
        #expect(c[1].line == 6)
        #expect(c[1].name?.suffixes == ["Jr."])
        #expect(c[1].nicknames.map(\.value) == ["Bob"])
        #expect(c[1].dates.first?.date == PartialDate(month: 12, day: 24))  // --12-24
        #expect(c[1].dates.first?.raw == "--12-24")
        #expect(c[1].categories.map(\.value) == ["myContacts", "starred"])
        #expect(c[1].media.map(\.uri) == ["https://lh3.googleusercontent.com/contacts/abc123"])
        #expect(c[1].phones.map(\.raw) == ["+1 650-555-0100", "+1 650-555-0101", "+1 650-555-0199"])
        #expect(c[1].phones.map(\.meta.pref) == [nil, nil, 1])
        // Row 3: an organization only.
        #expect(c[2].name?.sortAs == "Example GmbH")
        #expect(c[2].organizations.map(\.name) == ["Example GmbH"])
        #expect(c[2].emails.map(\.raw) == ["info@example.de"])
        #expect(c[2].emails.first?.meta.label == "Other")
        // Row 4: phonetic names, a custom phone label.
        #expect(c[3].name?.phoneticGiven == "ゆき")
        #expect(c[3].name?.phoneticSurname == "さとう")
        #expect(c[3].phones.first?.meta.label == "Satellite")
        #expect(c[3].phones.first?.meta.types == [])
        #expect(c[3].categories.map(\.value) == ["Family", "myContacts"])
        #expect(c.allSatisfy { $0.unmapped.isEmpty })
    }

    @Test func outlookEnglishTemplate() throws {
        let result = try CSVReading.fixture("csv/outlook.csv")
        #expect(result.report.flavor == "csv/outlook")
        #expect(result.report.encoding == "windows-1252")
        #expect(result.report.records == 3)
        let c = result.contacts
        let hans = c[0]
        #expect(hans.name?.prefixes == ["Dr."])
        #expect(hans.name?.given == ["Hans"])
        #expect(hans.name?.additional == ["Peter"])
        #expect(hans.name?.surname == ["Müller"])
        #expect(hans.organizations.first?.name == "Contoso Ltd.")
        #expect(hans.organizations.first?.units == ["Sales"])
        #expect(hans.titles.map(\.value) == ["Sales Manager"])
        let work = try #require(hans.addresses.first)
        #expect(work.street == "One Microsoft Way\nBuilding 7")  // Business Street + Street 2
        #expect([work.locality, work.region, work.postalCode, work.country] == ["Redmond", "WA", "98052", "United States"])
        #expect(work.meta.types == ["work"])
        #expect(hans.phones.map(\.raw) == ["(425) 555-0100", "(425) 555-0199"])
        #expect(hans.phones.map(\.meta.types) == [["work"], ["cell"]])
        #expect(hans.dates.map(\.date) == [PartialDate(year: 1980, month: 4, day: 15)])  // 4/15/1980, US order
        #expect(hans.dates.map(\.kind) == [.birth])  // Anniversary 0/0/00 is no date
        #expect(hans.categories.map(\.value) == ["Business", "VIP"])
        #expect(hans.emails.map(\.raw) == ["hans.mueller@contoso.example"])
        #expect(hans.unmappedValue(column: "E-mail Display Name") == "Hans Müller (hans.mueller@contoso.example)")
        #expect(hans.notes.map(\.value) == ["Prefers phone calls.\r\nAssistant: Anna"])
        #expect(hans.links.map(\.uri) == ["http://www.contoso.example/"])
        #expect(hans.gender == nil)  // "Unspecified"
        #expect(hans.unmappedValue(column: "Initials") == "H.P.M.")
        let jane = c[1]
        #expect(jane.emails.map(\.raw) == ["jane@fabrikam.example"])  // the EX address is not an email
        #expect(jane.unmappedValue(column: "E-mail Address")?.hasPrefix("/o=ExchangeLabs/") == true)
        #expect(result.report.diagnostics.contains { $0.code == "csv.outlook.exchange-address" && $0.record == 1 })
        #expect(jane.dates.map(\.date) == [PartialDate(year: 2005, month: 6, day: 1), PartialDate(year: 1975, month: 12, day: 31)])
        #expect(jane.dates.map(\.kind) == [.wedding, .birth])
        #expect(jane.related.map(\.value) == ["John Doe"])
        #expect(jane.related.first?.relations == ["spouse"])
        #expect(jane.gender?.value == "Female")
        #expect(jane.addresses.first?.meta.types == ["home"])
        let fabrikam = c[2]
        #expect(fabrikam.name == nil)
        #expect(fabrikam.organizations.map(\.name) == ["Fabrikam, Inc."])
        #expect(fabrikam.phones.map(\.raw) == ["+1 (800) 555-0124", "+1 (800) 555-0123"])
        #expect(fabrikam.addresses.first?.poBox == "PO Box 42")
        #expect(fabrikam.addresses.first?.locality == "Seattle")
    }

    @Test func outlookDotCom() throws {
        let result = try CSVReading.fixture("csv/outlook-com.csv")
        #expect(result.report.flavor == "csv/outlook-com")
        #expect(result.report.records == 3)
        let aiko = result.contacts[0]
        #expect(aiko.name?.prefixes == ["Ms."])
        #expect(aiko.name?.phoneticGiven == "アイコ")
        #expect(aiko.name?.phoneticSurname == "タナカ")
        #expect(aiko.nicknames.map(\.value) == ["Ai"])
        #expect(aiko.emails.map(\.raw) == ["aiko@example.jp", "aiko.tanaka@work.example"])
        #expect(aiko.phones.map(\.raw) == ["+81 90-1234-5678"])
        #expect(aiko.onlineServices.map(\.user) == ["aiko@im.example"])
        #expect(aiko.dates.map(\.date) == [PartialDate(year: 1992, month: 3, day: 9)])
        #expect(aiko.links.map(\.uri) == ["https://aiko.example"])
        #expect(aiko.links.first?.meta.types == ["home"])
        #expect(aiko.unmappedValue(column: "Schools") == "Tokyo University of the Arts")
        #expect(aiko.unmappedValue(column: "Office Location") == "Tokyo 3F")
        #expect(aiko.notes.map(\.value) == ["Prefers LINE, then email"])
        let carlos = result.contacts[1]
        #expect(carlos.addresses.first?.street == "Av. Siempre Viva 742")
        #expect(carlos.addresses.first?.country == "Argentina")
        #expect(carlos.dates.first?.kind == .wedding)
        #expect(carlos.dates.first?.date == PartialDate(year: 2010, month: 11, day: 20))
        #expect(carlos.related.map(\.value) == ["Lucía"])
        #expect(result.contacts[2].organizations.map(\.name) == ["Northwind Traders"])
    }

    @Test func linkedInConnections() throws {
        let result = try CSVReading.fixture("csv/linkedin.csv")
        #expect(result.report.flavor == "csv/linkedin")
        #expect(result.report.records == 3)
        #expect(result.report.diagnostics.contains { $0.code == "csv.preamble" && $0.line == 1 })
        let c = result.contacts
        // The preamble (3 lines) and the header are not data rows: index counts from 0.
        #expect(c.map(\.ref.index) == [0, 1, 2])
        #expect(c.map(\.line) == [5, 6, 7])
        #expect(c[0].name?.given == ["Zoë"])
        #expect(c[0].organizations.map(\.name) == ["Acme, Inc."])
        #expect(c[0].titles.map(\.value) == ["Head of Growth"])
        #expect(c[0].links.map(\.uri) == ["https://www.linkedin.com/in/zoe-dupont-123"])
        #expect(c[0].emails.isEmpty)
        let connected = try #require(c[0].unmapped.first { $0.name == "X-CSV-CONNECTED-ON" })
        #expect(connected.value == "22 Dec 2025")
        #expect(connected.parameters.contains(Parameter(name: "X-DATE", values: ["2025-12-22"])))
        #expect(c[1].name?.surname == ["O'Brien"])
        #expect(c[1].emails.map(\.raw) == ["liam.obrien@example.ie"])
        #expect(c[2].unmappedValue(column: "Connected On") == "15 Aug 2019")
    }

    @Test func yahoo() throws {
        let result = try CSVReading.fixture("csv/yahoo.csv")
        #expect(result.report.flavor == "csv/yahoo")
        #expect(result.report.records == 3)
        let emily = result.contacts[0]
        #expect(emily.name?.given == ["Emily"])
        #expect(emily.nicknames.map(\.value) == ["Em"])
        #expect(emily.emails.map(\.raw) == ["emily.clark@yahoo.example", "em@clark.example"])
        #expect(emily.phones.map(\.raw) == ["555-201-0000", "555-867-5309"])  // Home, Mobile
        #expect(emily.phones.map(\.meta.types) == [["home"], ["cell"]])
        #expect(emily.titles.map(\.value) == ["Teacher"])  // Yahoo's Title is the job title
        #expect(emily.name?.prefixes == [])
        #expect(emily.addresses.first?.street == "742 Evergreen Terrace")
        #expect(emily.addresses.first?.postalCode == "97403")
        #expect(emily.dates.first?.date == PartialDate(year: 1985, month: 7, day: 4))
        #expect(emily.notes.map(\.value) == ["Book club, 2nd Tuesday"])
        #expect(emily.categories.map(\.value) == ["Friends"])
        #expect(emily.onlineServices.map { [$0.service, $0.user] } == [["skype", "emily.clark85"]])
        #expect(emily.unmappedValue(column: "Custom 1") == "Allergic to cats")
        let raj = result.contacts[1]
        #expect(raj.addresses.first?.street == "1 Market St, Suite 300")
        #expect(raj.addresses.first?.meta.types == ["work"])
        #expect(raj.onlineServices.map { [$0.service, $0.user] } == [["yahoo", "rajpatel_y"]])
        #expect(result.contacts[2].emails.map(\.raw) == ["newsletter@shop.example"])
    }
}
