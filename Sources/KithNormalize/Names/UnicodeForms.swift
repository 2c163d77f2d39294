import Foundation

extension String {
    /// Unicode NFC.
    ///
    /// Text made only of scalars below U+0300 (ASCII, Latin-1, Latin Extended-A and -B, IPA,
    /// spacing modifiers) is returned as it is, without the round trip through NSString (UTF-16
    /// on Linux): every such scalar has `NFC_Quick_Check=Yes` and canonical combining class 0
    /// (the first `Maybe` is U+0300, the first `No` U+0340; Unicode DerivedNormalizationProps.txt),
    /// so the text is already NFC (UAX #15, "Detecting Normalization Forms"). The same holds for
    /// the letters and punctuation of `StandaloneScalars` (Greek, Cyrillic, CJK, …).
    var precomposedStringWithCanonicalMappingCompat: String {
        if StandaloneScalars.isStandalone(self) { return self }
        return (self as NSString).precomposedStringWithCanonicalMapping
    }

    /// Whether every scalar is below U+0300: in UTF-8, every byte is below 0xCC (lead bytes of
    /// U+0300 and up are 0xCC or more; continuation bytes are below 0xC0).
    var isBelowCombiningMarks: Bool { utf8.allSatisfy { $0 < 0xCC } }

    /// Whether every byte is ASCII.
    var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }

    /// The string without leading and trailing white space (including no-break spaces).
    ///
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString on Linux and was a tenth
    /// of an import's time; this scans Unicode scalars from both ends and returns `self`
    /// untouched in the common case of nothing to trim.
    var trimmed: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace {
            end = scalars.index(before: end)
        }
        return String(scalars[start..<end])
    }
}
