import ArgumentParser
import Foundation
import Kith
import KithIO
import KithJSON
import KithModel
import KithResolve

/// `kith import`: read exports, write the dataset.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read address-book exports and write the canonical dataset.",
        discussion: """
            PATH can be a file, a folder (walked recursively; each file's format is decided by its \
            content, files of other kinds are skipped) or - for standard input.

            Problems inside records never stop the import: they are reported on standard error as \
            path:line: severity: code: message, and listed in the dataset's diagnostics.

            Exit status:
              0  the dataset was written
              1  --strict was given and some input had problems (warnings or errors)
              2  an input that cannot be read or is of an unknown format, an output
                 that cannot be written, or options that do not go together
              64 the command line is wrong: an unknown option, a missing path, a bad
                 value (sysexits' EX_USAGE)

            A file given with -o is put in place only once written whole: a failed or \
            interrupted import leaves the previous one as it was (where its folder takes a \
            temporary file beside it; devices and /dev/stdout are written in place).

            Examples:
              kith import phone-2014.vcf google.csv -o people.json
              kith import exports/ --ndjson -o people.ndjson --charset-fallback windows-1251
              kith import - < contacts.vcf > people.json
              kith import old/ --to vcard4 -o clean.vcf --dataset people.json
            """)

    @Argument(help: "Files, folders, or - for standard input.", completion: .file())
    var paths: [String]

    @Option(name: [.short, .customLong("output")], help: "Where to write the dataset (- for standard output).")
    var output: String = "-"

    @Flag(help: "Write NDJSON: a header line, then one person per line.")
    var ndjson = false

    @Option(
        name: .customLong("charset-fallback"),
        help: "Charset for 8-bit text that is not UTF-8 and declares none (e.g. windows-1251, iso-8859-2).")
    var charsetFallback: String = "windows-1252"

    @Option(
        name: .customLong("default-region"),
        help: "Region (ISO 3166-1 alpha-2, e.g. DE) for phone numbers whose record and source give none.")
    var defaultRegion: String?

    @Option(
        name: .customLong("map"),
        help: "A JSON column map {\"CSV header\": \"field\"} for CSV files no known layout fits.")
    var columnMapPath: String?

    @Flag(name: .customLong("no-merge"), help: "Keep every record as its own person.")
    var noMerge = false

    @Option(help: "Match threshold in bits (higher merges less); the resolver's own when omitted.")
    var threshold: Double?

    @Option(
        help: "Write the people in this format to -o instead of the dataset: vcard4, vcard3, google-csv, outlook-csv.")
    var to: ExportFormat?

    @Flag(help: "With --to vcard4|vcard3: one .vcf per person into the folder given by -o.")
    var split = false

    @Option(name: .customLong("dataset"), help: "With --to: also write the dataset to this file.")
    var datasetPath: String?

    @Option(help: "Also write the borderline pairs (JSON) for a person to decide.")
    var review: String?

    @Option(help: "A decisions file (JSON), or an edited --review file, to obey: same, different, split, prefer.")
    var decisions: String?

    @Option(help: "The dataset of the previous run: people keep its ids, and the dataset lists what changed.")
    var previous: String?

    @Flag(help: "Exit with status 1 when any input had problems.")
    var strict = false

    @Flag(help: "Print no diagnostics and no progress on standard error.")
    var quiet = false

    func validate() throws {
        if let threshold, !threshold.isFinite {
            throw ValidationError("--threshold takes a number of bits such as 12 or 15.5")
        }
        if let defaultRegion, defaultRegion.count != 2 || !defaultRegion.allSatisfy(\.isLetter) {
            throw ValidationError("--default-region takes a two-letter ISO 3166-1 code such as DE or US")
        }
        guard Charset(name: charsetFallback) != nil else {
            throw ValidationError(
                "unknown charset '\(charsetFallback)'; try windows-1252, iso-8859-1, windows-1251, shift_jis")
        }
    }

    func run() async throws {
        let fallback = Charset(name: charsetFallback) ?? .singleByte(.windows1252)
        let reporter = TerminalReporter(quiet: quiet)
        do {
            var configuration = ImportConfiguration(
                paths: paths, charsetFallback: fallback, columnMap: try ColumnMapFile.load(columnMapPath),
                defaultRegion: defaultRegion?.uppercased(), merge: !noMerge, threshold: threshold)
            if let decisions { configuration.decisions = try DecisionsFile.load(path: decisions) }
            if let previous { configuration.previous = try DatasetReader().read(path: previous) }
            configuration.listsReview = review != nil
            let pipeline = Pipeline(configuration: configuration)
            if to == nil, review == nil, pipeline.canStream {
                // Every record its own person: people are written as they are made.
                // The file is put in place only once whole: an import that fails leaves the
                // previous dataset as it was, and no half-written one.
                var file = try ByteOutput(path: output)
                let streamed = try pipeline.stream(
                    to: &file, format: ndjson ? .ndjson : .json, progress: reporter.progress)
                try file.commit()
                reporter.finishProgress()
                reporter.report(streamed.dataset, summary: streamed.summary)
                if strict, streamed.dataset.diagnostics.contains(where: { $0.severity >= .warning }) {
                    throw ExitCode(1)
                }
                return
            }
            var result = try pipeline.run(progress: reporter.progress)
            reporter.finishProgress()
            let summary = result.dataset.summary
            if let to {
                if let datasetPath { try DatasetOutput.write(result.dataset, to: datasetPath, ndjson: ndjson) }
                reporter.notes(try Exporter.export(result.dataset, format: to, to: output, split: split))
            } else {
                var clock = StageClock("import")
                // The people are freed as they are written: the report below needs only counts.
                try DatasetOutput.write(taking: &result.dataset, to: output, ndjson: ndjson)
                clock.lap("write")
            }
            if let review {
                var file = try ByteOutput(path: review)
                try file.write(ReviewFile.json(result.review, sources: result.dataset.sources, keys: result.reviewKeys))
                try file.commit()
            }
            reporter.report(result.dataset, summary: summary)
            if let review {
                let pairs = TerminalReporter.counted(result.review.count, "borderline pair")
                reporter.notes(["\(pairs) to decide in \(review)"])
            }
            if strict, result.problemCount > 0 { throw ExitCode(1) }
        } catch let error as KithError {
            reporter.finishProgress()
            reporter.error(error)
            throw ExitCode(2)
        }
    }
}
