internal import KithModel

/// Keeps person ids stable across runs (`--previous`): each new person takes the id of the
/// previous person whose records it holds.
///
/// Records are recognized by UID, else by ``RecordFingerprint``; a person none of whose
/// records is recognized (every record changed) falls back to a previous person with the same
/// name sharing an email address or phone number, when exactly one fits.
///
/// - A new person holding records of several previous people (a merge) keeps the id of the one
///   with more records (tie: the smaller id) and lists the others in `aliases`.
/// - A previous person whose records now form several people (a split) keeps its id on the
///   part with most of its records; the other parts get fresh ids.
/// - Fresh ids never reuse an id of the previous dataset.
struct IdentityContinuity {
    /// What happened to previous people, for the change report.
    struct Outcome {
        var ids: [Int32: String] = [:]
        var aliases: [Int32: [String]] = [:]
        /// Previous ids folded into a cluster this run.
        var merged: [Int32: [String]] = [:]
        /// Previous id kept by a cluster → the other clusters that took some of its records.
        var splitInto: [String: [Int32]] = [:]
        /// Clusters with a previous id.
        var kept: [Int32: Person] = [:]
        /// Previous people none of whose records came back.
        var removed: [Person] = []
    }

    let previous: Dataset

    /// - Parameters:
    ///   - clusters: the members (canonical indices) of each cluster.
    ///   - records: the records, canonical order.
    ///   - fingerprints: ``RecordFingerprint`` of each record.
    ///   - freshIDs: the ids the clusters would get without a previous dataset.
    /// - Complexity: O(records + previous records) plus sorting the links.
    func assign(clusters: [Int32: [Int]], records: [Contact], fingerprints: [String], freshIDs: [Int32: String])
        -> Outcome
    {
        var byUID: [String: Int] = [:]
        var byFingerprint: [String: Int] = [:]
        var byContact: [String: [Int]] = [:]
        for (p, person) in previous.people.enumerated() {
            for record in person.records {
                if let uid = record.uid, !uid.isEmpty { byUID[RecordKey.normalizedUID(uid.trimmingWhitespace())] = p }
                if let fingerprint = record.fingerprint { byFingerprint[fingerprint] = p }
            }
            for key in Self.contactKeys(person.card) { byContact[key, default: []].append(p) }
        }
        // Links: cluster → previous person → records recognized.
        var links: [Int32: [Int: Int]] = [:]
        for (cluster, members) in clusters {
            for index in members {
                let record = records[index]
                var hit: Int?
                if let uid = record.uid, !uid.isEmpty { hit = byUID[RecordKey.normalizedUID(uid.trimmingWhitespace())] }
                if hit == nil { hit = byFingerprint[fingerprints[index]] }
                if let hit { links[cluster, default: [:]][hit, default: 0] += 1 }
            }
            if links[cluster] == nil {
                var candidates = Set<Int>()
                for index in members {
                    for key in Self.contactKeys(records[index]) { candidates.formUnion(byContact[key] ?? []) }
                }
                if candidates.count == 1, let only = candidates.first { links[cluster] = [only: 1] }
            }
        }
        var edges: [(cluster: Int32, person: Int, count: Int)] = []
        for (cluster, people) in links { for (person, count) in people { edges.append((cluster, person, count)) } }
        edges.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            let (pa, pb) = (previous.people[a.person], previous.people[b.person])
            if pa.records.count != pb.records.count { return pa.records.count > pb.records.count }
            if pa.id != pb.id { return pa.id < pb.id }
            return (freshIDs[a.cluster] ?? "") < (freshIDs[b.cluster] ?? "")
        }
        var outcome = Outcome()
        var holder: [Int: Int32] = [:]
        for edge in edges where outcome.ids[edge.cluster] == nil && holder[edge.person] == nil {
            let person = previous.people[edge.person]
            outcome.ids[edge.cluster] = person.id
            outcome.aliases[edge.cluster] = person.aliases
            outcome.kept[edge.cluster] = person
            holder[edge.person] = edge.cluster
        }
        // Previous people not kept: folded into the cluster holding most of their records.
        for edge in edges where holder[edge.person] == nil {
            let person = previous.people[edge.person]
            holder[edge.person] = edge.cluster
            outcome.aliases[edge.cluster, default: []] += [person.id] + person.aliases
            outcome.merged[edge.cluster, default: []].append(person.id)
        }
        for edge in edges where holder[edge.person] != edge.cluster {
            let keptBy = previous.people[edge.person].id
            if outcome.ids[edge.cluster] != keptBy { outcome.splitInto[keptBy, default: []].append(edge.cluster) }
        }
        outcome.removed = previous.people.indices.filter { holder[$0] == nil }.map { previous.people[$0] }
        // Fresh ids for the rest, never one the previous dataset used.
        var used = Set(previous.people.flatMap { [$0.id] + $0.aliases })
        used.formUnion(outcome.ids.values)
        for cluster in clusters.keys.sorted(by: { (freshIDs[$0] ?? "") < (freshIDs[$1] ?? "") })
        where outcome.ids[cluster] == nil {
            var id = freshIDs[cluster] ?? ""
            var round = 1
            while used.contains(id) {
                round += 1
                id = StableID.urn(namespace: PersonIdentity.namespace, name: "\(freshIDs[cluster] ?? "")#\(round)")
            }
            used.insert(id)
            outcome.ids[cluster] = id
        }
        for (cluster, list) in outcome.aliases { outcome.aliases[cluster] = Array(Set(list)).sorted() }
        return outcome
    }

    /// Keys that tie a card to a person when no record is recognized: the name with each
    /// email key and each phone number.
    static func contactKeys(_ card: Contact) -> [String] {
        let name = RecordFingerprint.nameKey(card.name)
        guard !name.isEmpty else { return [] }
        return card.emails.map { "\(name)|e:\($0.key ?? $0.address.lowercased())" }
            + card.phones.map { "\(name)|p:\(RecordFingerprint.phoneKey($0))" }
    }
}
