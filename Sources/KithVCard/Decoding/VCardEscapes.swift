import Foundation

/// Backslash escapes of vCard text values (RFC 6350 §3.4, RFC 2426 §5): `\n` `\N` newline,
/// `\,` `\;` `\\` `\:` literal; any other backslash is kept. Splitting on unescaped separators
/// works on bytes, which is safe for UTF-8 and one-byte code pages; for Shift_JIS the trail
/// byte of a double-byte character is skipped, since it may be 0x5C (corpus
/// vcard/android-aosp/v21_japanese_3.vcf).
public enum VCardEscapes {
    /// Splits bytes on a separator that is not escaped.
    ///
    /// - Parameters:
    ///   - bytes: the value.
    ///   - separator: `;` or `,`.
    ///   - shiftJIS: whether the bytes are Shift_JIS.
    /// - Returns: the ranges of the parts, at least one.
    /// - Complexity: O(n).
    public static func split(_ bytes: UnsafeBufferPointer<UInt8>, on separator: UInt8, shiftJIS: Bool = false)
        -> [Range<Int>]
    {
        var parts: [Range<Int>] = []
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == ASCII.backslash {
                index += 2
            } else if byte == separator {
                parts.append(start..<index)
                index += 1
                start = index
            } else if shiftJIS, isShiftJISLead(byte) {
                index += 2
            } else {
                index += 1
            }
        }
        parts.append(start..<count)
        return parts
    }

    /// Whether the bytes contain a backslash.
    @inline(__always) static func hasBackslash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchrByte(base, ASCII.backslash, bytes.count)
    }

    /// Removes escapes.
    ///
    /// - Parameters:
    ///   - bytes: escaped text.
    ///   - shiftJIS: whether the bytes are Shift_JIS (trail bytes are never escapes).
    /// - Returns: the unescaped bytes.
    /// - Complexity: O(n).
    public static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, shiftJIS: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if shiftJIS, isShiftJISLead(byte), index + 1 < count {
                out.append(byte)
                out.append(bytes[index + 1])
                index += 2
                continue
            }
            guard byte == ASCII.backslash, index + 1 < count else {
                out.append(byte)
                index += 1
                continue
            }
            let next = bytes[index + 1]
            switch next {
            case UInt8(ascii: "n"), UInt8(ascii: "N"):
                out.append(ASCII.lineFeed)
            case ASCII.backslash, ASCII.comma, ASCII.semicolon, ASCII.colon:
                out.append(next)
            default:
                out.append(byte)
                out.append(next)
            }
            index += 2
        }
        return out
    }

    /// Whether a byte starts a Shift_JIS double-byte character.
    @inline(__always) static func isShiftJISLead(_ byte: UInt8) -> Bool {
        (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte)
    }
}

@inline(__always) private func memchrByte(_ base: UnsafePointer<UInt8>, _ byte: UInt8, _ count: Int) -> Bool {
    memchr(base, Int32(byte), count) != nil
}
