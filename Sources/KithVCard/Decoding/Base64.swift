/// Base64 decoding (RFC 4648) as vCard producers write it: whitespace anywhere (Outlook and
/// Apple indent continuation lines, corpus vcard/apple-ccs-calendarserver/934731C6-….vcf puts
/// spaces inside), padding optional, URL-safe letters accepted.
public enum Base64 {
    private static let invalid: UInt8 = 0xFF
    private static let skip: UInt8 = 0xFE

    private static let table: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, letter) in alphabet.enumerated() { table[Int(letter)] = UInt8(value) }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        for blank in [ASCII.space, ASCII.tab, ASCII.carriageReturn, ASCII.lineFeed] { table[Int(blank)] = skip }
        return table
    }()

    /// Decodes base64 text.
    ///
    /// - Parameter bytes: the encoded text.
    /// - Returns: the bytes, or `nil` when a character outside the alphabet appears (before the
    ///   padding) or the length leaves a single dangling character.
    /// - Complexity: O(n).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var pending = 0
        var index = 0
        let count = bytes.count
        let table = self.table
        return table.withUnsafeBufferPointer { table -> [UInt8]? in
            while index < count {
                let byte = bytes[index]
                index += 1
                let value = table[Int(byte)]
                if value < 64 {
                    accumulator = accumulator << 6 | UInt32(value)
                    pending += 1
                    if pending == 4 {
                        out.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                        out.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                        out.append(UInt8(truncatingIfNeeded: accumulator))
                        accumulator = 0
                        pending = 0
                    }
                } else if value == skip {
                    continue
                } else if byte == ASCII.equals {
                    // Padding: only blanks and more `=` may follow.
                    while index < count {
                        let rest = bytes[index]
                        guard rest == ASCII.equals || table[Int(rest)] == skip else { return nil }
                        index += 1
                    }
                    break
                } else {
                    return nil
                }
            }
            switch pending {
            case 0: break
            case 2: out.append(UInt8(truncatingIfNeeded: accumulator >> 4))
            case 3:
                out.append(UInt8(truncatingIfNeeded: accumulator >> 10))
                out.append(UInt8(truncatingIfNeeded: accumulator >> 2))
            default: return nil
            }
            return out
        }
    }

    /// Whether text is base64 in its one canonical form (RFC 4648 §3.5): the standard alphabet
    /// only, no blank, a length that is a multiple of 4, `=` padding only at the end, and zero
    /// unused bits before it, so that encoding the decoded bytes gives the same text back.
    ///
    /// - Parameter bytes: the text.
    /// - Returns: whether it is non-empty canonical base64.
    /// - Complexity: O(n).
    public static func isCanonical(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty, bytes.count % 4 == 0 else { return false }
        var padding = 0
        while padding < 2, bytes[bytes.count - 1 - padding] == ASCII.equals { padding += 1 }
        let letters = bytes.count - padding
        for byte in bytes[..<letters] {
            guard table[Int(byte)] < 64, byte != UInt8(ascii: "-"), byte != UInt8(ascii: "_") else { return false }
        }
        guard padding > 0 else { return true }
        // The last letter before the padding carries 2 (one `=`) or 4 (two) unused bits.
        let last = table[Int(bytes[letters - 1])]
        return last & (padding == 1 ? 0x03 : 0x0F) == 0
    }

    /// Decodes base64 text from an array.
    public static func decode(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { decode($0) }
    }
}
