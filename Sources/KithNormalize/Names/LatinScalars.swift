/// Precomputed facts about the scalars most names are written in, so that the hot name paths
/// look up a table instead of asking Unicode properties or Foundation for every scalar: letter
/// classes of U+0000–U+2FFF (Latin, Greek, Cyrillic, and the other alphabets and syllabaries
/// of the Basic Multilingual Plane before the CJK blocks), folded forms of U+0000–U+036F
/// (ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifiers, combining diacritics).
///
/// Every entry is computed once, on first use, from the general definition it replaces
/// (`Unicode.Scalar.Properties` for the letter classes, `NameFolding.foldGeneral` for the folded
/// bytes), so a table lookup answers exactly what the general path answers.
enum LatinScalars {
    /// Scalars below this value are in the folding table.
    static let limit: UInt32 = 0x370

    /// Scalars below this value are in the letter-class table (built on first use, about 2 ms).
    static let letterClassLimit: UInt32 = 0x3000

    /// Letter-class bits of a scalar.
    struct LetterClass: OptionSet, Sendable {
        let rawValue: UInt8
        static let alphabetic = LetterClass(rawValue: 1)
        static let uppercase = LetterClass(rawValue: 2)
        static let lowercase = LetterClass(rawValue: 4)
    }

    /// `isAlphabetic`, `isUppercase` and `isLowercase` of every scalar below `letterClassLimit`.
    private static let letterClasses: [LetterClass] = (0..<letterClassLimit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return [] }
        return letterClass(fromProperties: scalar)
    }

    /// The letter class of a scalar from its Unicode properties (the general path).
    static func letterClass(fromProperties scalar: Unicode.Scalar) -> LetterClass {
        var result: LetterClass = []
        let properties = scalar.properties
        if properties.isAlphabetic { result.insert(.alphabetic) }
        if properties.isUppercase { result.insert(.uppercase) }
        if properties.isLowercase { result.insert(.lowercase) }
        return result
    }

    /// The letter class of any scalar: a table lookup below `letterClassLimit`, the Unicode
    /// properties above.
    ///
    /// - Parameter scalar: A scalar.
    /// - Returns: Its `alphabetic`, `uppercase` and `lowercase` bits.
    @inline(__always)
    static func letterClass(of scalar: Unicode.Scalar) -> LetterClass {
        scalar.value < letterClassLimit ? letterClasses[Int(scalar.value)] : letterClass(fromProperties: scalar)
    }

    /// Counts the upper- and lower-case letters of a text (letters are alphabetic scalars;
    /// an alphabetic scalar that is upper-case counts as upper, else one that is lower-case as
    /// lower, others not at all).
    ///
    /// - Parameter text: Any text.
    /// - Returns: The two counts.
    /// - Complexity: O(n); ASCII bytes are classified without decoding.
    static func caseCounts(_ text: String) -> (upper: Int, lower: Int) {
        var upper = 0
        var lower = 0
        var needsScalars = false
        for byte in text.utf8 {
            if byte >= 0x80 {
                needsScalars = true
                break
            }
            if byte >= 0x41 && byte <= 0x5A {
                upper += 1
            } else if byte >= 0x61 && byte <= 0x7A {
                lower += 1
            }
        }
        guard needsScalars else { return (upper, lower) }
        upper = 0
        lower = 0
        for scalar in text.unicodeScalars {
            let letter = letterClass(of: scalar)
            guard letter.contains(.alphabetic) else { continue }
            if letter.contains(.uppercase) { upper += 1 } else if letter.contains(.lowercase) { lower += 1 }
        }
        return (upper, lower)
    }

    // MARK: Folding

    /// Whether `NameFolding` can fold a scalar with the table: Latin up to Extended-B (no
    /// transliteration needed) and the combining diacritics.
    @inline(__always)
    static func isFoldable(_ value: UInt32) -> Bool { value < 0x250 || (value >= 0x300 && value < 0x370) }

    /// The folded bytes of every foldable scalar (before `FoldWriter`), back to back;
    /// `ranges[v]` locates those of scalar `v` (empty for scalars that are not foldable or that
    /// fold to nothing).
    private static let foldTable: (bytes: [UInt8], ranges: [Range<Int>]) = {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(Int(limit))
        for value in 0..<limit {
            let start = bytes.count
            if isFoldable(value), let scalar = Unicode.Scalar(value) {
                bytes.append(contentsOf: NameFolding.foldedBytesGeneral(String(scalar)))
            }
            ranges.append(start..<bytes.count)
        }
        return (bytes, ranges)
    }()

    /// The most folded bytes one UTF-8 byte of foldable text turns into (`ß`, two bytes, folds to
    /// `ss`), for sizing buffers.
    static let maxFoldedBytesPerByte: Int = {
        var most = 1
        for value in 0..<limit where isFoldable(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let length = UTF8.width(scalar)
            most = max(most, (foldTable.ranges[Int(value)].count + length - 1) / length)
        }
        return most
    }()

    /// Folds UTF-8 text made only of foldable scalars, scalar by scalar, as the general path
    /// would.
    ///
    /// Folding a whole text equals folding its scalars one by one here: the compatibility
    /// decomposition maps each scalar on its own, and the only reordering it does moves
    /// combining marks, which fold to nothing; no transliteration is involved.
    ///
    /// - Parameters:
    ///   - utf8: The text's UTF-8 bytes.
    ///   - writer: Receives the folded bytes.
    /// - Returns: `false` (with `writer` partly filled) when a scalar is not foldable.
    static func fold(_ utf8: UnsafeBufferPointer<UInt8>, into writer: inout FoldWriter) -> Bool {
        let table = foldTable
        var index = 0
        let count = utf8.count
        while index < count {
            let lead = utf8[index]
            if lead < 0x80 {
                writer.append(lead)
                index += 1
                continue
            }
            // Foldable scalars are below U+0370: two-byte sequences (lead 0xC2–0xCD).
            guard lead < 0xE0, index + 1 < count else { return false }
            let value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
            guard isFoldable(value) else { return false }
            for byte in table.bytes[table.ranges[Int(value)]] { writer.append(byte) }
            index += 2
        }
        return true
    }
}
