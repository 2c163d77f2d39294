internal import KithModel

/// Decisions turned into constraints on the records of one run (canonical indices).
///
/// `same` gives must-link pairs, `different` and `split` cannot-link pairs. A must-link that
/// would put two cannot-linked records together is not applied and is reported as
/// `decisions.conflict`, naming both decisions: conflicting decisions are never resolved
/// silently.
struct ClusterConstraints: Sendable {
    /// Pairs joined before any scored pair, in decision order (already checked for conflicts).
    var mustLink: [(Int32, Int32)] = []
    /// For each record, the records it may never share a person with.
    var cannotLink: [Int32: [Int32]] = [:]

    var isEmpty: Bool { mustLink.isEmpty && cannotLink.isEmpty }

    /// Whether a decision keeps records `a` and `b` apart.
    func keepsApart(_ a: Int32, _ b: Int32) -> Bool {
        cannotLink[a]?.contains(b) ?? false
    }

    /// Whether joining the cluster of `members` to the cluster whose root is `other` would put
    /// cannot-linked records together. `root` finds a record's cluster.
    func separates(_ members: [Int32], from other: Int32, root: (Int32) -> Int32) -> Bool {
        if cannotLink.isEmpty { return false }
        for x in members {
            guard let ys = cannotLink[x] else { continue }
            for y in ys where root(y) == other { return true }
        }
        return false
    }
}

/// The records of a run, indexed for finding what decisions name.
struct RecordDirectory {
    let records: [Contact]
    let keys: [String]
    let fingerprints: [String]
    let sourcePaths: [Int: String]
    let previous: Dataset?
    private var byUID: [String: [Int]] = [:]
    private var byFingerprint: [String: [Int]] = [:]
    private var byRef: [RecordRef: Int] = [:]
    private var byOwnID: [String: Int]?

    init(records: [Contact], keys: [String], fingerprints: [String], sourcePaths: [Int: String], previous: Dataset?) {
        self.records = records
        self.keys = keys
        self.fingerprints = fingerprints
        self.sourcePaths = sourcePaths
        self.previous = previous
        for (index, record) in records.enumerated() {
            if let uid = record.uid, !uid.isEmpty {
                byUID[RecordKey.normalizedUID(uid.trimmingWhitespace()), default: []].append(index)
            }
            byFingerprint[fingerprints[index], default: []].append(index)
            if keys[index].hasPrefix("fp:") { byFingerprint[keys[index], default: []].append(index) }
            byRef[record.ref] = index
        }
    }

    /// The canonical indices of the records `selector` names (sorted, unique).
    mutating func find(_ selector: RecordSelector) -> [Int] {
        var found: [Int]
        switch selector {
        case .uid(let uid, let file):
            found = byUID[RecordKey.normalizedUID(uid.trimmingWhitespace())] ?? []
            if let file { found = found.filter { Self.matches(sourcePaths[Int(records[$0].ref.source)], file) } }
        case .fingerprint(let text):
            found = byFingerprint[text] ?? []
        case .position(let ref, let file):
            var ref = ref
            if let file, ref.source < 0 || !Self.matches(sourcePaths[Int(ref.source)], file) {
                guard let source = sourcePaths.keys.sorted().first(where: { Self.matches(sourcePaths[$0], file) })
                else { return [] }
                ref.source = Int32(source)
            }
            found = byRef[ref].map { [$0] } ?? []
        case .person(let id):
            found = personRecords(id)
        }
        return Array(Set(found)).sorted()
    }

    /// A person's records: through the previous dataset when it knows the id, else the record
    /// whose own key the id derives from.
    private mutating func personRecords(_ id: String) -> [Int] {
        if let previous, let person = previous.people.first(where: { $0.id == id || $0.aliases.contains(id) }) {
            var out: [Int] = []
            for record in person.records {
                if let uid = record.uid, !uid.isEmpty,
                    let hits = byUID[RecordKey.normalizedUID(uid.trimmingWhitespace())]
                {
                    out += hits
                } else if let fingerprint = record.fingerprint, let hits = byFingerprint[fingerprint] {
                    out += hits
                }
            }
            if !out.isEmpty { return out }
        }
        if byOwnID == nil {
            var map: [String: Int] = [:]
            for (index, key) in keys.enumerated()
            where map[StableID.urn(namespace: PersonIdentity.namespace, name: key)] == nil {
                map[StableID.urn(namespace: PersonIdentity.namespace, name: key)] = index
            }
            byOwnID = map
        }
        return byOwnID?[id].map { [$0] } ?? []
    }

    /// Whether a source path is `file`, or ends with `/file`.
    static func matches(_ path: String?, _ file: String) -> Bool {
        guard let path else { return false }
        return path == file || path.hasSuffix("/" + file) || file.hasSuffix("/" + path)
    }
}

/// Compiles decisions into ``ClusterConstraints`` and record-level preferences.
struct DecisionCompiler {
    struct Preference {
        var field: String
        var records: [Int]
        /// The records' references, to find the values they gave.
        var refs: Set<RecordRef>
        var value: String?
        var number: Int
    }

    var constraints = ClusterConstraints()
    var preferences: [Preference] = []
    var diagnostics: [Diagnostic] = []

    /// - Complexity: O(records + decisions × records named).
    init(_ decisions: Decisions, directory: inout RecordDirectory) {
        var cannotSource: [Pair: Int] = [:]
        var must: [(Int, Int, Int)] = []
        for decision in decisions.items {
            switch decision.kind {
            case .same(let selectors):
                let groups = resolve(selectors, decision, &directory)
                let all = groups.flatMap { $0 }
                guard let first = all.first else { continue }
                for other in all.dropFirst() where other != first { must.append((first, other, decision.number)) }
            case .different(let selectors):
                separate(resolve(selectors, decision, &directory), decision, &cannotSource)
            case .split(_, let groups):
                let resolved = groups.map { group in resolve(group, decision, &directory).flatMap { $0 } }
                separate(resolved, decision, &cannotSource)
            case .prefer(let field, let record, let person, let value):
                let records = record.map { directory.find($0) } ?? person.map { directory.find(.person($0)) } ?? []
                if records.isEmpty {
                    unmatched(decision, record?.description ?? person ?? "")
                } else {
                    preferences.append(
                        Preference(
                            field: field, records: records, refs: Set(records.map { directory.records[$0].ref }),
                            value: record == nil ? value : nil, number: decision.number))
                }
            }
        }
        // Must-links in decision order; one that would join cannot-linked records is refused.
        var parent = [Int: Int]()
        var members = [Int: [Int]]()
        func root(_ x: Int) -> Int {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        for (a, b, number) in must {
            let (ra, rb) = (root(a), root(b))
            if ra == rb { continue }
            let left = members[ra] ?? [a]
            let right = members[rb] ?? [b]
            let rightSet = Set(right)
            var clash: Int?
            search: for x in left {
                for y in constraints.cannotLink[Int32(x)] ?? [] where rightSet.contains(Int(y)) {
                    clash = cannotSource[Pair(x, Int(y))]
                    break search
                }
            }
            if let clash {
                diagnostics.append(
                    Diagnostic(
                        line: 0, severity: .warning, code: "decisions.conflict",
                        message:
                            "decision \(number) (same) conflicts with decision \(clash), which keeps these records apart; "
                            + "decision \(number) was not applied for \(directory.records[a].ref) and \(directory.records[b].ref): "
                            + "remove one of the two decisions"))
                continue
            }
            parent[rb] = ra
            parent[ra] = ra
            members[ra] = left + right
            members[rb] = nil
            constraints.mustLink.append((Int32(a), Int32(b)))
        }
    }

    private mutating func resolve(
        _ selectors: [RecordSelector], _ decision: Decision, _ directory: inout RecordDirectory
    ) -> [[Int]] {
        selectors.map { selector in
            let found = directory.find(selector)
            if found.isEmpty { unmatched(decision, selector.description) }
            return found
        }
    }

    /// Keeps each record of a group apart from each record of the others. A record on both
    /// sides is skipped: "fp:… different from fp:…" where the key names two namesakes with
    /// nothing else keeps them apart from each other. Only a decision that separates nothing
    /// at all is reported.
    private mutating func separate(_ groups: [[Int]], _ decision: Decision, _ sources: inout [Pair: Int]) {
        var sameOnBothSides = false
        var separated = false
        defer {
            if sameOnBothSides && !separated {
                diagnostics.append(
                    Diagnostic(
                        line: 0, severity: .warning, code: "decisions.conflict",
                        message:
                            "decision \(decision.number) names the same record on both sides; a record cannot be apart from itself"
                    ))
            }
        }
        for (g, group) in groups.enumerated() {
            for other in groups[(g + 1)...] {
                for x in group {
                    for y in other {
                        if x == y {
                            sameOnBothSides = true
                            continue
                        }
                        separated = true
                        if sources[Pair(x, y)] == nil {
                            sources[Pair(x, y)] = decision.number
                            constraints.cannotLink[Int32(x), default: []].append(Int32(y))
                            constraints.cannotLink[Int32(y), default: []].append(Int32(x))
                        }
                    }
                }
            }
        }
    }

    private mutating func unmatched(_ decision: Decision, _ what: String) {
        diagnostics.append(
            Diagnostic(
                line: 0, severity: .warning, code: "decisions.unmatched",
                message: "decision \(decision.number): \(what) matches no record of this run; that part is not applied")
        )
    }

    struct Pair: Hashable {
        let low: Int
        let high: Int
        init(_ a: Int, _ b: Int) { (low, high) = a < b ? (a, b) : (b, a) }
    }
}
