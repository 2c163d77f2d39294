public import KithIO
public import KithModel

/// Writes a ``KithModel/Dataset`` as the canonical dataset (contract version 1, see
/// `DESIGN.md` and `Schemas/kith-dataset-v1.schema.json`).
///
/// Output is deterministic: the same dataset gives the same bytes, apart from `generatedAt`.
/// Member order is fixed, numbers are written in their shortest round-trip form, and strings
/// are escaped per RFC 8259 (control characters, `"`, `\`, and U+2028/U+2029).
///
/// - ``Format/json``: one object, `{"kith":1,"generator":…,"generatedAt":…,"sources":[…],
///   "people":[…],"groups":[…],"diagnostics":[…],"summary":{…}}`, with each person, group and
///   diagnostic on its own line so that line tools can work on it.
/// - ``Format/ndjson`` (`--ndjson`): newline-delimited JSON. The first line is the header
///   object `{"kith":1,"generator":…,"generatedAt":…,"sources":[…]}`; then one line per person
///   `{"person":{…}}`, one per group `{"group":{…}}`, one per diagnostic `{"diagnostic":{…}}`,
///   and a last line `{"summary":{…}}`. Every line is a complete JSON object.
///
/// For large outputs use ``DatasetStream``, which writes people as they come.
public struct DatasetWriter: Sendable {
    /// The layout of the output.
    public enum Format: String, Hashable, Sendable {
        /// One JSON object.
        case json
        /// Newline-delimited JSON: a header line, one line per entry, a summary line.
        case ndjson
    }

    /// The layout written.
    public var format: Format

    /// Creates a writer for `format`.
    public init(format: Format = .json) {
        self.format = format
    }

    /// The dataset as bytes.
    ///
    /// - Complexity: O(n) in the size of the output.
    public func encode(_ dataset: Dataset) -> [UInt8] {
        var stream = DatasetStream(format: format)
        do {
            try fill(&stream, with: dataset)
        } catch {
            // A fresh stream used in order cannot fail.
            return []
        }
        return stream.takeBytes()
    }

    /// Writes the dataset to `output` and flushes it.
    ///
    /// - Throws: `KithError` `.outputFailed` when the output cannot be written.
    /// - Complexity: O(n) in the size of the output; memory stays bounded by the stream's
    ///   drain threshold plus the largest entry.
    public func write(_ dataset: Dataset, to output: inout ByteOutput) throws {
        try write(dataset, summary: dataset.summary, to: &output) { stream, output in
            try stream.writePeople(dataset.people, to: &output)
        }
    }

    /// ``write(_:to:)`` for a dataset the caller is done with: its people are freed as they are
    /// written (none is copied on the way), and `dataset.people` is left empty. The bytes are
    /// the same.
    ///
    /// - Throws: `KithError` `.outputFailed` when the output cannot be written.
    public func write(taking dataset: inout Dataset, to output: inout ByteOutput) throws {
        let summary = dataset.summary
        var people: [Person] = []
        swap(&people, &dataset.people)
        try write(dataset, summary: summary, to: &output) { stream, output in
            try stream.writePeople(taking: &people, to: &output)
        }
    }

    /// The dataset's sections in order, its people written by `writePeople`.
    private func write(
        _ dataset: Dataset, summary: DatasetSummary, to output: inout ByteOutput,
        people writePeople: (inout DatasetStream, inout ByteOutput) throws -> Void
    ) throws {
        var stream = DatasetStream(format: format)
        try stream.begin(DatasetHeader(dataset), to: &output)
        try writePeople(&stream, &output)
        for index in dataset.groups.indices { try stream.writeGroup(dataset.groups[index], to: &output) }
        for index in dataset.diagnostics.indices { try stream.writeDiagnostic(dataset.diagnostics[index], to: &output) }
        try stream.finish(summary, to: &output)
    }

    /// A stream that writes this writer's format.
    public func stream() -> DatasetStream {
        DatasetStream(format: format)
    }

    private func fill(_ stream: inout DatasetStream, with dataset: Dataset) throws {
        try stream.begin(DatasetHeader(dataset))
        for index in dataset.people.indices { try stream.writePerson(dataset.people[index]) }
        for index in dataset.groups.indices { try stream.writeGroup(dataset.groups[index]) }
        for index in dataset.diagnostics.indices { try stream.writeDiagnostic(dataset.diagnostics[index]) }
        try stream.finish(dataset.summary)
    }
}
