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
    /// - Complexity: O(n); ASCII input takes a byte-level path, other scripts pay for an ICU
    ///   transliteration.
    public static func fold(_ text: String) -> String {
        if text.isASCII { return foldASCII(Array(text.utf8)) }
        var latin = text
        if needsTransliteration(text), let transliterated = text.applyingTransform(anyToLatin, reverse: false) {
            latin = transliterated
        }
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
        return foldASCII(bytes)
    }

    /// Folds and splits into words.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The folded words.
    public static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }

    private static let anyToLatin = StringTransform("Any-Latin; Latin-ASCII")

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
            if (0x300...0x36F).contains(v) || (0x1E00...0x1EFF).contains(v) || (0x2000...0x206F).contains(v) { continue }
            return true
        }
        return false
    }

    /// Lower-cases ASCII letters, drops apostrophes and dots, turns other punctuation into
    /// spaces, collapses spaces.
    private static func foldASCII(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for var b in bytes {
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            let isWord = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
            if isWord {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: ".") || b == UInt8(ascii: "`") {
                continue
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
