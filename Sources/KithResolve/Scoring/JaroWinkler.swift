/// Jaro–Winkler similarity of two byte strings (0…1), the usual measure for typos in names.
///
/// Works on the first 64 bytes of each string, which covers every realistic name; matched
/// flags are kept in bit masks and the byte table on the stack, so the comparison allocates
/// nothing.
enum JaroWinkler {
    /// - Complexity: O(n) for strings of length n (bytes that differ by 128 share a table entry).
    static func similarity(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Double {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in similarity(pa, pb) }
        }
    }

    static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        let la = min(a.count, 64)
        let lb = min(b.count, 64)
        if la == 0 || lb == 0 { return la == lb ? 1 : 0 }
        if la == lb && memcmpEqual(a, b, la) { return 1 }
        let window = max(0, max(la, lb) / 2 - 1)
        // Bit-parallel matching: for each byte value, the positions in `b` that hold it. Each
        // character of `a` takes the first unmatched position of its byte inside its window,
        // as the textbook loop does, in O(1) instead of O(window). The table has 128 entries
        // (1 KiB, small enough for the stack): a byte and the byte 128 apart share one, so a
        // candidate position is confirmed against `b` before it is taken.
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 128) { positions in
            for i in 0..<la { positions[Int(a[i] & 0x7F)] = 0 }
            for j in 0..<lb { positions[Int(b[j] & 0x7F)] = 0 }
            for j in 0..<lb { positions[Int(b[j] & 0x7F)] |= 1 << UInt64(j) }
            let all: UInt64 = lb == 64 ? ~0 : (1 << UInt64(lb)) - 1
            var matchedA: UInt64 = 0
            var matchedB: UInt64 = 0
            var matches = 0
            for i in 0..<la {
                let lo = max(0, i - window)
                let hi = i + window
                if lo > lb - 1 { break }
                // Positions lo...min(hi, lb - 1).
                let upTo: UInt64 = hi >= 63 ? ~0 : (1 << UInt64(hi + 1)) - 1
                let inWindow = all & upTo & ~((1 << UInt64(lo)) - 1)
                var free = positions[Int(a[i] & 0x7F)] & inWindow & ~matchedB
                while free != 0 {
                    let j = free.trailingZeroBitCount
                    if b[j] == a[i] {
                        matchedA |= 1 << UInt64(i)
                        matchedB |= 1 << UInt64(j)
                        matches += 1
                        break
                    }
                    free &= free - 1
                }
            }
            if matches == 0 { return 0 }
            var transpositions = 0
            var restA = matchedA
            var restB = matchedB
            while restA != 0 {
                let i = restA.trailingZeroBitCount
                let j = restB.trailingZeroBitCount
                if a[i] != b[j] { transpositions += 1 }
                restA &= restA - 1
                restB &= restB - 1
            }
            let m = Double(matches)
            let jaro = (m / Double(la) + m / Double(lb) + (m - Double(transpositions / 2)) / m) / 3
            var prefix = 0
            while prefix < min(4, min(la, lb)) && a[prefix] == b[prefix] { prefix += 1 }
            return jaro + Double(prefix) * 0.1 * (1 - jaro)
        }
    }

    @inline(__always)
    private static func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, _ n: Int) -> Bool
    {
        for i in 0..<n where a[i] != b[i] { return false }
        return true
    }
}

/// Small edit tests for codes and dates: equal length with one differing character, or one
/// adjacent transposition.
enum TypoDistance {
    static func isOneTypo(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count, !a.isEmpty else { return false }
        // The positions of the first two differences (no array: this runs for most pairs).
        var first = -1
        var second = -1
        var i = a.startIndex
        var j = b.startIndex
        var position = 0
        while i < a.endIndex {
            if a[i] != b[j] {
                if first < 0 {
                    first = position
                } else if second < 0 {
                    second = position
                } else {
                    return false
                }
            }
            i += 1
            j += 1
            position += 1
        }
        if first >= 0 && second < 0 { return true }
        if first >= 0, second == first + 1 {
            let p = a.startIndex + first
            let q = b.startIndex + first
            return a[p] == b[q + 1] && a[p + 1] == b[q]
        }
        return false
    }
}
