public import KithIO
public import KithJSON
public import KithModel
import KithNormalize
import KithResolve
import KithXML

/// What a streamed import wrote besides its people.
public struct StreamedImport: Sendable {
    /// The dataset without its people (they went to the output as they were made): sources,
    /// groups and diagnostics.
    public var dataset: Dataset
    /// The counts written in the dataset's `summary`.
    public var summary: DatasetSummary
}

extension Pipeline {
    /// Records read, normalized and written per batch when streaming.
    static let streamBatch = 4096

    /// Whether the import can be streamed with ``stream(to:format:progress:)``: every record
    /// is its own person (`--no-merge`) and no decisions or previous dataset are given.
    public var canStream: Bool {
        !configuration.merge && configuration.decisions.isEmpty && configuration.previous == nil
    }

    /// Runs an import that keeps every record as its own person, writing people as they are
    /// made: memory stays bounded by a batch of records whatever the size of the inputs (XML
    /// files are read from disk; other files are held in memory, as bytes, while they are read).
    ///
    /// Each source is read twice: first to survey it (the region of its national phone numbers
    /// and its placeholder years depend on all of its records), then to normalize and write it
    /// batch by batch. The bytes written are those ``run(progress:)`` and a ``DatasetWriter``
    /// give for the same configuration, apart from `generatedAt`.
    ///
    /// - Parameters:
    ///   - output: where the dataset goes.
    ///   - format: JSON or NDJSON.
    ///   - progress: called as stages start.
    /// - Returns: the dataset without its people, and the summary written.
    /// - Throws: `KithError` as ``run(progress:)`` does, `.usage` when ``canStream`` is false,
    ///   `.outputFailed` when the output or the temporary file cannot be written.
    public func stream(
        to output: inout ByteOutput, format: DatasetWriter.Format, progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) throws -> StreamedImport {
        guard canStream else {
            throw KithError(.usage, "only an import without merging, decisions or a previous dataset can be streamed")
        }
        var clock = StageClock("stream")
        let inputs = try InputDiscovery.inputs(for: configuration.paths)
        let normalizer = Normalizer(options: NormalizeOptions(defaultRegion: configuration.defaultRegion))
        var people = UnmergedPeople()
        var spill = try SpillFile()
        var peopleCount = 0
        var recordsInPeople = 0
        var sources: [SourceInfo] = []
        var readDiagnostics: [Diagnostic] = []
        var normalizeDiagnostics: [Diagnostic] = []

        for (index, input) in inputs.enumerated() {
            progress?(.reading(path: input.path, index: index, total: inputs.count))
            var survey = SourceSurvey()
            let outcome: StreamOutcome
            do {
                outcome = try streamSource(input, source: index) { pass, batch in
                    switch pass {
                    case .survey:
                        normalizer.survey(batch, into: &survey)
                    case .write:
                        var batch = batch
                        normalizeDiagnostics += normalizer.normalize(&batch, survey: survey)
                        let made = people.people(of: batch)
                        try spill.write(DatasetStream.encodePeople(made, format: format, after: peopleCount))
                        peopleCount += made.count
                        recordsInPeople += made.reduce(0) { $0 + $1.records.count }
                    }
                }
            } catch let error as KithError where !input.explicit {
                // As in `run`: a broken file found in a folder is skipped and reported. (The
                // survey read fails first, before any of its records is written.)
                readDiagnostics += skipped(input, source: index, because: error).diagnostics
                continue
            }
            readDiagnostics += outcome.diagnostics
            if let source = outcome.source { sources.append(source) }
        }
        clock.lap("read+normalize+encode")

        let (groups, groupDiagnostics) = people.groups()
        let diagnostics = readDiagnostics + normalizeDiagnostics + groupDiagnostics
        let records = sources.reduce(0) { $0 + $1.records }
        let summary = DatasetSummary(
            records: records, people: peopleCount, groups: groups.count, mergedRecords: recordsInPeople - peopleCount,
            diagnostics: diagnostics.count)

        progress?(.writing(people: peopleCount))
        var stream = DatasetStream(format: format)
        try stream.begin(
            DatasetHeader(generator: configuration.generator, generatedAt: Self.timestamp(), sources: sources), to: &output)
        try stream.drain(into: &output)
        try spill.copy(into: &output)
        try stream.didWritePeople(peopleCount)
        for group in groups { try stream.writeGroup(group, to: &output) }
        for diagnostic in diagnostics { try stream.writeDiagnostic(diagnostic, to: &output) }
        try stream.finish(summary, to: &output)
        clock.lap("write")

        let dataset = Dataset(
            generator: configuration.generator, generatedAt: Self.timestamp(), sources: sources, people: [], groups: groups,
            diagnostics: diagnostics)
        return StreamedImport(dataset: dataset, summary: summary)
    }

    /// The two reads of a source.
    enum StreamPass {
        case survey, write
    }

    /// What streaming one source gave.
    struct StreamOutcome {
        var source: SourceInfo?
        var diagnostics: [Diagnostic]
    }

    /// Reads a source twice, handing its records to `body` in batches: all of them for the
    /// survey, then all of them again for writing.
    private func streamSource(
        _ input: InputDiscovery.Input, source: Int, _ body: (StreamPass, [Contact]) throws -> Void
    ) throws -> StreamOutcome {
        let context = ReadContext(
            source: source, path: input.path, decoder: TextDecoder(fallback: configuration.charsetFallback),
            columnMap: configuration.columnMap)
        if input.path != "-" {
            let head = try InputFile.readHead(path: input.path)
            guard let reader = try formats.reader(for: head) ?? unknown(input, source: source) else {
                return StreamOutcome(source: nil, diagnostics: skipped(input, source: source).diagnostics)
            }
            if let xml = reader as? XMLReader {
                _ = try inBatches(.survey, body) { emit in try xml.read(path: input.path, context: context, emit: emit) }
                let (report, records) = try inBatches(.write, body) { emit in
                    try xml.read(path: input.path, context: context, emit: emit)
                }
                return StreamOutcome(
                    source: sourceInfo(report.report, sha256: report.sha256, records: records, input: input, source: source),
                    diagnostics: report.report.diagnostics)
            }
        }
        let file = try InputFile.read(path: input.path)
        guard let reader = try formats.reader(for: file) ?? unknown(input, source: source) else {
            return StreamOutcome(source: nil, diagnostics: skipped(input, source: source).diagnostics)
        }
        _ = try inBatches(.survey, body) { emit in try reader.read(file, context: context, emit: emit) }
        let (report, records) = try inBatches(.write, body) { emit in try reader.read(file, context: context, emit: emit) }
        return StreamOutcome(
            source: sourceInfo(report, sha256: file.sha256, records: records, input: input, source: source),
            diagnostics: report.diagnostics)
    }

    /// Runs a read, handing the records it emits to `body` in batches of ``streamBatch``.
    ///
    /// - Returns: what the read returned, and the number of records.
    private func inBatches<Report>(
        _ pass: StreamPass, _ body: (StreamPass, [Contact]) throws -> Void,
        _ read: ((Contact) throws -> Void) throws -> Report
    ) throws -> (Report, Int) {
        try withoutActuallyEscaping(body) { body in
            var batch: [Contact] = []
            batch.reserveCapacity(Self.streamBatch)
            var count = 0
            let report = try read { contact in
                batch.append(contact)
                count += 1
                if batch.count >= Self.streamBatch {
                    try body(pass, batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try body(pass, batch) }
            return (report, count)
        }
    }
}
