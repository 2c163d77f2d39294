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
    /// How many people each record key has named so far (identical records get `#2`, `#3`, …),
    /// by the bits of the id the key gives.
    private var keyCounts = UUIDBitsTable()
    private var groupResolver = GroupResolver()
    private var groupRecords: [Contact] = []

    /// Creates an empty stream.
    public init() {}

    /// What identifies a record that is not a group, made by ``identify(_:)``.
    public struct Identity: Sendable {
        fileprivate var key: String
        /// The id the key gives when it is the first of its kind.
        fileprivate var bits: UUIDBits
        fileprivate var fingerprint: String
        /// What a group may name the record by.
        fileprivate var names: GroupResolver.Names
    }

    /// The people of a batch of normalized records.
    ///
    /// Batches must come in record order (sources in order, records in file order), as
    /// identical records are numbered in that order. Group records are kept for ``groups()``.
    ///
    /// - Parameter batch: the records; taken, so that each becomes its person's card without
    ///   a copy when the caller gives up its own.
    /// - Complexity: O(size of the batch), the hashing on every core.
    public mutating func people(of batch: consuming [Contact]) -> [Person] {
        people(of: consume batch) { _, _ in }.people
    }

    /// The people of a batch, as ``people(of:)`` makes them, each slice handed to `eachSlice`
    /// on the core that made it, while its people are fresh in that core's cache (a streamed
    /// import encodes them there): `eachSlice(people, range)` may read and change the people
    /// of `range` only.
    ///
    /// - Returns: the people (as `eachSlice` left them), and what `eachSlice` returned for each
    ///   slice, in order.
    private mutating func people<Slice>(
        of batch: consuming [Contact], eachSlice: (UnsafeMutableBufferPointer<Person>, Range<Int>) -> Slice
    ) -> (people: [Person], slices: [Slice]) {
        // The keys, ids and fingerprints, and the stamping of every value with its record, on
        // every core: each record is reached in place (`inout`: no copy of its values).
        let identified = batch.withUnsafeMutableBufferPointer { records in
            let base = records
            return base.indices.concurrentMap(minimumPerPart: 128) { index in Self.identify(&base[index]) }
        }
        return people(of: consume batch, identified: identified, eachSlice: eachSlice)
    }

    /// ``people(of:eachSlice:)`` for records already identified with ``identify(_:)``, in order.
    public mutating func people<Slice>(
        of batch: consuming [Contact], identified: [Identity?],
        eachSlice: (UnsafeMutableBufferPointer<Person>, Range<Int>) -> Slice
    ) -> (people: [Person], slices: [Slice]) {
        // In record order: equal keys give equal ids, numbered as they come; the resolver
        // learns each record's UID and addresses (read by field: a whole record would be copied).
        var individuals: [(index: Int, id: UUIDBits, fingerprint: String)] = []
        individuals.reserveCapacity(identified.count)
        batch.withUnsafeBufferPointer { records in
            for index in identified.indices {
                guard let entry = identified[index] else {
                    groupRecords.append(records[index])
                    continue
                }
                let seen = keyCounts.increment(entry.bits)
                let id =
                    seen > 0
                    ? StableID.uuid(namespace: PersonIdentity.namespace, name: "\(entry.key)#\(seen + 1)") : entry.bits
                groupResolver.add(entry.names, ref: records[index].ref, person: id)
                individuals.append((index, id, entry.fingerprint))
            }
        }
        // On every core, each record moves into its person, made in place (swapped with the
        // empty card of a blank person): a person returned by value was copied whole.
        var people = [Person](repeating: Self.blank, count: individuals.count)
        let slices = batch.withUnsafeMutableBufferPointer { records in
            let base = records
            return people.withUnsafeMutableBufferPointer { made in
                let made = made
                return concurrentSlices(count: individuals.count, minimumPerPart: 128) { range in
                    for position in range {
                        let (index, id, fingerprint) = individuals[position]
                        PersonMerger.make(
                            &made[position], ofStamped: &base[index], id: StableID.urn(id), fingerprint: fingerprint)
                    }
                    return eachSlice(made, range)
                }
            }
        }
        return (people, slices)
    }

    /// What each person of a batch starts as before its record moves in.
    private static let blank = Person(id: "", card: Contact(ref: RecordRef(source: 0, index: 0)), records: [])

    /// The key, first id and fingerprint of a normalized record that is not a group, whose
    /// values are then stamped with it (`meta.from`); `nil` for a group record, left as it is.
    /// ``people(of:)`` does this first; a streamed import does it on the core that just
    /// normalized the record, and hands the identities to ``people(of:identified:eachSlice:)``.
    public static func identify(_ contact: inout Contact) -> Identity? {
        guard contact.kind != .group else { return nil }
        let key = RecordKey.of(contact)
        let identity = Identity(
            key: key, bits: StableID.uuid(namespace: PersonIdentity.namespace, name: key),
            fingerprint: RecordFingerprint.of(contact),
            names: GroupResolver.Names(uid: contact.uid, emails: contact.emails))
        PersonMerger.stamp(&contact)
        return identity
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
