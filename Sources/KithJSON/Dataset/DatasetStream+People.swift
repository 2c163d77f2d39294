public import KithIO
public import KithModel

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
        let format = format
        try writeInBatches(count: people.count, to: &output) { batch, earlier in
            Self.encodePeopleInParts(Array(people[batch]), format: format, after: earlier)
        }
    }

    /// ``writePeople(_:to:)`` for people the caller gives up: each is read in place (not
    /// copied into a batch) and freed once written, so memory falls as the output grows.
    /// `people` is left empty. The bytes are the same.
    ///
    /// - Throws: `KithError` `.usage` out of order, `.outputFailed` when writing fails.
    /// - Complexity: O(n) in the size of the output, divided among the cores.
    public mutating func writePeople(taking people: inout [Person], to output: inout ByteOutput) throws {
        let format = format
        try people.withUnsafeMutableBufferPointer { buffer in
            let buffer = buffer
            try writeInBatches(count: buffer.count, to: &output) { batch, earlier in
                // Several slices per core: people of many records take longer to write.
                concurrentSlices(count: batch.count, minimumPerPart: 256, runsPerCore: 4) { range in
                    Self.encodeAndReleasePeople(
                        buffer, (batch.lowerBound + range.lowerBound)..<(batch.lowerBound + range.upperBound),
                        format: format, after: earlier)
                }
            }
        }
        people = []
    }

    /// Writes `count` people in batches of ``parallelBatch``: for each, the stream enters (or
    /// stays in) the people section, its pending bytes are drained, and the parts `encode`
    /// makes of the batch (given its range and whether people came before: 1 or 0) are written
    /// in order.
    private mutating func writeInBatches(
        count: Int, to output: inout ByteOutput, encode: (Range<Int>, Int) -> [[UInt8]]
    ) throws {
        var start = 0
        while start < count {
            let end = min(count, start + Self.parallelBatch)
            let hadEntries = try startsPeople()
            try drain(into: &output)
            // Written while the next batch is encoded.
            try output.writeBehind(encode(start..<end, hadEntries ? 1 : 0))
            start = end
        }
    }
}

extension DatasetStream {
    /// The bytes ``writePeople(_:to:)`` would append for `people` to a stream whose people
    /// section already holds `earlier` people, encoded on every core: for writing the people of
    /// a streamed import somewhere else first (a ``KithIO/SpillFile``) and adding them to the
    /// output after ``begin(_:)`` with ``didWritePeople(_:)``.
    ///
    /// - Parameters:
    ///   - people: the people, taken (they are read in place).
    ///   - format: JSON or NDJSON.
    ///   - earlier: the number of people already in the section.
    /// - Returns: the bytes of the entries, with their separators.
    /// - Complexity: O(n) in the size of the output, divided among the cores.
    public static func encodePeople(
        _ people: consuming [Person], format: DatasetWriter.Format, after earlier: Int
    ) -> [UInt8] {
        joined(encodePeopleInParts(people, format: format, after: earlier))
    }

    /// The bytes of ``encodePeople(_:format:after:)`` in the parts the cores made, in order,
    /// for a writer that takes them one after the other (no copy to join them).
    ///
    /// - Complexity: O(n) in the size of the output, divided among the cores.
    public static func encodePeopleInParts(
        _ people: consuming [Person], format: DatasetWriter.Format, after earlier: Int
    ) -> [[UInt8]] {
        // Each person is reached in place (`inout`, so exclusive: its values are not copied to be
        // read). A streamed batch (512 people) is split too: encoding is half of its work.
        people.withUnsafeMutableBufferPointer { buffer in
            let people = buffer
            return concurrentSlices(count: people.count, minimumPerPart: 256) { range in
                encodeAndReleasePeople(people, range, format: format, after: earlier)
            }
        }
    }

    /// The bytes of ``encodePeople(_:format:after:)`` for the people of `range` alone, the
    /// first of them the `earlier + range.lowerBound`-th of the section: for a caller that
    /// encodes a slice on the core that just made it. Each person is replaced, once written,
    /// by an empty one (freed here).
    ///
    /// - Complexity: O(n) in the size of the output.
    package static func encodeAndReleasePeople(
        _ people: UnsafeMutableBufferPointer<Person>, _ range: Range<Int>, format: DatasetWriter.Format,
        after earlier: Int
    ) -> [UInt8] {
        // Room for a typical person (about 2 KB) from the start: growing copies the bytes.
        var stream = DatasetStream(format: format, capacity: range.count * 3072)
        stream.continuePeople(hadEntries: earlier > 0 || range.lowerBound > 0)
        for index in range {
            stream.appendPerson(&people[index])
            // Written: freed here, on this slice's core, rather than with the array.
            people[index] = Self.written
        }
        return stream.takeBytes()
    }

    /// What a person already encoded is replaced with: empty, so cheap to free.
    private static let written = Person(id: "", card: Contact(ref: RecordRef(source: 0, index: 0)), records: [])

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
