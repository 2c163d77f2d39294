extension String {
    /// `lowercased()`, without making a new string when the text is ASCII without a capital
    /// letter (type words, parameter names, UIDs and addresses usually are): the text itself,
    /// equal to what `lowercased()` gives.
    ///
    /// - Complexity: O(n).
    package func lowercasedIfNeeded() -> String {
        // The bytes in place (a small string's on the stack): iterating the view was slower.
        let plain = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 && $0 &- UInt8(ascii: "A") >= 26 }
        }
        return plain == true ? self : lowercased()
    }
}
