public import KithModel

/// What a run knows beyond its records: a person's decisions and the previous dataset.
///
/// ```swift
/// var resolver = Resolver()
/// resolver.context = ResolveContext(decisions: try DecisionsFile.load(path: "decisions.json"), previous: lastNight)
/// let result = resolver.resolve(contacts)   // result.changes: what changed since lastNight
/// ```
public struct ResolveContext: Sendable {
    /// Decisions obeyed as constraints (`--decisions`).
    public var decisions: Decisions
    /// The dataset of the previous run (`--previous`): people keep its ids.
    public var previous: Dataset?
    /// The path of each source number, for decisions that name a file.
    public var sourcePaths: [Int: String]

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - decisions: the decisions to obey.
    ///   - previous: the previous dataset, whose ids people keep.
    ///   - sourcePaths: source number → path as given.
    public init(decisions: Decisions = Decisions(), previous: Dataset? = nil, sourcePaths: [Int: String] = [:]) {
        self.decisions = decisions
        self.previous = previous
        self.sourcePaths = sourcePaths
    }

    /// The decisions compiled against this run's records, with their diagnostics.
    /// With `merge` off (`--no-merge`) `same`, `different` and `split` have nothing to act on,
    /// which is reported once (`decisions.ignored`).
    func compile(records: [Contact], keys: [String], fingerprints: [String], merge: Bool) -> DecisionCompiler? {
        guard !decisions.isEmpty || previous != nil else { return nil }
        var directory = RecordDirectory(
            records: records, keys: keys, fingerprints: fingerprints, sourcePaths: sourcePaths, previous: previous)
        var compiled = DecisionCompiler(decisions, directory: &directory)
        compiled.diagnostics = decisions.diagnostics + compiled.diagnostics
        if !merge, !compiled.constraints.isEmpty {
            compiled.diagnostics.append(
                Diagnostic(
                    line: 0, severity: .info, code: "decisions.ignored",
                    message:
                        "same, different and split decisions have no effect with --no-merge: every record is its own person"
                ))
            compiled.constraints = ClusterConstraints()
        }
        return compiled
    }

    /// The stable names (`uid:…`, else the fingerprint) of the records in review pairs.
    static func stableKeys(of review: [ReviewPair], records: [Contact], fingerprints: [String]) -> [RecordRef: String] {
        guard !review.isEmpty else { return [:] }
        let wanted = Set(review.flatMap { [$0.a, $0.b] })
        var keys: [RecordRef: String] = [:]
        // By index and field: binding each record would copy it.
        for index in records.indices where wanted.contains(records[index].ref) {
            let ref = records[index].ref
            if let uid = records[index].uid?.trimmingWhitespace(), !uid.isEmpty {
                keys[ref] = "uid:" + uid
            } else {
                keys[ref] = fingerprints[index]
            }
        }
        return keys
    }

    /// Stamps fingerprints on a merged person's records and sets its aliases (its `prefer`
    /// decisions are applied by ``PreferenceOverride``).
    /// Static: the merge calls it for every person from every core, and a method would copy the
    /// whole context (its decisions and previous dataset) out of the closure's capture each time.
    static func finish(
        _ person: inout Person, members: [Int], refs: [RecordRef], fingerprints: [String], aliases: [String]
    ) {
        if members.count <= 16 {
            for i in person.records.indices {
                let ref = person.records[i].ref
                person.records[i].fingerprint = members.first { refs[$0] == ref }.map { fingerprints[$0] }
            }
        } else {
            var byRef: [RecordRef: String] = [:]
            for index in members { byRef[refs[index]] = fingerprints[index] }
            for i in person.records.indices { person.records[i].fingerprint = byRef[person.records[i].ref] }
        }
        person.aliases = aliases.filter { $0 != person.id }
    }
}
