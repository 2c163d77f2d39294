import KithIO
import KithJSON
import KithModel

/// Writes a dataset to a file or standard output.
enum DatasetOutput {
    /// Writes `dataset` to `path` (`-` for standard output) as JSON or NDJSON.
    static func write(_ dataset: Dataset, to path: String, ndjson: Bool) throws {
        var output = try ByteOutput(path: path)
        try DatasetWriter(format: ndjson ? .ndjson : .json).write(dataset, to: &output)
        try output.commit()
    }

    /// ``write(_:to:ndjson:)`` for a dataset the caller is done with: its people are freed as
    /// they are written, and `dataset.people` is left empty.
    static func write(taking dataset: inout Dataset, to path: String, ndjson: Bool) throws {
        var output = try ByteOutput(path: path)
        try DatasetWriter(format: ndjson ? .ndjson : .json).write(taking: &dataset, to: &output)
        try output.commit()
    }
}
