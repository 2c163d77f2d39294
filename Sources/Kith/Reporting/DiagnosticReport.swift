public import KithModel

/// Formats diagnostics for people: one line each as `path:line: severity: code: message`, and a
/// summary by code when there are many.
public struct DiagnosticReport: Sendable {
    /// Source paths by source number.
    public var paths: [Int: String]
    /// How many diagnostics to print one by one before summarizing the rest.
    public var limit: Int

    /// Creates a report for a dataset's sources.
    public init(sources: [SourceInfo], limit: Int = 50) {
        self.paths = Dictionary(sources.map { ($0.number, $0.path) }, uniquingKeysWith: { first, _ in first })
        self.limit = limit
    }

    /// The line for one diagnostic.
    public func line(for diagnostic: Diagnostic) -> String {
        let path = diagnostic.source.flatMap { paths[Int($0)] } ?? "kith"
        let location = diagnostic.line > 0 ? "\(path):\(diagnostic.line)" : path
        return "\(location): \(diagnostic.severity.rawValue): \(diagnostic.code): \(diagnostic.message)"
    }

    /// The lines for all diagnostics: each one while there are at most `limit`, else the first
    /// `limit` followed by a count per code of the rest.
    ///
    /// - Complexity: O(n log n) in the number of diagnostics.
    public func lines(for diagnostics: [Diagnostic]) -> [String] {
        var lines = diagnostics.prefix(limit).map(line(for:))
        let rest = diagnostics.dropFirst(limit)
        guard !rest.isEmpty else { return lines }
        var counts: [DiagnosticCode: Int] = [:]
        for diagnostic in rest { counts[diagnostic.code, default: 0] += 1 }
        lines.append("… and \(rest.count) more diagnostics (all are in the dataset's \"diagnostics\"):")
        for (code, count) in counts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            lines.append("  \(count) × \(code)")
        }
        return lines
    }
}
