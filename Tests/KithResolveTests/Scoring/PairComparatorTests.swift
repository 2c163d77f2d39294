import KithModel
import Testing

@testable import KithResolve

/// Comparison levels and vetoes, one field at a time. Expected levels follow the level tables in
/// `MatchField` (issue 6: names exact/nickname/phonetic/similarity/initial/conflict, birthdays
/// exact/month-day/conflict, emails exact/alias/different, phones exact/national/short/different).
@Suite struct PairComparatorTests {
    private func comparator(_ contacts: [Contact]) -> PairComparator {
        PairComparator(features: RecordFeatures(contacts: contacts), sharedPhones: [], sharedEmails: [])
    }

    private func level(_ field: MatchField, _ a: Contact, _ b: Contact) -> String {
        let c = comparator([a, b])
        return field.levels[c.compare(0, 1).vector[field]]
    }

    @Test(arguments: [
        ("john", ["john"], "", "john", ["john"], "", "exact"),
        ("bob", ["bob", "robert"], "", "robert", ["robert"], "", "nickname"),
        ("jon", ["jon"], "JN", "john", ["john"], "JN", "phonetic"),
        ("jonathon", ["jonathon"], "", "jonathan", ["jonathan"], "", "similar"),
        ("j", ["j"], "", "john", ["john"], "", "initial"),
        ("k", ["k"], "", "john", ["john"], "", "different"),
        ("mary", ["mary"], "", "peter", ["peter"], "", "different"),
        ("", [], "", "peter", ["peter"], "", "missing"),
    ])
    func givenNameLevels(
        _ a: String, _ aKeys: [String], _ aSound: String, _ b: String, _ bKeys: [String], _ bSound: String,
        _ expected: String
    ) {
        let x = ContactBuilder.person(0, 0, given: a, surname: "miller", nicknameKeys: aKeys, givenPhonetic: aSound)
        let y = ContactBuilder.person(0, 1, given: b, surname: "miller", nicknameKeys: bKeys, givenPhonetic: bSound)
        #expect(level(.given, x, y) == expected)
    }

    @Test func swappedNamesAgreeAsSwapped() {
        let x = ContactBuilder.person(0, 0, given: "smith", surname: "john")
        let y = ContactBuilder.person(0, 1, given: "john", surname: "smith")
        let c = comparator([x, y]).compare(0, 1)
        #expect(c.swapped)
        #expect(c.vector[.given] == 1 && c.vector[.surname] == 1)
    }

    /// Swapped order with one half exact and the other a nickname ("Weber Tom" / "Thomas
    /// Weber") or a typo ("Cambpell Donna" / "Donna Campbell") still reads as swapped names,
    /// not as two different given names: the exact half compares exact, the other not different.
    @Test(arguments: [
        ("weber", "tom", "thomas", "weber", MatchField.given, MatchField.surname),
        ("cambpell", "donna", "donna", "campbell", MatchField.surname, MatchField.given),
    ])
    func swappedNamesWithANicknameOrTypoInOneHalf(
        _ given: String, _ surname: String, _ otherGiven: String, _ otherSurname: String, _ exact: MatchField,
        _ close: MatchField
    ) {
        let swapped = ContactBuilder.person(0, 0, given: given, surname: surname)
        let other = ContactBuilder.person(0, 1, given: otherGiven, surname: otherSurname)
        let comparison = comparator([swapped, other]).compare(0, 1)
        #expect(comparison.swapped)
        #expect(exact.levels[comparison.vector[exact]] == "exact")
        #expect(comparison.vector[close] != close.differentLevel)
    }

    /// Neither half exact and one far off: not a swap ("Weber Anna" / "Thomas Weber").
    @Test func swappedOrderWithNoExactHalfIsNoSwap() {
        let anna = ContactBuilder.person(0, 0, given: "weber", surname: "anna")
        let thomas = ContactBuilder.person(0, 1, given: "thomas", surname: "weber")
        #expect(!comparator([anna, thomas]).compare(0, 1).swapped)
    }

    @Test(arguments: [
        (ContactBuilder.date(1980, 4, 15), ContactBuilder.date(1980, 4, 15), "exact"),
        (ContactBuilder.date(nil, 4, 15), ContactBuilder.date(1980, 4, 15), "month-day"),
        (ContactBuilder.date(1980, 4, 5), ContactBuilder.date(1980, 5, 4), "typo"),  // day and month swapped
        (ContactBuilder.date(1980, 4, 15), ContactBuilder.date(1981, 4, 15), "typo"),  // one digit
        (ContactBuilder.date(1980, 4, 15), ContactBuilder.date(1955, 9, 2), "different"),
    ])
    func birthdayLevels(_ a: PartialDate, _ b: PartialDate, _ expected: String) {
        let x = ContactBuilder.person(0, 0, given: "ann", surname: "lee", birthday: a)
        let y = ContactBuilder.person(0, 1, given: "ann", surname: "lee", birthday: b)
        #expect(level(.birthday, x, y) == expected)
    }

    @Test func emailLevels() {
        let a = ContactBuilder.person(
            0, 0, given: "ann", emails: ["ann.lee@gmail.com"], emailKeys: ["annlee@gmail.com"])
        let exact = ContactBuilder.person(
            0, 1, given: "ann", emails: ["ANN.LEE@gmail.com"], emailKeys: ["annlee@gmail.com"])
        let alias = ContactBuilder.person(
            0, 2, given: "ann", emails: ["annlee+news@gmail.com"], emailKeys: ["annlee@gmail.com"])
        let other = ContactBuilder.person(0, 3, given: "ann", emails: ["ann@example.org"])
        #expect(level(.email, a, exact) == "exact")
        #expect(level(.email, a, alias) == "alias")
        #expect(level(.email, a, other) == "different")
        let role = ContactBuilder.person(0, 4, given: "ann", emails: ["info@acme.com"])
        let role2 = ContactBuilder.person(0, 5, given: "bob", emails: ["info@acme.com"])
        #expect(level(.email, role, role2) == "shared")
    }

    @Test func phoneLevels() {
        let mobile = ContactBuilder.person(0, 0, given: "ann", mobiles: ["+491701234567"])
        #expect(
            level(.phone, mobile, ContactBuilder.person(0, 1, given: "ann", mobiles: ["+491701234567"]))
                == "exact-mobile")
        let home = ContactBuilder.person(0, 2, given: "ann", landlines: ["+4930123456"])
        #expect(level(.phone, home, ContactBuilder.person(0, 3, given: "ann", landlines: ["+4930123456"])) == "exact")
        // Same national number under another country code (a wrongly assumed region).
        #expect(
            level(.phone, mobile, ContactBuilder.person(0, 4, given: "ann", mobiles: ["+431701234567"])) == "national")
        #expect(
            level(.phone, mobile, ContactBuilder.person(0, 5, given: "ann", mobiles: ["+491709999999"])) == "different")
    }

    @Test func postalCodeTypo() {
        let a = ContactBuilder.person(0, 0, given: "ann", street: "1 main st", city: "springfield", postcode: "4011")
        let b = ContactBuilder.person(0, 1, given: "ann", street: "1 main st", city: "springfield", postcode: "4101")
        #expect(level(.postalCode, a, b) == "typo")
        #expect(level(.street, a, b) == "exact")
    }

    // MARK: - Vetoes

    @Test func juniorAndSeniorVeto() {
        let sr = ContactBuilder.person(
            0, 0, given: "john", surname: "smith", generation: "sr", mobiles: ["+491701111111"])
        let jr = ContactBuilder.person(
            0, 1, given: "john", surname: "smith", generation: "jr", mobiles: ["+491701111111"])
        let c = comparator([sr, jr])
        #expect(c.veto(0, 1) == .generation)
    }

    @Test func givenNameConflictVetoesHouseholdEvidence() {
        let mother = ContactBuilder.person(
            0, 0, given: "mary", surname: "smith", landlines: ["+4930123456"], street: "1 main st", city: "berlin",
            postcode: "10115")
        let daughter = ContactBuilder.person(
            0, 1, given: "anna", surname: "smith", landlines: ["+4930123456"], street: "1 main st", city: "berlin",
            postcode: "10115")
        #expect(comparator([mother, daughter]).veto(0, 1) == .givenName)
    }

    @Test func givenNameConflictIsOverriddenByPersonalIdentifier() {
        let a = ContactBuilder.person(0, 0, given: "kyle", surname: "brain", mobiles: ["+491701234567"])
        let b = ContactBuilder.person(0, 1, given: "rosie", surname: "brain", mobiles: ["+491701234567"])
        #expect(comparator([a, b]).veto(0, 1) == nil)
    }

    /// Two different full names never merge on a shared number: the number was copied into the
    /// wrong card, or is a shared work phone (Fixtures: Hans Peter Müller and Maria Anna Lopez).
    @Test func fullNameConflictVetoesEvenWithSharedMobile() {
        let a = ContactBuilder.person(0, 0, given: "kyle", surname: "brain", mobiles: ["+491701234567"])
        let b = ContactBuilder.person(0, 1, given: "rosie", surname: "reid", mobiles: ["+491701234567"])
        #expect(comparator([a, b]).veto(0, 1) == .givenName)
    }

    /// Twins: different given names, one surname, one birthday, each a mobile of their own.
    /// The shared birthday would otherwise override the given-name conflict.
    @Test func sharedBirthdayDoesNotJoinDifferentNamesWithDifferentMobiles() {
        let born = ContactBuilder.date(1949, 8, 12)
        let karen = ContactBuilder.person(
            0, 0, given: "karen", surname: "rivera", birthday: born, mobiles: ["+491572383178"])
        let maria = ContactBuilder.person(
            0, 1, given: "maria", surname: "rivera", birthday: born, mobiles: ["+491504923910"])
        #expect(comparator([karen, maria]).veto(0, 1) == .givenName)
        // Without numbers of their own to tell them apart, the birthday still counts.
        let k = ContactBuilder.person(0, 0, given: "karen", surname: "rivera", birthday: born)
        let m = ContactBuilder.person(0, 1, given: "maria", surname: "rivera", birthday: born)
        #expect(comparator([k, m]).veto(0, 1) == nil)
    }

    @Test func conflictingBirthdatesVetoWhenRecordsHaveContactChannels() {
        let father = ContactBuilder.person(
            0, 0, given: "john", surname: "smith", birthday: ContactBuilder.date(1950, 3, 1), landlines: ["+4930123456"]
        )
        let son = ContactBuilder.person(
            0, 1, given: "john", surname: "smith", birthday: ContactBuilder.date(1978, 11, 20),
            landlines: ["+4930123456"])
        #expect(comparator([father, son]).veto(0, 1) == .birthday)
    }

    @Test func conflictingBirthdateInRegisterRecordWithAgreeingNamesIsNotVetoed() {
        let a = ContactBuilder.person(
            0, 0, given: "ruby", surname: "riding", birthday: ContactBuilder.date(1965, 6, 15),
            street: "7 middleton circuit",
            city: "ceduna", postcode: "4214")
        let b = ContactBuilder.person(
            0, 1, given: "ruby", surname: "riding", birthday: ContactBuilder.date(1907, 11, 20),
            street: "7 middleton circuit",
            city: "ceduna", postcode: "4214")
        #expect(comparator([a, b]).veto(0, 1) == nil)
    }

    /// In register-like records (no phone, no email) a shared birth date with another given
    /// name counts as identifying only where the address agrees too: FEBRL holds pairs like
    /// "ty campbell" and "madeline campbell", born the same day in different towns.
    @Test func registerBirthdayWithAnotherGivenNameNeedsTheAddress() {
        let born = ContactBuilder.date(1911, 4, 9)
        let ty = ContactBuilder.person(
            0, 0, given: "ty", surname: "campbell", birthday: born, street: "12 giliruk crescent", city: "figtree",
            postcode: "3150")
        let madeline = ContactBuilder.person(
            0, 1, given: "madeline", surname: "campbell", birthday: born, street: "26 getting crescent",
            city: "stanmore", postcode: "2720")
        let neighbour = ContactBuilder.person(
            0, 2, given: "madeline", surname: "campbell", birthday: born, street: "12 giliruk crescent",
            city: "figtree", postcode: "3150")
        let records = [ty, madeline, neighbour]
        let c = comparator(records)
        let model = MatchModel(frequencies: TermFrequencies(features: c.features))
        #expect(c.isRegisterLike(0, 1))
        #expect(model.identifyingWeight(c.compare(0, 1), registerLike: true) == 0)
        #expect(model.identifyingWeight(c.compare(0, 2), registerLike: true) > 0)
    }

    /// Whether a number is one person's line: the numbering plan where it decides, else the label.
    @Test(
        arguments: [
            ("mobile", "home", true), ("pager", "home", true), ("personal-number", "work", true),
            ("fixed-line", "cell", false), ("toll-free", "cell", false),
            ("fixed-line-or-mobile", "cell", true), ("fixed-line-or-mobile", "home", false),
            ("voip", "cell", true), (nil, "cell", true), (nil, "home", false),
        ] as [(String?, String, Bool)])
    func personalLines(_ lineType: String?, _ label: String, _ personal: Bool) {
        var phone = PhoneValue(raw: "+16175550100", meta: FieldMeta(types: [label]))
        phone.e164 = "+16175550100"
        phone.lineType = lineType
        #expect(RecordFeatures.isPersonalLine(phone) == personal)
    }

    /// Two records without a phone or an email are register-like only where their source is a
    /// register (almost no record has a channel, as FEBRL); in an address book they are merely
    /// sparse, and a shared address does not join "Jamie Johnson Sr." and "James Johnson".
    @Test func registerLikeNeedsARegisterSource() {
        let father = ContactBuilder.person(0, 0, given: "jamie", surname: "johnson", street: "173 bergstrasse")
        let son = ContactBuilder.person(0, 1, given: "james", surname: "johnson", street: "173 bergstrasse")
        let other = ContactBuilder.person(0, 2, given: "ann", surname: "lee", mobiles: ["+41791234567"])
        #expect(!comparator([father, son, other]).isRegisterLike(0, 1))

        var register = (0..<30).map { ContactBuilder.person(1, $0, given: "ruby", surname: "riding\($0)") }
        register.append(ContactBuilder.person(1, 30, given: "ann", surname: "lee", mobiles: ["+41791234567"]))
        let c = comparator(register)
        #expect(c.isRegisterLike(0, 1))
        #expect(!c.isRegisterLike(0, 30))
    }

    /// One typo: equal length and one differing character, or one adjacent transposition.
    @Test(arguments: [
        ("4011", "4012", true), ("4011", "4101", true), ("1234", "1243", true), ("4011", "4011", false),
        ("4011", "4122", false), ("1234", "2143", false), ("1234", "1324", true), ("123", "1234", false),
        ("1234", "1432", false),
    ])
    func oneTypo(_ a: String, _ b: String, _ expected: Bool) {
        #expect(TypoDistance.isOneTypo(Array(a.utf8)[...], Array(b.utf8)[...]) == expected)
    }

    /// The first 64 emails and numbers of a record are compared: two cards that share only
    /// their 65th number do not share one for matching (each card keeps all 65 in its person),
    /// and cards that share the first still do.
    @Test func onlyTheFirst64ChannelsAreCompared() {
        let numbers = (0..<65).map { "+49151000\(String(format: "%04d", $0))" }
        let mails = (0..<65).map { "anna\($0)@example.org" }
        let a = ContactBuilder.person(0, 0, given: "anna", surname: "meyer", emails: mails, mobiles: numbers)
        let lastOnly = ContactBuilder.person(
            0, 1, given: "anna", surname: "meyer", emails: [mails[64]], mobiles: [numbers[64]])
        let firstOnly = ContactBuilder.person(
            0, 2, given: "anna", surname: "meyer", emails: [mails[0]], mobiles: [numbers[0]])
        #expect(RecordFeatures.maxChannels == 64)
        #expect(level(.phone, a, lastOnly) == "different")
        #expect(level(.email, a, lastOnly) == "different")
        #expect(level(.phone, a, firstOnly) == "exact-mobile")
        #expect(level(.email, a, firstOnly) == "exact")
    }
}
