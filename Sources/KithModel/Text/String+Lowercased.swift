extension String {
    /// `lowercased()`, without making a new string when the text is ASCII without a capital
    /// letter (type words, parameter names, UIDs and addresses usually are): the text itself,
    /// equal to what `lowercased()` gives.
    ///
    /// - Complexity: O(n).
    package func lowercasedIfNeeded() -> String {
        var hasCapital = false
        for byte in utf8 {
            if byte >= 0x80 { return lowercased() }
            if byte &- UInt8(ascii: "A") < 26 { hasCapital = true }
        }
        return hasCapital ? lowercased() : self
    }
}
