/// A plain text value (a nickname, a title, a note, a category) with its metadata.
public struct TextValue: Hashable, Sendable {
    public var value: String
    public var meta: FieldMeta

    /// Creates a text value.
    public init(_ value: String, meta: FieldMeta = FieldMeta()) {
        self.value = value
        self.meta = meta
    }
}
