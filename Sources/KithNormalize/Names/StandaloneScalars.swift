/// Letters and punctuation of the common scripts that stand alone, both for Unicode
/// normalization and for grapheme clustering, so that names written in them skip the NFC round
/// trip through NSString and `Character`-level splitting.
///
/// Every scalar listed has canonical combining class 0 and `NFC_Quick_Check=Yes`: NFC leaves it
/// unchanged and never composes it with the scalar before it (it is not the second half of any
/// canonical decomposition). None is `Prepend`, `Extend`, `SpacingMark` or `ZWJ` for grapheme
/// clustering (UAX #29), so a space or comma next to it is a `Character` of its own. The
/// ranges leave out every combining mark, the NFC exclusions (`U+0374`, `U+037E`, `U+0387`,
/// `U+2000`, `U+2001`), format and control characters, and the Hangul jamo.
/// `StandaloneScalarsTests` checks each of these facts for every scalar listed.
enum StandaloneScalars {
    /// The ranges, beyond U+02FF (below it, see `String.isBelowCombiningMarks`).
    static let ranges: [ClosedRange<UInt32>] = [
        0x0370...0x0373, 0x0375...0x0377, 0x037A...0x037D, 0x037F...0x037F, 0x0384...0x0386, 0x0388...0x038A,
        0x038C...0x038C, 0x038E...0x03A1, 0x03A3...0x03FF,  // Greek
        0x0400...0x0482, 0x048A...0x052F,  // Cyrillic
        0x05D0...0x05EA,  // Hebrew letters
        0x0620...0x064A,  // Arabic letters
        0x2002...0x200A, 0x2010...0x2027, 0x2030...0x205E,  // spaces, dashes, quotes, punctuation
        0x3000...0x3029, 0x3030...0x303F,  // CJK symbols and punctuation
        0x3041...0x3096, 0x309B...0x309F, 0x30A0...0x30FF,  // Hiragana, Katakana
        0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK Unified Ideographs (and Extension A)
        0xAC00...0xD7A3,  // Hangul syllables
        0xFF01...0xFF5E,  // Fullwidth ASCII
    ]

    /// Whether a scalar value is in `ranges`.
    ///
    /// - Parameter value: A scalar value.
    /// - Returns: `true` for the listed letters and punctuation.
    static func contains(_ value: UInt32) -> Bool {
        guard value >= 0x370, value <= 0xFF5E else { return false }
        for range in ranges where range.contains(value) { return true }
        return false
    }

    /// Whether every scalar of a text is below U+0300 or listed: then the text is NFC, and a
    /// space, tab or comma in it is a `Character` of its own.
    ///
    /// - Parameter text: Any text.
    /// - Returns: `true` when the text is made only of such scalars.
    static func isStandalone(_ text: String) -> Bool {
        if text.isBelowCombiningMarks { return true }
        return text.unicodeScalars.allSatisfy { $0.value < 0x300 || contains($0.value) }
    }
}
