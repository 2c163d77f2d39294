/// Where one imported record came from: its source and its position in that source.
///
/// Sources are numbered in the order the pipeline opened them, from 0; the dataset shows
/// source `n` as `"S\(n + 1)"` and a record as `"S1#17"`.
public struct RecordRef: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The 0-based number of the source in the dataset's `sources`.
    public var source: Int32
    /// The 0-based position of the record in its source, in file order.
    public var index: Int32

    /// Creates a reference to record `index` of source `source`.
    public init(source: Int, index: Int) {
        self.source = Int32(truncatingIfNeeded: source)
        self.index = Int32(truncatingIfNeeded: index)
    }

    /// The source's id in the dataset, `S1` for source 0.
    public var sourceID: String { "S\(Int(source) + 1)" }

    /// `S1#17`: the form used in provenance lists and match evidence.
    public var description: String { "S\(Int(source) + 1)#\(index)" }

    public static func < (lhs: RecordRef, rhs: RecordRef) -> Bool {
        (lhs.source, lhs.index) < (rhs.source, rhs.index)
    }
}
