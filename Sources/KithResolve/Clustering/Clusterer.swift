internal import KithModel

/// A scored candidate pair.
struct ScoredPair: Sendable {
    var i: Int32
    var j: Int32
    var weight: Double
    var veto: Veto?
}

/// Why a pair above the threshold was not joined.
enum KeptApart: Sendable {
    case vetoed(Veto)
    /// The pair was joined to one of two people who may not be merged, and the evidence for
    /// each was about as strong.
    case ambiguous
    /// Joining would have put two conflicting records in one person.
    case clusterConflict(Veto)
    /// The two people hold too many different records to check every pair of them.
    case tooLargeToCheck
    /// A `different` or `split` decision keeps the records apart.
    case decided
    /// Only the name agreed (a name alone never merges).
    case nameOnly
    /// Only the name and household evidence agreed: a shared address or landline, which a
    /// father and son of one name share as well.
    case nameAndHousehold

    /// What agreed, for a pair kept apart on its name.
    var agreement: String {
        switch self {
        case .nameAndHousehold:
            "only the name and household evidence (address, landline) agree, which a father and son of one name share"
        case .nameOnly: "only the name agrees"
        default: reason
        }
    }

    /// The sentence used in explanations and review files.
    var reason: String {
        switch self {
        case .vetoed(let veto): "vetoed: \(veto.reason)"
        case .ambiguous: "ambiguous: the record also matches a conflicting person about as strongly"
        case .clusterConflict(let veto):
            "kept apart: joining would put conflicting records in one person (\(veto.reason))"
        case .tooLargeToCheck:
            "kept apart: the two people hold too many different records to check every pair for a conflict"
        case .nameOnly, .nameAndHousehold: "kept apart: " + agreement
        case .decided: "kept apart by a decision (different or split)"
        }
    }
}

/// The clusters of an input, with the pairs that joined them and the strong pairs kept apart.
struct Clustering: Sendable {
    /// Cluster number of each record; clusters are numbered by their first record.
    var clusterOf: [Int32]
    /// The pairs that joined clusters (a spanning forest), in the order they were accepted.
    var joined: [ScoredPair]
    /// Pairs at or above the threshold that were not joined, and why.
    var keptApart: [(ScoredPair, KeptApart)]
}

/// Two cluster roots, the smaller first.
private struct ConflictKey: Hashable {
    var a: Int32
    var b: Int32
}

/// Greedy agglomerative clustering with a guard against chaining.
///
/// Pairs at or above the threshold are taken strongest first (ties broken by record order,
/// which is canonical), and two clusters are joined only if no member of one conflicts with a
/// member of the other (the vetoes). Before that, a record whose strong partners conflict with
/// each other (a "John Smith" without suffix next to "John Smith Jr." and "John Smith Sr.")
/// is joined to none of them unless one is clearly stronger: such a bridge is how chains form.
struct Clusterer: Sendable {
    let comparator: PairComparator
    let model: MatchModel
    var threshold: Double
    /// How much stronger (bits) one of two conflicting partners must be to win a bridge record.
    var bridgeMargin = 8.0
    /// Cross-member conflict checks allowed for one join before the join is refused (copies of
    /// one record are checked once).
    var maxChecks = 4_096
    /// A cross pair weighing less than this (bits) is evidence of two people: refuse the join.
    var conflictWeight = -8.0
    /// Decisions: must-link pairs joined first, cannot-link pairs never joined.
    var constraints = ClusterConstraints()

    /// - Complexity: O(p log p) for p pairs, plus the conflict checks of each join.
    func cluster(records n: Int, pairs: [ScoredPair]) -> Clustering {
        var keptApart: [(ScoredPair, KeptApart)] = []
        var strong: [ScoredPair] = []
        for pair in pairs where pair.weight >= threshold {
            if let veto = pair.veto { keptApart.append((pair, .vetoed(veto))) } else { strong.append(pair) }
        }
        var clock = StageClock("resolve.cluster")
        let dropped = bridgeEdges(strong, records: n)
        clock.lap("bridges")
        var accepted: [ScoredPair] = []
        for (index, pair) in strong.enumerated() {
            if dropped.contains(index) { keptApart.append((pair, .ambiguous)) } else { accepted.append(pair) }
        }
        accepted.sort { a, b in
            if a.weight != b.weight { return a.weight > b.weight }
            return (a.i, a.j) < (b.i, b.j)
        }
        var parent = [Int32](0..<Int32(n))
        var members: [[Int32]] = (0..<n).map { [Int32($0)] }
        // A root's members begin with its distinct ones: those that are no copy (same features)
        // of an earlier member. Only they are compared in the conflict checks: a person of fifty
        // identical cards is one record to check.
        var distinctCount = [Int32](repeating: 1, count: n)
        let signatures = comparator.features.signatures()
        var joined: [ScoredPair] = []
        var conflicts: [ConflictKey: KeptApart] = [:]

        func find(_ x: Int32) -> Int32 {
            var x = x
            while parent[Int(x)] != x {
                parent[Int(x)] = parent[Int(parent[Int(x)])]
                x = parent[Int(x)]
            }
            return x
        }
        for (x, y) in constraints.mustLink {
            let (a, b) = (find(x), find(y))
            if a == b { continue }
            let (root, child) = members[Int(a)].count >= members[Int(b)].count ? (a, b) : (b, a)
            parent[Int(child)] = root
            absorb(child, into: root, members: &members, distinctCount: &distinctCount, signatures: signatures)
        }
        for pair in accepted {
            let a = find(pair.i)
            let b = find(pair.j)
            if a == b { continue }
            if constraints.separates(members[Int(a)], from: b, root: find) {
                keptApart.append((pair, .decided))
                continue
            }
            // Clusters only grow, and a root keeps its members while it stays a root (an absorbed
            // root never is one again): two roots found in conflict stay in conflict, whatever
            // either gains later, so each such pair of roots is checked once.
            let key = ConflictKey(a: min(a, b), b: max(a, b))
            let refused: KeptApart?
            if let known = conflicts[key] {
                refused = known
            } else {
                refused = conflict(
                    members[Int(a)].prefix(Int(distinctCount[Int(a)])),
                    members[Int(b)].prefix(Int(distinctCount[Int(b)])),
                    joining: pair)
                if let refused { conflicts[key] = refused }
            }
            if let refused {
                keptApart.append((pair, refused))
                continue
            }
            let (root, child) = members[Int(a)].count >= members[Int(b)].count ? (a, b) : (b, a)
            parent[Int(child)] = root
            absorb(child, into: root, members: &members, distinctCount: &distinctCount, signatures: signatures)
            joined.append(pair)
        }
        clock.lap("joins")
        var clusterOf = [Int32](repeating: -1, count: n)
        var firstOfRoot = [Int32](repeating: -1, count: n)
        for record in 0..<n {
            let root = Int(find(Int32(record)))
            if firstOfRoot[root] < 0 { firstOfRoot[root] = Int32(record) }
            clusterOf[record] = firstOfRoot[root]
        }
        return Clustering(clusterOf: clusterOf, joined: joined, keptApart: keptApart)
    }

    /// Moves the members of cluster `child` into cluster `root`: `root`'s distinct members, then
    /// `child`'s that are no copy of one of them (another ``RecordFeatures/signature(_:)``), then
    /// the copies.
    private func absorb(
        _ child: Int32, into root: Int32, members: inout [[Int32]], distinctCount: inout [Int32],
        signatures: [UInt64]
    ) {
        let held = members[Int(root)]
        let taken = members[Int(child)]
        let heldDistinct = held.prefix(Int(distinctCount[Int(root)]))
        let takenDistinct = taken.prefix(Int(distinctCount[Int(child)]))
        var merged = Array(heldDistinct)
        merged.reserveCapacity(held.count + taken.count)
        var copies: [Int32] = []
        for record in takenDistinct {
            if heldDistinct.contains(where: { signatures[Int($0)] == signatures[Int(record)] }) {
                copies.append(record)
            } else {
                merged.append(record)
            }
        }
        distinctCount[Int(root)] = Int32(merged.count)
        merged += held[heldDistinct.endIndex...]
        merged += copies
        merged += taken[takenDistinct.endIndex...]
        members[Int(root)] = merged
        members[Int(child)] = []
    }

    /// Why clusters `a` and `b` (their distinct members) may not be joined: the first conflict
    /// between a member of one and a member of the other, or their size. The joining pair itself
    /// is not compared again when its score already says it is none: it was scored with no veto
    /// (accepted pairs have none), and no weight low enough to be a disagreement.
    ///
    /// A large check is split among the cores by member of `a`; the answer is still the first
    /// conflict in order (the first run that finds one gives it), as when checked one by one.
    private func conflict(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>, joining pair: ScoredPair) -> KeptApart? {
        if a.count * b.count > maxChecks { return .tooLargeToCheck }
        let known = pair.veto == nil && pair.weight >= conflictWeight
        func firstConflict(_ members: ArraySlice<Int32>) -> KeptApart? {
            for x in members {
                for y in b where !(known && ((x == pair.i && y == pair.j) || (x == pair.j && y == pair.i))) {
                    let comparison = comparator.compare(Int(x), Int(y))
                    if let veto = comparator.veto(Int(x), Int(y), comparison) { return .clusterConflict(veto) }
                    if model.totalWeight(comparison) < conflictWeight { return .clusterConflict(.disagreement) }
                }
            }
            return nil
        }
        guard a.count * b.count >= Self.sharedChecks else { return firstConflict(a) }
        let base = a.startIndex
        let found = concurrentSlices(count: a.count, minimumPerPart: 1) { range in
            firstConflict(a[(base + range.lowerBound)..<(base + range.upperBound)])
        }
        return found.lazy.compactMap { $0 }.first
    }

    /// Conflict checks from which one join's are shared among the cores (a few hundred
    /// microseconds of comparisons, well above the cost of handing them out).
    static let sharedChecks = 512

    /// Indices (in `strong`) of edges from a bridge record to partners that conflict with
    /// another partner of about the same strength.
    private func bridgeEdges(_ strong: [ScoredPair], records n: Int) -> Set<Int> {
        // The edges of each record, as runs of one array (record r's run: offsets[r]..<offsets[r+1]).
        var offsets = [Int](repeating: 0, count: n + 1)
        for pair in strong {
            offsets[Int(pair.i) + 1] += 1
            offsets[Int(pair.j) + 1] += 1
        }
        for record in 0..<n { offsets[record + 1] += offsets[record] }
        var edges = [Int](repeating: 0, count: offsets[n])
        var filled = offsets
        for (index, pair) in strong.enumerated() {
            edges[filled[Int(pair.i)]] = index
            filled[Int(pair.i)] += 1
            edges[filled[Int(pair.j)]] = index
            filled[Int(pair.j)] += 1
        }
        // Each record's partners are checked on their own, so the records are split among the cores.
        let parts = concurrentSlices(count: n, minimumPerPart: 16_384) { records in
            var dropped: [Int] = []
            for record in records where offsets[record + 1] - offsets[record] >= 2 {
                let limited = edges[offsets[record]..<offsets[record + 1]]
                    .sorted { strong[$0].weight != strong[$1].weight ? strong[$0].weight > strong[$1].weight : $0 < $1 }
                    .prefix(24)
                let partners = limited.map { index -> (Int32, Double, Int) in
                    let pair = strong[index]
                    return (pair.i == Int32(record) ? pair.j : pair.i, pair.weight, index)
                }
                for a in 0..<partners.count {
                    for b in (a + 1)..<partners.count {
                        let (p, wp, ip) = partners[a]
                        let (q, wq, iq) = partners[b]
                        guard comparator.isHardConflict(Int(p), Int(q)) else { continue }
                        // Keep the clearly stronger side; drop both when it is a close call.
                        if wp - wq < bridgeMargin { dropped.append(ip) }
                        if wq - wp < bridgeMargin { dropped.append(iq) }
                    }
                }
            }
            return dropped
        }
        var dropped = Set<Int>()
        for part in parts { dropped.formUnion(part) }
        return dropped
    }
}
