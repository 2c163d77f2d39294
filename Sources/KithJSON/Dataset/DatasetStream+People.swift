import Dispatch
import Foundation
public import KithIO
public import KithModel
import Synchronization

extension DatasetStream {
    /// People encoded per batch, split across the cores.
    static let parallelBatch = 8192

    /// Writes many people, encoding them on every core, then drains into `output` in order.
    ///
    /// The bytes are exactly those of calling ``writePerson(_:to:)`` for each person in turn:
    /// each core encodes a contiguous slice of a batch into a stream of its own, and the slices
    /// are appended in order.
    ///
    /// - Throws: `KithError` `.usage` out of order, `.outputFailed` when writing fails.
    /// - Complexity: O(n) in the size of the output, divided among the cores.
    public mutating func writePeople(_ people: [Person], to output: inout ByteOutput) throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, people.count >= 2 * 1024 else {
            for person in people { try writePerson(person, to: &output) }
            return
        }
        var start = 0
        while start < people.count {
            let end = min(people.count, start + Self.parallelBatch)
            let slices = Self.slices(start..<end, parts: cores)
            let encoded = Mutex([[UInt8]](repeating: [], count: slices.count))
            let format = self.format
            let hasEntries = try startsPeople()
            DispatchQueue.concurrentPerform(iterations: slices.count) { part in
                var stream = DatasetStream(format: format)
                stream.continuePeople(hadEntries: hasEntries || part > 0)
                for index in slices[part] { stream.appendPerson(people[index]) }
                let bytes = stream.takeBytes()
                encoded.withLock { $0[part] = bytes }
            }
            try drain(into: &output)
            for bytes in encoded.withLock({ $0 }) { try output.write(bytes) }
            start = end
        }
    }

    /// Contiguous ranges that split `range` into at most `parts` nearly equal slices.
    static func slices(_ range: Range<Int>, parts: Int) -> [Range<Int>] {
        let size = (range.count + parts - 1) / parts
        return stride(from: range.lowerBound, to: range.upperBound, by: max(size, 1)).map {
            $0..<min(range.upperBound, $0 + size)
        }
    }
}

extension DatasetStream {
    /// The bytes ``writePeople(_:to:)`` would append for `people` to a stream whose people
    /// section already holds `earlier` people, encoded on every core: for writing the people of
    /// a streamed import somewhere else first (a ``KithIO/SpillFile``) and adding them to the
    /// output after ``begin(_:)`` with ``didWritePeople(_:)``.
    ///
    /// - Complexity: O(n) in the size of the output, divided among the cores.
    public static func encodePeople(_ people: [Person], format: DatasetWriter.Format, after earlier: Int) -> [UInt8] {
        let parts = concurrentSlices(count: people.count, minimumPerPart: 1024) { range in
            var stream = DatasetStream(format: format)
            stream.continuePeople(hadEntries: earlier > 0 || range.lowerBound > 0)
            for index in range { stream.appendPerson(people[index]) }
            return stream.takeBytes()
        }
        guard parts.count > 1 else { return parts.first ?? [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { bytes += part }
        return bytes
    }

    /// Records that `count` people were written to the output directly, after the bytes of
    /// ``begin(_:)`` were drained, with the bytes of ``encodePeople(_:format:after:)``.
    ///
    /// - Throws: `KithError` `.usage` out of order.
    public mutating func didWritePeople(_ count: Int) throws {
        guard count > 0 else {
            try enterPeople()
            return
        }
        _ = try startsPeople()
    }
}
