import Testing

@testable import KithModel

/// The radix sort orders exactly as the standard library's sort does.
@Suite struct RadixSortTests {
    /// Deterministic pseudo-random values (a 64-bit LCG), masked to exercise shared digits.
    static func values(_ count: Int, seed: UInt64, mask: UInt64, base: UInt64 = 0) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return base | (state & mask)
        }
    }

    @Test(arguments: [
        (0, UInt64.max, UInt64(0)), (1, UInt64.max, 0), (200, UInt64.max, 0), (257, UInt64.max, 0),
        (100_000, UInt64.max, 0),
        // Pairs of one range: the high 32 bits nearly shared, so whole passes are skipped.
        (50_000, 0x0000_0003_FFFF_FFFF, 0x0000_1234_0000_0000),
        // Many duplicates: only 16 distinct values, each digit but the lowest shared.
        (30_000, 0xF, 0xABCD_EF01_2345_0000), (10_000, 0, 42),
    ])
    func ordersAsSortDoes(_ count: Int, _ mask: UInt64, _ base: UInt64) {
        let input = Self.values(count, seed: UInt64(count) &+ mask, mask: mask, base: base)
        var radix = input
        radix.radixSort()
        #expect(radix == input.sorted())
    }

    @Test func sortsValuesThatDifferOnlyInTheHighestDigit() {
        var values: [UInt64] = (0..<1000).map { UInt64(999 - $0) << 48 }
        values.radixSort()
        #expect(values == (0..<1000).map { UInt64($0) << 48 })
    }
}
