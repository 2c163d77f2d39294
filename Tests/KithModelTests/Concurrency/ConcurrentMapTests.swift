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

    /// Several slices per core, each of at least the minimum, cover the range in order; too
    /// few items for two slices of the minimum stay one slice whatever the runs per core.
    @Test func severalSlicesPerCore() {
        let cores = ActiveCores.count
        let slices = concurrentSlices(count: 100_000, minimumPerPart: 1000, runsPerCore: 4) { $0 }
        #expect(slices.count == (cores > 1 ? cores * 4 : 1))
        #expect(slices.first?.lowerBound == 0)
        #expect(slices.last?.upperBound == 100_000)
        for (a, b) in zip(slices, slices.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        #expect(slices.allSatisfy { $0.count >= 1000 })
        // Room for 5 slices of the minimum, not for 4 per core on 2 cores or more.
        let few = concurrentSlices(count: 5_500, minimumPerPart: 1000, runsPerCore: 4) { $0 }
        #expect(few.count == (cores > 1 ? min(cores * 4, 5) : 1))
        #expect(few.allSatisfy { $0.count >= 1000 })
        #expect(concurrentSlices(count: 1_999, minimumPerPart: 1000, runsPerCore: 4) { $0 } == [0..<1_999])
    }

    /// Elements of very uneven cost (the first ones dear, as a resolver's first clusters
    /// are) are still mapped in order.
    @Test func unevenWorkKeepsOrder() {
        let values = Array(0..<4096)
        let mapped = values.concurrentMap(minimumPerPart: 16) { value -> Int in
            var sum = 0
            for k in 0..<(value < 64 ? 20_000 : 1) { sum &+= k ^ value }
            return value &* 31 &+ (sum < 0 ? 1 : 0)
        }
        #expect(mapped == values.map { $0 &* 31 })
    }
}
