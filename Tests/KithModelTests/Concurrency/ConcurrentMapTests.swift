import Testing

@testable import KithModel

@Suite struct ConcurrentMapTests {
    /// Sizes below, at and above the point where the work is split, and uneven splits.
    @Test(arguments: [0, 1, 7, 511, 512, 1024, 1025, 10_007])
    func concurrentMapEqualsMap(count: Int) {
        let values = (0..<count).map { $0 * 7 + 3 }
        let expected = values.map { "v\($0 * $0)" }
        #expect(values.concurrentMap(minimumPerPart: 8) { "v\($0 * $0)" } == expected)
        #expect(values[...].concurrentMap { "v\($0 * $0)" } == expected)
        #expect(values.dropFirst(3).concurrentMap(minimumPerPart: 8) { "v\($0 * $0)" } == Array(expected.dropFirst(3)))
    }

    @Test func slicesCoverTheRangeInOrder() {
        let slices = concurrentSlices(count: 10_001, minimumPerPart: 16) { $0 }
        #expect(slices.first?.lowerBound == 0)
        #expect(slices.last?.upperBound == 10_001)
        for (a, b) in zip(slices, slices.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        #expect(concurrentSlices(count: 3, minimumPerPart: 16) { $0 } == [0..<3])
    }
}
