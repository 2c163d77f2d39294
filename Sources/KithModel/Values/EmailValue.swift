/// An email address with its labels.
public struct EmailValue: Hashable, Sendable {
    /// The text as the source wrote it (possibly `Name <a@b>` or `mailto:a@b`).
    public var raw: String
    /// The address itself, once cleaned (trimmed, `mailto:` and display name removed, domain
    /// lower-cased); equal to `raw` until normalized.
    public var address: String
    /// A matching key (provider aliases folded where the provider documents them), once normalized.
    public var key: String?
    public var meta: FieldMeta

    /// Creates an email value; `address` defaults to the raw text.
    public init(raw: String, address: String? = nil, meta: FieldMeta = FieldMeta()) {
        self.raw = raw
        self.address = address ?? raw
        self.meta = meta
    }
}
