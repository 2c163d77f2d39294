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
    public var phoneticGiven: String? {
        get { rare.fields.phoneticGiven }
        set { rare.update { $0.phoneticGiven = newValue } }
    }
    public var phoneticSurname: String? {
        get { rare.fields.phoneticSurname }
        set { rare.update { $0.phoneticSurname = newValue } }
    }
    public var phoneticAdditional: String? {
        get { rare.fields.phoneticAdditional }
        set { rare.update { $0.phoneticAdditional = newValue } }
    }
    /// Sort-as strings (`SORT-AS`, `X-EVOLUTION-FILE-AS`, "File As").
    public var sortAs: String? {
        get { rare.fields.sortAs }
        set { rare.update { $0.sortAs = newValue } }
    }
    /// The structured name text as the source wrote it (vCard `N` value), when it had one.
    public var raw: String?
    /// When the components were derived rather than read (split from the display name), the
    /// rule that derived them (`name-from-display`).
    public var componentsRule: String? {
        get { rare.fields.componentsRule }
        set { rare.update { $0.componentsRule = newValue } }
    }
    /// Matching keys, once normalized.
    public var keys: NameKeys?
    /// The formatted name as the source wrote it, when normalization changed `full` (Unicode
    /// NFC, case repair).
    public var fullAsWritten: String? {
        get { rare.fields.fullAsWritten }
        set { rare.update { $0.fullAsWritten = newValue } }
    }
    /// When the case of the name was repaired (it was all upper- or all lower-case), the rule
    /// (`name-case-repair`); the components as written are then in `raw` or `fullAsWritten`.
    public var caseRule: String? {
        get { rare.fields.caseRule }
        set { rare.update { $0.caseRule = newValue } }
    }
    public var meta: FieldMeta
    /// The members most names lack (phonetic spellings, sort-as, the rules that changed the
    /// name, the name as written before), out of line.
    private var rare = RareMembers<NameRare>()

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

/// The rarely given members of a name.
struct NameRare: RareFields {
    var phoneticGiven: String?
    var phoneticSurname: String?
    var phoneticAdditional: String?
    var sortAs: String?
    var componentsRule: String?
    var fullAsWritten: String?
    var caseRule: String?

    var isEmpty: Bool {
        phoneticGiven == nil && phoneticSurname == nil && phoneticAdditional == nil && sortAs == nil
            && componentsRule == nil && fullAsWritten == nil && caseRule == nil
    }
}

/// Comparable forms of a name, filled in by the normalizer and used by the resolver.
///
/// Folded forms are lower-case, without diacritics, other scripts transliterated to Latin
/// where possible, punctuation removed and spaces collapsed.
public struct NameKeys: Hashable, Sendable {
    /// Folded given names (`maria`), space-joined.
    public var given: String
    /// Folded surname(s) with particles kept (`de la cruz smith`).
    public var surname: String
    /// Folded additional names.
    public var additional: String
    /// A phonetic key of the first given name and of the surname (Double Metaphone or similar).
    public var givenPhonetic: String
    public var surnamePhonetic: String
    /// Canonical names the first given name is a nickname or diminutive of, itself included
    /// (`bob` → `["bob", "robert"]`), sorted.
    public var givenNicknameKeys: [String]
    /// A generational suffix (`jr`, `sr`, `ii`, `iii`, `iv`), when the name has one.
    public var generation: String?

    /// Creates name keys.
    public init(
        given: String = "", surname: String = "", additional: String = "", givenPhonetic: String = "",
        surnamePhonetic: String = "", givenNicknameKeys: [String] = [], generation: String? = nil
    ) {
        self.given = given
        self.surname = surname
        self.additional = additional
        self.givenPhonetic = givenPhonetic
        self.surnamePhonetic = surnamePhonetic
        self.givenNicknameKeys = givenNicknameKeys
        self.generation = generation
    }
}
