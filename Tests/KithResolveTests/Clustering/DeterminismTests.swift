import KithModel
import Testing

@testable import KithResolve

/// The same records in any order give the same people with the same ids, and an unrelated
/// source changes no other person's id.
@Suite struct DeterminismTests {
    static let records: [Contact] = [
        ContactBuilder.person(
            0, 0, given: "robert", surname: "miller", emails: ["rm@example.com"], mobiles: ["+491701234567"]),
        ContactBuilder.person(
            0, 1, given: "bob", surname: "miller", nicknameKeys: ["bob", "robert"], emails: ["rm@example.com"]),
        ContactBuilder.person(0, 2, given: "robert", surname: "miller", mobiles: ["+491701234567"], uid: "u-1"),
        ContactBuilder.person(
            1, 0, given: "ann", surname: "lee", birthday: ContactBuilder.date(1980, 4, 15), emails: ["ann@x.org"]),
        ContactBuilder.person(
            1, 1, given: "ann", surname: "lee", birthday: ContactBuilder.date(1980, 4, 15), street: "1 main st"),
        ContactBuilder.person(1, 2, given: "john", surname: "smith"),
        ContactBuilder.person(1, 3, given: "john", surname: "smith"),
        ContactBuilder.person(2, 0, given: "mary", surname: "smith", landlines: ["+4930123456"], street: "1 main st"),
        ContactBuilder.person(2, 1, given: "peter", surname: "smith", landlines: ["+4930123456"], street: "1 main st"),
    ]

    /// People as (id, sorted member refs), sorted.
    private func signature(_ result: ResolveResult) -> [String] {
        result.people.map { "\($0.id) " + $0.records.map(\.ref.description).sorted().joined(separator: ",") }.sorted()
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func shuffledInputGivesTheSamePeople(seed: UInt64) {
        var generator = SampleGenerator(seed: seed)
        let shuffled = Self.records.shuffled(using: &generator)
        #expect(signature(Resolver().resolve(shuffled)) == signature(Resolver().resolve(Self.records)))
    }

    @Test func renumberedSourcesKeepIDs() {
        // The same records read with the sources in another order: refs change, ids do not.
        let renumbered = Self.records.map { contact -> Contact in
            var copy = contact
            copy.ref = RecordRef(source: 2 - Int(contact.ref.source), index: Int(contact.ref.index))
            return copy
        }
        let ids = Set(Resolver().resolve(Self.records).people.map(\.id))
        #expect(Set(Resolver().resolve(renumbered).people.map(\.id)) == ids)
    }

    @Test func anUnrelatedSourceChangesNoOtherID() {
        let before = Set(Resolver().resolve(Self.records).people.map(\.id))
        let extra = [
            ContactBuilder.person(3, 0, given: "zoe", surname: "quinn", emails: ["zoe@q.org"]),
            ContactBuilder.person(3, 1, given: "zoe", surname: "quinn", emails: ["zoe@q.org"]),
        ]
        let after = Set(Resolver().resolve(Self.records + extra).people.map(\.id))
        #expect(before.isSubset(of: after))
        #expect(after.count == before.count + 1)
    }
}
