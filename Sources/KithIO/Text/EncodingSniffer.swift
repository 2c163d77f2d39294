/// Finds the encoding family of an input from its first bytes: byte-order marks, UTF-16
/// without a BOM (by the pattern of NUL bytes), UTF-8 validity.
public enum EncodingSniffer {
    /// Removes a BOM and transcodes UTF-16 to UTF-8.
    ///
    /// - Parameter original: the bytes as stored.
    /// - Returns: what was found, and the bytes readers should parse.
    /// - Complexity: O(n).
    public static func prepare(_ original: [UInt8]) -> (DetectedEncoding, [UInt8]) {
        let count = original.count
        if count >= 3, original[0] == 0xEF, original[1] == 0xBB, original[2] == 0xBF {
            let rest = Array(original[3...])
            let valid = isValidUTF8(rest)
            return (DetectedEncoding(name: "utf-8", hadBOM: true, transcoded: false, isValidUTF8: valid), rest)
        }
        if count >= 2, (original[0] == 0xFF && original[1] == 0xFE) || (original[0] == 0xFE && original[1] == 0xFF) {
            let big = original[0] == 0xFE
            let utf8 = original.withUnsafeBufferPointer {
                UTF16Transcoder.transcode(UnsafeBufferPointer(rebasing: $0[2...]), bigEndian: big)
            }
            let name = big ? "utf-16be" : "utf-16le"
            return (DetectedEncoding(name: name, hadBOM: true, transcoded: true, isValidUTF8: !utf8.lossy), utf8.bytes)
        }
        if let bigEndian = utf16WithoutBOM(original) {
            let utf8 = original.withUnsafeBufferPointer { UTF16Transcoder.transcode($0, bigEndian: bigEndian) }
            let name = bigEndian ? "utf-16be" : "utf-16le"
            return (DetectedEncoding(name: name, hadBOM: false, transcoded: true, isValidUTF8: !utf8.lossy), utf8.bytes)
        }
        let valid = isValidUTF8(original)
        return (
            DetectedEncoding(name: valid ? "utf-8" : "8bit", hadBOM: false, transcoded: false, isValidUTF8: valid),
            original
        )
    }

    /// Recognizes UTF-16 text without a BOM: in the first 4 KiB, most code units of ASCII text
    /// have a NUL high byte, so NULs crowd the even (big-endian) or odd (little-endian) offsets.
    ///
    /// - Returns: `true` for big-endian, `false` for little-endian, `nil` if not UTF-16.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let sample = min(bytes.count, 4096) & ~1
        guard sample >= 4 else { return nil }
        var evenNULs = 0
        var oddNULs = 0
        for index in stride(from: 0, to: sample, by: 2) {
            if bytes[index] == 0 { evenNULs += 1 }
            if bytes[index + 1] == 0 { oddNULs += 1 }
        }
        let units = sample / 2
        if evenNULs * 10 >= units * 3, oddNULs * 10 < units { return true }
        if oddNULs * 10 >= units * 3, evenNULs * 10 < units { return false }
        return nil
    }

    /// Whether bytes are well-formed UTF-8.
    ///
    /// - Complexity: O(n); ASCII runs are checked eight bytes at a time.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    /// Whether bytes are well-formed UTF-8.
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            // Skip ASCII eight bytes at a time.
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { return true }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
            default: return false
            }
            guard index + length <= count else { return false }
            for offset in 1..<length {
                let next = base[index + offset]
                guard next & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar < 0xE000) { return false }
            index += length
        }
        return true
    }
}
