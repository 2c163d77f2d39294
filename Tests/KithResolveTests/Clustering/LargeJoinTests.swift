import KithModel
import Testing

@testable import KithResolve

/// A join whose conflict checks are many (two people of 24 distinct records: 576 checks) is
/// checked on every core; the answer is the one the checks give one by one.
@Suite struct LargeJoinTests {
    /// Record `index`: all share a name and an email, and each has its own landline (so no two
    /// are copies). The records of one chain (the first when `firstHasThem`) also share a
    /// birthday and a mobile; the others have neither, except the `odd` one, with another
    /// birthday and mobile: it conflicts with the records of the other chain only.
    private static func record(_ index: Int, odd: Int? = nil, firstHasThem: Bool = true) -> Contact {
        let first = (index < 24) == firstHasThem
        let isOdd = index == odd
        return ContactBuilder.person(
            0, index, given: "anna", surname: "meyer",
            birthday: first
                ? PartialDate(year: 1980, month: 5, day: 6) : isOdd ? PartialDate(year: 1950, month: 2, day: 3) : nil,
            emails: ["anna.meyer@example.org"],
            mobiles: first ? ["+4915100000001"] : isOdd ? ["+4915199999999"] : [],
            landlines: ["+49228100\(String(format: "%03d", index))"])
    }

    /// Two chains of 24 records (0–23 and 24–47), each joined first, then a weaker pair between them.
    private static func cluster(_ records: [Contact]) -> Clustering {
        let engine = ScoringEngine(records: records, options: ResolveOptions())
        let clusterer = Clusterer(comparator: engine.comparator, model: engine.model, threshold: 10)
        var pairs: [ScoredPair] = []
        for i in 0..<23 { pairs.append(ScoredPair(i: Int32(i), j: Int32(i + 1), weight: 40)) }
        for i in 24..<47 { pairs.append(ScoredPair(i: Int32(i), j: Int32(i + 1), weight: 40)) }
        pairs.append(ScoredPair(i: 0, j: 24, weight: 20))
        return clusterer.cluster(records: records.count, pairs: pairs)
    }

    @Test func twoLargePeopleWithoutConflictJoin() {
        let clustering = Self.cluster((0..<48).map { Self.record($0) })
        #expect(Set(clustering.clusterOf).count == 1)
        #expect(clustering.keptApart.isEmpty)
    }

    /// The different record early, in the middle or last of either chain (the members of the
    /// chain of record 0 are the ones split among the cores): wherever the conflict lies among
    /// the checks, the join is refused as a conflict between the clusters. (Records next to the
    /// joining pair are left out: a conflict there is caught before, as an ambiguous bridge.)
    @Test(arguments: [(26, true), (35, true), (47, true), (2, false), (12, false), (23, false)])
    func aConflictAnywhereKeepsThemApart(odd: Int, firstHasThem: Bool) {
        let clustering = Self.cluster((0..<48).map { Self.record($0, odd: odd, firstHasThem: firstHasThem) })
        #expect(Set(clustering.clusterOf[0..<24]).count == 1)
        #expect(Set(clustering.clusterOf[24..<48]).count == 1)
        #expect(clustering.clusterOf[0] != clustering.clusterOf[24])
        let refused = clustering.keptApart.filter { $0.0.i == 0 && $0.0.j == 24 }
        #expect(refused.count == 1)
        if case .clusterConflict? = refused.first?.1 {
        } else {
            Issue.record("not refused as a cluster conflict: \(String(describing: refused.first?.1))")
        }
    }
}
