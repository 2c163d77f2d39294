import KithModel
import Testing

/// `FieldMeta` keeps its rarely given members (group, language, ALTID, other parameters) in a
/// shared box; it must still behave as a plain value with those members as stored properties.
@Suite struct FieldMetaTests {
    @Test func rareMembersReadBackAsWritten() {
        let parameter = Parameter(name: "X-SERVICE-TYPE", values: ["Skype"])
        let meta = FieldMeta(
            types: ["work"], label: "Office", pref: 2, line: 7, group: "item1", language: "de",
            altID: "1", parameters: [parameter])
        #expect(meta.types == ["work"])
        #expect(meta.label == "Office")
        #expect(meta.pref == 2)
        #expect(meta.line == 7)
        #expect(meta.group == "item1")
        #expect(meta.language == "de")
        #expect(meta.altID == "1")
        #expect(meta.parameters == [parameter])
    }

    @Test func aCopyIsIndependentOfItsOriginal() {
        var original = FieldMeta(group: "item1", language: "en")
        let copy = original
        original.group = "item2"
        original.parameters.append(Parameter(name: "X-A", values: ["1"]))
        #expect(copy.group == "item1")
        #expect(copy.parameters.isEmpty)
        #expect(original.group == "item2")
        #expect(original.language == "en")
        #expect(original.parameters == [Parameter(name: "X-A", values: ["1"])])
    }

    @Test func equalityAndHashFollowTheMembersNotHowTheyWereSet() {
        // Set and cleared again: equal to metadata that never had them.
        var cleared = FieldMeta(types: ["home"], line: 3)
        cleared.group = "item1"
        cleared.altID = "2"
        cleared.group = nil
        cleared.altID = nil
        let plain = FieldMeta(types: ["home"], line: 3)
        #expect(cleared == plain)
        #expect(cleared.hashValue == plain.hashValue)

        // The same members given at creation and set afterwards: equal, same hash.
        var set = FieldMeta(types: ["home"], line: 3)
        set.language = "fr"
        set.parameters = [Parameter(name: "X-B", values: ["y"])]
        let given = FieldMeta(
            types: ["home"], line: 3, language: "fr", parameters: [Parameter(name: "X-B", values: ["y"])])
        #expect(set == given)
        #expect(set.hashValue == given.hashValue)

        // Any rare member that differs makes them differ; an empty group is not a missing one.
        #expect(FieldMeta(group: "item1") != FieldMeta(group: "item2"))
        #expect(FieldMeta(language: "de") != FieldMeta())
        #expect(FieldMeta(group: "") != FieldMeta())
        #expect(Set([FieldMeta(altID: "1"), FieldMeta(altID: "1"), FieldMeta(altID: "2")]).count == 2)
    }
}

/// `NameValue` keeps its rarely given members (phonetic spellings, sort-as, the rules and the
/// name as written) out of line; they must behave as stored properties.
@Suite struct NameRareMembersTests {
    @Test func rareMembersReadBackAndCopiesAreIndependent() {
        var name = NameValue(full: "Jean Dupont", given: ["Jean"], surname: ["Dupont"])
        name.phoneticGiven = "ジャン"
        name.phoneticSurname = "デュポン"
        name.sortAs = "Dupont,Jean"
        name.componentsRule = "name-from-display"
        let copy = name
        name.phoneticGiven = nil
        name.caseRule = "name-case-repair"
        name.fullAsWritten = "JEAN DUPONT"
        #expect(copy.phoneticGiven == "ジャン")
        #expect(copy.caseRule == nil)
        #expect(name.phoneticGiven == nil)
        #expect(name.phoneticSurname == "デュポン")
        #expect(name.sortAs == "Dupont,Jean")
        #expect(name.componentsRule == "name-from-display")
        #expect(name.caseRule == "name-case-repair")
        #expect(name.fullAsWritten == "JEAN DUPONT")
        #expect(name.phoneticAdditional == nil)
    }

    @Test func equalityFollowsTheMembers() {
        var cleared = NameValue(given: ["Ann"])
        cleared.sortAs = "Ann"
        cleared.sortAs = nil
        #expect(cleared == NameValue(given: ["Ann"]))
        #expect(cleared.hashValue == NameValue(given: ["Ann"]).hashValue)
        var a = NameValue(given: ["Ann"])
        var b = NameValue(given: ["Ann"])
        a.phoneticSurname = "x"
        #expect(a != b)
        b.phoneticSurname = "x"
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }
}

/// `PartialDate` stores its parts compactly, with a bit per part saying whether it is known.
@Suite struct PartialDateStorageTests {
    @Test func knownZeroIsNotUnknown() {
        // Midnight UTC: every time part is a known 0.
        let midnight = PartialDate(year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0)
        #expect(midnight.hour == 0 && midnight.minute == 0 && midnight.second == 0)
        #expect(midnight.utcOffsetMinutes == 0)
        #expect(midnight != PartialDate(year: 2000, month: 1, day: 1))
        #expect(midnight.description == "2000-01-01T00:00:00Z")
        #expect(PartialDate(year: 0).year == 0)
        #expect(PartialDate(year: 0) != PartialDate())
    }

    @Test func partsSetAndClearedAgree() {
        var date = PartialDate(year: 1980, month: 4, day: 15)
        date.hour = 10
        date.utcOffsetMinutes = -300
        #expect(date.description == "1980-04-15T10:00:00-05:00")
        date.hour = nil
        date.utcOffsetMinutes = nil
        date.year = nil
        #expect(date == PartialDate(month: 4, day: 15))
        #expect(date.hashValue == PartialDate(month: 4, day: 15).hashValue)
        #expect(date.year == nil && date.hour == nil)
    }

    @Test func yearsAreKeptWholeAndOtherPartsBeyond32BitsClamp() {
        // A CSV date may carry a year of many digits; it is kept as read.
        #expect(PartialDate(year: 99_999_999_999).year == 99_999_999_999)
        #expect(PartialDate(year: -44).year == -44)
        #expect(PartialDate(year: Int.min).year == Int.min)
        #expect(PartialDate(year: Int.min) < PartialDate(year: -4000))
        #expect(PartialDate(day: 70_000).day == 70_000)
        #expect(PartialDate(utcOffsetMinutes: -840).utcOffsetMinutes == -840)
        // Only a malformed dataset gives a month beyond 32 bits.
        #expect(PartialDate(month: 5_000_000_000).month == Int(Int32.max))
    }
}

/// `Contact` and `AddressValue` keep their rarely given members out of line too.
@Suite struct ContactAndAddressRareMembersTests {
    @Test func contactRareMembersReadBackAndCopiesAreIndependent() {
        var contact = Contact(ref: RecordRef(source: 0, index: 3))
        contact.gender = TextValue("F", meta: FieldMeta(line: 4))
        contact.revision = "20240102T030405Z"
        contact.revisionDate = PartialDate(
            year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5, utcOffsetMinutes: 0)
        contact.producer = "-//Apple Inc.//iOS 17//EN"
        let copy = contact
        contact.gender?.value = "female"
        contact.producer = nil
        #expect(copy.gender?.value == "F")
        #expect(copy.producer == "-//Apple Inc.//iOS 17//EN")
        #expect(contact.gender?.value == "female")
        #expect(contact.gender?.meta.line == 4)
        #expect(contact.producer == nil)
        #expect(contact.revision == "20240102T030405Z")
        #expect(contact.revisionDate?.description == "2024-01-02T03:04:05Z")
        #expect(!contact.isEmpty)
        contact.gender = nil
        contact.revision = nil
        contact.revisionDate = nil
        #expect(contact == Contact(ref: RecordRef(source: 0, index: 3)))
        #expect(contact.isEmpty)
    }

    @Test func addressRareMembersReadBackAndCountInEquality() {
        var address = AddressValue(street: "1 Main St", postalCode: "12345")
        address.geo = "geo:37.386013,-122.082932"
        address.timeZone = "America/Los_Angeles"
        address.componentsRule = "address-from-formatted"
        address.postalCodeAsWritten = "12345-"
        #expect(address.geo == "geo:37.386013,-122.082932")
        #expect(address.timeZone == "America/Los_Angeles")
        #expect(address.componentsRule == "address-from-formatted")
        #expect(address.postalCodeAsWritten == "12345-")
        #expect(address != AddressValue(street: "1 Main St", postalCode: "12345"))
        address.geo = nil
        address.timeZone = nil
        address.componentsRule = nil
        address.postalCodeAsWritten = nil
        #expect(address == AddressValue(street: "1 Main St", postalCode: "12345"))
    }
}
