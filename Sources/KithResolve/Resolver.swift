import Foundation
public import KithModel

/// Turns normalized records into people: block, compare, score, cluster, merge.
///
/// ```swift
/// let result = Resolver().resolve(contacts)
/// for person in result.people { print(person.id, person.records.count) }
/// ```
///
/// The result does not depend on the order of the input: records are put in a canonical
/// order (by surname sound and name, then by record key: UID, else content fingerprint) before
/// anything else happens, and person ids derive from the smallest record key of their members.
public struct Resolver: Sendable {
    /// The join threshold used when ``ResolveOptions/threshold`` is `nil`, in bits.
    public static let defaultThreshold = 12.0

    public var options: ResolveOptions
    /// Decisions to obey and the previous dataset whose ids to keep (issue 8).
    public var context = ResolveContext()

    /// Creates a resolver.
    public init(options: ResolveOptions = .init()) {
        self.options = options
    }

    /// Resolves records into people and groups.
    ///
    /// - Parameter contacts: the records of all sources, normalized (group records included).
    ///   Taken: pass the last reference (`resolve(consume contacts)`) and the records are moved
    ///   into the resolver's order instead of copied, which saves a copy of every record.
    /// - Returns: people, groups, diagnostics and borderline pairs.
    /// - Complexity: about O(n log n) for n records on realistic data: blocking keeps the
    ///   number of compared pairs near-linear.
    public func resolve(_ contacts: consuming [Contact]) -> ResolveResult {
        var clock = StageClock("resolve")
        var diagnostics: [Diagnostic] = []
        var individuals: [Int] = []
        var groupIndices: [Int] = []
        for index in contacts.indices {
            if contacts[index].kind == .group { groupIndices.append(index) } else { individuals.append(index) }
        }
        // Canonical order: by surname sound and name (records that block together sit together,
        // so comparing them reads memory that is already in cache), then by record key, then by
        // reference for identical keys. All of it comes from the records' content, so the order
        // does not depend on the order of the input.
        let groupRecords = groupIndices.map { contacts[$0] }
        var remaining = consume contacts
        var keyed: [OrderKey] = []
        var records: [Contact] = []
        remaining.withUnsafeMutableBufferPointer { buffer in
            // Records are lent out of their slots and moved, never read into a call (that
            // would copy each one).
            let slots = RecordSlots(buffer: buffer)
            // Each record's order key and fingerprint, read on every core.
            keyed = individuals.concurrentMap { index in
                slots.lend(index) { record in
                    OrderKey(
                        locality: Self.locality(record), key: RecordKey.of(record), ref: record.ref, index: index,
                        fingerprint: RecordFingerprint.of(record))
                }
            }
            clock.lap("keys.make")
            keyed = OrderKey.sorted(keyed)
            clock.lap("keys.sort")
            // Moved out in canonical order on every core (the group records stay); `remaining`
            // then holds empty records only and is freed.
            let order = keyed
            records = order.indices.concurrentMap(minimumPerPart: 2048) { k in slots.take(order[k].index) }
        }
        remaining = []
        FreedMemory.release()
        let fingerprints = keyed.map(\.fingerprint)
        var keys = keyed.map(\.key)
        // The records' references in canonical order (from the order keys: mapping the records
        // would copy each one).
        let refs = keyed.map(\.ref)
        // The order keys' texts (a few hundred megabytes for a million records) are not needed
        // again.
        keyed = []
        let decided = context.compile(records: records, keys: keys, fingerprints: fingerprints, merge: options.merge)
        diagnostics += decided?.diagnostics ?? []
        clock.lap("keys")

        let threshold = options.threshold ?? Self.defaultThreshold
        var clustering: Clustering
        var engine: ScoringEngine?
        var scoredPairs: [ScoredPair] = []
        if options.merge && records.count > 1 {
            var scoring = ScoringEngine(lending: &records, options: options)
            clock.lap("features+model")
            var scored = scoring.scorePairs(threshold: threshold)
            diagnostics += scoring.blockingDiagnostics
            // Every candidate pair is scored: the list (the largest thing blocking made) is
            // freed before the records are merged.
            scoring.releaseCandidates()
            // The candidates' and the scoring runs' pages go back before clustering and merging.
            FreedMemory.release()
            engine = scoring
            clock.lap("score")
            var clusterer = Clusterer(comparator: scoring.comparator, model: scoring.model, threshold: threshold)
            clusterer.constraints = decided?.constraints ?? ClusterConstraints()
            clustering = clusterer.cluster(records: records.count, pairs: scored.strongAndBorderline)
            clustering.keptApart += scored.nameOnly
            // The scored pairs are kept only for a review file.
            if options.listsReview { scoredPairs = scored.strongAndBorderline }
            scored = ScoredPairs(strongAndBorderline: [], nameOnly: [])
            clock.lap("cluster")
        } else {
            clustering = Clustering(clusterOf: (0..<records.count).map(Int32.init), joined: [], keptApart: [])
        }

        // Clusters, their ids and their people.
        var clusterMembers: [Int32: [Int]] = [:]
        for (record, cluster) in clustering.clusterOf.enumerated() {
            clusterMembers[cluster, default: []].append(record)
        }
        clock.lap("members")
        var clusterIDs = PersonIdentity.assign(clusters: clusterMembers, keys: keys, refs: refs)
        // The record keys name the people now; they are not needed again.
        keys = []
        clock.lap("ids")
        let continuity = context.previous.map {
            IdentityContinuity(previous: $0).assign(
                clusters: clusterMembers, records: records, fingerprints: fingerprints, freshIDs: clusterIDs)
        }
        if let continuity { clusterIDs = continuity.ids }
        var preferencesOf: [Int32: [DecisionCompiler.Preference]] = [:]
        for preference in decided?.preferences ?? [] {
            guard let first = preference.records.first else { continue }
            preferencesOf[clustering.clusterOf[first], default: []].append(preference)
        }
        var joinedByCluster: [Int32: [ScoredPair]] = [:]
        for pair in clustering.joined { joinedByCluster[clustering.clusterOf[Int(pair.i)], default: []].append(pair) }
        // The review pairs and the groups need only the records' references, UIDs and emails:
        // they are listed before merging, which takes the records.
        var personOfRecord: [String] = []
        if options.listsReview || !groupIndices.isEmpty {
            personOfRecord = Array(repeating: "", count: records.count)
            for (record, cluster) in clustering.clusterOf.enumerated() {
                personOfRecord[record] = clusterIDs[cluster] ?? ""
            }
        }
        var review: [ReviewPair] = []
        if options.listsReview, let engine {
            let found: Int
            (review, found) = engine.reviewPairs(
                clustering, scored: scoredPairs, threshold: threshold, personOf: personOfRecord, refs: refs,
                decided: decided?.constraints ?? ClusterConstraints(), limit: options.reviewLimit)
            if found > review.count {
                diagnostics.append(
                    Diagnostic(
                        line: 0, severity: .info, code: "resolve.review.truncated",
                        message: "the review lists the \(review.count) strongest of \(found) borderline pairs; "
                            + "decide them and import again with --decisions to see the rest"))
            }
        }
        clock.lap("review")
        let reviewKeys = ResolveContext.stableKeys(of: review, records: records, fingerprints: fingerprints)
        var groups: [PersonGroup] = []
        var groupDiagnostics: [Diagnostic] = []
        let groupResolver = groupIndices.isEmpty ? nil : GroupResolver(records: records, personOfRecord: personOfRecord)
        for record in groupRecords {
            guard let groupResolver else { break }
            let (group, problems) = groupResolver.group(record)
            groups.append(group)
            groupDiagnostics += problems
        }
        groups.sort {
            ($0.records.first?.ref ?? RecordRef(source: 0, index: 0))
                < ($1.records.first?.ref ?? RecordRef(source: 0, index: 0))
        }
        clock.lap("groups")

        // Merge the clusters on every core, one person per cluster, made in place. Clusters go
        // in the order of their first record (people are listed in record order). Each
        // cluster's records are moved out of `records` into its person (clusters are disjoint,
        // so no two cores touch one record), which spares a copy of every value.
        let clusters = clusterMembers.map { cluster, members in
            (cluster, members, members.lazy.map { refs[$0] }.min() ?? RecordRef(source: 0, index: 0))
        }.sorted { $0.2 < $1.2 }.map { ($0.0, $0.1) }
        let ids = clusterIDs
        let aliasesOf = continuity?.aliases ?? [:]
        // The match explanations first, on every core (they compare the joined pairs again);
        // then the scoring engine (the records' features, a quarter of a gigabyte for a million
        // records) is freed before the people are made.
        let explained: [Int32: MatchExplanation] = {
            guard let scorer = engine, !joinedByCluster.isEmpty else { return [:] }
            let joined = Array(joinedByCluster)
            let made = joined.indices.concurrentMap(minimumPerPart: 1024) { k in
                scorer.explanation(of: joined[k].value, refs: refs)
            }
            return Dictionary(uniqueKeysWithValues: zip(joined.lazy.map(\.key), made))
        }()
        joinedByCluster = [:]
        engine = nil
        FreedMemory.release()
        clock.lap("explain")
        var taken = consume records
        var people = taken.withUnsafeMutableBufferPointer { buffer in
            let slots = RecordSlots(buffer: buffer)
            return clusters.indices.concurrentMap(minimumPerPart: 2048) { k -> Person in
                let (cluster, members) = clusters[k]
                let id = ids[cluster] ?? ""
                let match = explained[cluster]
                var person = PersonMerger().merge(taking: members.map(slots.take), id: id, match: match)
                ResolveContext.finish(
                    &person, members: members, refs: refs, fingerprints: fingerprints,
                    aliases: aliasesOf[cluster] ?? [])
                return person
            }
        }
        // `prefer` decisions, in person order (so their diagnostics are in a stable order).
        for k in clusters.indices {
            guard let preferences = preferencesOf[clusters[k].0], !preferences.isEmpty else { continue }
            diagnostics += PreferenceOverride.apply(preferences, to: &people[k])
        }
        taken = []
        diagnostics += groupDiagnostics
        clock.lap("merge")
        var changes: [PersonChange] = []
        if let continuity {
            var clusterOfID: [String: Int32] = [:]
            for (cluster, id) in clusterIDs { clusterOfID[id] = cluster }
            changes = ChangeReport.changes(people: people, clusterOf: clusterOfID, outcome: continuity)
        }
        return ResolveResult(
            people: people, groups: groups, diagnostics: diagnostics, review: review, changes: changes,
            reviewKeys: reviewKeys)
    }

    /// The part of the canonical order that keeps likely matches together: surname sound,
    /// surname and given name keys.
    private static func locality(_ contact: Contact) -> String {
        guard let keys = contact.name?.keys else { return "" }
        return keys.surnamePhonetic + "\u{1F}" + keys.surname + "\u{1F}" + keys.given
    }

}

/// A record's place in the resolver's canonical order.
struct OrderKey: Comparable {
    let locality: String
    var key: String
    var ref: RecordRef
    /// The record's position in the input.
    var index: Int
    /// The record's fingerprint (not part of the order).
    var fingerprint: String
    /// The first bytes of `locality` when they alone order it (see ``asciiPrefix(_:)``).
    private let localityPrefix: Prefix

    init(locality: String, key: String, ref: RecordRef, index: Int, fingerprint: String) {
        self.locality = locality
        self.key = key
        self.ref = ref
        self.index = index
        self.fingerprint = fingerprint
        self.localityPrefix = Self.asciiPrefix(locality)
    }

    static func < (a: Self, b: Self) -> Bool {
        // Most records differ within their first bytes: one integer comparison orders them.
        if let ordered = a.localityPrefix.orders(before: b.localityPrefix) { return ordered }
        if a.locality != b.locality { return a.locality < b.locality }
        if a.key != b.key { return a.key < b.key }
        return a.ref < b.ref
    }

    /// `keys` in ascending order, sorted on every core: each core sorts a run of small
    /// entries (a prefix and a position; the keys themselves are not moved), the runs are
    /// merged, and the keys are gathered in that order, on every core. The order is total
    /// (references are unique), so it is the one `sort()` gives.
    static func sorted(_ keys: [OrderKey]) -> [OrderKey] {
        struct Entry {
            var prefix: Prefix
            var index: Int32
        }
        func less(_ a: Entry, _ b: Entry) -> Bool {
            a.prefix.orders(before: b.prefix) ?? (keys[Int(a.index)] < keys[Int(b.index)])
        }
        let runs = concurrentSlices(count: keys.count, minimumPerPart: 65_536) { range -> [Entry] in
            var run = range.map { Entry(prefix: keys[$0].localityPrefix, index: Int32($0)) }
            run.sort(by: less)
            return run
        }
        var merged = runs.first ?? []
        for run in runs.dropFirst() {
            var next: [Entry] = []
            next.reserveCapacity(merged.count + run.count)
            var a = 0
            var b = 0
            while a < merged.count && b < run.count {
                if less(run[b], merged[a]) {
                    next.append(run[b])
                    b += 1
                } else {
                    next.append(merged[a])
                    a += 1
                }
            }
            next += merged[a...]
            next += run[b...]
            merged = next
        }
        // Gathered on every core (each key is copied, its texts retained).
        return merged.concurrentMap(minimumPerPart: 16_384) { keys[Int($0.index)] }
    }

    /// The first 15 bytes of a text, big-endian in two words (zero-padded), and a marker.
    struct Prefix: Comparable {
        var high: UInt64
        var low: UInt64

        /// Whether the prefix was taken (else it orders nothing).
        var decides: Bool { low & 1 == 1 }

        /// Whether the text of this prefix orders before that of `other`, when the prefixes
        /// alone tell (both taken, and different); `nil` when the texts must be compared.
        func orders(before other: Prefix) -> Bool? {
            self != other && decides && other.decides ? self < other : nil
        }

        static let undecided = Prefix(high: 0, low: 0)

        static func < (a: Self, b: Self) -> Bool { (a.high, a.low) < (b.high, b.low) }
    }

    /// The first 15 bytes of `text`, when they are ASCII and so is the byte after them; else
    /// ``Prefix/undecided``.
    ///
    /// Strings are ordered by their Unicode scalars after canonical composition. ASCII scalars
    /// not followed by a combining mark are left alone by composition, so where two such
    /// prefixes differ, the first difference is a difference of scalars at the same place, and
    /// decides as it does in the strings (a shorter text, zero-padded, orders first as it
    /// should). Equal prefixes decide nothing: the strings are compared.
    static func asciiPrefix(_ text: String) -> Prefix {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var count = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return .undecided }
            if count == 15 { break }
            if count < 8 {
                high |= UInt64(byte) << (56 - 8 * UInt64(count))
            } else {
                low |= UInt64(byte) << (56 - 8 * UInt64(count - 8))
            }
            count += 1
        }
        // The low byte is the marker: a taken prefix is never `undecided`.
        return Prefix(high: high, low: low | 1)
    }
}
