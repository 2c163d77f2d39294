import KithModel
import KithTestSupport
import Testing

@testable import KithResolve

@Suite struct ResolverTests {
    private func refs(_ person: Person) -> [String] { person.records.map(\.ref.description) }

    private func person(containing ref: String, in result: ResolveResult) -> Person? {
        result.people.first { $0.records.contains { $0.ref.description == ref } }
    }

    @Test func nicknameAndSharedEmailMerge() throws {
        let a = ContactBuilder.person(
            0, 0, given: "robert", surname: "miller", nicknameKeys: ["robert"], emails: ["rmiller@example.com"],
            mobiles: ["+491701234567"])
        let b = ContactBuilder.person(
            1, 0, given: "bob", surname: "miller", nicknameKeys: ["bob", "robert"], emails: ["RMiller@example.com"])
        let result = Resolver().resolve([a, b])
        #expect(result.people.count == 1)
        let person = try #require(result.people.first)
        #expect(refs(person) == ["S1#0", "S2#0"])
        let pair = try #require(person.match?.pairs.first)
        #expect(pair.evidence.contains { $0.field == "email" && $0.level == "exact" })
        #expect(pair.evidence.contains { $0.field == "given-name" && $0.level == "nickname" })
        #expect(pair.weight >= Resolver.defaultThreshold)
    }

    @Test func aNameAloneNeverMerges() {
        let a = ContactBuilder.person(0, 0, given: "john", surname: "smith")
        let b = ContactBuilder.person(1, 0, given: "john", surname: "smith")
        let result = Resolver().resolve([a, b])
        #expect(result.people.count == 2)
        #expect(result.review.contains { $0.reason.contains("only the name") })
        // Identical records kept apart still get distinct ids.
        #expect(Set(result.people.map(\.id)).count == 2)
    }

    @Test func aNameWithAHouseholdLineIsKeptApartForReview() {
        // A father and son of one name share a landline (and an address): the review says so.
        let a = ContactBuilder.person(
            0, 0, given: "john", surname: "smith", landlines: ["+4930123456"], street: "1 main st", city: "berlin",
            postcode: "10115")
        let b = ContactBuilder.person(1, 0, given: "john", surname: "smith", landlines: ["+4930123456"])
        let result = Resolver().resolve([a, b])
        #expect(result.people.count == 2)
        #expect(result.review.contains { $0.reason.contains("household evidence (address, landline)") })
        #expect(!result.review.contains { $0.reason == "kept apart: only the name agrees" })
    }

    @Test func aSharedMobileIsListedForReviewHoweverTheNamesDiffer() throws {
        // "Mum" in one phone book and "Maria Schmidt" in another share her mobile: too little to
        // merge on (the given names differ), but a person to look at.
        let mum = ContactBuilder.person(0, 0, given: "mum", mobiles: ["+491711234567"])
        let maria = ContactBuilder.person(1, 0, given: "maria", surname: "schmidt", mobiles: ["+491711234567"])
        let result = Resolver().resolve([mum, maria])
        #expect(result.people.count == 2)
        let pair = try #require(result.review.first)
        #expect(pair.weight < Resolver.defaultThreshold - ResolveOptions().reviewBand)
        #expect(pair.reason.hasPrefix("shares a mobile number but little else; below the threshold by "))
        #expect(pair.evidence.contains { $0.field == "phone" && $0.level == "exact-mobile" })
        #expect(Set([pair.a.description, pair.b.description]) == ["S1#0", "S2#0"])
    }

    @Test func aSharedEmailIsListedForReviewButASharedLandlineIsNot() {
        // "Mum" and "Anna" with her mailbox, under a review band narrow enough to leave them out
        // on weight alone (6.4 bits against a floor of 10).
        let mum = ContactBuilder.person(0, 0, given: "mum", emails: ["anna.schmidt@example.de"])
        let anna = ContactBuilder.person(1, 0, given: "anna", emails: ["anna.schmidt@example.de"])
        var narrow = ResolveOptions()
        narrow.reviewBand = 2
        let byEmail = Resolver(options: narrow).resolve([mum, anna])
        #expect(byEmail.people.count == 2)
        #expect(byEmail.review.map(\.reason).contains { $0.hasPrefix("shares an email address but little else") })
        // A landline is the household's: parents on one home number are not one person to review.
        let home = [
            ContactBuilder.person(0, 0, given: "mum", landlines: ["+4930123456"]),
            ContactBuilder.person(1, 0, given: "dad", landlines: ["+4930123456"]),
        ]
        let byLandline = Resolver(options: narrow).resolve(home)
        #expect(byLandline.people.count == 2)
        #expect(byLandline.review.isEmpty)
    }

    @Test func aTruncatedReviewSaysHowManyPairsItLeftOut() throws {
        let records = [
            ContactBuilder.person(0, 0, given: "john", surname: "smith"),
            ContactBuilder.person(1, 0, given: "john", surname: "smith"),
            ContactBuilder.person(0, 1, given: "mum", mobiles: ["+491711234567"]),
            ContactBuilder.person(1, 1, given: "maria", surname: "schmidt", mobiles: ["+491711234567"]),
        ]
        #expect(Resolver().resolve(records).review.count == 2)
        #expect(!Resolver().resolve(records).diagnostics.contains { $0.code.rawValue == "resolve.review.truncated" })
        var options = ResolveOptions()
        options.reviewLimit = 1
        let result = Resolver(options: options).resolve(records)
        #expect(result.review.count == 1)
        let warning = try #require(result.diagnostics.first { $0.code.rawValue == "resolve.review.truncated" })
        // Information, not a problem of the input: --strict does not fail on it.
        #expect(warning.severity == .info)
        #expect(warning.message.hasPrefix("the review lists the 1 strongest of 2 borderline pairs"))
    }

    @Test func reviewIsListedOnlyWhenAsked() {
        let a = ContactBuilder.person(0, 0, given: "john", surname: "smith")
        let b = ContactBuilder.person(1, 0, given: "john", surname: "smith")
        var options = ResolveOptions()
        options.listsReview = false
        let result = Resolver(options: options).resolve([a, b])
        #expect(result.people.count == 2)
        #expect(result.review.isEmpty)
        #expect(result.people.map(\.id) == Resolver().resolve([a, b]).people.map(\.id))
    }

    @Test func familySharingLandlineAddressAndSurnameStaysApart() {
        let household = (landline: "+4930123456", street: "1 main st", city: "berlin", postcode: "10115")
        let family = ["mary", "peter", "anna"].enumerated().flatMap { offset, given in
            (0..<2).map { copy in
                ContactBuilder.person(
                    copy, offset, given: given, surname: "smith", landlines: [household.landline],
                    street: household.street,
                    city: household.city, postcode: household.postcode)
            }
        }
        let result = Resolver().resolve(family)
        for person in result.people {
            let names = Set(
                person.records.compactMap { record in family.first { $0.ref == record.ref }?.name?.given.first })
            #expect(names.count == 1, "a person mixes family members: \(names)")
        }
    }

    @Test func fatherAndSonAreNeverMerged() {
        let landline = "+4930123456"
        let contacts = [
            ContactBuilder.person(
                0, 0, given: "john", surname: "smith", generation: "sr", mobiles: ["+491701111111"],
                landlines: [landline]),
            ContactBuilder.person(1, 0, given: "john", surname: "smith", generation: "sr", mobiles: ["+491701111111"]),
            ContactBuilder.person(
                0, 1, given: "john", surname: "smith", generation: "jr", mobiles: ["+491702222222"],
                landlines: [landline]),
            ContactBuilder.person(1, 1, given: "john", surname: "smith", generation: "jr", mobiles: ["+491702222222"]),
            // No suffix, only the shared landline: ambiguous.
            ContactBuilder.person(2, 0, given: "john", surname: "smith", landlines: [landline]),
        ]
        let result = Resolver().resolve(contacts)
        for person in result.people {
            let generations = Set(
                person.records.compactMap { r in contacts.first { $0.ref == r.ref }?.name?.keys?.generation })
            #expect(generations.count <= 1)
        }
        #expect(person(containing: "S1#0", in: result)?.records.count == 2)
        #expect(person(containing: "S1#1", in: result)?.records.count == 2)
    }

    @Test func noMergeKeepsEveryRecordWithTheSameIDs() {
        let a = ContactBuilder.person(0, 0, given: "ann", surname: "lee", emails: ["ann@example.com"])
        let b = ContactBuilder.person(1, 0, given: "ann", surname: "lee", emails: ["ann@example.com"])
        let merged = Resolver().resolve([a, b])
        #expect(merged.people.count == 1)
        let separate = Resolver(options: ResolveOptions(merge: false)).resolve([a, b])
        #expect(separate.people.count == 2)
        #expect(separate.review.isEmpty)
        // A singleton's id is the id the same record would have alone.
        #expect(Resolver().resolve([a]).people.first?.id == separate.people.first?.id)
    }

    @Test func oversizedRoleMailboxIsReportedAndMergesNobody() {
        let given = (0..<60).map { "person\($0)" }
        let contacts = given.enumerated().map { index, name in
            ContactBuilder.person(0, index, given: name, surname: "worker\(index)", emails: ["info@acme.com"])
        }
        let result = Resolver(options: ResolveOptions(maxBlockSize: 40)).resolve(contacts)
        #expect(result.people.count == 60)
        #expect(result.diagnostics.contains { $0.code == "resolve.blocking.oversized-key" })
    }

    @Test func groupMembersResolveToPersonIDs() throws {
        let member = ContactBuilder.person(0, 0, given: "ann", surname: "lee", uid: "A1B2")
        var group = Contact(ref: RecordRef(source: 0, index: 1), kind: .group)
        group.members = [TextValue("urn:uuid:a1b2"), TextValue("urn:uuid:missing")]
        let result = Resolver().resolve([member, group])
        #expect(result.people.count == 1)
        let resolved = try #require(result.groups.first)
        #expect(resolved.memberIDs == [result.people[0].id])
        #expect(resolved.unresolvedMembers == ["urn:uuid:missing"])
        #expect(result.diagnostics.contains { $0.code == "resolve.group.unresolved-member" })
    }
}
