import Foundation
import Kith
import KithModel
import Synchronization

/// Writes progress and diagnostics to standard error: a one-line progress display when standard
/// error is a terminal and the work takes more than a moment, and the diagnostics at the end.
final class TerminalReporter: Sendable {
    private let quiet: Bool
    private let interactive: Bool
    private let start = Date()
    private let shown = Mutex(false)

    init(quiet: Bool) {
        self.quiet = quiet
        self.interactive = isatty(2) == 1
    }

    /// The progress observer handed to the pipeline.
    var progress: @Sendable (ImportProgress) -> Void {
        { [self] event in show(event) }
    }

    private func show(_ event: ImportProgress) {
        guard !quiet, interactive, Date().timeIntervalSince(start) > 0.5 else { return }
        let text: String
        switch event {
        case .reading(let path, let index, let total): text = "reading \(index + 1)/\(total) \(path)"
        case .normalizing(let records): text = "normalizing \(records) records"
        case .resolving(let records): text = "matching \(records) records"
        case .writing(let people): text = "writing \(people) people"
        }
        shown.withLock { $0 = true }
        Self.write("\r\u{1B}[2K\(text.prefix(100))")
    }

    /// Clears the progress line, if one was shown.
    func finishProgress() {
        let wasShown = shown.withLock { value -> Bool in
            defer { value = false }
            return value
        }
        if wasShown { Self.write("\r\u{1B}[2K") }
    }

    /// Prints the dataset's diagnostics and a one-line summary.
    func report(_ dataset: Dataset, summary: DatasetSummary? = nil) {
        guard !quiet else { return }
        let report = DiagnosticReport(sources: dataset.sources)
        let printable = dataset.diagnostics.filter { $0.severity >= .warning }
        for line in report.lines(for: printable) { Self.write(line + "\n") }
        let summary = summary ?? dataset.summary
        Self.write(
            "kith: \(Self.counted(summary.records, "record")) from \(Self.counted(dataset.sources.count, "source"))"
                + " → \(Self.counted(summary.people, "person", "people"))"
                + (summary.groups > 0 ? ", \(Self.counted(summary.groups, "group"))" : "")
                + (printable.isEmpty ? "" : "; \(Self.counted(printable.count, "problem"))") + "\n")
        // Not a problem of the input (so not one for --strict), but the review file is not all.
        for truncated in dataset.diagnostics where truncated.code == "resolve.review.truncated" {
            Self.write("kith: \(truncated.message)\n")
        }
        // Told once per source in the dataset; worth a line, since a region reads them all.
        let withoutRegion = Set(
            dataset.diagnostics.lazy.filter { $0.code == .phoneNoRegion }.map(\.source))
        if !withoutRegion.isEmpty {
            Self.write(
                "kith: national phone numbers in \(Self.counted(withoutRegion.count, "source")) have no country code"
                    + " and no region to read them in; they are kept as written (--default-region XX reads them)\n")
        }
    }

    /// "1 record", "2 records".
    static func counted(_ count: Int, _ one: String, _ many: String? = nil) -> String {
        "\(count) \(count == 1 ? one : many ?? one + "s")"
    }

    /// Prints notes from a stage (what an export could not hold, files written).
    func notes(_ lines: [String]) {
        guard !quiet else { return }
        for line in lines { Self.write("kith: \(line)\n") }
    }

    /// Prints an error that stopped the command.
    func error(_ error: KithError) {
        Self.write("\(error)\n")
    }

    private static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = Foundation.write(2, buffer.baseAddress, buffer.count) }
    }
}
