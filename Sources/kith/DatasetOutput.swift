import KithModel

/// Writes a dataset to a file or standard output.
enum DatasetOutput {
    static func write(_ dataset: Dataset, to path: String, ndjson: Bool) throws {
        // Wired to KithJSON's DatasetWriter when the dataset writer lands.
        throw KithError(.outputFailed, "the dataset writer is not built yet", path: path)
    }
}
