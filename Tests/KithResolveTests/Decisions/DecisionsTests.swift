import Foundation
import KithModel
import Testing

@testable import KithResolve

/// Each decision kind changes exactly what it says, and conflicting decisions are reported.
@Suite struct DecisionsTests {
    /// Two namesakes (kept apart: a name alone never merges), a pair that merges on a shared
    /// email and phone, and an unrelated person.
    private var records: [Contact] {
        [
            ContactBuilder.person(0, 0, given: "john", surname: "smith"),
            ContactBuilder.person(1, 0, given: "john", surname: "smith"),
            ContactBuilder.person(
                0, 1, given: "robert", surname: "miller", nicknameKeys: ["robert"], emails: ["rm@example.com"],
                mobiles: ["+491701234567"]),
            ContactBuilder.person(
                1, 1, given: "bob", surname: "miller", nicknameKeys: ["bob", "robert"], emails: ["rm@example.com"],
                mobiles: ["+491701234567"]),
            ContactBuilder.person(0, 2, given: "ann", surname: "lee", emails: ["ann@example.org"]),
        ]
    }

    private func resolve(_ json: String, _ contacts: [Contact]? = nil) throws -> ResolveResult {
        var resolver = Resolver()
        resolver.context = ResolveContext(decisions: try DecisionsFile.parse(Data(json.utf8)))
        return resolver.resolve(contacts ?? records)
    }

    /// The people as sets of record refs.
    private func partition(_ result: ResolveResult) -> Set<Set<String>> {
        Set(result.people.map { Set($0.records.map(\.ref.description)) })
    }

    private let baseline: Set<Set<String>> = [["S1#0"], ["S2#0"], ["S1#1", "S2#1"], ["S1#2"]]

    @Test func withoutDecisionsTheBaselineHolds() {
        #expect(partition(Resolver().resolve(records)) == baseline)
    }

    @Test func sameJoinsRecordsTheScoresKeptApart() throws {
        let result = try resolve(#"{"decisions": [{"same": ["S1#0", "S2#0"]}]}"#)
        #expect(partition(result) == [["S1#0", "S2#0"], ["S1#1", "S2#1"], ["S1#2"]])
    }

    @Test func differentUndoesAMergeWithOneDecision() throws {
        let result = try resolve(#"{"decisions": [{"different": ["S1#1", "S2#1"]}]}"#)
        #expect(partition(result) == [["S1#0"], ["S2#0"], ["S1#1"], ["S2#1"], ["S1#2"]])
        #expect(result.diagnostics.allSatisfy { !$0.code.rawValue.hasPrefix("decisions.") })
    }

    @Test func splitSeparatesTheNamedGroups() throws {
        var contacts = records
        contacts.append(
            ContactBuilder.person(
                2, 0, given: "robert", surname: "miller", emails: ["rm@example.com"], mobiles: ["+491701234567"]))
        #expect(partition(Resolver().resolve(contacts)).contains(["S1#1", "S2#1", "S3#0"]))
        let result = try resolve(#"{"decisions": [{"split": [["S1#1"], ["S2#1", "S3#0"]]}]}"#, contacts)
        #expect(partition(result) == [["S1#0"], ["S2#0"], ["S1#1"], ["S2#1", "S3#0"], ["S1#2"]])
    }

    @Test func preferChoosesTheNamedRecordsValue() throws {
        let before = Resolver().resolve(records)
        let merged = try #require(before.people.first { $0.records.count == 2 })
        let chosen = try #require(merged.card.name)
        // Prefer the record whose name lost.
        let loser = try #require(merged.alternates.first { $0.path == "name" })
        let loserRef = try #require(loser.from.first)
        let result = try resolve(#"{"decisions": [{"prefer": {"field": "name", "record": "\#(loserRef)"}}]}"#)
        #expect(partition(result) == baseline)
        let person = try #require(result.people.first { $0.id == merged.id })
        #expect(person.card.name?.meta.from == [loserRef])
        #expect(person.card.name?.given != chosen.given)
        let alternate = try #require(person.alternates.first { $0.path == "name" })
        #expect(alternate.reason.contains("decision 1"))
        if case .name(let name) = alternate.value {
            #expect(name.given == chosen.given)
        } else {
            Issue.record("not a name")
        }
        // Nobody else changed.
        for other in result.people where other.id != merged.id {
            #expect(before.people.contains(other))
        }
    }

    @Test func conflictingDecisionsAreReportedNotResolvedSilently() throws {
        let result = try resolve(#"{"decisions": [{"different": ["S1#0", "S2#0"]}, {"same": ["S2#0", "S1#0"]}]}"#)
        let conflict = try #require(result.diagnostics.first { $0.code.rawValue == "decisions.conflict" })
        #expect(conflict.message.contains("decision 2") && conflict.message.contains("decision 1"))
        #expect(partition(result) == baseline)
    }

    @Test func aPairDecidedApartIsNotListedForReviewAgain() throws {
        let namesakes: Set<String> = ["S1#0", "S2#0"]
        let pairs = { (result: ResolveResult) in result.review.map { Set([$0.a.description, $0.b.description]) } }
        #expect(pairs(Resolver().resolve(records)).contains(namesakes))
        let result = try resolve(#"{"decisions": [{"different": ["S1#0", "S2#0"]}]}"#)
        #expect(!pairs(result).contains(namesakes))
        #expect(partition(result) == baseline)
    }

    @Test func pairsBetweenPeopleADecisionSeparatesAreNotListed() throws {
        // A third Robert Miller with the same mailbox and mobile: "different" from one of the two
        // keeps it apart from both, and its strong pair with the other is settled too.
        var contacts = records
        contacts.append(
            ContactBuilder.person(
                2, 0, given: "robert", surname: "miller", emails: ["rm@example.com"], mobiles: ["+491701234567"]))
        let result = try resolve(#"{"decisions": [{"different": ["S1#1", "S3#0"]}]}"#, contacts)
        #expect(partition(result).contains(["S3#0"]))
        #expect(!result.review.contains { $0.a.description == "S3#0" || $0.b.description == "S3#0" })
        #expect(!result.review.contains { $0.reason.contains("decision") })
    }

    @Test func namesakesSharingOneKeyAreKeptApartWithoutAConflict() throws {
        // Two bare "John Smith" cards have one fingerprint: a review names them by it on both
        // sides, and "different" means the records it names are apart from one another.
        let fingerprint = RecordFingerprint.of(records[0])
        #expect(fingerprint == RecordFingerprint.of(records[1]))
        let result = try resolve(#"{"decisions": [{"different": ["\#(fingerprint)", "\#(fingerprint)"]}]}"#)
        #expect(!result.diagnostics.contains { $0.code.rawValue.hasPrefix("decisions.") })
        #expect(!result.review.contains { $0.a.description == "S1#0" && $0.b.description == "S2#0" })
        // One record on both sides separates nothing, and says so.
        let itself = try resolve(#"{"decisions": [{"different": ["S1#2", "S1#2"]}]}"#)
        let conflict = try #require(itself.diagnostics.first { $0.code.rawValue == "decisions.conflict" })
        #expect(conflict.message.contains("cannot be apart from itself"))
        #expect(itself.diagnostics.filter { $0.code.rawValue == "decisions.conflict" }.count == 1)
    }

    @Test func conflictingPreferencesAreReported() throws {
        let result = try resolve(
            #"{"decisions": [{"prefer": {"field": "name", "record": "S1#1"}}, {"prefer": {"field": "name", "record": "S2#1"}}]}"#
        )
        #expect(result.diagnostics.contains { $0.code.rawValue == "decisions.conflict" && $0.message.contains("1, 2") })
    }

    @Test func recordsNamedByUIDAndFingerprint() throws {
        var contacts = records
        contacts[0].uid = "urn:uuid:AAAA-1"
        let fingerprint = RecordFingerprint.of(contacts[1])
        let result = try resolve(#"{"decisions": [{"same": ["uid:aaaa-1", "\#(fingerprint)"]}]}"#, contacts)
        #expect(partition(result).contains(["S1#0", "S2#0"]))
    }

    @Test func unmatchedRecordsAreReported() throws {
        let result = try resolve(#"{"decisions": [{"same": ["uid:nobody", "S1#0"]}]}"#)
        #expect(
            result.diagnostics.contains {
                $0.code.rawValue == "decisions.unmatched" && $0.message.contains("uid:nobody")
            })
        #expect(partition(result) == baseline)
    }

    @Test func anEditedReviewFileIsADecisionsFile() throws {
        let review = """
            {"kith-review": 1, "pairs": [
            {"a": "S1#0", "b": "S2#0", "personA": "x", "personB": "y", "decision": "accept"},
            {"a": "S1#1", "b": "S2#1", "personA": "z", "personB": "z", "decision": "reject"},
            {"a": "S1#2", "b": "S2#1", "personA": "z", "personB": "w", "decision": null}]}
            """
        let decisions = try DecisionsFile.parse(Data(review.utf8))
        #expect(decisions.items.count == 2)
        #expect(decisions.diagnostics.isEmpty)
        var resolver = Resolver()
        resolver.context = ResolveContext(decisions: decisions)
        #expect(partition(resolver.resolve(records)) == [["S1#0", "S2#0"], ["S1#1"], ["S2#1"], ["S1#2"]])
    }

    @Test(arguments: [
        #"[1, 2]"#, #"{"nothing": []}"#, #"not json"#,
    ])
    func malformedFilesAreErrors(_ text: String) {
        #expect(throws: KithError.self) { try DecisionsFile.parse(Data(text.utf8)) }
    }

    @Test func malformedEntriesAreDiagnosticsNotCrashes() throws {
        let decisions = try DecisionsFile.parse(
            Data(
                #"{"decisions": [{"same": ["S1#0"]}, {"merge": 1}, {"prefer": {"field": "email", "record": "S1#0"}}, 7]}"#
                    .utf8))
        #expect(decisions.items.isEmpty)
        #expect(decisions.diagnostics.count == 4)
        #expect(decisions.diagnostics.allSatisfy { $0.code.rawValue == "decisions.invalid" })
    }
}

extension DecisionsTests {
    @Test func withoutMergingLinkDecisionsAreReportedAsIgnored() throws {
        var resolver = Resolver(options: ResolveOptions(merge: false))
        resolver.context = ResolveContext(
            decisions: try DecisionsFile.parse(Data(#"{"decisions": [{"same": ["S1#0", "S2#0"]}]}"#.utf8)))
        let result = resolver.resolve(records)
        #expect(result.people.count == records.count)
        #expect(result.diagnostics.contains { $0.code.rawValue == "decisions.ignored" })
    }

    @Test func aPersonIdNamesThePersonsRecords() throws {
        // Without a previous dataset, a person id names the record its id was derived from.
        let before = Resolver().resolve(records)
        let ann = try #require(before.people.first { $0.records.map(\.ref.description) == ["S1#2"] })
        let john = try #require(before.people.first { $0.records.map(\.ref.description) == ["S1#0"] })
        let result = try resolve(#"{"decisions": [{"same": ["\#(ann.id)", "\#(john.id)"]}]}"#)
        #expect(partition(result).contains(["S1#0", "S1#2"]))
    }
}
