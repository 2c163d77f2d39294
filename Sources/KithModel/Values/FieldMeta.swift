/// What every field value carries besides the value itself: its labels, preference, where it
/// was read and, once merged, which records it came from.
public struct FieldMeta: Hashable, Sendable {
    /// Normalized, lower-case type words as the source gave them (`home`, `work`, `cell`, `fax`,
    /// `voice`, `internet`, `pref`…), without duplicates, in source order.
    public var types: [String]
    /// A free-text label (`X-ABLabel`, a CSV "Label" column, a custom type), Apple's
    /// `_$!<HomePage>!$_` wrappers already removed.
    public var label: String?
    /// Preference, 1 (most preferred) to 100, as vCard 4's `PREF`; 2.1/3.0 `TYPE=pref` gives 1.
    public var pref: Int?
    /// The 1-based line where the value starts in its source, 0 if the format has no lines.
    public var line: Int32
    /// The vCard property group (`item1`) or its equivalent, when one was given.
    public var group: String? {
        get { rare.fields.group }
        set { rare.update { $0.group = newValue } }
    }
    /// Language tag of the value (`LANGUAGE=`), when given.
    public var language: String? {
        get { rare.fields.language }
        set { rare.update { $0.language = newValue } }
    }
    /// vCard 4 `ALTID`: values with the same ALTID are alternative forms of one value.
    public var altID: String? {
        get { rare.fields.altID }
        set { rare.update { $0.altID = newValue } }
    }
    /// Parameters of the source property that no member above holds, verbatim, so nothing is lost.
    public var parameters: [Parameter] {
        get { rare.fields.parameters }
        set { rare.update { $0.parameters = newValue } }
    }
    /// The records this value came from, once records are merged into a person; empty in a
    /// `Contact`, where the value comes from the contact itself.
    public var from: [RecordRef]
    /// The members most values lack (group, language, ALTID, other parameters), boxed: `nil`
    /// when all are empty, so a value's metadata stays small and cheap to copy.
    private var rare = RareMembers<FieldMetaRare>()

    /// Creates the metadata of a value.
    public init(
        types: [String] = [], label: String? = nil, pref: Int? = nil, line: Int = 0,
        group: String? = nil, language: String? = nil, altID: String? = nil,
        parameters: [Parameter] = [], from: [RecordRef] = []
    ) {
        self.types = types
        self.label = label
        self.pref = pref
        self.line = Int32(truncatingIfNeeded: line)
        self.from = from
        self.rare = RareMembers(
            FieldMetaRare(group: group, language: language, altID: altID, parameters: parameters))
    }

    /// Whether the type words include `type` (compared lower-case).
    public func has(_ type: String) -> Bool { types.contains(type) }

    /// Adds a type word unless already present.
    public mutating func addType(_ type: String) {
        let lower = type.lowercased()
        if !lower.isEmpty, !types.contains(lower) { types.append(lower) }
    }
}

/// The rarely given members of a value's metadata.
struct FieldMetaRare: RareFields {
    var group: String?
    var language: String?
    var altID: String?
    var parameters: [Parameter] = []

    var isEmpty: Bool { group == nil && language == nil && altID == nil && parameters.isEmpty }
}

/// A property parameter as the source wrote it: a name and its values.
public struct Parameter: Hashable, Sendable {
    /// The parameter name, upper-cased (`TYPE`, `X-SERVICE-TYPE`).
    public var name: String
    /// The values, split on unquoted commas, unquoted and unescaped.
    public var values: [String]

    /// Creates a parameter.
    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}
