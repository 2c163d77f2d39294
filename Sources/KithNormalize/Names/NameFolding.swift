import Foundation

/// Comparable forms of names and other short texts: lower-case, without diacritics, other
/// scripts transliterated to Latin (ICU's `Any-Latin; Latin-ASCII` through Foundation), with
/// punctuation removed and spaces collapsed.
public enum NameFolding {
    /// Folds a text for comparison.
    ///
    /// `Müller` → `muller`, `O'Neil` → `oneil`, `Cruz-Smith` → `cruz smith`, `Groß` → `gross`,
    /// `Владимир` → `vladimir`, `Øresund` → `oresund`.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The folded form; empty when nothing foldable remains.
    /// - Complexity: O(n). Text in Latin letters up to Latin Extended-B (with combining
    ///   diacritics) is folded with a table of per-scalar results on the UTF-8 bytes; other
    ///   scripts pay for an ICU transliteration (cached), after which the Latin result usually
    ///   takes the table too.
    public static func fold(_ text: String) -> String {
        if let folded = foldWithTable(text) { return folded }
        guard needsTransliteration(text) else { return collapse(foldedBytes(ofLatin: text)) }
        let latin = TransliterationCache.shared.latin(text)
        return foldWithTable(latin) ?? collapse(foldedBytes(ofLatin: latin))
    }

    /// `collapse(foldedBytes(ofLatin: text))` through `LatinScalars`' table, `nil` when a scalar
    /// of the text is not in it. Text the table folds is Latin (`isLatin`).
    static func foldWithTable(_ text: String) -> String? {
        let folded: String?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * LatinScalars.maxFoldedBytesPerByte) {
                var writer = FoldWriter(buffer: $0)
                guard LatinScalars.fold(bytes, into: &writer) else { return nil }
                return writer.string
            }
        }
        return folded ?? nil
    }

    /// The general path of `fold`, without its table; for tests that compare both.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The folded form, computed scalar by scalar from the compatibility
    ///   decomposition (and ICU's transliteration where needed).
    static func foldGeneral(_ text: String) -> String { collapse(foldedBytesGeneral(text)) }

    /// Applies `FoldWriter` to the bytes of `foldedBytes`.
    private static func collapse(_ bytes: [UInt8]) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) {
            var writer = FoldWriter(buffer: $0)
            for byte in bytes { writer.append(byte) }
            return writer.string
        }
    }

    /// The bytes of a folded text before `FoldWriter`: other scripts transliterated, then
    /// `foldedBytes(ofLatin:)`.
    static func foldedBytesGeneral(_ text: String) -> [UInt8] {
        foldedBytes(ofLatin: needsTransliteration(text) ? TransliterationCache.shared.latin(text) : text)
    }

    /// The bytes of a folded text before `FoldWriter`, after transliteration: the text
    /// decomposed (NFKD), marks dropped, special letters replaced, white space and dashes
    /// turned into spaces, letters ICU could not transliterate kept lower-cased.
    private static func foldedBytes(ofLatin latin: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(latin.utf8.count)
        for scalar in latin.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let replacement = specialLetters[scalar] {
                bytes.append(contentsOf: replacement.utf8)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else if scalar.properties.isWhitespace || scalar.properties.isDash {
                bytes.append(UInt8(ascii: " "))
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                // A letter ICU could not transliterate: keep it, lower-cased.
                bytes.append(contentsOf: String(scalar).lowercased().utf8)
            }
        }
        return bytes
    }

    /// Folds and splits into words.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The folded words.
    public static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }

    /// Whether a word is made only of Latin letters (ASCII or up to Latin Extended-B), so that
    /// folding needs no transliteration; used to keep vocabulary checks cheap.
    static func isLatin(_ text: String) -> Bool { !needsTransliteration(text) }

    /// Letters that do not decompose into a base letter and marks.
    private static let specialLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe", "ł": "l", "Ł": "l",
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i", "ħ": "h", "Ħ": "h", "ŋ": "n",
        "’": "", "ʼ": "", "‘": "", "´": "", "`": "",
    ]

    private static func needsTransliteration(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= 0x250 {
            // Beyond Latin Extended-B: combining marks, punctuation and Latin Extended Additional
            // fold without ICU; anything else (Greek, Cyrillic, CJK, …) is transliterated.
            let v = scalar.value
            if (0x300...0x36F).contains(v) || (0x1E00...0x1EFF).contains(v) || (0x2000...0x206F).contains(v) {
                continue
            }
            return true
        }
        return false
    }
}

/// The last step of folding: lower-cases ASCII letters, drops apostrophes, dots and backticks,
/// turns other ASCII punctuation and white space into one space between words (none at the
/// ends); bytes of non-ASCII letters are kept.
struct FoldWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    private var pendingSpace = false

    /// Creates a writer into `buffer`, which must hold as many bytes as will be appended.
    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Appends one byte of the unfolded text.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        var b = byte
        if b >= 0x41 && b <= 0x5A { b |= 0x20 }
        let isWord = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
        if isWord {
            if pendingSpace && count > 0 {
                buffer[count] = 0x20
                count += 1
            }
            pendingSpace = false
            buffer[count] = b
            count += 1
        } else if b == UInt8(ascii: "'") || b == UInt8(ascii: ".") || b == UInt8(ascii: "`") {
            return
        } else {
            pendingSpace = true
        }
    }

    /// The folded text so far.
    var string: String { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self) }
}

/// ICU transliteration results, shared by all threads. Foundation builds a new ICU transliterator
/// on every `applyingTransform` call (tens of microseconds); address books repeat names, so a
/// locked cache pays for itself.
final class TransliterationCache: @unchecked Sendable {
    static let shared = TransliterationCache()

    private let lock = NSLock()
    private var cache: [String: String] = [:]
    private static let anyToLatin = StringTransform("Any-Latin; Latin-ASCII")

    func latin(_ text: String) -> String {
        lock.lock()
        let known = cache[text]
        lock.unlock()
        if let known { return known }
        let result = Self.transliterate(text)
        lock.lock()
        if cache.count > 100_000 { cache.removeAll(keepingCapacity: true) }
        cache[text] = result
        lock.unlock()
        return result
    }

    /// The longest text transliterated in one call, in characters. Foundation replaces within
    /// one string, moving its tail at every replacement, so a call takes time that grows with
    /// the square of the length (a 600 KB name took 28 s); a longer text (no name is) is
    /// transliterated in pieces of this length, joined by a space.
    static let pieceLength = 256

    private static func transliterate(_ text: String) -> String {
        guard text.count > pieceLength else { return text.applyingTransform(anyToLatin, reverse: false) ?? text }
        var pieces: [String] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text.index(start, offsetBy: pieceLength, limitedBy: text.endIndex) ?? text.endIndex
            let piece = String(text[start..<end])
            pieces.append(piece.applyingTransform(anyToLatin, reverse: false) ?? piece)
            start = end
        }
        return pieces.joined(separator: " ")
    }
}
