public import KithModel

/// Every record its own person, batch by batch, as `--no-merge` streams them: the people are
/// those ``Resolver`` gives with `merge: false` (same ids, same cards, same order), without
/// holding the records.
///
/// ```swift
/// var unmerged = UnmergedPeople()
/// for batch in batches { write(unmerged.people(of: batch)) }   // batches in record order
/// let (groups, diagnostics) = unmerged.groups()
/// ```
///
/// Memory grows by about 150 bytes per record (the ids already given, and the UIDs and email
/// addresses that group members may name), not with the records' values.
public struct UnmergedPeople: Sendable {
    /// How many people each record key has named so far (identical records get `#2`, `#3`, …).
    private var keyCounts: [PersonIDTable.Bits: Int32] = [:]
    private var otherKeyCounts: [String: Int32] = [:]
    private var groupResolver = GroupResolver()
    private var groupRecords: [Contact] = []

    /// Creates an empty stream.
    public init() {}

    /// The people of a batch of normalized records.
    ///
    /// Batches must come in record order (sources in order, records in file order), as
    /// identical records are numbered in that order. Group records are kept for ``groups()``.
    ///
    /// - Complexity: O(size of the batch), the hashing on every core.
    public mutating func people(of batch: [Contact]) -> [Person] {
        var individuals: [Contact] = []
        individuals.reserveCapacity(batch.count)
        for contact in batch {
            if contact.kind == .group { groupRecords.append(contact) } else { individuals.append(contact) }
        }
        let keyed = individuals.concurrentMap { contact in
            let key = RecordKey.of(contact)
            return (
                key: key, id: StableID.urn(namespace: PersonIdentity.namespace, name: key),
                fingerprint: RecordFingerprint.of(contact)
            )
        }
        var ids: [String] = []
        ids.reserveCapacity(keyed.count)
        for (index, entry) in keyed.enumerated() {
            var id = entry.id
            // Equal keys give equal ids, so the id's bits count the key.
            let seen: Int32
            if let bits = PersonIDTable.parse(id) {
                seen = keyCounts[bits, default: 0]
                keyCounts[bits] = seen + 1
            } else {
                seen = otherKeyCounts[entry.key, default: 0]
                otherKeyCounts[entry.key] = seen + 1
            }
            if seen > 0 { id = StableID.urn(namespace: PersonIdentity.namespace, name: "\(entry.key)#\(seen + 1)") }
            groupResolver.add(individuals[index], person: id)
            ids.append(id)
        }
        let merger = PersonMerger()
        return individuals.indices.concurrentMap(minimumPerPart: 256) { index in
            var person = merger.merge([index], of: individuals, id: ids[index], match: nil)
            for i in person.records.indices { person.records[i].fingerprint = keyed[index].fingerprint }
            return person
        }
    }

    /// The groups of the group records seen, with members resolved among all records seen,
    /// and diagnostics for members that name no record.
    public func groups() -> (groups: [PersonGroup], diagnostics: [Diagnostic]) {
        var groups: [PersonGroup] = []
        var diagnostics: [Diagnostic] = []
        for record in groupRecords {
            let (group, problems) = groupResolver.group(record)
            groups.append(group)
            diagnostics += problems
        }
        return (groups, diagnostics)
    }
}
