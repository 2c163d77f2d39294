import Foundation
import KithIO
public import KithModel
import KithNormalize
public import KithResolve
import KithXML
import Synchronization

/// What an import produced.
public struct ImportResult: Sendable {
    /// The dataset (sources, people, groups, diagnostics).
    public var dataset: Dataset
    /// Borderline pairs for a person to decide (`--review`), strongest first.
    public var review: [ReviewPair]
    /// Stable names of the review pairs' records, for `ReviewFile.json(_:sources:keys:)`.
    public var reviewKeys: [RecordRef: String] = [:]
    /// Diagnostics of severity warning or worse (what `--strict` fails on).
    public var problemCount: Int {
        dataset.diagnostics.reduce(0) { $0 + ($1.severity >= .warning ? 1 : 0) }
    }
}

/// A step of the pipeline, reported to a progress observer.
public enum ImportProgress: Sendable {
    /// Reading input `index` (0-based) of `total`.
    case reading(path: String, index: Int, total: Int)
    case normalizing(records: Int)
    case resolving(records: Int)
    case writing(people: Int)
}

/// The whole import: find inputs, read each with the reader its content calls for, normalize,
/// resolve records into people, and build the dataset.
///
/// Each stage is a plain API of its own module; the pipeline only wires them.
public struct Pipeline: Sendable {
    public var configuration: ImportConfiguration
    public var formats: FormatRegistry

    /// Creates a pipeline.
    public init(configuration: ImportConfiguration, formats: FormatRegistry = .standard) {
        self.configuration = configuration
        self.formats = formats
    }

    /// Runs the import.
    ///
    /// - Parameter progress: called from the importing thread as stages start.
    /// - Returns: the dataset and counts.
    /// - Throws: `KithError` for a missing or unreadable path, or a file the user named whose
    ///   format is unknown. Problems inside records are diagnostics, not errors.
    /// - Complexity: reading is linear in the input size; resolving is near-linear in records.
    public func run(progress: (@Sendable (ImportProgress) -> Void)? = nil) throws -> ImportResult {
        var clock = StageClock("import")
        let inputs = try InputDiscovery.inputs(for: configuration.paths)
        var outcomes = try readAll(inputs, progress: progress)
        clock.lap("read")

        var contacts: [Contact] = []
        var sources: [SourceInfo] = []
        var diagnostics: [Diagnostic] = []
        contacts.reserveCapacity(outcomes.reduce(0) { $0 + $1.contacts.count })
        for index in outcomes.indices {
            diagnostics.append(contentsOf: outcomes[index].diagnostics)
            guard let source = outcomes[index].source else { continue }
            sources.append(source)
            // Moved one by one, not copied (see `Contact.take()`).
            for position in outcomes[index].contacts.indices {
                contacts.append(outcomes[index].contacts[position].take())
            }
            outcomes[index].contacts = []
        }

        progress?(.normalizing(records: contacts.count))
        diagnostics.append(contentsOf: normalize(&contacts))
        clock.lap("normalize")

        progress?(.resolving(records: contacts.count))
        let resolved = resolve(consume contacts, sources: sources)
        diagnostics.append(contentsOf: resolved.diagnostics)
        clock.lap("resolve")

        let dataset = Dataset(
            generator: configuration.generator, generatedAt: Self.timestamp(), sources: sources,
            people: resolved.people, groups: resolved.groups, diagnostics: diagnostics, changes: resolved.changes)
        return ImportResult(dataset: dataset, review: resolved.review, reviewKeys: resolved.reviewKeys)
    }

    // MARK: - Reading

    /// What reading one input gave.
    struct ReadOutcome: Sendable {
        var source: SourceInfo?
        var contacts: [Contact]
        var diagnostics: [Diagnostic]
    }

    /// Reads the inputs, two at a time when there are several, keeping their order.
    private func readAll(
        _ inputs: [InputDiscovery.Input], progress: (@Sendable (ImportProgress) -> Void)?
    ) throws -> [ReadOutcome] {
        let slots = Mutex<[Int: Result<ReadOutcome, KithError>]>([:])
        let next = Mutex(0)
        let workers = inputs.count > 1 ? min(2, ProcessInfo.processInfo.activeProcessorCount) : 1
        // The largest files are taken first, so that the last one read is not a large one read
        // while the other worker has nothing left (sources keep their numbers whatever the order).
        let order = workers > 1 ? Self.largestFirst(inputs) : Array(inputs.indices)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let taken = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard taken < order.count else { return }
                let index = order[taken]
                progress?(.reading(path: inputs[index].path, index: index, total: inputs.count))
                let result: Result<ReadOutcome, KithError>
                do {
                    result = .success(try read(inputs[index], source: index))
                } catch let error as KithError where !inputs[index].explicit {
                    // A file found in a folder that turns out not to be an address book (or to
                    // be broken or unsafe) is skipped and reported; the rest of the folder is read.
                    result = .success(skipped(inputs[index], source: index, because: error))
                } catch let error as KithError {
                    result = .failure(error)
                } catch {
                    result = .failure(KithError(.unreadableInput, "\(error)", path: inputs[index].path))
                }
                slots.withLock { $0[index] = result }
            }
        }
        // Sources are numbered by input order; a skipped input keeps its number unused so the
        // numbering does not depend on which other files were readable.
        return try slots.withLock { results in
            try inputs.indices.map { index in
                switch results[index] {
                case .success(let outcome)?: return outcome
                case .failure(let error)?: throw error
                case nil: return ReadOutcome(source: nil, contacts: [], diagnostics: [])
                }
            }
        }
    }

    /// The indices of `inputs`, largest file first (standard input and unreadable paths last,
    /// ties in input order).
    static func largestFirst(_ inputs: [InputDiscovery.Input]) -> [Int] {
        let sizes = inputs.map { input -> Int in
            guard input.path != "-" else { return -1 }
            var status = stat()
            return stat(input.path, &status) == 0 ? Int(status.st_size) : -1
        }
        return inputs.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }

    /// Reads one input with the reader its content calls for.
    private func read(_ input: InputDiscovery.Input, source: Int) throws -> ReadOutcome {
        var loaded: InputFile?
        guard let opened = try open(input, source: source, loaded: &loaded) else {
            return skipped(input, source: source)
        }
        var contacts: [Contact] = []
        let (report, sha256) = try opened.read { contacts.append($0) }
        return outcome(report, sha256: sha256, contacts: contacts, input: input, source: source)
    }

    /// An input ready to be read, as many times as needed.
    struct OpenedSource: Sendable {
        /// The input's size in bytes.
        var size: Int
        /// Reads every record, in order, and returns the reader's report and the input's SHA-256.
        var read: @Sendable ((consuming Contact) throws -> Void) throws -> (ReadReport, String)
    }

    /// Opens an input with the reader its content calls for. XML files are read from disk on
    /// every read (memory does not grow with the file); other formats are read into memory
    /// once, into `loaded` (standard input can only be read once).
    ///
    /// - Returns: `nil` for a file found in a folder that is not an address-book export.
    /// - Throws: `KithError` for an unreadable input, or a named one of unknown format.
    func open(_ input: InputDiscovery.Input, source: Int, loaded: inout InputFile?) throws -> OpenedSource? {
        let context = ReadContext(
            source: source, path: input.path, decoder: TextDecoder(fallback: configuration.charsetFallback),
            columnMap: configuration.columnMap)
        if input.path != "-", loaded == nil {
            let head = try InputFile.readHead(path: input.path)
            guard let reader = try formats.reader(for: head) ?? unknown(input, source: source, head: head.bytes)
            else { return nil }
            if let xml = reader as? XMLReader {
                let path = input.path
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
                return OpenedSource(size: size ?? Int.max) { emit in
                    let read = try xml.read(path: path, context: context, emit: emit)
                    return (read.report, read.sha256)
                }
            }
        }
        let file = try loaded ?? InputFile.read(path: input.path)
        loaded = file
        guard let reader = try formats.reader(for: file) ?? unknown(input, source: source, head: file.bytes)
        else { return nil }
        return OpenedSource(size: file.bytes.count) { emit in
            (try reader.read(file, context: context, emit: emit), file.sha256)
        }
    }

    /// For a file the user named, an unknown format is an error; for one found in a folder, `nil`.
    /// An empty file (or one of white space only, after any byte-order mark) is said to be one.
    func unknown(_ input: InputDiscovery.Input, source: Int, head: [UInt8]) throws -> (any ContactReader)? {
        guard input.explicit else { return nil }
        let blank = head.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0 }
        let what = blank ? "is empty" : "is not an address-book export Kith reads"
        throw KithError(.unknownFormat, "\(what); expected \(formats.formatNames)", path: input.path)
    }

    func skipped(_ input: InputDiscovery.Input, source: Int, because error: KithError? = nil) -> ReadOutcome {
        let diagnostic: Diagnostic
        if let error, error.code != .unknownFormat {
            diagnostic = Diagnostic(
                source: source, line: error.line ?? 0, severity: .error, code: "io.skipped-unreadable",
                message: "\(input.path): skipped: \(error.code): \(error.message)")
        } else {
            diagnostic = Diagnostic(
                source: source, line: 0, severity: .info, code: "io.skipped",
                message: "\(input.path): skipped, not a format Kith reads")
        }
        return ReadOutcome(source: nil, contacts: [], diagnostics: [diagnostic])
    }

    func outcome(
        _ report: ReadReport, sha256: String, contacts: [Contact], input: InputDiscovery.Input, source: Int
    ) -> ReadOutcome {
        ReadOutcome(
            source: sourceInfo(report, sha256: sha256, records: contacts.count, input: input, source: source),
            contacts: contacts, diagnostics: report.diagnostics)
    }

    /// The dataset's description of a source that was read.
    func sourceInfo(_ report: ReadReport, sha256: String, records: Int, input: InputDiscovery.Input, source: Int)
        -> SourceInfo
    {
        SourceInfo(
            number: source, path: input.path, format: report.format, flavor: report.flavor,
            encoding: report.encoding, sha256: sha256, records: records)
    }

    // MARK: - Normalizing and resolving

    private func normalize(_ contacts: inout [Contact]) -> [Diagnostic] {
        Normalizer(options: NormalizeOptions(defaultRegion: configuration.defaultRegion)).normalize(&contacts)
    }

    private func resolve(_ contacts: consuming [Contact], sources: [SourceInfo]) -> ResolveResult {
        var options = ResolveOptions(threshold: configuration.threshold, merge: configuration.merge)
        options.listsReview = configuration.listsReview
        var resolver = Resolver(options: options)
        var paths: [Int: String] = [:]
        for source in sources { paths[source.number] = source.path }
        resolver.context = ResolveContext(
            decisions: configuration.decisions, previous: configuration.previous, sourcePaths: paths)
        return resolver.resolve(consume contacts)
    }

    // MARK: - Time

    /// The current UTC time as ISO 8601 with seconds (`2026-11-27T10:00:00Z`).
    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
