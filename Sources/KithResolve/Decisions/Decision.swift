public import KithModel

/// How a decision names records.
///
/// Written in a decisions file as a string — `uid:<UID>`, `fp:<fingerprint>` (the
/// `records[].fingerprint` of a dataset, or the `aKey`/`bKey` of a review file), `S2#17` (record
/// 17 of the second input of this run), `urn:uuid:…` (a person id: that person's records) — or
/// as an object `{"file": "phone.vcf", "uid": "…"}` / `{"file": "google.csv", "record": 17}`
/// that ties a UID or position to an input whose path is, or ends with, `file`.
public enum RecordSelector: Hashable, Sendable, CustomStringConvertible {
    /// Records with this UID (compared without case and `urn:uuid:`), optionally only in `file`.
    case uid(String, file: String?)
    /// Records whose fingerprint (``RecordFingerprint``) or record key is this text.
    case fingerprint(String)
    /// The record at this position of this run's inputs, optionally checked against `file`.
    case position(RecordRef, file: String?)
    /// The records of a person: from the `--previous` dataset when it has the id (or lists it
    /// in `aliases`), else the record the id was derived from.
    case person(String)

    /// Reads the string form; `nil` when the text fits none of them.
    public init?(text: String, file: String? = nil) {
        let lower = text.lowercased()
        if lower.hasPrefix("uid:") {
            self = .uid(String(text.dropFirst(4)), file: file)
        } else if lower.hasPrefix("fp:") {
            self = .fingerprint(lower)
        } else if lower.hasPrefix("urn:uuid:") {
            self = .person(lower)
        } else if let ref = Self.recordRef(text) {
            self = .position(ref, file: file)
        } else {
            return nil
        }
    }

    /// `S2#17` → source 1, index 17.
    static func recordRef(_ text: String) -> RecordRef? {
        guard text.first == "S" || text.first == "s", let hash = text.firstIndex(of: "#"),
            let source = Int(text[text.index(after: text.startIndex)..<hash]), source >= 1,
            let index = Int(text[text.index(after: hash)...]), index >= 0
        else { return nil }
        return RecordRef(source: source - 1, index: index)
    }

    public var description: String {
        switch self {
        case .uid(let uid, let file): file.map { "\($0): uid:\(uid)" } ?? "uid:\(uid)"
        case .fingerprint(let text): text
        case .position(let ref, let file): file.map { "\($0): \(ref)" } ?? ref.description
        case .person(let id): id
        }
    }
}

/// One decision of a person about who is who.
public struct Decision: Hashable, Sendable {
    /// What the decision says.
    public enum Kind: Hashable, Sendable {
        /// All named records are one person (must link), whatever the scores and vetoes say.
        case same([RecordSelector])
        /// The named records are different people (cannot link): no two of them end up in one
        /// person. Records named by one selector (a person's records) are not separated from
        /// each other.
        case different([RecordSelector])
        /// A person is split into the given groups of records: no record of one group is put
        /// with a record of another.
        case split(person: String?, groups: [[RecordSelector]])
        /// For the person holding `record` (or the person `person`), the single-valued `field`
        /// (`name`, `gender`, `birthday`) takes the value of that record, or the value whose text
        /// is `value`.
        case prefer(field: String, record: RecordSelector?, person: String?, value: String?)
    }

    public var kind: Kind
    /// The 1-based position of the decision in its file, used in diagnostics (`decision 3`).
    public var number: Int
    /// The person's own note, kept for reports.
    public var note: String?

    /// Creates a decision.
    public init(kind: Kind, number: Int, note: String? = nil) {
        self.kind = kind
        self.number = number
        self.note = note
    }
}

/// The decisions of a decisions file (or an edited review file), with what reading it found.
public struct Decisions: Hashable, Sendable {
    public var items: [Decision]
    /// Problems found while reading (unknown kinds, unreadable selectors), code `decisions.invalid`.
    public var diagnostics: [Diagnostic]

    /// Creates a set of decisions.
    public init(items: [Decision] = [], diagnostics: [Diagnostic] = []) {
        self.items = items
        self.diagnostics = diagnostics
    }

    /// Whether there is nothing to obey.
    public var isEmpty: Bool { items.isEmpty }
}
