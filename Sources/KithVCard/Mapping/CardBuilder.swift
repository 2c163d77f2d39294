import KithModel

/// The state of one card while its properties are read: the contact so far and what can only
/// be settled at `END` (group labels, `LABEL` properties, the name pieces).
struct CardBuilder {
    /// A value a group label (`itemN.X-ABLabel`) can attach to.
    enum Slot {
        case email(Int)
        case phone(Int)
        case address(Int)
        case link(Int)
        case date(Int)
        case related(Int)
        case online(Int)
        case organization(Int)
        case title(Int)
        case media(Int)
        case note(Int)
    }

    /// A property kept until the card ends.
    struct Deferred {
        var property: RawProperty
        var text: String
        var meta: FieldMeta
    }

    var contact: Contact
    /// The 1-based line of `BEGIN`.
    let beginLine: Int
    /// Problems found in the card; `record` is filled in when the card is emitted.
    var diagnostics: [Diagnostic] = []
    /// Property names seen, mapped and kept unmapped, for the conservation check.
    var audit = CardAudit()
    /// Whether to fill `audit` (only when a caller asked for it: it costs two appends a property).
    let auditing: Bool

    var fullName: (text: String, meta: FieldMeta)?
    var structuredName: NameValue?
    var phoneticGiven: String?
    var phoneticAdditional: String?
    var phoneticSurname: String?
    var sortAs: String?

    /// Values in groups, to label at the end.
    var groupedSlots: [(group: String, slot: Slot)] = []
    /// `X-ABLabel` values by lower-cased group.
    var groupLabels: [String: Deferred] = [:]
    /// `X-ABADR` country codes by lower-cased group.
    var groupCountryCodes: [String: Deferred] = [:]
    /// 2.1/3.0 `LABEL` properties, attached to addresses at the end.
    var addressLabels: [Deferred] = []
    /// Producer names the card's properties betray (`apple`, `android`), most telling first.
    var producerHints: [String] = []
    /// How many properties the card held.
    var propertyCount = 0

    init(ref: RecordRef, line: Int, auditing: Bool) {
        self.contact = Contact(ref: ref, line: line)
        self.beginLine = line
        self.auditing = auditing
    }

    /// Keeps a property verbatim in `unmapped`.
    mutating func keepUnmapped(_ property: RawProperty) {
        contact.unmapped.append(property)
        if auditing { audit.unmapped.append(property.name) }
    }

    /// Records that a property was mapped to a field.
    mutating func markMapped(_ name: String) {
        if auditing { audit.mapped.append(name) }
    }

    /// Records that a property was read.
    mutating func markSeen(_ name: String) {
        if auditing { audit.seen.append(name) }
        propertyCount += 1
    }

    /// Remembers the group of a mapped value so that a label can reach it.
    mutating func remember(_ group: String?, _ slot: Slot) {
        if let group { groupedSlots.append((group.lowercased(), slot)) }
    }
}

/// Which property names a card held and where each went; the conservation test checks that
/// `seen` equals `mapped` plus `unmapped`.
package struct CardAudit: Sendable {
    /// Names of every property read in the card (`VERSION` included; `BEGIN` and `END` are not properties).
    package var seen: [String] = []
    /// Names of properties whose value went into a field.
    package var mapped: [String] = []
    /// Names of properties kept in `Contact.unmapped`.
    package var unmapped: [String] = []
}
