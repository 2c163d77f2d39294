/// A telephone number with its labels.
public struct PhoneValue: Hashable, Sendable {
    /// The text as the source wrote it (`(650) 253-0000`, `tel:+1-650-253-0000`, `**41`).
    public var raw: String
    /// The number in E.164 form (`+16502530000`), once normalized; `nil` when it could not be.
    public var e164: String?
    /// The extension, once normalized, when the number has one.
    public var `extension`: String?
    /// The region (ISO 3166-1 alpha-2) used or found when normalizing.
    public var region: String?
    /// The kind of line libphonenumber reports (`mobile`, `fixed-line`, `toll-free`, …).
    public var lineType: String?
    /// How the region was chosen (`number`, `record-address`, `source-dominant`, `default`).
    public var regionRule: String?
    /// Why the number was kept as written, without an E.164 form, when normalization left it
    /// so: `no-region`, `sip-address`, `internal`, `unparseable`, `impossible-length`.
    public var unnormalized: String?
    public var meta: FieldMeta

    /// Creates a phone value from its raw text.
    public init(raw: String, meta: FieldMeta = FieldMeta()) {
        self.raw = raw
        self.meta = meta
    }
}
