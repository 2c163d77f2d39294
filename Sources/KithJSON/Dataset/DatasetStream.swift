public import KithIO
public import KithModel

/// The members of a dataset that come before its people: written first, in the JSON object and
/// as the NDJSON header line.
public struct DatasetHeader: Hashable, Sendable {
    /// The program that wrote the dataset (`kith 0.1.0`).
    public var generator: String
    /// ISO 8601 UTC time of generation (the only member that differs between runs).
    public var generatedAt: String
    /// The inputs, written as `S1`, `S2`, … by their numbers.
    public var sources: [SourceInfo]
    /// What changed per person since the previous dataset; written as `changes` when not empty.
    public var changes: [PersonChange]

    /// Creates a header.
    public init(generator: String, generatedAt: String, sources: [SourceInfo], changes: [PersonChange] = []) {
        self.generator = generator
        self.generatedAt = generatedAt
        self.sources = sources
        self.changes = changes
    }

    /// The header of a dataset.
    public init(_ dataset: Dataset) {
        self.init(
            generator: dataset.generator, generatedAt: dataset.generatedAt, sources: dataset.sources,
            changes: dataset.changes)
    }
}

/// Writes a dataset piece by piece, so that people can be written as they are produced.
///
/// Call ``begin(_:)`` once, then ``writePerson(_:)`` for every person, ``writeGroup(_:)`` for
/// every group, ``writeDiagnostic(_:)`` for every diagnostic — in that order of kinds — and
/// ``finish(_:)`` once. The text accumulates in the stream; the `to:` forms move it into a
/// ``ByteOutput`` whenever more than ``drainThreshold`` bytes are pending.
///
/// Layouts (see ``DatasetWriter``): JSON is one object with one person, group or diagnostic
/// per line inside its array; NDJSON is a header line
/// `{"kith":1,"generator":…,"generatedAt":…,"sources":[…]}`, then one line per entry,
/// `{"person":{…}}`, `{"group":{…}}`, `{"diagnostic":{…}}`, and a last `{"summary":{…}}` line.
public struct DatasetStream: ~Copyable, Sendable {
    private enum Section: Int, Sendable {
        case notStarted, people, groups, diagnostics, finished
    }

    /// The layout written.
    public let format: DatasetWriter.Format
    /// Pending bytes above which the `to:` forms write to the output.
    public var drainThreshold = 1 << 18

    private var buffer = JSONBuffer()
    private var section = Section.notStarted
    /// Whether the current JSON array has an element.
    private var sectionHasEntries = false

    /// Creates a stream that writes `format`.
    public init(format: DatasetWriter.Format) {
        self.format = format
    }

    /// Creates a stream that writes `format` with room for `capacity` bytes before it grows.
    init(format: DatasetWriter.Format, capacity: Int) {
        self.format = format
        buffer = JSONBuffer(capacity: capacity)
    }

    /// The number of bytes written to the stream and not yet taken or drained.
    public var pendingByteCount: Int { buffer.bytes.count }

    // MARK: - Writing

    /// Writes the header members.
    ///
    /// - Throws: `KithError` `.usage` when the stream has already begun.
    public mutating func begin(_ header: DatasetHeader) throws {
        guard section == .notStarted else { throw Self.outOfOrder("begin") }
        buffer.objectStart()
        buffer.key("kith")
        buffer.int(Dataset.contractVersion)
        buffer.key("generator")
        buffer.string(header.generator)
        buffer.key("generatedAt")
        buffer.string(header.generatedAt)
        buffer.key("sources")
        buffer.arrayStart()
        for source in header.sources { DatasetEntryWriter.writeSource(source, into: &buffer) }
        buffer.arrayEnd()
        if !header.changes.isEmpty {
            buffer.key("changes")
            buffer.arrayStart()
            for (index, change) in header.changes.enumerated() {
                if format == .json {
                    // One change per line, like people, with the comma ending the line before.
                    if index > 0 { buffer.bytes.append(UInt8(ascii: ",")) }
                    buffer.newline()
                    buffer.clearSeparator()
                }
                DatasetEntryWriter.writeChange(change, into: &buffer)
            }
            buffer.arrayEnd()
        }
        switch format {
        case .json:
            buffer.key("people")
            buffer.arrayStart()
        case .ndjson:
            buffer.objectEnd()
            buffer.newline()
        }
        section = .people
        sectionHasEntries = false
    }

    /// Writes one person.
    ///
    /// - Throws: `KithError` `.usage` before ``begin(_:)`` or after a group, diagnostic or the
    ///   summary.
    public mutating func writePerson(_ person: Person) throws {
        try enter(.people, "writePerson")
        beginEntry("person")
        PersonWriter.writePerson(person, into: &buffer)
        endEntry()
    }

    /// Enters the people section (for ``writePeople(_:to:)``) and marks it as holding the entries
    /// about to be appended by other streams.
    ///
    /// - Returns: whether people were written before.
    mutating func startsPeople() throws -> Bool {
        try enter(.people, "writePeople")
        defer { sectionHasEntries = true }
        return sectionHasEntries
    }

    /// Enters the people section without writing anything.
    mutating func enterPeople() throws {
        try enter(.people, "didWritePeople")
    }

    /// Puts a fresh stream in the middle of the people section, for encoding a slice of people
    /// that continues another stream's output.
    mutating func continuePeople(hadEntries: Bool) {
        section = .people
        sectionHasEntries = hadEntries
    }

    /// Appends one person in a stream set up by ``continuePeople(hadEntries:)``.
    ///
    /// The person is `inout` only to be read in place (exclusive access, so its values are not
    /// copied); it is not changed.
    mutating func appendPerson(_ person: inout Person) {
        beginEntry("person")
        PersonWriter.writePerson(person, into: &buffer)
        endEntry()
    }

    /// Writes one group.
    ///
    /// - Throws: `KithError` `.usage` before ``begin(_:)`` or after a diagnostic or the summary.
    public mutating func writeGroup(_ group: PersonGroup) throws {
        try enter(.groups, "writeGroup")
        beginEntry("group")
        PersonWriter.writeGroup(group, into: &buffer)
        endEntry()
    }

    /// Writes one diagnostic.
    ///
    /// - Throws: `KithError` `.usage` before ``begin(_:)`` or after the summary.
    public mutating func writeDiagnostic(_ diagnostic: Diagnostic) throws {
        try enter(.diagnostics, "writeDiagnostic")
        beginEntry("diagnostic")
        DatasetEntryWriter.writeDiagnostic(diagnostic, into: &buffer)
        endEntry()
    }

    /// The bytes ``writeDiagnostic(_:)`` would append for `diagnostics` to a stream whose
    /// diagnostics section already holds `earlier` diagnostics: for writing diagnostics
    /// somewhere else first and adding them to the output later, with ``didWriteDiagnostics(_:)``.
    ///
    /// - Complexity: O(n) in the size of the output, divided among the cores.
    public static func encodeDiagnostics(_ diagnostics: [Diagnostic], format: DatasetWriter.Format, after earlier: Int)
        -> [UInt8]
    {
        joined(encodeDiagnosticsInParts(diagnostics, format: format, after: earlier))
    }

    /// The bytes of ``encodeDiagnostics(_:format:after:)`` in the parts the cores made, in
    /// order, for a writer that takes them one after the other (no copy to join them).
    ///
    /// - Complexity: O(n) in the size of the output, divided among the cores.
    public static func encodeDiagnosticsInParts(
        _ diagnostics: [Diagnostic], format: DatasetWriter.Format, after earlier: Int
    ) -> [[UInt8]] {
        // A streamed batch can have several diagnostics a record: encoded in slices, on every core.
        concurrentSlices(count: diagnostics.count, minimumPerPart: 64) { range in
            var stream = DatasetStream(format: format, capacity: range.count * 256)
            stream.section = .diagnostics
            stream.sectionHasEntries = earlier > 0 || range.lowerBound > 0
            for index in range {
                stream.beginEntry("diagnostic")
                DatasetEntryWriter.writeDiagnostic(diagnostics[index], into: &stream.buffer)
                stream.endEntry()
            }
            return stream.takeBytes()
        }
    }

    /// The bytes of slices encoded on several cores, in slice order.
    static func joined(_ parts: [[UInt8]]) -> [UInt8] {
        guard parts.count > 1 else { return parts.first ?? [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { bytes += part }
        return bytes
    }

    /// Records that `count` diagnostics were written to the output directly (bytes of
    /// ``encodeDiagnostics(_:format:after:)``, after the stream's pending bytes were drained).
    ///
    /// - Throws: `KithError` `.usage` out of order.
    public mutating func didWriteDiagnostics(_ count: Int) throws {
        try enter(.diagnostics, "didWriteDiagnostics")
        if count > 0 { sectionHasEntries = true }
    }

    /// Whether the current section has an entry (a person, group or diagnostic) already.
    public var hasEntriesInSection: Bool { sectionHasEntries }

    /// Writes the summary and closes the dataset.
    ///
    /// - Throws: `KithError` `.usage` before ``begin(_:)`` or when already finished.
    public mutating func finish(_ summary: DatasetSummary) throws {
        guard section != .notStarted, section != .finished else { throw Self.outOfOrder("finish") }
        while section != .diagnostics { try advance() }
        switch format {
        case .json:
            closeArray()
            buffer.key("summary")
            DatasetEntryWriter.writeSummary(summary, into: &buffer)
            buffer.objectEnd()
        case .ndjson:
            buffer.clearSeparator()
            buffer.objectStart()
            buffer.key("summary")
            DatasetEntryWriter.writeSummary(summary, into: &buffer)
            buffer.objectEnd()
        }
        buffer.newline()
        section = .finished
    }

    // MARK: - Output

    /// Returns the pending bytes and forgets them.
    public mutating func takeBytes() -> [UInt8] {
        let bytes = buffer.bytes.array
        buffer.bytes.truncate(to: 0)
        return bytes
    }

    /// Moves the pending bytes into `output` (which buffers them in turn).
    ///
    /// - Throws: `KithError` `.outputFailed` when the output cannot be written.
    public mutating func drain(into output: inout ByteOutput) throws {
        guard buffer.bytes.count > 0 else { return }
        try buffer.bytes.withBytes { try output.write($0) }
        buffer.bytes.truncate(to: 0)
    }

    /// ``begin(_:)``, then drains when enough is pending.
    public mutating func begin(_ header: DatasetHeader, to output: inout ByteOutput) throws {
        try begin(header)
        try drainIfFull(into: &output)
    }

    /// ``writePerson(_:)``, then drains when enough is pending.
    public mutating func writePerson(_ person: Person, to output: inout ByteOutput) throws {
        try writePerson(person)
        try drainIfFull(into: &output)
    }

    /// ``writeGroup(_:)``, then drains when enough is pending.
    public mutating func writeGroup(_ group: PersonGroup, to output: inout ByteOutput) throws {
        try writeGroup(group)
        try drainIfFull(into: &output)
    }

    /// ``writeDiagnostic(_:)``, then drains when enough is pending.
    public mutating func writeDiagnostic(_ diagnostic: Diagnostic, to output: inout ByteOutput) throws {
        try writeDiagnostic(diagnostic)
        try drainIfFull(into: &output)
    }

    /// ``finish(_:)``, then drains everything and flushes `output`.
    public mutating func finish(_ summary: DatasetSummary, to output: inout ByteOutput) throws {
        try finish(summary)
        try drain(into: &output)
        try output.flush()
    }

    private mutating func drainIfFull(into output: inout ByteOutput) throws {
        if buffer.bytes.count >= drainThreshold { try drain(into: &output) }
    }

    // MARK: - Sections

    private mutating func enter(_ target: Section, _ call: String) throws {
        guard section != .notStarted, section.rawValue <= target.rawValue else { throw Self.outOfOrder(call) }
        while section != target { try advance() }
    }

    /// Closes the current JSON array and opens the next section's.
    private mutating func advance() throws {
        guard let next = Section(rawValue: section.rawValue + 1), next != .finished else {
            throw Self.outOfOrder("advance")
        }
        if format == .json {
            closeArray()
            buffer.key(next == .groups ? "groups" : "diagnostics")
            buffer.arrayStart()
        }
        section = next
        sectionHasEntries = false
    }

    private mutating func closeArray() {
        if sectionHasEntries { buffer.newline() }
        buffer.arrayEnd()
    }

    /// Starts an entry: a new line in the JSON array, or an NDJSON line `{"<wrapper>":`.
    private mutating func beginEntry(_ wrapper: StaticString) {
        switch format {
        case .json:
            if sectionHasEntries { buffer.bytes.append(UInt8(ascii: ",")) }
            buffer.newline()
            buffer.clearSeparator()
        case .ndjson:
            buffer.clearSeparator()
            buffer.objectStart()
            buffer.key(wrapper)
        }
    }

    private mutating func endEntry() {
        if format == .ndjson {
            buffer.objectEnd()
            buffer.newline()
        }
        sectionHasEntries = true
    }

    private static func outOfOrder(_ call: String) -> KithError {
        KithError(
            .usage,
            "dataset stream used out of order (\(call)): call begin, then people, groups and diagnostics, then finish once"
        )
    }
}
