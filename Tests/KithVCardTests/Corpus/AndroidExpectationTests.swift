import KithModel
import KithTestSupport
import Testing

/// Values the AOSP vCard tests expect (MANIFEST.md, vcard/android-aosp/, from
/// `VCardImporterTests.java` and `VCardImporterNestTests.java`).
@Suite(requiresCorpus) struct AndroidExpectationTests {
    static let folder = "vcard/android-aosp/"

    @Test func complicated() throws {
        let card = try Reading.card(Self.folder + "v21_complicated.vcf")
        let name = try #require(card.name)
        #expect(name.surname == ["Gump"])
        #expect(name.given == ["Forrest"])
        #expect(name.additional == ["Hoge"])
        #expect(name.prefixes == ["Pos"])
        #expect(name.suffixes == ["Tao"])
        #expect(name.full == "Joe Due")
        #expect(card.organizations.first?.name == "Gump Shrimp Co.")
        #expect(card.organizations.first?.units == ["Sales Dept.;Manager", "Fish keeper"])
        #expect(card.phones.first?.raw == "(111) 555-1212")
        #expect(card.phones.first?.meta.types == ["work", "voice"])
        #expect(card.emails.first?.address == "forrestgump@walladalla.com")
        #expect(card.emails.first?.meta.pref == 1)
        #expect(card.dates.first?.date == PartialDate(year: 1980, month: 1, day: 1))
        #expect(card.links.first?.uri == "http://www.example.com/")
        #expect(card.media.first?.mediaType == "image/jpeg")
    }

    /// The photo without the blank-line terminator decodes to the same JPEG as v21_complicated.
    @Test func base64WithoutBlankLine() throws {
        let card = try Reading.card(Self.folder + "v21_base64_no_2_crlf.vcf")
        let complicated = try Reading.card(Self.folder + "v21_complicated.vcf")
        #expect(card.name?.surname == ["name"])
        #expect(card.name?.full == "fullname")
        #expect(card.media.count == 1)
        #expect(card.media.first?.sha256 != nil)
        #expect(card.media.first?.sha256 == complicated.media.first?.sha256)
    }

    @Test func blackBerryPhoto() throws {
        let card = try Reading.card(Self.folder + "v21_blackberry_photo.vcf")
        #expect(card.name?.full == "boogie")
        #expect(card.phones.map(\.raw) == ["+5555555", "+5555556"])
        #expect(card.phones.map { $0.meta.has("work") } == [true, false])
        #expect(card.phones.map { $0.meta.has("cell") } == [false, true])
        #expect(card.emails.map(\.address) == ["forrestgump@walladalla.com"])
    }

    @Test func nicknameAndGoogleTalk() throws {
        let card = try Reading.card(Self.folder + "v21_im.vcf")
        #expect(card.nicknames.map(\.value) == ["Nick"])
        #expect(card.onlineServices.first?.service == "gtalk")
        #expect(card.onlineServices.first?.user == "hhh@gmail.com")
    }

    @Test func commentLinesIgnoredExceptInsideQuotedPrintable() throws {
        let card = try Reading.card(Self.folder + "v21_invalid_comment_line.vcf")
        #expect(
            card.notes.map(\.value) == ["This is an (sharp ->#<- sharp) example. This message must NOT be ignored."])
    }

    @Test func twoSpaceContinuation() throws {
        let card = try Reading.card(Self.folder + "v21_invalid_multiple_line.vcf")
        #expect(card.emails.first?.raw == "\"Omega\" <omega@example.com>")
        #expect(card.name?.given == ["Omega"])
    }

    @Test func shiftJISRawBytes() throws {
        let card = try Reading.card(Self.folder + "v21_japanese_1.vcf")
        #expect(card.name?.surname == ["安藤ロイド"])
        #expect(card.name?.phoneticSurname == "ｱﾝﾄﾞｳﾛｲﾄﾞ")
        #expect(card.phones.first?.raw == "0300000000")
        #expect(card.phones.first?.meta.types == ["voice"])
        #expect(card.phones.first?.meta.pref == 1)
    }

    @Test func shiftJISQuotedPrintable() throws {
        let card = try Reading.card(Self.folder + "v21_japanese_2.vcf")
        #expect(card.name?.surname == ["安藤"])
        #expect(card.name?.given == ["ロイド1"])
        #expect(card.name?.full == "安藤 ロイド 1")
        let address = try #require(card.addresses.first)
        // AOSP reports the street; the file writes it in the second (extended) component.
        #expect(address.extended + address.street == "東京都渋谷区桜丘町26-1セルリアンタワー6階")
        #expect(address.postalCode == "150-8512")
        #expect(card.notes.map(\.value) == ["メモ"])
    }

    /// 0x5C inside Shift_JIS double-byte characters is not a backslash.
    @Test(arguments: ["v21_japanese_3.vcf", "v30_japanese.vcf"])
    func shiftJISTrailByteIsNotAnEscape(_ file: String) throws {
        let card = try Reading.card(Self.folder + file)
        #expect(card.name?.surname == ["伊能"])
        #expect(card.name?.given == ["圭一"])
        #expect(card.name?.additional == ["伊予"])
        #expect(card.name?.full == "伊能 圭一 伊予")
    }

    @Test func multipleShiftJISEntries() throws {
        let result = try Reading.corpus(Self.folder + "v21_multiple_entry.vcf")
        #expect(result.contacts.count == 3)
        let first = try #require(result.contacts.first)
        #expect(first.name?.surname == ["安藤ロイド3"])
        #expect(first.phones.first?.raw == "9")
        #expect(first.phones.first?.meta.has("x-nec-secret") == true)
        #expect(first.phones.last?.raw == "12")
        #expect(first.phones.last?.meta.types == ["home", "fax"])
    }

    /// AOSP: three entries, the nested ones first, then the parent with its TEL.
    @Test func nestedCards() throws {
        let result = try Reading.corpus(Self.folder + "v21_nest.vcf")
        #expect(result.contacts.map { $0.name?.surname.first } == ["nest1", "nest2", "parent"])
        #expect(result.contacts.last?.phones.map(\.raw) == ["1"])
        #expect(result.codes.contains("vcard.card.nested"))
    }

    @Test func organizationAndTitleOrder() throws {
        let before = try Reading.card(Self.folder + "v21_org_before_title.vcf")
        #expect(before.organizations.first?.name == "Company")
        #expect(before.organizations.first?.units.joined(separator: " ") == "Organization Devision Room Sheet No.")
        #expect(before.titles.map(\.value) == ["Excellent Janitor"])
        let after = try Reading.card(Self.folder + "v21_title_before_org.vcf")
        #expect(after.organizations.map(\.name) == ["Marverous"])
        #expect(after.titles.map(\.value) == ["Cool Title"])
    }

    @Test func preferences() throws {
        let card = try Reading.card(Self.folder + "v21_pref_handling.vcf")
        #expect(card.phones.filter { $0.meta.pref == 1 }.map(\.raw) == ["2"])
        #expect(card.phones.first { $0.raw == "2" }?.meta.has("work") == true)
        #expect(card.emails.allSatisfy { $0.meta.pref == 1 })
        #expect(card.organizations.map(\.name) == ["Company", "Mystery", "Poetry"])
        #expect(card.titles.map(\.value) == ["Engineer", "Blogger", "Poet"])
    }

    @Test func noVersion() throws {
        let first = try Reading.card(Self.folder + "v21_simple_1.vcf")
        #expect(first.name?.surname == ["Ando"])
        #expect(first.name?.given == ["Roid"])
        #expect(first.version == nil)
        #expect(try Reading.card(Self.folder + "v21_simple_2.vcf").name?.full == "Ando Roid")
        #expect(try Reading.card(Self.folder + "v21_simple_3.vcf").displayName == "Ando Roid")
    }

    @Test func sipAddresses() throws {
        let card = try Reading.card(Self.folder + "v21_sip.vcf")
        #expect(card.onlineServices.map(\.user) == ["888", "90-180-360"])
        #expect(card.onlineServices.allSatisfy { $0.service == "sip" })
        let v30 = try Reading.card(Self.folder + "v30_sip.vcf")
        #expect(v30.onlineServices.first?.user == "android@android.example.com")
        #expect(v30.onlineServices.first?.service == "sip")
        #expect(v30.onlineServices.first?.meta.has("personal") == true)
        let v40 = try Reading.card(Self.folder + "v40_sip.vcf")
        #expect(v40.name?.surname == ["安藤"])
        #expect(v40.name?.given == ["ロイド"])
        #expect(v40.phones.map(\.raw) == ["1"])
        #expect(v40.phones.first?.meta.types == ["home"])
        #expect(v40.onlineServices.first?.user == "example@example.com")
    }

    @Test func windowsMobileAnniversary() throws {
        let card = try Reading.card(Self.folder + "v21_winmo_65.vcf")
        let anniversary = try #require(card.dates.first { $0.kind == .wedding })
        #expect(anniversary.date == PartialDate(year: 2009, month: 10, day: 10))
    }

    @Test func androidCustomAfterPhoto() throws {
        let card = try Reading.card(Self.folder + "v21_x_android_custom_after_photo.vcf")
        #expect(card.name?.surname == ["Ando"])
        #expect(card.name?.given == ["Roid"])
        #expect(card.dates.first { $0.kind == .birth }?.date == PartialDate(year: 1975, month: 8, day: 20))
        #expect(card.dates.contains { $0.raw == "1999-07-10" })
        #expect(card.media.count == 1)
    }

    @Test func customTypeParametersBecomeLabels() throws {
        let card = try Reading.card(Self.folder + "v21_x_param.vcf")
        #expect(card.phones.map(\.meta.label) == ["CuStoMpRop", "custompropertywithoutx"])
    }

    @Test func quotedParameterWithCommaAndColon() throws {
        let card = try Reading.card(Self.folder + "v30_comma_separated.vcf")
        #expect(card.phones.first?.meta.types == ["comma,separated:inside.dquote"])
        #expect(card.phones.first?.meta.pref == 1)
    }

    @Test func iOSCarriageReturnCarriageReturnLineFeed() throws {
        let card = try Reading.card(Self.folder + "v30_ios_613_multiline.vcf")
        #expect(card.name?.surname == ["Smith"])
        #expect(card.name?.given == ["Bob"])
        #expect(card.name?.full == "Bob Smith")
        #expect(card.organizations.first?.name == "Smith Auto Repair")
        #expect(card.emails.map(\.address) == ["bob@smithauto.com"])
        #expect(card.phones.first?.raw == "(650) 555-1212")
        #expect(card.links.first?.meta.label == "HomePage")
    }

    @Test func phoneDetails() throws {
        #expect(try Reading.card(Self.folder + "v30_multibyte_param.vcf").phones.first?.meta.label == "费")
        let pager = try Reading.card(Self.folder + "v30_pager.vcf").phones.first
        #expect(pager?.raw == "6101231234@pagersample.com")
        #expect(pager?.meta.has("pager") == true)
        #expect(try Reading.card(Self.folder + "v30_pause_wait.vcf").phones.first?.raw == "p1234p5678w9")
    }

    @Test func version30Simple() throws {
        let card = try Reading.card(Self.folder + "v30_simple.vcf")
        #expect(card.name?.full == "And Roid")
        #expect(card.organizations.first?.name == "Open")
        #expect(card.organizations.first?.units == ["Handset", " Alliance"])
        #expect(card.phones.first?.raw == "0300000000")
        #expect(card.phones.first?.meta.pref == 1)
        #expect(card.phones.first?.meta.types == ["voice"])
    }

    @Test func sortAs() throws {
        let card = try Reading.card(Self.folder + "v40_sort_as.vcf")
        #expect(card.name?.sortAs == "あんどう;ろいど")
        #expect(card.organizations.first?.name == "グーグル")
        #expect(card.organizations.first?.units == ["検索部門"])
    }

    /// AOSP's N components: "", "A;B\", "C\;", "D", ":E", "\\", "".
    @Test func backslashes() throws {
        let name = try #require(try Reading.card(Self.folder + "v21_backslash.vcf").name)
        #expect(name.surname == [])
        #expect(name.given == ["A;B\\"])
        #expect(name.additional == ["C\\;"])
        #expect(name.prefixes == ["D"])
        #expect(name.suffixes == [":E"])
        #expect(name.raw == ";A\\;B\\\\;C\\\\\\;;D;\\:E;\\\\\\\\;")
    }

    @Test func malformedPhotoKeptUnmapped() throws {
        let result = try Reading.corpus(Self.folder + "v21_malformed_photo.vcf")
        #expect(result.contacts.first?.media.isEmpty == true)
        #expect(result.contacts.first?.unmapped.map(\.name) == ["PHOTO"])
        #expect(result.codes.contains("vcard.media.invalid-base64"))
    }
}
