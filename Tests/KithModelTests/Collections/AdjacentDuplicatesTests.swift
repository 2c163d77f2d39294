import KithModel
import Testing

@Suite struct AdjacentDuplicatesTests {
    @Test(
        arguments: [
            ([], []),
            ([7], [7]),
            ([1, 1, 1], [1]),
            ([1, 2, 2, 3, 3, 3, 4], [1, 2, 3, 4]),
            ([3, 1, 1, 3], [3, 1, 3]),
        ] as [([Int], [Int])])
    func keepsTheFirstOfEachRun(_ input: [Int], _ expected: [Int]) {
        var values = input
        values.removeAdjacentDuplicates()
        #expect(values == expected)
    }

    @Test func sortedStringsBecomeDistinct() {
        var texts = ["b", "a", "b", "c", "a"].sorted()
        texts.removeAdjacentDuplicates()
        #expect(texts == ["a", "b", "c"])
    }
}

@Suite struct TrimmedArrayTests {
    /// Sorted and deduplicated, an array keeps the room of its duplicates; trimmed, it keeps
    /// the same elements in storage of their size.
    @Test func dropsTheRoomDuplicatesLeft() {
        var values = (0..<10_000).map { $0 / 4 }
        values.removeAdjacentDuplicates()
        #expect(values.count == 2_500)
        #expect(values.capacity >= 10_000)
        let trimmed = values.trimmed()
        #expect(trimmed == values)
        #expect(trimmed.capacity < 2_500 + 2_500 / 8)
    }

    /// An array with little spare room is returned as it is (same storage, no copy).
    @Test func keepsAnArrayWithLittleSpareRoom() {
        var values: [UInt64] = []
        values.reserveCapacity(1_000)
        values.append(contentsOf: 0..<950)
        let trimmed = values.trimmed()
        #expect(trimmed == values)
        let same = values.withUnsafeBufferPointer { a in
            trimmed.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
        #expect(same)
        #expect([Int]().trimmed().isEmpty)
    }
}
