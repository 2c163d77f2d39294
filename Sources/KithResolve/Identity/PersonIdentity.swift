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
        var byBase: [String: [(ClusterID, [String], RecordRef)]] = [:]
        for (cluster, members) in clusters {
            let sortedKeys = members.count == 1 ? [keys[members[0]]] : members.map { keys[$0] }.sorted()
            let base = sortedKeys.first ?? ""
            // Ties between identical key lists go to the earliest record holding the base key.
            let first =
                members.lazy.filter { keys[$0] == base }.map { refs[$0] }.min() ?? RecordRef(source: 0, index: 0)
            byBase[base, default: []].append((cluster, sortedKeys, first))
        }
        var named: [(cluster: ClusterID, name: String)] = []
        named.reserveCapacity(clusters.count)
        for (base, entries) in byBase {
            if entries.count == 1, let entry = entries.first {
                named.append((entry.0, base))
                continue
            }
            let ordered = entries.sorted { a, b in a.1 != b.1 ? a.1.lexicographicallyPrecedes(b.1) : a.2 < b.2 }
            for (rank, entry) in ordered.enumerated() {
                named.append((entry.0, rank == 0 ? base : "\(base)#\(rank + 1)"))
            }
        }
        // The names are hashed on every core.
        let urns = named.concurrentMap { StableID.urn(namespace: namespace, name: $0.name) }
        var ids = [ClusterID: String](minimumCapacity: named.count)
        for (index, entry) in named.enumerated() { ids[entry.cluster] = urns[index] }
        return ids
    }
}
