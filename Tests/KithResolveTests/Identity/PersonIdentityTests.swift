import KithModel
import Testing

@testable import KithResolve

/// Person ids: the smallest record key of a person, hashed; people whose smallest keys are
/// equal are told apart by their sorted key lists, then by the earliest record holding that key.
@Suite struct PersonIdentityTests {
    private func urn(_ name: String) -> String {
        StableID.urn(namespace: "person", name: name)
    }

    private let keys = ["uid:b", "fp:9", "uid:a", "fp:1", "fp:1", "fp:1", "fp:2", "fp:1", "fp:1"]
    private let refs = (0..<9).map { RecordRef(source: $0 % 2, index: 10 - $0) }

    @Test func theSmallestKeyNamesAPerson() {
        let ids = PersonIdentity.assign(clusters: [0: [0, 1], 2: [2]], keys: keys, refs: refs)
        #expect(ids[0] == urn("fp:9"))
        #expect(ids[2] == urn("uid:a"))
    }

    @Test func equalSmallestKeysAreRankedByKeyListsThenEarliestRecord() {
        // Clusters 3, 5, 7 all have "fp:1" as their smallest key. Key lists: 3 → [fp:1, fp:2]
        // (records 3, 6); 5 → [fp:1] (record 5); 7 → [fp:1] (record 7), then [fp:1] (record 8) in
        // cluster 8. [fp:1] precedes [fp:1, fp:2]; among the [fp:1] ones the earliest record wins:
        // refs of records 5, 7, 8 are S1#5, S1#3, S0#2, so 8 < 7 < 5.
        let clusters: [Int: [Int]] = [3: [6, 3], 5: [5], 7: [7], 8: [8]]
        let ids = PersonIdentity.assign(clusters: clusters, keys: keys, refs: refs)
        #expect(ids[8] == urn("fp:1"))
        #expect(ids[7] == urn("fp:1#2"))
        #expect(ids[5] == urn("fp:1#3"))
        #expect(ids[3] == urn("fp:1#4"))
    }

    @Test func membersOrderDoesNotMatter() {
        let a = PersonIdentity.assign(clusters: [3: [6, 3], 5: [5], 0: [1, 0]], keys: keys, refs: refs)
        let b = PersonIdentity.assign(clusters: [0: [0, 1], 5: [5], 3: [3, 6]], keys: keys, refs: refs)
        #expect(a == b)
        #expect(Set(a.values).count == 3)
    }
}
