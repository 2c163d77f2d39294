import KithModel
import KithTestSupport
import Testing

@testable import KithCSV

/// Values from MANIFEST.md and the producers' expectation files (`*.expected.vcf`,
/// `addressbook.expected.json`), asserted one by one.
@Suite(requiresCorpus) struct CorpusExpectedValueTests {
    static func only(_ file: String) throws -> Contact {
        let contacts = try CSVReading.corpus(file).contacts
        try #require(contacts.count == 1)
        return contacts[0]
    }

    // MARK: - roundcube gmail.expected.vcf

    @Test func gmailName() throws {
        let card = try Self.only("csv/roundcube/gmail.csv")
        let name = try #require(card.name)
        #expect(name.full == "Prefix Firstname Middle Lastname Suffix")  // FN
        // N:Lastname;Firstname;Middle;Prefix;Suffix
        #expect(name.surname == ["Lastname"])
        #expect(name.given == ["Firstname"])
        #expect(name.additional == ["Middle"])
        #expect(name.prefixes == ["Prefix"])
        #expect(name.suffixes == ["Suffix"])
        #expect(card.nicknames.map(\.value) == ["nick"])  // NICKNAME:nick
    }

    @Test func gmailDatesNotesCategories() throws {
        let card = try Self.only("csv/roundcube/gmail.csv")
        #expect(card.dates.first?.kind == .birth)
        #expect(card.dates.first?.date == PartialDate(year: 1975, month: 12, day: 12))  // BDAY 1975-12-12
        #expect(card.notes.map(\.value) == ["note\"note"])  // NOTE:note"note
        #expect(card.categories.map(\.value) == ["My Contacts", "Test"])  // CATEGORIES:My Contacts,Test
    }

    @Test func gmailEmails() throws {
        let card = try Self.only("csv/roundcube/gmail.csv")
        #expect(card.emails.map(\.raw) == ["home@aaa.pl", "work@email.pl", "unknown@email.com", "other@email.com"])
        #expect(card.emails[0].meta.types == ["home"])  // EMAIL;TYPE=home
        #expect(card.emails[0].meta.pref == 1)  // "* Home": the primary marker
        #expect(card.emails[1].meta.types == ["work"])  // EMAIL;TYPE=work
        #expect(card.emails[2].meta.types == [])  // EMAIL:unknown@email.com
    }

    @Test func gmailPhones() throws {
        let card = try Self.only("csv/roundcube/gmail.csv")
        #expect(card.phones.map(\.raw) == ["pager", "mainphone", "homephone", "homefax", "mobile", "workphone", "workfax"])
        // TEL;TYPE=pager, main, home, homefax, cell, work, workfax
        #expect(card.phones.map(\.meta.types) == [["pager"], ["main"], ["home"], ["home", "fax"], ["cell"], ["work"], ["work", "fax"]])
    }

    @Test func gmailOrganizationLinksRelated() throws {
        let card = try Self.only("csv/roundcube/gmail.csv")
        #expect(card.organizations.map(\.name) == ["company"])  // ORG:company
        #expect(card.titles.map(\.value) == ["jobtitle"])  // TITLE:jobtitle
        #expect(card.links.map(\.uri) == ["test.com", "home.page.com"])  // URL;TYPE=profile / homepage
        #expect(card.links.map(\.meta.label) == ["Profile", "Home Page"])
        #expect(card.related.map(\.value) == ["spouse"])  // X-SPOUSE:spouse
        #expect(card.related.first?.relations == ["spouse"])
    }

    @Test func gmailAddresses() throws {
        let card = try Self.only("csv/roundcube/gmail.csv")
        try #require(card.addresses.count == 2)
        // ADR;TYPE=home:;;home_street;home_city;home_state;home_zip;home_country
        let home = card.addresses[0]
        #expect(home.meta.types == ["home"])
        #expect([home.street, home.locality, home.region, home.postalCode, home.country]
            == ["home_street", "home_city", "home_state", "home_zip", "home_country"])
        // ADR;TYPE=work:;;work_street;work_city;;work_zip;work_country
        let work = card.addresses[1]
        #expect(work.meta.types == ["work"])
        #expect([work.street, work.locality, work.region, work.postalCode, work.country]
            == ["work_street", "work_city", "", "work_zip", "work_country"])
        // The multi-line "Address 1 - Formatted" cell is the formatted form.
        #expect(home.formatted == "home_street\nhome_pobox\nhome_city, home_state home_zip\nhome_country")
    }

    // MARK: - roundcube all.expected.vcf

    @Test func allFields() throws {
        let card = try Self.only("csv/roundcube/all.csv")
        #expect(card.name?.full == "Display Name")
        #expect(card.name?.prefixes == ["Prefix"])  // N:…;Prefix;Suffix — "Title" is the prefix
        #expect(card.emails.map(\.raw) == ["home@example.com", "work@example.com", "other@example.com"])
        #expect(card.emails.map(\.meta.types) == [["home"], ["work"], []])
        #expect(card.dates.map(\.date) == [PartialDate(year: 1991, month: 1, day: 20), PartialDate(year: 1992, month: 2, day: 20)])
        #expect(card.dates.map(\.kind) == [.birth, .wedding])  // BDAY, X-ANNIVERSARY (DD/MM/YYYY)
        #expect(card.gender?.value == "female")  // X-GENDER:female
        #expect(card.notes.map(\.value) == ["Notes"])
        #expect(card.categories.map(\.value) == ["test"])
        #expect(card.onlineServices.first { $0.service == "xmpp" }?.user == "jabber")  // X-JABBER:jabber
        #expect(card.links.map(\.uri) == ["https://blog", "https://home", "https://other", "https://profile", "https://work"])
        #expect(card.phones.count == 13)
        #expect(card.phones.first?.raw == "100")  // TEL;TYPE=home:100
        #expect(card.phones.first?.meta.types == ["home"])
        #expect(card.addresses.map(\.street) == ["Home Street", "Work Street", "Other Street"])
        #expect(card.organizations.first?.units == ["Department"])  // X-DEPARTMENT:Department
    }

    // MARK: - roundcube tb_plain, email, outlook

    @Test func thunderbirdPlain() throws {
        let card = try Self.only("csv/roundcube/tb_plain.csv")
        #expect(card.name?.full == "Displayname")
        #expect(card.name?.surname == ["Lastname"])
        #expect(card.name?.given == ["Firstname"])
        #expect(card.nicknames.map(\.value) == ["Nick"])
        #expect(card.emails.map(\.raw) == ["test@domain.tld", "next@domain.tld"])
        #expect(card.phones.map(\.raw) == ["phone work", "phone home", "fax", "pager", "mobile"])
        #expect(card.dates.first?.date == PartialDate(year: 1970, month: 11, day: 15))  // BDAY 1970-11-15 from Y/M/D
        #expect(card.organizations.first?.name == "Organization")
        #expect(card.organizations.first?.units == ["department"])
        #expect(card.titles.map(\.value) == ["title"])
        #expect(card.links.map(\.uri) == ["http://page.com", "http://webpage.tld"])
        let home = try #require(card.addresses.first)
        #expect([home.street, home.locality, home.region, home.postalCode, home.country]
            == ["Priv address", "City", "region", "xx-xxx", "USA"])
        let work = try #require(card.addresses.last)
        #expect([work.street, work.locality, work.region, work.postalCode, work.country]
            == ["Addr work", "Wcity", "Wstate", "33-333", "Poland"])
    }

    @Test func singleEmailColumn() throws {
        let contacts = try CSVReading.corpus("csv/roundcube/email.csv").contacts
        #expect(contacts.map { $0.emails.map(\.raw) } == [["test1@domain.tld"], ["test2@domain.tld"], ["test3@domain.tld"], ["test4@domain.tld"]])
    }

    @Test func outlookEmailColumns() throws {
        let card = try Self.only("csv/roundcube/outlook.csv")
        #expect(card.emails.map(\.raw) == ["test1@domain.tld", "test2@domain.tld", "test3@domain.tld"])
    }

    // MARK: - Thunderbird addressbook.expected.json

    @Test func utf16() throws {
        let card = try Self.only("csv/thunderbird/utf16_addressbook.csv")  // utf16_csv
        #expect(card.name?.full == "John Doe")
        #expect(card.name?.given == ["John"])
        #expect(card.name?.surname == ["Doe"])
        #expect(card.emails.map(\.raw) == ["johndoe@host.invalid"])
    }

    @Test func shiftJIS() throws {
        let card = try Self.only("csv/thunderbird/shiftjis_addressbook.csv")  // shiftjis_csv
        #expect(card.name?.full == "名無しの権兵衛")
        #expect(card.emails.map(\.raw) == ["名無しの権兵衛@host.invalid"])
    }

    @Test func quotedEmptyFields() throws {
        let card = try Self.only("csv/thunderbird/quote.csv")  // quote_csv
        #expect(card.name?.full == "Acer America")
        #expect(card.organizations.map(\.name) == ["Acer America"])
        #expect(card.phones.map(\.raw) == ["(800) 000-0000"])
        #expect(card.phones.first?.meta.types == ["work"])
        #expect(card.emails.isEmpty && card.unmapped.isEmpty)
    }

    @Test(arguments: [
        "csv/thunderbird/basic_csv_addressbook.csv", "csv/thunderbird/csv_no_header.csv",
        "csv/thunderbird/csv_semicolon.csv",
    ])
    func johnAndJane(file: String) throws {
        // csv_import: John Doe john@doe.invalid, Jane Doe jane@doe.invalid.
        let contacts = try CSVReading.corpus(file).contacts
        #expect(contacts.map { $0.name?.full } == ["John Doe", "Jane Doe"])
        #expect(contacts.map { $0.name?.given ?? [] } == [["John"], ["Jane"]])
        #expect(contacts.map { $0.name?.surname ?? [] } == [["Doe"], ["Doe"]])
        #expect(contacts.map { $0.emails.map(\.raw) } == [["john@doe.invalid"], ["jane@doe.invalid"]])
    }

    @Test func mixedDelimiters() throws {
        // Thunderbird's test reads the fourth row as "4\n4\n4\n4\n4@host.invalid".
        let contacts = try CSVReading.corpus("csv/thunderbird/tab_comma_mixed.csv").contacts
        let fourth = try #require(contacts.last)
        #expect(fourth.name?.given == ["4"])
        #expect(fourth.name?.surname == ["4"])
        #expect(fourth.name?.full == "4")
        #expect(fourth.nicknames.map(\.value) == ["4"])
        #expect(fourth.emails.map(\.raw) == ["4@host.invalid"])
    }

    @Test func thunderbirdExportQuoting() throws {
        // MANIFEST: embedded quotes ("""worker"""), comma, TAB, bare CR and LF inside quoted
        // fields, U+2026.
        for file in ["csv/thunderbird/export.csv", "csv/thunderbird/export-tab.txt"] {
            let second = try #require(try CSVReading.corpus(file).contacts.last)
            #expect(second.titles.map(\.value) == ["\"worker\""])
            #expect(second.unmappedValue(column: "Custom 1") == "custom, 1")
            #expect(second.unmappedValue(column: "Custom 2") == "custom\t2")
            #expect(second.unmappedValue(column: "Custom 3") == "custom\r3")
            #expect(second.unmappedValue(column: "Custom 4") == "custom\n4")
            #expect(second.notes.map(\.value) == ["here's some unicode text\u{2026}"])
        }
    }

    // MARK: - tine20 (MANIFEST notes)

    @Test func tineGoogleContacts() throws {
        let contacts = try CSVReading.corpus("csv/tine20/google_contacts.csv").contacts
        #expect(contacts.count == 5)
        #expect(contacts[0].phones.map(\.raw) == ["+49227913452"])
        #expect(contacts[3].emails.map(\.raw) == ["abc@here.de"])
        #expect(contacts[3].categories.map(\.value) == ["kunden", "My Contacts"])  // "kunden ::: * My Contacts"
        #expect(contacts[4].addresses.first?.street == "Niedersachsen Ring 22")
        #expect(contacts[4].addresses.first?.formatted == "Ring 22\r\nWinsen")
    }

    @Test func germanOutlook2013() throws {
        let contacts = try CSVReading.corpus("csv/tine20/importtest_outlook2013.csv").contacts
        #expect(contacts[0].emails.map(\.raw) == ["c.baumann@unittest.de"])
        #expect(contacts[0].emails.first?.meta.parameters == [Parameter(name: "X-EMAIL-TYPE", values: ["SMTP"])])
        #expect(contacts[0].unmappedValue(column: "E-Mail: Angezeigter Name") == "Christian Baumann - Metaways (c.baumann@metaways.de)")
        // "0.0.00" dates and "Keine Angabe" carry no data.
        #expect(contacts.allSatisfy { $0.dates.isEmpty && $0.gender == nil })
        #expect(contacts[1].name?.surname == ["Weiß"])  // Windows-1252 ß
        #expect(contacts[1].phones.map(\.raw) == ["040 6432131545", "040 6432131545", "0176 164321545"])
        #expect(contacts[1].phones.map(\.meta.types) == [["work"], ["home"], ["cell"]])
    }

    @Test func windows1252Semicolon() throws {
        let contacts = try CSVReading.corpus("csv/tine20/importtest_win1252.csv").contacts
        #expect(contacts.count == 4)
        // Row 3: n_fileas "Üglü, ÖzdemirÖ" (Last, First).
        #expect(contacts[2].name?.surname == ["Üglü"])
        #expect(contacts[2].name?.given == ["ÖzdemirÖ"])
        #expect(contacts[2].emails.map(\.raw) == ["oezdemir@ueglue.tu"])
    }

    @Test func lxOfficeEmailList() throws {
        let contacts = try CSVReading.corpus("csv/tine20/importtest_lxoffice2.csv").contacts
        #expect(contacts[4].emails.map(\.raw) == ["adr1l@googlemail.com", "adr2l@googlemail.com", "adr3l@googlemail.com"])
        #expect(contacts[4].name?.full == "Gartencenter Röhr & Vater")
    }
}
