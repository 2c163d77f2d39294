extension Array where Element: Equatable {
    /// Removes, in place, each element equal to the one before it: a sorted array becomes its
    /// distinct elements, in order, without a second array.
    ///
    /// - Complexity: O(n).
    @inlinable package mutating func removeAdjacentDuplicates() {
        guard count > 1 else { return }
        var kept = 1
        for index in 1..<count where self[index] != self[kept - 1] {
            // Swapped, not assigned: no reference is retained or released on the way.
            swapAt(kept, index)
            kept += 1
        }
        removeLast(count - kept)
    }
}

extension Array {
    /// The array in storage of its own size: a copy when its capacity exceeds its count by more
    /// than an eighth (as after growing by appends, or removing duplicates), else the array
    /// itself. For large arrays that are kept while others are made.
    ///
    /// - Complexity: O(n) when copied, O(1) otherwise.
    @inlinable package func trimmed() -> [Element] {
        guard capacity - count > count / 8 else { return self }
        return withUnsafeBufferPointer { Array($0) }
    }
}
