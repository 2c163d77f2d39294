/// A person's name: the display form and the structured components, each kept as the source
/// gave it.
public struct NameValue: Hashable, Sendable {
    /// The formatted name (vCard `FN`, a CSV "Display Name"), if the source had one.
    public var full: String?
    /// Given names (first names).
    public var given: [String]
    /// Family names (surnames).
    public var surname: [String]
    /// Additional (middle) names.
    public var additional: [String]
    /// Honorific prefixes (`Dr.`, `Mrs.`).
    public var prefixes: [String]
    /// Honorific suffixes (`Jr.`, `III`, `PhD`).
    public var suffixes: [String]
    /// Phonetic spellings (`X-PHONETIC-*`, Yomi columns), by component.
    public var phoneticGiven: String?
    public var phoneticSurname: String?
    public var phoneticAdditional: String?
    /// Sort-as strings (`SORT-AS`, `X-EVOLUTION-FILE-AS`, "File As").
    public var sortAs: String?
    /// The structured name text as the source wrote it (vCard `N` value), when it had one.
    public var raw: String?
    public var meta: FieldMeta

    /// Creates a name.
    public init(
        full: String? = nil, given: [String] = [], surname: [String] = [], additional: [String] = [],
        prefixes: [String] = [], suffixes: [String] = [], raw: String? = nil, meta: FieldMeta = FieldMeta()
    ) {
        self.full = full
        self.given = given
        self.surname = surname
        self.additional = additional
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.raw = raw
        self.meta = meta
    }

    /// Whether any structured component is present.
    public var hasComponents: Bool {
        !(given.isEmpty && surname.isEmpty && additional.isEmpty && prefixes.isEmpty && suffixes.isEmpty)
    }

    /// Whether the name holds nothing at all.
    public var isEmpty: Bool { (full ?? "").isEmpty && !hasComponents }
}
