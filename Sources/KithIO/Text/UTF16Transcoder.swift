/// Transcodes UTF-16 bytes to UTF-8 bytes.
enum UTF16Transcoder {
    /// Transcodes UTF-16 code units (in the given byte order) to UTF-8; unpaired surrogates and a
    /// trailing odd byte become U+FFFD.
    ///
    /// - Complexity: O(n).
    static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> (bytes: [UInt8], lossy: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        var lossy = false
        var index = 0
        let count = bytes.count
        func unit(_ i: Int) -> UInt16 {
            bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
        }
        func append(_ scalar: UInt32) {
            switch scalar {
            case 0..<0x80:
                out.append(UInt8(scalar))
            case 0x80..<0x800:
                out.append(0xC0 | UInt8(scalar >> 6))
                out.append(0x80 | UInt8(scalar & 0x3F))
            case 0x800..<0x10000:
                out.append(0xE0 | UInt8(scalar >> 12))
                out.append(0x80 | UInt8((scalar >> 6) & 0x3F))
                out.append(0x80 | UInt8(scalar & 0x3F))
            default:
                out.append(0xF0 | UInt8(scalar >> 18))
                out.append(0x80 | UInt8((scalar >> 12) & 0x3F))
                out.append(0x80 | UInt8((scalar >> 6) & 0x3F))
                out.append(0x80 | UInt8(scalar & 0x3F))
            }
        }
        while index + 1 < count {
            let first = unit(index)
            index += 2
            if first >= 0xD800, first < 0xDC00 {
                if index + 1 < count {
                    let second = unit(index)
                    if second >= 0xDC00, second < 0xE000 {
                        index += 2
                        append(0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00))
                        continue
                    }
                }
                lossy = true
                append(0xFFFD)
            } else if first >= 0xDC00, first < 0xE000 {
                lossy = true
                append(0xFFFD)
            } else {
                append(UInt32(first))
            }
        }
        if index < count {
            lossy = true
            append(0xFFFD)
        }
        return (out, lossy)
    }
}
