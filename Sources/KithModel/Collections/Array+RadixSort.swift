extension Array where Element == UInt64 {
    /// Sorts ascending, as `sort()` does, by least-significant-digit radix sort on 16-bit digits:
    /// four counting passes at most, and none for a digit every value shares (the high bits of
    /// values from one range).
    ///
    /// - Complexity: O(n + 65,536) per pass, at most four passes, with one buffer of n values.
    package mutating func radixSort() {
        let n = count
        guard n > 256 else {
            sort()
            return
        }
        var buffer = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 16)
        withUnsafeMutableBufferPointer { values in
            buffer.withUnsafeMutableBufferPointer { spare in
                counts.withUnsafeMutableBufferPointer { counts in
                    var source = values
                    var target = spare
                    for shift in stride(from: UInt64(0), to: 64, by: 16) {
                        counts.update(repeating: 0)
                        for value in source { counts[Int((value >> shift) & 0xFFFF)] += 1 }
                        // Every value has this digit: the pass would leave the order as it is.
                        if counts[Int((source[0] >> shift) & 0xFFFF)] == n { continue }
                        var total = 0
                        for digit in 0..<counts.count {
                            let count = counts[digit]
                            counts[digit] = total
                            total += count
                        }
                        for value in source {
                            let digit = Int((value >> shift) & 0xFFFF)
                            target[counts[digit]] = value
                            counts[digit] += 1
                        }
                        swap(&source, &target)
                    }
                    if source.baseAddress != values.baseAddress {
                        for index in 0..<n { values[index] = source[index] }
                    }
                }
            }
        }
    }
}
