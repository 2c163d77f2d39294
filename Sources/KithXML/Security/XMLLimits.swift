/// Bounds that keep a hostile or broken XML file from exhausting time or memory.
public struct XMLLimits: Hashable, Sendable {
    /// The deepest element nesting accepted (the root element is depth 0).
    public var maxDepth: Int
    /// The longest text node accepted, in bytes.
    public var maxTextBytes: Int
    /// The most elements one contact record may hold.
    public var maxRecordElements: Int

    /// Creates limits; the defaults (depth 256, 10 MB text, 100 000 elements a record) are far
    /// above any real address book.
    public init(maxDepth: Int = 256, maxTextBytes: Int = 10_000_000, maxRecordElements: Int = 100_000) {
        self.maxDepth = maxDepth
        self.maxTextBytes = maxTextBytes
        self.maxRecordElements = maxRecordElements
    }
}
