import Foundation
public import KithIO
public import KithJSON
public import KithModel
import KithNormalize
import KithResolve
import Synchronization

/// What a streamed import wrote besides its people.
public struct StreamedImport: Sendable {
    /// The dataset without its people (they went to the output as they were made): sources,
    /// groups, and the diagnostics of reading and grouping with the warnings (and worse) of
    /// normalization; its information-level diagnostics are only in the output.
    public var dataset: Dataset
    /// The counts written in the dataset's `summary`.
    public var summary: DatasetSummary
}

extension Pipeline {
    /// Records read, normalized and written per batch when streaming.
    static let streamBatch = 512

    /// Whether the import can be streamed with ``stream(to:format:progress:)``: every record
    /// is its own person (`--no-merge`) and no decisions or previous dataset are given.
    public var canStream: Bool {
        !configuration.merge && configuration.decisions.isEmpty && configuration.previous == nil
    }

    /// Runs an import that keeps every record as its own person, writing people as they are
    /// made: memory stays bounded by a batch of records whatever the size of the inputs (XML
    /// files are read from disk; other files are held in memory, as bytes, while they are read).
    ///
    /// The region of a source's national phone numbers and its placeholder years depend on all
    /// of its records. A source is read once when its first batch already decides them the way
    /// the whole source does (checked after every batch); otherwise its output is taken back
    /// and it is read twice, surveyed first. The bytes written are those ``run(progress:)`` and
    /// a ``DatasetWriter`` give for the same configuration, apart from `generatedAt`.
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
        // Normalization can report on many records (email addresses a form mangled, impossible
        // dates): its diagnostics go to a temporary file too, encoded, and only the warnings
        // (and the few told once per source) stay here, for the command line.
        var normalizeHeld: [Diagnostic] = []
        var normalizeSpill = try SpillFile()
        var normalizeCount = 0
        /// Writes normalization diagnostics to their file, holding those the command line shows.
        func spillNormalize(_ found: [Diagnostic], holdingAll: Bool) throws {
            guard !found.isEmpty else { return }
            // Encoded as if a diagnostic came before; the comma is dropped when none did.
            try normalizeSpill.write(
                contentsOf: DatasetStream.encodeDiagnosticsInParts(found, format: format, after: 1))
            normalizeCount += found.count
            normalizeHeld += holdingAll ? found : found.filter { $0.severity >= .warning }
        }

        for (index, input) in inputs.enumerated() {
            progress?(.reading(path: input.path, index: index, total: inputs.count))
            // Where this source's output begins, to take it back. The ids given so far are saved
            // only when the source has a second batch: a source of one batch is written once it
            // has been read whole, and a folder of many small files copies nothing.
            let mark = (
                spilled: spill.count, diagnosed: normalizeSpill.count, peopleCount: peopleCount,
                recordsInPeople: recordsInPeople, normalizeCount: normalizeCount, held: normalizeHeld.count
            )
            var saved: UnmergedPeople?
            var held: [Contact]?
            var sawBatch = false
            // Numbers kept as written for a reason told once for the source, after its batches.
            var kept = KeptPhones()
            func rollBack() throws {
                if let saved { people = saved }
                saved = nil
                held = nil
                sawBatch = false
                kept = KeptPhones()
                try spill.truncate(to: mark.spilled)
                try normalizeSpill.truncate(to: mark.diagnosed)
                peopleCount = mark.peopleCount
                recordsInPeople = mark.recordsInPeople
                normalizeCount = mark.normalizeCount
                normalizeHeld.removeLast(normalizeHeld.count - mark.held)
            }
            // First, one read: normalize with what the first batch says about the source (its
            // phone region, its placeholder year), while surveying every batch. The result is
            // exact as long as the survey of the whole source says the same; when it comes to
            // say something else, the source is read again, surveyed first.
            var whole = SourceSurvey()
            var firstBatch: SourceSurvey?
            var known: SourceSurvey?
            // Batches are taken (`consuming`) all the way from the reader: normalizing a batch
            // nobody else holds changes it in place, and its records move into their people.
            func process(_ batch: consuming [Contact]) throws {
                // Each record is identified right after it is normalized, on the same core.
                let (found, identified, keptHere) = try normalizer.normalize(
                    &batch,
                    deciding: { batchSurvey in
                        if let known { return known }
                        whole.add(batchSurvey)
                        if firstBatch == nil {
                            // A first batch that leaves the decision open is not worth betting on.
                            guard whole.isSettled(source: Int32(index)) else { throw SurveyChanged() }
                            firstBatch = whole
                        }
                        guard let first = firstBatch, first.decides(like: whole, source: Int32(index)) else {
                            throw SurveyChanged()
                        }
                        return first
                    }, then: { UnmergedPeople.identify(&$0) })
                kept.add(keptHere)
                try spillNormalize(found, holdingAll: false)
                // Each slice of people is encoded on the core that made it, while it is in its
                // cache, and freed there.
                let earlier = peopleCount
                let made = people.people(of: consume batch, identified: identified) { people, range in
                    var records = 0
                    for index in range { records += people[index].records.count }
                    return (
                        DatasetStream.encodeAndReleasePeople(people, range, format: format, after: earlier), records
                    )
                }
                try spill.write(contentsOf: made.slices.map(\.0))
                peopleCount += made.people.count
                recordsInPeople += made.slices.reduce(0) { $0 + $1.1 }
            }
            /// Holds the first batch until it is known whether another follows.
            func write(_ batch: consuming [Contact]) throws {
                guard sawBatch else {
                    sawBatch = true
                    held = consume batch
                    return
                }
                if let first = held.take() {
                    saved = people
                    try process(first)
                }
                try process(batch)
            }
            /// Writes a held first batch: the source had only one.
            func finishSource() throws {
                guard let first = held.take() else { return }
                try process(first)
            }
            var outcome: StreamOutcome
            // A file held in memory is read from disk (or standard input) once, whatever the passes.
            var loaded: InputFile?
            do {
                do {
                    outcome = try streamSource(input, source: index, passes: [.write], loaded: &loaded) { _, batch in
                        try write(batch)
                    }
                    try finishSource()
                } catch is SurveyChanged {
                    try rollBack()
                    var survey = SourceSurvey()
                    known = nil
                    outcome = try streamSource(input, source: index, passes: [.survey, .write], loaded: &loaded) {
                        pass, batch in
                        switch pass {
                        case .survey:
                            normalizer.survey(batch, into: &survey)
                        case .write:
                            known = survey
                            try write(batch)
                        }
                    }
                    try finishSource()
                }
            } catch let error as KithError where !input.explicit {
                // As in `run`: a broken file found in a folder is skipped and reported.
                try rollBack()
                readDiagnostics += skipped(input, source: index, because: error).diagnostics
                continue
            }
            // One per source and reason: all held, so that the command line can tell of them.
            try spillNormalize(kept.diagnostics(), holdingAll: true)
            readDiagnostics += outcome.diagnostics
            if let source = outcome.source { sources.append(source) }
        }
        clock.lap("read+normalize+encode")

        let (groups, groupDiagnostics) = people.groups()
        let records = sources.reduce(0) { $0 + $1.records }
        let summary = DatasetSummary(
            records: records, people: peopleCount, groups: groups.count, mergedRecords: recordsInPeople - peopleCount,
            diagnostics: readDiagnostics.count + normalizeCount + groupDiagnostics.count)

        progress?(.writing(people: peopleCount))
        var stream = DatasetStream(format: format)
        try stream.begin(
            DatasetHeader(generator: configuration.generator, generatedAt: Self.timestamp(), sources: sources),
            to: &output)
        try stream.drain(into: &output)
        try spill.copy(into: &output)
        try stream.didWritePeople(peopleCount)
        for group in groups { try stream.writeGroup(group, to: &output) }
        for diagnostic in readDiagnostics { try stream.writeDiagnostic(diagnostic, to: &output) }
        try stream.didWriteDiagnostics(0)
        let commaless = format == .json && !stream.hasEntriesInSection && normalizeCount > 0
        try stream.drain(into: &output)
        try normalizeSpill.copy(into: &output, droppingFirst: commaless ? 1 : 0)
        try stream.didWriteDiagnostics(normalizeCount)
        for diagnostic in groupDiagnostics { try stream.writeDiagnostic(diagnostic, to: &output) }
        try stream.finish(summary, to: &output)
        clock.lap("write")

        let dataset = Dataset(
            generator: configuration.generator, generatedAt: Self.timestamp(), sources: sources, people: [],
            groups: groups,
            diagnostics: readDiagnostics + normalizeHeld + groupDiagnostics)
        return StreamedImport(dataset: dataset, summary: summary)
    }

    /// The reads of a source.
    enum StreamPass: Hashable {
        case survey, write
    }

    /// Thrown when a source's survey comes to decide otherwise than its first batch did.
    struct SurveyChanged: Error {}

    /// What streaming one source gave.
    struct StreamOutcome {
        var source: SourceInfo?
        var diagnostics: [Diagnostic]
    }

    /// Reads a source once per pass, handing its records to `body` in batches: all of them for
    /// the survey (when asked), then all of them again for writing.
    private func streamSource(
        _ input: InputDiscovery.Input, source: Int, passes: Set<StreamPass>, loaded: inout InputFile?,
        _ body: (StreamPass, consuming [Contact]) throws -> Void
    ) throws -> StreamOutcome {
        guard let opened = try open(input, source: source, loaded: &loaded) else {
            return StreamOutcome(source: nil, diagnostics: skipped(input, source: source).diagnostics)
        }
        let threaded = opened.size >= Self.threadedReadSize
        if passes.contains(.survey) {
            _ = try inBatches(.survey, threaded: threaded, body, opened.read)
        }
        let ((report, sha256), records) = try inBatches(.write, threaded: threaded, body, opened.read)
        return StreamOutcome(
            source: sourceInfo(report, sha256: sha256, records: records, input: input, source: source),
            diagnostics: report.diagnostics)
    }

    /// Inputs from this size on are read on a thread of their own while the previous batch is
    /// worked on; smaller ones (a vdir holds thousands of one-card files) are read in line.
    static let threadedReadSize = 1 << 20

    /// Runs a read, handing the records it emits to `body` (on the calling thread) in batches
    /// of ``streamBatch``. When `threaded`, the read runs on a thread of its own, so that
    /// reading and the work on the previous batch overlap, with at most two batches waiting.
    ///
    /// - Returns: what the read returned, and the number of records.
    /// - Throws: what the read or `body` threw (the read is stopped when `body` throws).
    private func inBatches<Report: Sendable>(
        _ pass: StreamPass, threaded: Bool, _ body: (StreamPass, consuming [Contact]) throws -> Void,
        _ read: @escaping @Sendable ((consuming Contact) throws -> Void) throws -> Report
    ) throws -> (Report, Int) {
        guard threaded else {
            return try Self.batching(read) { try body(pass, $0) }
        }
        let channel = BatchChannel(depth: 2)
        let outcome = ReadResult<(Report, Int)>()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            do {
                let read = try Self.batching(read) { batch in
                    if channel.isCancelled { throw CancellationError() }
                    channel.put(batch)
                }
                outcome.set(.success(read))
            } catch {
                outcome.set(.failure(error))
            }
            channel.close()
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        var failure: (any Error)?
        while let batch = channel.take() {
            guard failure == nil else { continue }
            do {
                try body(pass, batch)
            } catch {
                failure = error
                channel.cancel()
            }
        }
        finished.wait()
        if let failure { throw failure }
        return try outcome.get()
    }

    /// Runs `read`, handing the records it emits to `flush` in batches of ``streamBatch``, in order.
    ///
    /// - Returns: what the read returned, and the number of records.
    private static func batching<Report>(
        _ read: ((consuming Contact) throws -> Void) throws -> Report, flush: (consuming [Contact]) throws -> Void
    ) throws -> (Report, Int) {
        try withoutActuallyEscaping(flush) { flush in
            var batch: [Contact] = []
            batch.reserveCapacity(streamBatch)
            var count = 0
            let report = try read { contact in
                batch.append(consume contact)
                count += 1
                if batch.count >= streamBatch {
                    // Handed over whole: the next batch starts in a buffer of its own.
                    var full: [Contact] = []
                    full.reserveCapacity(streamBatch)
                    swap(&full, &batch)
                    try flush(full)
                }
            }
            if !batch.isEmpty {
                var last: [Contact] = []
                swap(&last, &batch)
                try flush(last)
            }
            return (report, count)
        }
    }
}

/// Batches of records handed from a reading thread to the writing thread; `put` waits while
/// `depth` batches are waiting.
private final class BatchChannel: Sendable {
    private let free: DispatchSemaphore
    private let filled = DispatchSemaphore(value: 0)
    private let state = Mutex<(batches: [[Contact]], closed: Bool, cancelled: Bool)>(([], false, false))

    init(depth: Int) {
        free = DispatchSemaphore(value: depth)
    }

    /// Whether the taker gave up (the reader should stop).
    var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Adds a batch, waiting for room.
    func put(_ batch: [Contact]) {
        free.wait()
        state.withLock { $0.batches.append(batch) }
        filled.signal()
    }

    /// Marks the end of the batches.
    func close() {
        state.withLock { $0.closed = true }
        filled.signal()
    }

    /// Asks the reader to stop; batches already waiting are still taken (and dropped).
    func cancel() {
        state.withLock { $0.cancelled = true }
    }

    /// The next batch, waiting for one; `nil` after the last.
    func take() -> [Contact]? {
        while true {
            filled.wait()
            let next = state.withLock { state -> (batch: [Contact]?, done: Bool) in
                if !state.batches.isEmpty { return (state.batches.removeFirst(), false) }
                return (nil, state.closed)
            }
            if let batch = next.batch {
                free.signal()
                return batch
            }
            if next.done { return nil }
        }
    }
}

/// The result of the reading thread.
private final class ReadResult<Value: Sendable>: Sendable {
    private let value = Mutex<Result<Value, any Error>?>(nil)

    func set(_ result: Result<Value, any Error>) {
        value.withLock { $0 = result }
    }

    func get() throws -> Value {
        guard let result = value.withLock({ $0 }) else {
            throw KithError(.unreadableInput, "the reading thread ended without a result")
        }
        return try result.get()
    }

}
