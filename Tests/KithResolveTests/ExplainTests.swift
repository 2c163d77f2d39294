import KithModel
import Testing

@testable import KithResolve

@Suite struct ExplainTests {
    private func dataset(_ contacts: [Contact]) -> (Dataset, ResolveResult) {
        let result = Resolver().resolve(contacts)
        let sources = [
            SourceInfo(
                number: 0, path: "phone.vcf", format: "vcard", flavor: "vcard-3.0", encoding: "utf-8", sha256: "",
                records: 3),
            SourceInfo(
                number: 1, path: "google.csv", format: "csv", flavor: "csv/google", encoding: "utf-8", sha256: "",
                records: 1),
        ]
        return (
            Dataset(
                generator: "test", generatedAt: "", sources: sources, people: result.people, groups: [], diagnostics: []
            ), result
        )
    }

    @Test func explainsJoinsAndNearCandidates() throws {
        let contacts = [
            ContactBuilder.person(
                0, 0, given: "robert", surname: "miller", emails: ["rm@example.com"], landlines: ["+4930123456"]),
            ContactBuilder.person(
                1, 0, given: "bob", surname: "miller", nicknameKeys: ["bob", "robert"], emails: ["rm@example.com"]),
            ContactBuilder.person(0, 1, given: "susan", surname: "miller", landlines: ["+4930123456"]),
            ContactBuilder.person(0, 2, given: "zoe", surname: "quinn"),
        ]
        let (data, result) = dataset(contacts)
        let robert = try #require(result.people.first { $0.records.count == 2 })
        let text = try #require(MatchExplainer.explain(personID: robert.id, in: data))
        #expect(text.contains("S1#0 + S2#0"))
        #expect(text.contains("email exact"))
        #expect(text.contains("phone.vcf record 0"))
        // Susan shares the landline and surname: a near candidate, vetoed on the given name.
        #expect(text.contains("vetoed: given names differ"))
        #expect(MatchExplainer.explain(personID: "urn:uuid:nobody", in: data) == nil)
    }

    @Test func reviewFileIsJSONWithUndecidedPairs() throws {
        let pair = ReviewPair(
            a: RecordRef(source: 0, index: 1), b: RecordRef(source: 1, index: 0), personA: "urn:uuid:a",
            personB: "urn:uuid:b",
            weight: 10.5, probability: 0.93, evidence: [MatchEvidence(field: "email", level: "exact", weight: 12.25)],
            reason: "below the threshold by \"1.5\" bits")
        let text = ReviewFile.json([pair], sources: [])
        let object = try #require(try JSONSerializationShim.parse(text) as? [String: Any])
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1)
        #expect(pairs[0]["a"] as? String == "S1#1")
        #expect(pairs[0]["reason"] as? String == "below the threshold by \"1.5\" bits")
        #expect(pairs[0]["decision"] is NSNullShim)
        #expect(ReviewFile.json([], sources: []) == "{\"kith-review\": 1,\n\"pairs\": []}\n")
    }
}
