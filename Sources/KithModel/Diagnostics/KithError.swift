/// An error that stops the processing of a whole input or command.
///
/// It names the file and says what was expected, printed as `path:line: code: message`.
public struct KithError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code. New codes can be added without breaking users.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unreadableInput = "io.unreadable"
            case unknownFormat = "io.unknown-format"
            case invalidInput = "io.invalid-input"
            case unsafeInput = "io.unsafe-input"
            case outputFailed = "io.output-failed"
            case usage = "usage"
            case invalidDataset = "dataset.invalid"
            case invalidConfiguration = "config.invalid"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file could not be opened or read.
        public static let unreadableInput = Code(.unreadableInput)
        /// The content is not a format Kith reads.
        public static let unknownFormat = Code(.unknownFormat)
        /// The content is of a known format but broken beyond recovery.
        public static let invalidInput = Code(.invalidInput)
        /// The content was refused for safety (entity expansion, external entities, limits).
        public static let unsafeInput = Code(.unsafeInput)
        /// Writing the output failed.
        public static let outputFailed = Code(.outputFailed)
        /// The command line or API call was used wrongly.
        public static let usage = Code(.usage)
        /// A dataset given as input is not a Kith dataset.
        public static let invalidDataset = Code(.invalidDataset)
        /// A configuration, column map or decisions file is invalid.
        public static let invalidConfiguration = Code(.invalidConfiguration)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// What went wrong and what to do about it.
    public var message: String
    /// The file concerned, as the user named it.
    public var path: String?
    /// The 1-based line, when known.
    public var line: Int?
    /// The byte offset, when known.
    public var offset: Int?
    /// A lower-level description of the cause.
    public var cause: String?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, path: String? = nil, line: Int? = nil, offset: Int? = nil,
        cause: String? = nil
    ) {
        self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.offset = offset
        self.cause = cause
    }

    public var description: String {
        var location = path ?? "kith"
        if let line { location += ":\(line)" }
        var text = "\(location): \(code): \(message)"
        if let cause { text += " (\(cause))" }
        return text
    }
}
