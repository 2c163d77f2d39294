public import KithIO
public import KithModel
public import KithResolve

/// Everything an import needs to know: what to read and how to treat it.
public struct ImportConfiguration: Sendable {
    /// Files, folders (walked recursively) and `-` for standard input, in the order given.
    public var paths: [String]
    /// The charset for 8-bit text that declares none and is not UTF-8.
    public var charsetFallback: Charset
    /// A column map for CSV files that no known layout fits (header → field).
    public var columnMap: [String: String]
    /// The region for phone numbers whose record and source give none (ISO 3166-1 alpha-2).
    public var defaultRegion: String?
    /// Whether to merge records into people (`false`: each record is its own person).
    public var merge: Bool
    /// The match threshold in bits, when the user overrides the resolver's own.
    public var threshold: Double?
    /// The generator name written into the dataset.
    public var generator: String
    /// Decisions to obey (`--decisions`), read with `DecisionsFile`.
    public var decisions: Decisions = Decisions()
    /// The previous dataset (`--previous`): people keep its ids and the dataset lists changes.
    public var previous: Dataset?
    /// Whether to list borderline pairs in ``ImportResult/review`` (`--review`).
    public var listsReview = true

    /// Creates a configuration with Kith's defaults.
    public init(
        paths: [String], charsetFallback: Charset = .singleByte(.windows1252), columnMap: [String: String] = [:],
        defaultRegion: String? = nil, merge: Bool = true, threshold: Double? = nil,
        generator: String = "kith \(KithVersion.current)"
    ) {
        self.paths = paths
        self.charsetFallback = charsetFallback
        self.columnMap = columnMap
        self.defaultRegion = defaultRegion
        self.merge = merge
        self.threshold = threshold
        self.generator = generator
    }
}

/// Kith's version.
public enum KithVersion {
    /// The semantic version of this build.
    public static let current = "0.1.0"
}
