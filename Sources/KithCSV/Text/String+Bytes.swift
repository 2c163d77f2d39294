#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The offset of the first `needle` in `base[0..<count]`: memchr for its first byte, then a
/// byte comparison (glibc's `memmem` is a GNU extension Swift does not import).
func findBytes(_ base: UnsafePointer<UInt8>, _ count: Int, _ needle: UnsafePointer<UInt8>, _ length: Int) -> Int? {
    guard length > 0, count >= length else { return nil }
    var start = 0
    let last = count - length
    while start <= last {
        guard let raw = memchr(base + start, Int32(needle[0]), last - start + 1) else { return nil }
        let at = base.distance(to: raw.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + at, needle, length) == 0 { return at }
        start = at + 1
    }
    return nil
}

extension String {
    /// Whether the UTF-8 form contains `needle`, compared byte for byte (no Foundation bridging:
    /// on Linux `String.contains(String)` goes through NSString and costs microseconds).
    ///
    /// - Complexity: O(n).
    func containsBytes(_ needle: StaticString) -> Bool {
        var copy = self
        return copy.withUTF8 { haystack in
            guard let base = haystack.baseAddress, haystack.count >= needle.utf8CodeUnitCount else { return false }
            return findBytes(base, haystack.count, needle.utf8Start, needle.utf8CodeUnitCount) != nil
        }
    }

    /// Whether the UTF-8 form holds `first` or `second` (memchr on the contiguous bytes).
    ///
    /// - Complexity: O(n).
    func containsByte(_ first: UInt8, orByte second: UInt8) -> Bool {
        var copy = self
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(first), bytes.count) != nil || memchr(base, Int32(second), bytes.count) != nil
        }
    }

    /// The pieces between occurrences of `separator`, compared byte for byte; `[self]` when it
    /// does not occur.
    ///
    /// - Complexity: O(n).
    func splitBytes(_ separator: StaticString) -> [String] {
        var copy = self
        return copy.withUTF8 { haystack -> [String] in
            guard let base = haystack.baseAddress else { return [self] }
            let length = separator.utf8CodeUnitCount
            var pieces: [String] = []
            var start = 0
            while start <= haystack.count {
                guard let found = findBytes(base + start, haystack.count - start, separator.utf8Start, length) else {
                    break
                }
                let at = start + found
                pieces.append(
                    String(decoding: UnsafeBufferPointer(start: base + start, count: at - start), as: UTF8.self))
                start = at + length
            }
            if pieces.isEmpty { return [self] }
            pieces.append(
                String(decoding: UnsafeBufferPointer(start: base + start, count: haystack.count - start), as: UTF8.self)
            )
            return pieces
        }
    }

    /// The string without leading and trailing whitespace and line breaks.
    ///
    /// - Complexity: O(1) when neither end is white space, else O(n).
    func trimmingWhitespace() -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        // Names and addresses often end in a letter outside ASCII (`Chloé`): look at the end
        // scalars alone before walking the whole string.
        if let head = unicodeScalars.first, let tail = unicodeScalars.last, !head.properties.isWhitespace,
            !tail.properties.isWhitespace
        {
            return self
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if start == scalars.startIndex, end == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[start...end])
    }
}
