internal import KithModel

/// Turns group records into `PersonGroup`s whose members point at person ids.
///
/// Members are written as `urn:uuid:<uid>` (vCard 4 `MEMBER`, Apple
/// `X-ADDRESSBOOKSERVER-MEMBER`), as a bare UID, or as `mailto:<address>`; each is looked up
/// among the records' UIDs and email addresses.
struct GroupResolver: Sendable {
    /// The namespace of group ids in `StableID.urn`.
    static let namespace = "group"

    /// The person each UID names: the one of the earliest record (by reference) carrying it.
    private var personByUID: [UInt64: (ref: RecordRef, person: Int32)] = [:]
    /// The person each email address names, or `-1` when several people carry it.
    private var personByEmail: [UInt64: Int32] = [:]
    /// Person ids by number, compact.
    private var people = PersonIDTable()

    /// An empty resolver; ``add(_:person:)`` fills it.
    init() {}

    /// A resolver that knows every record of `records`.
    init(records: [Contact], personOfRecord: [String]) {
        for (index, record) in records.enumerated() { add(record, person: personOfRecord[index]) }
    }

    /// Learns a record's UID and email addresses as names of `person`.
    ///
    /// The result does not depend on the order records are added in.
    mutating func add(_ record: Contact, person: String) {
        add(record, number: people.number(of: person))
    }

    /// Learns the names of a record (made by ``Names/init(uid:emails:)``, on any core) as
    /// names of the person whose id is `StableID.urn(person)`.
    mutating func add(_ names: Names, ref: RecordRef, person: UUIDBits) {
        add(names, ref: ref, number: people.number(of: person))
    }

    /// What a record may be named by in a group: the look-up keys of its UID and its email
    /// addresses. Making them is most of the work of learning a record; it is done apart
    /// (a streamed import does it on every core) so that ``add(_:ref:person:)`` only stores.
    struct Names: Sendable {
        /// The key of the normalized UID, `nil` without a UID.
        var uid: UInt64?
        /// The keys of the lower-cased addresses, in order.
        var emails: [UInt64]

        init(uid: String?, emails: [EmailValue]) {
            if let uid, !uid.isEmpty { self.uid = GroupResolver.key(RecordKey.normalizedUID(uid)) }
            self.emails = emails.isEmpty ? [] : emails.map { GroupResolver.lowercasedKey($0.address) }
        }
    }

    private mutating func add(_ record: Contact, number: Int32) {
        add(Names(uid: record.uid, emails: record.emails), ref: record.ref, number: number)
    }

    private mutating func add(_ names: Names, ref: RecordRef, number: Int32) {
        if let key = names.uid {
            // One look-up: a new UID is stored as given, a known one kept by its earliest record.
            let entry = (ref: ref, person: number)
            Self.keepEarliest(&personByUID[key, default: entry], entry)
        }
        for key in names.emails {
            // One look-up: a new address names this person, a known one of another names none.
            Self.mark(&personByEmail[key, default: number], number)
        }
    }

    /// Keeps the entry of the earlier record.
    private static func keepEarliest(
        _ known: inout (ref: RecordRef, person: Int32), _ entry: (ref: RecordRef, person: Int32)
    ) {
        if !(known.ref < entry.ref) { known = entry }
    }

    /// Marks an address named by two people as naming none (`-1`).
    private static func mark(_ known: inout Int32, _ number: Int32) {
        if known != number { known = -1 }
    }

    /// The hash a UID or address is looked up by: the tables hold no text (see ``FeatureHash``
    /// for the odds of a collision).
    fileprivate static func key(_ text: String) -> UInt64 { FeatureHash.of(text) }

    /// `key(text.lowercased())`, without making the lower-case text when it is ASCII.
    fileprivate static func lowercasedKey(_ text: String) -> UInt64 {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return key(text.lowercased()) }
        return FeatureHash.of(bytes: text.utf8.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
    }

    /// The group of a group record, and diagnostics for members that did not resolve.
    func group(_ record: Contact) -> (PersonGroup, [Diagnostic]) {
        var memberIDs = Set<String>()
        var unresolved: [String] = []
        var diagnostics: [Diagnostic] = []
        for member in record.members {
            let text = member.value.trimmingWhitespace()
            if let person = resolve(text) {
                memberIDs.insert(person)
            } else {
                unresolved.append(member.value)
                diagnostics.append(
                    Diagnostic(
                        source: Int(record.ref.source), line: Int(record.line), record: Int(record.ref.index),
                        severity: .info,
                        code: "resolve.group.unresolved-member",
                        message: "group member \(member.value) matches no record; kept as written"))
            }
        }
        var card = record
        let id = StableID.urn(namespace: Self.namespace, name: RecordKey.of(record))
        card.uid = id
        let group = PersonGroup(
            id: id, card: card, memberIDs: memberIDs.sorted(), unresolvedMembers: unresolved,
            records: [MemberRecord(ref: record.ref, line: record.line, uid: record.uid)])
        return (group, diagnostics)
    }

    private func resolve(_ text: String) -> String? {
        let lower = text.lowercased()
        if lower.hasPrefix("mailto:") {
            guard let number = personByEmail[Self.key(String(lower.dropFirst(7)))], number >= 0 else { return nil }
            return people.id(number)
        }
        return personByUID[Self.key(RecordKey.normalizedUID(text))].map { people.id($0.person) }
    }
}

/// Person ids numbered in the order first seen, kept as 16 bytes each when they are
/// `urn:uuid:` ids (as Kith's are), as text otherwise.
struct PersonIDTable: Sendable {
    /// The 128 bits of a `urn:uuid:` id.
    typealias Bits = UUIDBits

    private var bits: [Bits] = []
    private var numberOfBits = UUIDBitsTable()
    private var numberOfOther: [String: Int32] = [:]
    private var others: [Int32: String] = [:]

    /// The number of a person id, assigned on first sight.
    mutating func number(of id: String) -> Int32 {
        if let parsed = Self.parse(id) { return number(of: parsed) }
        if let known = numberOfOther[id] { return known }
        let number = Int32(bits.count)
        bits.append(Bits(high: 0, low: 0))
        others[number] = id
        numberOfOther[id] = number
        return number
    }

    /// The number of the person id `StableID.urn(id)`, assigned on first sight.
    mutating func number(of id: Bits) -> Int32 {
        let (number, inserted) = numberOfBits.value(of: id, insertingIfAbsent: Int32(bits.count))
        if inserted { bits.append(id) }
        return number
    }

    /// The id of a person number.
    func id(_ number: Int32) -> String {
        if let other = others[number] { return other }
        let value = bits[Int(number)]
        return Self.format(value)
    }

    /// The bits of a lower-case `urn:uuid:` id, or `nil` for any other text.
    static func parse(_ id: String) -> Bits? {
        let prefix = "urn:uuid:"
        guard id.utf8.count == prefix.utf8.count + 36, id.hasPrefix(prefix) else { return nil }
        var value = Bits(high: 0, low: 0)
        var digits = 0
        for byte in id.utf8.dropFirst(prefix.utf8.count) {
            let nibble: UInt8
            switch byte {
            case 0x30...0x39: nibble = byte - 0x30
            case 0x61...0x66: nibble = byte - 0x61 + 10
            case 0x2D: continue
            default: return nil
            }
            if digits < 16 {
                value.high = value.high << 4 | UInt64(nibble)
            } else {
                value.low = value.low << 4 | UInt64(nibble)
            }
            digits += 1
        }
        guard digits == 32, format(value) == id else { return nil }
        return value
    }

    /// `urn:uuid:` + the bits in the 8-4-4-4-12 form.
    static func format(_ value: Bits) -> String {
        StableID.urn(value)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
