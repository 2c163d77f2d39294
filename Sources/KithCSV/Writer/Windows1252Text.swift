import Foundation
import KithIO

/// Turns text into Windows-1252 (the ANSI code page Outlook's CSV import expects), writing
/// characters outside it in Latin letters where possible.
///
/// Text is first composed (NFC), so `e` + combining acute becomes `é`, which the code page has.
/// A character the code page lacks is looked up in a table of letters that do not decompose
/// (`ł` → `l`, `đ` → `d`, `ı` → `i`); else the run of such characters goes through ICU's
/// `Any-Latin` transform and diacritic stripping (`Ş` → `S`, `日本` → `ri ben`, `Ђорђе` →
/// `Dorde`); what still does not fit becomes `?`.
public enum Windows1252Text {
    /// Letters without a decomposition, and their closest ASCII form.
    static let table: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L",
        "ŋ": "n", "Ŋ": "N", "ĸ": "k", "ſ": "s", "ŧ": "t", "Ŧ": "T", "ƒ": "f", "ǥ": "g", "Ǥ": "G",
        "ɨ": "i", "ʉ": "u", "ə": "e", "Ə": "E", "ɛ": "e", "Ɛ": "E", "ɔ": "o", "Ɔ": "O",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2212}": "-", "\u{00A0}": " ",
        "\u{2009}": " ", "\u{202F}": " ", "\u{2002}": " ", "\u{2003}": " ", "\u{2032}": "'", "\u{2033}": "\"",
    ]

    private static let charset = SingleByteCharset.windows1252

    /// Transliterates the characters Windows-1252 lacks.
    ///
    /// - Parameter text: any text.
    /// - Returns: text whose every character Windows-1252 holds, and whether anything changed.
    /// - Complexity: O(n) in the length of the text.
    public static func transliterate(_ text: String) -> (text: String, changed: Bool) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return (text, false) }
        let composed = text.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pending = String.UnicodeScalarView()
        var changed = composed != text

        func flush() {
            guard !pending.isEmpty else { return }
            let run = String(pending)
            pending.removeAll()
            let latin = run.applyingTransform(.toLatin, reverse: false) ?? run
            let stripped = latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
            for scalar in stripped.unicodeScalars {
                if charset.encode(scalar) != nil {
                    out.append(scalar)
                } else if let replacement = table[scalar] {
                    out.append(contentsOf: replacement.unicodeScalars)
                } else {
                    out.append("?")
                }
            }
        }

        for scalar in composed.unicodeScalars {
            if charset.encode(scalar) != nil {
                flush()
                out.append(scalar)
            } else if let replacement = table[scalar] {
                flush()
                out.append(contentsOf: replacement.unicodeScalars)
                changed = true
            } else {
                pending.append(scalar)
                changed = true
            }
        }
        flush()
        return (String(out), changed)
    }

    /// Encodes text in Windows-1252, transliterating first.
    ///
    /// - Parameter text: any text.
    /// - Returns: the bytes.
    /// - Complexity: O(n) in the length of the text.
    public static func encode(_ text: String) -> [UInt8] {
        let fitted = transliterate(text).text
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fitted.utf8.count)
        for scalar in fitted.unicodeScalars { bytes.append(charset.encode(scalar) ?? 0x3F) }
        return bytes
    }
}
