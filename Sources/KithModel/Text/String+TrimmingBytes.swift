extension String {
    /// The text without the leading and trailing bytes `isTrimmed` accepts, which must be ASCII
    /// (so both ends of the result fall between characters): blanks, quotes.
    ///
    /// Walks UTF-8 indices from each end: dropping characters one at a time from a substring's
    /// end counted its characters again each time, and a value ending in 50,000 spaces took
    /// minutes. The text itself when neither end is trimmed (the usual case).
    ///
    /// - Complexity: O(1) when neither end is trimmed, else O(n).
    package func trimmingASCII(where isTrimmed: (UInt8) -> Bool) -> String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if !isTrimmed(first), !isTrimmed(last) { return self }
        guard let start = bytes.firstIndex(where: { !isTrimmed($0) }),
            let end = bytes.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(self[start..<bytes.index(after: end)])
    }
}
