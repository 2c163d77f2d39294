import KithModel
import Testing

@testable import KithResolve

/// Merging keeps every value: multi-valued fields unioned by normalized value with every label
/// and record, single-valued fields chosen by the stated policy, losers kept as alternates.
@Suite struct PersonMergerTests {
    @Test func everyValueIsConservedWithProvenance() throws {
        var a = ContactBuilder.person(
            0, 0, given: "ann", surname: "lee", birthday: ContactBuilder.date(nil, 4, 15), emails: ["ann@x.org"],
            mobiles: ["+491701234567"], street: "1 main st", city: "berlin", postcode: "10115")
        a.emails[0].meta.types = ["home"]
        a.titles = [TextValue("Engineer")]
        var b = ContactBuilder.person(
            1, 0, given: "ann", surname: "lee", birthday: ContactBuilder.date(1980, 4, 15),
            emails: ["ANN@x.org", "lee@work.com"],
            landlines: ["+4930123456"])
        b.emails[0].meta.types = ["work"]
        b.emails[0].meta.label = "Office"
        b.unmapped = [RawProperty(name: "X-CUSTOM", value: "kept")]
        let person = PersonMerger().merge([0, 1], of: [a, b], id: "urn:uuid:test", match: nil)
        let card = person.card

        // Emails: ann@x.org once, with both type words, the label and both records.
        #expect(card.emails.count == 2)
        let ann = try #require(card.emails.first { $0.key == "ann@x.org" })
        #expect(Set(ann.meta.types) == ["home", "work"])
        #expect(ann.meta.label == "Office")
        #expect(ann.meta.from == [a.ref, b.ref])
        #expect(card.emails.first { $0.key == "lee@work.com" }?.meta.from == [b.ref])
        // Phones and addresses from both.
        #expect(Set(card.phones.compactMap(\.e164)) == ["+491701234567", "+4930123456"])
        #expect(card.addresses.count == 1 && card.addresses[0].meta.from == [a.ref])
        #expect(card.titles.map(\.value) == ["Engineer"])
        #expect(card.unmapped.map(\.value) == ["kept"])
        // Birthday: the complete date wins; the month-day one is an alternate with its record.
        let birth = try #require(card.dates.first { $0.kind == .birth })
        #expect(birth.date == ContactBuilder.date(1980, 4, 15))
        #expect(birth.meta.from == [b.ref])
        let alternate = try #require(person.alternates.first { $0.path == "anniversaries/birth/date" })
        #expect(alternate.from == [a.ref])
        #expect(alternate.reason.contains("more complete"))
        // Name: both records gave the same name.
        #expect(card.name?.meta.from == [a.ref, b.ref])
        #expect(person.records.map(\.ref) == [a.ref, b.ref])
    }

    @Test func moreRecentRevisionWinsAmongEquallyCompleteNames() throws {
        let old = ContactBuilder.person(
            0, 0, given: "ann", surname: "lee", revision: PartialDate(year: 2019, month: 1, day: 1))
        let new = ContactBuilder.person(
            1, 0, given: "ann", surname: "lee-smith", revision: PartialDate(year: 2024, month: 1, day: 1))
        let person = PersonMerger().merge([0, 1], of: [old, new], id: "urn:uuid:t", match: nil)
        #expect(person.card.name?.surname == ["lee-smith"])
        let alternate = try #require(person.alternates.first { $0.path == "name" })
        #expect(alternate.reason.contains("more recently revised"))
        if case .name(let lost) = alternate.value {
            #expect(lost.surname == ["lee"])
        } else {
            Issue.record("not a name")
        }
    }

    @Test func singleRecordValuesNameTheirRecord() {
        let a = ContactBuilder.person(2, 5, given: "ann", surname: "lee", emails: ["a@x.org"])
        let person = PersonMerger().merge([0], of: [a], id: "urn:uuid:t", match: nil)
        #expect(person.card.emails[0].meta.from == [a.ref])
        #expect(person.card.name?.meta.from == [a.ref])
        #expect(person.card.uid == "urn:uuid:t")
    }
}
