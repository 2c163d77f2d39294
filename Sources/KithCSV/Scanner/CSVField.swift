/// One field of a CSV record: where its bytes lie in the input and how it was written.
///
/// A field does not own its text; ask the scanner that produced it for its bytes or string, so
/// that a file is turned into `String`s once per value that is actually used.
public struct CSVField: Hashable, Sendable {
    /// Byte offset of the first content byte (after an opening quote).
    public var start: Int
    /// Byte offset just past the last content byte (before a closing quote).
    public var end: Int
    /// Whether the field was enclosed in double quotes, so `""` (quoted empty) can be told apart
    /// from an unquoted empty field.
    public var isQuoted: Bool
    /// Whether the content holds doubled quotes (`""`) that stand for one quote character.
    public var hasDoubledQuotes: Bool

    /// Creates a field.
    public init(start: Int, end: Int, isQuoted: Bool = false, hasDoubledQuotes: Bool = false) {
        self.start = start
        self.end = end
        self.isQuoted = isQuoted
        self.hasDoubledQuotes = hasDoubledQuotes
    }

    /// Whether the field holds no content bytes (quoted or not).
    public var isEmpty: Bool { end <= start }
}

/// One CSV record: its fields and where it lies in the input.
public struct CSVRow: Sendable {
    /// The fields, in order.
    public var fields: [CSVField]
    /// The 1-based physical line where the record starts.
    public var line: Int
    /// The byte offset where the record starts.
    public var offset: Int
    /// Whether a quoted field ran to the end of the input without its closing quote.
    public var hasUnterminatedQuote: Bool
    /// Whether a quote appeared where RFC 4180 allows none (text after a closing quote); the
    /// field was then kept verbatim, quotes included.
    public var hasStrayQuote: Bool
    /// The delimiter byte that separated this record's fields.
    public var delimiter: UInt8

    /// Creates an empty row.
    public init() {
        self.fields = []
        self.line = 0
        self.offset = 0
        self.hasUnterminatedQuote = false
        self.hasStrayQuote = false
        self.delimiter = UInt8(ascii: ",")
    }

    /// Whether every field is empty (a blank line or a line of delimiters only).
    public var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
}
