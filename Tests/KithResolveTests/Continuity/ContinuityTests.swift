import Foundation
import KithModel
import Testing

@testable import KithResolve

/// Ids across runs with a previous dataset: kept, merged (aliases), split, and the change report.
@Suite struct ContinuityTests {
    private func dataset(_ result: ResolveResult) -> Dataset {
        Dataset(generator: "test", generatedAt: "", sources: [], people: result.people, groups: [], diagnostics: [])
    }

    private func rerun(_ contacts: [Contact], previous: ResolveResult, decisions: String? = nil) throws -> ResolveResult
    {
        var resolver = Resolver()
        resolver.context = ResolveContext(
            decisions: try decisions.map { try DecisionsFile.parse(Data($0.utf8)) } ?? Decisions(),
            previous: dataset(previous))
        return resolver.resolve(contacts)
    }

    private func id(of ref: String, in result: ResolveResult) -> String? {
        result.people.first { $0.records.contains { $0.ref.description == ref } }?.id
    }

    private var run: [Contact] {
        [
            ContactBuilder.person(0, 0, given: "jane", surname: "doe", emails: ["jane@example.com"], uid: "U-1"),
            ContactBuilder.person(
                0, 1, given: "omar", surname: "haddad", emails: ["omar@example.com"], mobiles: ["+491701111111"]),
            ContactBuilder.person(0, 2, given: "li", surname: "wei", mobiles: ["+8613800000000"]),
            ContactBuilder.person(
                1, 0, given: "li", surname: "wei", mobiles: ["+8613800000000"], street: "1 road", city: "x"),
        ]
    }

    @Test func sameInputsKeepEveryIdAndReportNoChange() throws {
        let first = Resolver().resolve(run)
        let second = try rerun(run, previous: first)
        #expect(Set(second.people.map(\.id)) == Set(first.people.map(\.id)))
        #expect(second.changes.isEmpty)
    }

    @Test func reorderedAndChangedRecordsKeepTheirIds() throws {
        let first = Resolver().resolve(run)
        // New positions, a record that lost its UID (re-exported) and one that gained a field.
        var moved = run.reversed().enumerated().map { offset, contact -> Contact in
            var copy = contact
            copy.ref = RecordRef(source: 3, index: offset)
            return copy
        }
        moved[3].uid = nil
        moved[2].notes = [TextValue("met at the conference")]
        let second = try rerun(moved, previous: first)
        for ref in ["S1#0", "S1#1", "S1#2", "S2#0"] {
            let old = try #require(id(of: ref, in: first))
            #expect(second.people.contains { $0.id == old }, "\(ref) lost its id")
        }
        #expect(!second.changes.contains { $0.kind == .added || $0.kind == .removed })
    }

    @Test func recordsThatChangedEverywhereFallBackToNameAndContact() throws {
        let first = Resolver().resolve(run)
        var changed = run
        changed[1].phones = []  // fingerprint changes; name and email still tie it
        let second = try rerun(changed, previous: first)
        #expect(id(of: "S1#1", in: second) == id(of: "S1#1", in: first))
        let update = try #require(second.changes.first { $0.person == id(of: "S1#1", in: first) })
        #expect(update.kind == .updated && update.fields == ["phones", "records"])
    }

    @Test func aMergeKeepsTheLargerPersonsIdAndListsTheOtherAsAlias() throws {
        // Omar is two records joined by email; a third Omar card shares only the name, so it is
        // its own person until a decision says it is the same.
        var contacts = run
        contacts.append(ContactBuilder.person(2, 0, given: "omar", surname: "haddad", mobiles: ["+491702222222"]))
        contacts.append(ContactBuilder.person(3, 0, given: "omar", surname: "haddad", emails: ["omar@example.com"]))
        let first = Resolver().resolve(contacts)
        let larger = try #require(id(of: "S1#1", in: first))
        let smaller = try #require(id(of: "S3#0", in: first))
        #expect(first.people.first { $0.id == larger }?.records.count == 2)
        #expect(larger != smaller)
        let second = try rerun(contacts, previous: first, decisions: #"{"decisions": [{"same": ["S3#0", "S1#1"]}]}"#)
        let merged = try #require(second.people.first { $0.id == larger })
        #expect(merged.records.count == 3)
        #expect(merged.aliases == [smaller])
        #expect(!second.people.contains { $0.id == smaller })
        #expect(second.changes.contains { $0.kind == .merged && $0.person == larger && $0.related == [smaller] })
        for ref in ["S1#0", "S1#2"] { #expect(id(of: ref, in: second) == id(of: ref, in: first)) }
    }

    @Test func aSplitKeepsTheIdOnTheLargerPart() throws {
        var contacts = run
        contacts.append(
            ContactBuilder.person(2, 0, given: "li", surname: "wei", mobiles: ["+8613800000000"], city: "y"))
        let first = Resolver().resolve(contacts)
        let li = try #require(id(of: "S1#2", in: first))
        #expect(first.people.first { $0.id == li }?.records.count == 3)
        let second = try rerun(
            contacts, previous: first, decisions: #"{"decisions": [{"split": [["S1#2"], ["S2#0", "S3#0"]]}]}"#)
        #expect(id(of: "S2#0", in: second) == li)
        #expect(id(of: "S3#0", in: second) == li)
        let part = try #require(id(of: "S1#2", in: second))
        #expect(part != li)
        #expect(second.changes.contains { $0.kind == .split && $0.person == li && $0.related == [part] })
    }

    @Test func addedAndRemovedPeopleAreReported() throws {
        let first = Resolver().resolve(run)
        var next = Array(run.dropFirst())
        next.append(ContactBuilder.person(4, 0, given: "nia", surname: "okafor", emails: ["nia@example.com"]))
        let second = try rerun(next, previous: first)
        let jane = try #require(id(of: "S1#0", in: first))
        let nia = try #require(id(of: "S5#0", in: second))
        #expect(second.changes.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.added, .removed])
        #expect(second.changes.contains { $0.kind == .removed && $0.person == jane })
        #expect(second.changes.contains { $0.kind == .added && $0.person == nia })
        #expect(!first.people.contains { $0.id == nia })
    }
}
