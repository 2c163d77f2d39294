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
