internal import KithModel

/// Stable person ids: derived from the smallest record key among a person's records.
///
/// The same inputs give the same ids, whatever their order; a source that adds no record to
/// a person changes nothing about that person's id. When two people would get the same id
/// (identical records kept apart, such as two name-only cards), the ids are told apart by
/// their full, sorted key lists, which are order-independent too.
enum PersonIdentity {
    /// The namespace of person ids in `StableID.urn`.
    static let namespace = "person"

    /// The id of each cluster.
    ///
    /// - Parameters:
    ///   - clusters: the members (record indices) of each cluster.
    ///   - keys: the record key of each record.
    ///   - refs: the reference of each record, which orders clusters with identical key lists.
    /// - Complexity: O(n log n).
    static func assign<ClusterID: Hashable>(clusters: [ClusterID: [Int]], keys: [String], refs: [RecordRef])
        -> [ClusterID: String]
    {
        let entries = Array(clusters)
        // Each cluster's base: the record with the smallest key (the earliest of equal ones).
        let bases = entries.concurrentMap(minimumPerPart: 4096) { entry -> Int in
            var best = entry.value[0]
            for member in entry.value.dropFirst() {
                if keys[member] < keys[best] || (keys[member] == keys[best] && refs[member] < refs[best]) {
                    best = member
                }
            }
            return best
        }
        // Clusters that share a base key (identical records kept apart) are rare: they are
        // found first and told apart by their full, sorted key lists, then the earliest record
        // holding the base key.
        var firstWithBase: [String: Int] = [:]
        firstWithBase.reserveCapacity(entries.count)
        var sharing: [String: [Int]] = [:]
        for (index, base) in bases.enumerated() {
            let key = keys[base]
            // One look-up for a new base (the common case); a base seen before gets its first
            // cluster back.
            if let first = firstWithBase.updateValue(index, forKey: key) {
                firstWithBase[key] = first
                sharing[key, default: [first]].append(index)
            }
        }
        var names = bases.map { keys[$0] }
        for (base, indices) in sharing {
            let ranked = indices.map { index in
                (index, entries[index].value.map { keys[$0] }.sorted(), refs[bases[index]])
            }
            .sorted { a, b in a.1 != b.1 ? a.1.lexicographicallyPrecedes(b.1) : a.2 < b.2 }
            for (rank, entry) in ranked.enumerated() where rank > 0 { names[entry.0] = "\(base)#\(rank + 1)" }
        }
        // The names are hashed on every core.
        let urns = names.concurrentMap { StableID.urn(namespace: namespace, name: $0) }
        var ids = [ClusterID: String](minimumCapacity: entries.count)
        for (index, entry) in entries.enumerated() { ids[entry.key] = urns[index] }
        return ids
    }
}
