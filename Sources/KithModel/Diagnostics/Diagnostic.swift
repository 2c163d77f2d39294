/// A recoverable problem found while reading or processing a record.
///
/// Diagnostics travel beside the data: a malformed record still yields what could be read, and
/// the problem is reported with its location. They never abort an import.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The 0-based source number, or `nil` when the problem is not tied to one source.
    public var source: Int32?
    /// The 1-based line where the problem was seen, 0 when the format has no lines.
    public var line: Int
    /// The 0-based record index the problem belongs to, when it belongs to one.
    public var record: Int32?
    public var severity: Severity
    /// A stable, dotted identifier such as `vcard.qp.invalid-escape`.
    public var code: DiagnosticCode
    /// What happened and, where it helps, what Kith did about it.
    public var message: String

    /// Creates a diagnostic.
    public init(
        source: Int? = nil, line: Int, record: Int? = nil, severity: Severity = .warning,
        code: DiagnosticCode, message: String
    ) {
        self.source = source.map { Int32(truncatingIfNeeded: $0) }
        self.line = line
        self.record = record.map { Int32(truncatingIfNeeded: $0) }
        self.severity = severity
        self.code = code
        self.message = message
    }

    public var description: String {
        "\(line): \(severity.rawValue): \(code): \(message)"
    }

    /// A value quoted in a message: whole when short, else its first 80 characters and its
    /// length. The value itself is kept where it belongs (a field a broken export filled with
    /// 200 KB would otherwise be written out a second time in every message about it).
    public static func quote(_ value: String) -> String {
        let shown = 80
        guard value.count > shown + 20 else { return "\"\(value)\"" }
        return "\"\(value.prefix(shown))…\" (\(value.count) characters)"
    }
}

/// A stable diagnostic code: a dotted, lower-case name whose first part is the stage or format
/// (`vcard.`, `csv.`, `xml.`, `io.`, `normalize.`, `resolve.`).
///
/// Codes are strings so that new ones can be added without breaking users who match on them.
public struct DiagnosticCode: Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    /// Creates a code from its dotted name.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension DiagnosticCode {
    /// National phone numbers kept as written, with no region to read them in: told once per
    /// source by the normalizer, and summed up by the command line.
    public static let phoneNoRegion: DiagnosticCode = "normalize.phone.no-region"
}
