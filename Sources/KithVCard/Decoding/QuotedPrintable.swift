/// Quoted-printable transfer decoding (RFC 2045 §6.7) of vCard 2.1 values, on bytes.
///
/// Decoding happens before charset decoding: an escaped sequence may be part of a multi-byte
/// character (corpus vcard/evolution-eds/vcard-parser-5.vcf). Soft line breaks are already
/// joined by the property assembler; a `=` left at the very end is a soft break and dropped.
public enum QuotedPrintable {
    /// The outcome of decoding.
    public struct Decoded: Sendable {
        /// The decoded bytes.
        public var bytes: [UInt8]
        /// Whether a `=` was not followed by two hex digits (kept as written).
        public var hadInvalidEscape: Bool
    }

    /// Decodes quoted-printable bytes.
    ///
    /// - Parameter bytes: the encoded value, soft breaks joined or still in place (`=` CR LF).
    /// - Returns: the decoded bytes; invalid escapes are kept literally and reported.
    /// - Complexity: O(n).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Decoded {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var invalid = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            guard byte == ASCII.equals else {
                out.append(byte)
                index += 1
                continue
            }
            // `=` CR? LF: a soft break still in place.
            var next = index + 1
            while next < count, bytes[next] == ASCII.carriageReturn || ASCII.isBlank(bytes[next]) { next += 1 }
            if next < count, bytes[next] == ASCII.lineFeed {
                index = next + 1
                continue
            }
            if index + 1 == count { break }  // a trailing soft break
            if index + 2 < count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            invalid = true
            out.append(byte)
            index += 1
        }
        return Decoded(bytes: out, hadInvalidEscape: invalid)
    }

    /// Decodes quoted-printable bytes from an array.
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    @inline(__always) private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
