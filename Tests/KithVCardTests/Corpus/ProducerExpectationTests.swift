import KithIO
import KithModel
import KithTestSupport
import Testing

/// Values the producers' own test suites expect, as MANIFEST.md records them: ez-vcard
/// `SampleVCardsTest.java`, FolkerKinzel `VcfTests`/`AnsiFilterTests`/`LabelIssueTests`,
/// roundcube `VCardTest.php`, tine20 `VCardTest.php`, Thunderbird `addressbook.json`,
/// KContacts `.ref` files, EDS `README`, Radicale, calcard and Apple CalendarServer samples.
@Suite(requiresCorpus) struct ProducerExpectationTests {
    // MARK: ez-vcard

    @Test func androidExport() throws {
        let result = try Reading.corpus("vcard/ez-vcard/John_Doe_ANDROID.vcf")
        #expect(result.contacts.count == 6)
        #expect(result.contacts.first?.emails.first?.address == "john.doe@company.com")
        // The QP-decoded family name "Ñ Ñ Ñ Ñ " (with its trailing space).
        #expect(result.contacts.contains { $0.name?.surname == ["Ñ Ñ Ñ Ñ "] })
        #expect(result.contacts.contains { $0.phones.contains { $0.raw == "123456789" } })
    }

    @Test func blackBerry() throws {
        let card = try Reading.card("vcard/ez-vcard/John_Doe_BLACK_BERRY.vcf")
        #expect(card.name?.full == "John Doe")
        #expect(card.name?.surname == ["Doe"])
        #expect(card.name?.given == ["john"])
        #expect(card.phones.first?.raw == "+96123456789")
        #expect(card.organizations.first?.name == "Acme Solutions")
    }

    @Test func evolution() throws {
        let card = try Reading.card("vcard/ez-vcard/John_Doe_EVOLUTION.vcf")
        let name = try #require(card.name)
        #expect(name.surname == ["Doe"])
        #expect(name.given == ["John"])
        #expect(name.additional == ["Richter, James"])
        #expect(name.prefixes == ["Mr."])
        #expect(name.suffixes == ["Sr."])
        #expect(name.full == "Mr. John Richter, James Doe Sr.")
        #expect(card.organizations.first?.name == "IBM")
        #expect(card.organizations.first?.units == ["Accounting", "Dungeon"])
        let address = try #require(card.addresses.first)
        #expect(address.poBox == "ASB-123")
        #expect(address.street == "15 Crescent moon drive")
        #expect(address.locality == "Albaney")
        #expect(address.region == "New York")
        #expect(address.postalCode == "12345")
    }

    @Test func gmail() throws {
        let card = try Reading.card("vcard/ez-vcard/John_Doe_GMAIL.vcf")
        #expect(card.name?.full == "Mr. John Richter, James Doe Sr.")
        #expect(card.emails.map(\.address) == ["john.doe@ibm.com"])
        #expect(card.phones.map(\.raw) == ["905-555-1234", "905-666-1234"])
        #expect(card.dates.contains { $0.kind == .wedding && $0.meta.label == "Anniversary" })
    }

    @Test func iPhone() throws {
        let result = try Reading.corpus("vcard/ez-vcard/John_Doe_IPHONE.vcf")
        let card = try #require(result.contacts.first)
        #expect(card.producer == "-//Apple Inc.//iOS 5.0.1//EN")
        #expect(card.name?.surname == ["Doe"])
        #expect(card.name?.given == ["John"])
        #expect(card.name?.full == "Mr. John Richter James Doe Sr.")
        #expect(card.nicknames.map(\.value) == ["Johny"])
        #expect(card.media.first?.mediaType == "image/jpeg")
        #expect(result.report.flavor == "vcard-3.0/apple")
    }

    @Test func gmailList() throws {
        let contacts = try Reading.corpus("vcard/ez-vcard/gmail-list.vcf").contacts
        #expect(contacts.map { $0.name?.full } == ["Arnold Smith", "Chris Beatle", "Doug White"])
        #expect(
            contacts.map { $0.emails.first?.address } == [
                "asmithk@gmail.com", "chrisy55d@yahoo.com", "dwhite@gmail.com",
            ])
    }

    @Test func gmailSingle() throws {
        let card = try Reading.card("vcard/ez-vcard/gmail-single.vcf")
        #expect(card.name?.full == "Greg Dartmouth")
        #expect(card.nicknames.map(\.value) == ["Gman"])
        #expect(card.emails.first?.address == "gdartmouth@hotmail.com")
        #expect(card.phones.map(\.raw) == ["555 555 1111", "555 555 2222"])
        #expect(card.phones.last?.meta.label == "GRAND_CENTRAL")
        #expect(card.notes.first?.value.contains("\n") == true)
    }

    @Test func gmailSingle2() throws {
        let card = try Reading.card("vcard/ez-vcard/gmail-single2.vcf")
        #expect(card.name?.full == "VCard Test")
        #expect(card.nicknames.map(\.value) == ["TheNickname"])
        #expect(card.emails.count == 5)
        #expect(card.phones.first?.raw == "5555551111")
        #expect(card.dates.contains { $0.raw == "1930-03-20" })
    }

    @Test func fullContact() throws {
        let card = try Reading.card("vcard/ez-vcard/fullcontact.vcf")
        #expect(card.name?.surname == ["LastName"])
        #expect(card.name?.given == ["FirstName"])
        #expect(card.name?.additional == ["MiddleName"])
        #expect(card.name?.prefixes == ["Prefix"])
        #expect(card.name?.suffixes == ["Suffix"])
        #expect(card.phones.map(\.raw) == (1...9).map { "555-555-111\($0)" })
        #expect(
            card.emails.map(\.address) == ["home", "work", "school", "other", "custom"].map { "\($0)@example.com" })
    }

    /// RFC 6350 §8: `BDAY:--0203`, `TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102`.
    @Test func rfc6350Example() throws {
        let card = try Reading.card("vcard/ez-vcard/rfc6350-example.vcf")
        let birthday = try #require(card.dates.first { $0.kind == .birth })
        #expect(birthday.date == PartialDate(month: 2, day: 3))
        let anniversary = try #require(card.dates.first { $0.kind == .wedding })
        #expect(
            anniversary.date
                == PartialDate(year: 2009, month: 8, day: 8, hour: 14, minute: 30, second: 0, utcOffsetMinutes: -300))
        #expect(card.phones.first?.raw == "+1-418-656-9254;ext=102")
        #expect(card.phones.first?.meta.types == ["work", "voice"])
        #expect(card.phones.first?.meta.pref == 1)
    }

    // MARK: FolkerKinzel

    @Test(arguments: ["AnsiIssue.vcf", "AnsiIssueNoEncoding.vcf"])
    func ansiStreet(_ file: String) throws {
        let card = try Reading.card("vcard/folkerkinzel-vcards/" + file)
        #expect(card.addresses.first?.street == "Lämmerweg 12")
    }

    @Test func labelIssue() throws {
        let card = try Reading.card("vcard/folkerkinzel-vcards/LabelIssue.vcf")
        #expect(card.addresses.map(\.street) == ["Business-Straße 19", "Freizeitweg 4", "Sonstgasse 44"])
        for address in card.addresses {
            #expect(address.formatted?.contains(address.street) == true)
        }
    }

    @Test(arguments: [
        ("MultiAnsiFilterTests-German.vcf", "Sören Täve Nüßlebaum"),
        ("MultiAnsiFilterTests-Greek.vcf", "Βαγγέλης"),
        ("MultiAnsiFilterTests-Ukrainian.vcf", "Віталій Володимирович Кличко"),
        ("MultiAnsiFilterTests-Murks.vcf", "Sören Täve Nüßlebaum"),
        ("MultiAnsiFilterTests-utf-8.vcf", "孔夫子"),
        ("Utf-8-Greek.vcf", "Βαγγέλης"),
        ("Utf-8-Hebrew.vcf", "אפרים קישון"),
        ("Utf-8-Ukrainian.vcf", "Віталій Володи́мирович Кличко́"),
    ])
    func formattedNames(_ file: String, _ expected: String) throws {
        #expect(try Reading.card("vcard/folkerkinzel-vcards/" + file).name?.full == expected)
    }

    /// Hebrew cp1255 without any hint cannot be recovered: the cp1252 fallback must not claim it.
    @Test func hebrewWithoutHint() throws {
        #expect(
            try Reading.card("vcard/folkerkinzel-vcards/MultiAnsiFilterTests-Hebrew.vcf").name?.full != "אפרים קישון")
    }

    @Test func encodings() throws {
        let utf16 = try Reading.corpus("vcard/folkerkinzel-vcards/MultiAnsiFilterTests-v3Utf16Bom.vcf")
        #expect(utf16.contacts.count == 2)
        #expect(utf16.report.encoding == "utf-16le")
        let ansi = try Reading.corpus("vcard/folkerkinzel-vcards/MultiAnsiFilterTests-v3Ansi.vcf")
        #expect(ansi.contacts.count == 2)
        #expect(ansi.report.encoding == "windows-1252")
        let empty = try Reading.corpus("vcard/folkerkinzel-vcards/Empty.vcf")
        #expect(empty.contacts.isEmpty)
    }

    @Test func outlookPhotoMediaType() throws {
        #expect(try Reading.card("vcard/folkerkinzel-vcards/Outlook_v2.vcf").media.first?.mediaType == "image/jpeg")
        #expect(try Reading.card("vcard/folkerkinzel-vcards/WhatsAppIssue.vcf").name?.given == ["zzMad Perla 45"])
    }

    // MARK: roundcube

    @Test func roundcubeJohnDoe() throws {
        let card = try Reading.card("vcard/roundcube/johndoe.vcf")
        #expect(card.name?.full == "John Doë")
        #expect(card.organizations.first?.name == "roundcube.net")
        #expect(card.emails.first { $0.meta.pref == 1 }?.address == "roundcube@gmail.com")
        #expect(card.phones.first { $0.meta.has("cell") }?.raw == "+987654321")
        #expect(card.notes.map(\.value) == ["The notes..."])
    }

    /// The Bat! writes QP latin-2 without CHARSET: the configured fallback decides.
    @Test func theBatWithLatin2Fallback() throws {
        let bytes = try TestPaths.bytes(TestPaths.corpusFile("vcard/roundcube/thebat.vcf"))
        let decoder = TextDecoder(fallback: .singleByte(.iso88592))
        let result = try Reading.read(bytes: bytes, path: "thebat.vcf", decoder: decoder)
        #expect(result.contacts.first?.name?.surname == ["Iksiński"])
    }

    @Test func roundcubeSamples() throws {
        #expect(try Reading.card("vcard/roundcube/utf-16_sample.vcf").name?.full == "Ǽgean ĽdaMonté")
        let photo = try Reading.card("vcard/roundcube/photo.vcf")
        #expect(photo.name?.surname == ["Müller"])
        // "/9j/4AAQSkZJRgABAQA" is base64 of FF D8 FF E0 00 10 'J' 'F' 'I' 'F' 00 01 01 00.
        #expect(
            photo.media.first?.data?.prefix(14).elementsEqual([
                0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00,
            ]) == true)
        let apple = try Reading.card("vcard/roundcube/apple.vcf")
        #expect(apple.kind == .org)
        #expect(apple.name?.full == "Apple Computer AG")
        #expect(apple.links.first?.meta.label == "HomePage")
        #expect(apple.links.first?.uri.hasPrefix("http://") == true)
        #expect(apple.addresses.first?.countryCode == "CH")
    }

    // MARK: tine20

    @Test func tine() throws {
        let falk = try Reading.card("vcard/tine20/HerrFalkMuenchen.vcf")
        #expect(falk.name?.surname == ["München"])
        #expect(falk.addresses.contains { $0.locality == "Düsseldorf" })
        #expect(try Reading.card("vcard/tine20/HerrStephanLaunig.vcf").name?.surname == ["Läunig"])
        // tine20 composes n_fn "Hans Müller" from N (the FN says "Hans Müller - Mein Schiff").
        let umlaut = try Reading.card("vcard/tine20/contactUmlaut.vcf")
        #expect(umlaut.name?.given == ["Hans"])
        #expect(umlaut.name?.surname == ["Müller"])
        #expect(try Reading.card("vcard/tine20/without_N_property.vcf").name?.full == "Hans Müller")
        let contacts = try Reading.corpus("vcard/tine20/contacts.vcf").contacts
        #expect(contacts.count == 2)
        let first = try #require(contacts.first)
        #expect(first.phones.first { $0.meta.has("home") }?.raw == "+49732121258035")
        #expect(first.notes.map(\.value) == ["mitbewohner"])
        #expect(first.addresses.first?.street == "Eisenhüttenstraße 723")
        #expect(first.links.first?.uri == "http://www.vcard.de")
    }

    // MARK: Thunderbird

    @Test(arguments: ["basic_vcard_addressbook.vcf", "emptylines_vcard_addressbook.vcf"])
    func thunderbirdBasic(_ file: String) throws {
        let contacts = try Reading.corpus("vcard/thunderbird/" + file).contacts
        #expect(
            contacts.map { $0.emails.first?.address } == [
                "john.doe@genericemail.invalid", "jane.doe@genericemail.invalid",
            ])
        #expect(contacts.map(\.displayName) == ["John Doe", "Jane Doe"])
    }

    @Test func thunderbirdDOS() throws {
        let card = try Reading.card("vcard/thunderbird/dos_vcard_addressbook.vcf")
        #expect(card.name?.full == "Name Surname")
        #expect(card.name?.given == ["Name"])
        #expect(card.name?.surname == ["Surname"])
        #expect(card.emails.first?.address == "example@gmail.com")
    }

    /// A bare CR inside a value stays in the value.
    @Test func thunderbirdBareCarriageReturn() throws {
        let card = try Reading.card("vcard/thunderbird/export.vcf", 1)
        #expect(card.unmapped.first { $0.name == "X-CUSTOM3" }?.value == "custom\r3")
        #expect(card.notes.first?.value.hasSuffix("…") == true)
    }

    // MARK: KContacts, Evolution, Radicale, calcard, Apple CalendarServer

    @Test func kcontacts() throws {
        #expect(try Reading.card("vcard/kcontacts/vcard8.vcf").notes.first?.value.contains("\n") == true)
        let soft = try Reading.corpus("vcard/kcontacts/vcard10.vcf").contacts
        // vcard10.vcf.ref: `ADR;TYPE=work:;;DDDDDDDDDDDDDDD-Staße 2\n00000 DDDDDDDDDD;;;;`.
        #expect(soft.first?.addresses.first?.street == "DDDDDDDDDDDDDDD-Staße 2\n00000 DDDDDDDDDD")
        let labelled = try Reading.card("vcard/kcontacts/vcard15.vcf")
        #expect(labelled.links.first?.meta.label != nil)
        let cyrillic = try Reading.card("vcard/kcontacts/vcard9.vcf")
        #expect(cyrillic.notes.first?.value.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } == true)
        #expect(cyrillic.notes.first?.value.contains("\u{FFFD}") == false)
    }

    @Test func evolutionParser() throws {
        #expect(try Reading.card("vcard/evolution-eds/vcard-parser-5.vcf").name?.full == "十城目管理大型知座")
        let bruening = try Reading.card("vcard/evolution-eds/vcard-parser-12.vcf")
        #expect(bruening.name?.full == "Michael Brüning")
        #expect(bruening.addresses.first?.street == "Münsterplatz 21")
    }

    @Test func placeholderYear() throws {
        let card = try Reading.card("vcard/radicale/contact4-with-bday-no-year.vcf")
        let birthday = try #require(card.dates.first)
        #expect(birthday.date == PartialDate(month: 1, day: 1))
        #expect(birthday.rule == "placeholder-year-1604")
        #expect(birthday.raw == "16040101")
    }

    @Test func calcardEscapedCommasAndLists() throws {
        let card = try Reading.card("vcard/calcard/048.vcf")
        let name = try #require(card.name)
        #expect(name.full == "Mr. John Q. Public, Esq.")
        #expect(name.additional == ["Quinlan"])
        // The second N (with the lists "Philip,Paul" and "Jr.,M.D.,A.C.P.") is kept verbatim.
        #expect(card.unmapped.first { $0.name == "N" }?.value == "Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P.")
        #expect(card.nicknames.map(\.value) == ["Robbie", "Jim", "Jimmie"])
    }

    @Test func groups() throws {
        let apple = try Reading.card("vcard/apple-ccs-calendarserver/home3-3.vcf")
        #expect(apple.kind == .group)
        #expect(apple.members.map(\.value) == ["urn:uuid:uid4", "urn:uuid:uid6"])
        let rfc = try Reading.corpus("vcard/calcard/rfc.vcf").contacts
        let members = rfc.filter { $0.kind == .group }.flatMap { $0.members.map(\.value) }
        #expect(members.contains("urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af"))
        #expect(members.contains("mailto:subscriber1@example.com"))
        #expect(members.contains("tel:+1-418-555-5555"))
        #expect(
            try Reading.card("vcard/apple-ccs-calendarserver/FCBA0FA3-00B2-4C95-B4EC-4CCC4843F8B1.vcf").kind == .org)
    }

    @Test func photoWithEmbeddedSpaces() throws {
        let card = try Reading.card("vcard/apple-ccs-calendarserver/934731C6-1C95-4C40-BE1F-FA4215B2307B.vcf")
        #expect(card.media.first?.mediaType == "image/jpeg")
        #expect(card.addresses.first?.countryCode == "US")
    }

    @Test func nextcloudEscapedDataURI() throws {
        let card = try Reading.card("vcard/folkerkinzel-vcards/NextCloudPhotoIssue3.vcf")
        #expect(card.media.first?.mediaType == "image/png")
        #expect((card.media.first?.data?.count ?? 0) > 1000)
    }
}
