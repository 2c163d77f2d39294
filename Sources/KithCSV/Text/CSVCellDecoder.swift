import Foundation
import KithIO

/// Decodes cell bytes to text, the way the file's encoding asks.
///
/// Inputs arrive as UTF-8 (InputFile removed a BOM and transcoded UTF-16). A file that is not
/// valid UTF-8 is either Shift_JIS (see ``ShiftJISDetector``), decoded as such, or undeclared
/// 8-bit text, decoded cell by cell: UTF-8 when the cell is valid UTF-8, else the context's
/// fallback charset (Windows-1252 unless the user chose another).
struct CSVCellDecoder {
    enum Mode: Equatable {
        case utf8
        case shiftJIS
        case perCell
    }

    let mode: Mode
    let decoder: TextDecoder
    /// Whether some cell needed the fallback charset.
    private(set) var usedFallback = false
    /// Whether some non-ASCII cell was valid UTF-8 in an 8-bit file.
    private(set) var usedUTF8 = false
    /// Whether some bytes could not be decoded.
    private(set) var lossy = false

    init(mode: Mode, decoder: TextDecoder) {
        self.mode = mode
        self.decoder = decoder
    }

    /// Takes in what another decoder (a copy of this one used on other rows) learned.
    mutating func absorb(_ other: CSVCellDecoder) {
        usedFallback = usedFallback || other.usedFallback
        usedUTF8 = usedUTF8 || other.usedUTF8
        lossy = lossy || other.lossy
    }

    /// The text of a field.
    mutating func text(of field: CSVField, in scanner: CSVRecordScanner) -> String {
        if mode == .utf8 { return scanner.string(of: field) }
        let bytes = scanner.bytes(of: field)
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let decoded = bytes.withUnsafeBufferPointer {
            decoder.decode($0, declared: mode == .shiftJIS ? .shiftJIS : nil)
        }
        if decoded.charset == .utf8 { usedUTF8 = true } else if mode == .perCell { usedFallback = true }
        if decoded.lossy { lossy = true }
        return decoded.text
    }

    /// The encoding to report: the sniffed one for UTF-8 and UTF-16 input; for 8-bit input
    /// `shift_jis`, the fallback charset, or `mixed` when valid UTF-8 cells and fallback cells met.
    func reportedEncoding(detected: DetectedEncoding) -> String {
        switch mode {
        case .utf8: return detected.name == "8bit" ? "utf-8" : detected.name
        case .shiftJIS: return "shift_jis"
        case .perCell:
            if usedFallback, usedUTF8 { return "mixed" }
            if usedUTF8 { return "utf-8" }
            return decoder.fallback.description
        }
    }
}

/// Recognizes Shift_JIS text among 8-bit input that is not UTF-8.
///
/// The heuristic: every byte at or above 0x80 must belong to a well-formed Shift_JIS sequence (a
/// lead byte 0x81–0x9F or 0xE0–0xFC followed by a trail byte 0x40–0x7E or 0x80–0xFC; or a
/// half-width katakana 0xA1–0xDF); there must be at least two double-byte characters; most
/// lead bytes must lie in 0x81–0x9F (kana and common kanji — Windows-1252 letters live in
/// 0xC0–0xFF); and at least a third of the trail bytes must be 0x80 or above (Windows-1252 text
/// like `’s` pairs a high byte with an ASCII letter). Finally Foundation must decode the bytes as
/// Shift_JIS. Corpus csv/thunderbird/shiftjis_addressbook.csv passes; the Windows-1252 files of
/// csv/tine20 do not.
enum ShiftJISDetector {
    /// Whether the bytes look like Shift_JIS.
    ///
    /// - Complexity: O(n).
    static func looksLikeShiftJIS(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        var pairs = 0
        var lowLeads = 0
        var highTrails = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 || (0xA1...0xDF).contains(byte) {
                index += 1
                continue
            }
            guard (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte), index + 1 < count else { return false }
            let trail = bytes[index + 1]
            guard (0x40...0x7E).contains(trail) || (0x80...0xFC).contains(trail) else { return false }
            pairs += 1
            if byte <= 0x9F { lowLeads += 1 }
            if trail >= 0x80 { highTrails += 1 }
            index += 2
        }
        guard pairs >= 2, lowLeads * 2 > pairs, highTrails * 3 >= pairs else { return false }
        return String(bytes: bytes, encoding: .shiftJIS) != nil
    }
}
