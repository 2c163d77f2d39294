/// What happened to one person between a previous dataset and this one (`--previous`).
public struct PersonChange: Hashable, Sendable {
    /// The kind of change.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A person whose records were not in the previous dataset.
        case added
        /// A person that kept its id and whose values changed.
        case updated
        /// A person that absorbed previous people; their ids are in `related` and in `aliases`.
        case merged
        /// A previous person whose records now form several people; this one kept the id, the
        /// other parts are in `related`.
        case split
        /// A previous person none of whose records came back.
        case removed
    }

    public var kind: Kind
    /// The person's id (for `removed`, the previous id).
    public var person: String
    /// For `updated`: the fields whose values changed (`name`, `emails`, `phones`, `records`, …).
    public var fields: [String]
    /// For `merged`: the previous ids folded in; for `split`: the ids of the other parts.
    public var related: [String]
    /// A sentence for people (`Jane Doe: phones, emails changed`).
    public var message: String

    /// Creates a change.
    public init(kind: Kind, person: String, fields: [String] = [], related: [String] = [], message: String = "") {
        self.kind = kind
        self.person = person
        self.fields = fields
        self.related = related
        self.message = message
    }
}
