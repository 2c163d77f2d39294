import KithModel

/// Byte constants and ASCII helpers for the byte-level scanners.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let comma: UInt8 = 0x2C
    static let dot: UInt8 = 0x2E
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let backslash: UInt8 = 0x5C

    /// Whether the byte is a space or a TAB.
    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// The byte upper-cased if it is an ASCII letter.
    @inline(__always) static func upper(_ byte: UInt8) -> UInt8 {
        byte &- 0x61 < 26 ? byte &- 0x20 : byte
    }

    /// Whether the byte is an ASCII letter.
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// Whether the byte is an ASCII digit.
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// Whether `bytes` equals the upper-case ASCII `word`, ignoring case.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for index in 0..<bytes.count where upper(bytes[index]) != pointer[index] { return false }
        return true
    }

    /// Whether `bytes` starts with the upper-case ASCII `word`, ignoring case.
    static func hasPrefixIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count >= word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for index in 0..<word.utf8CodeUnitCount where upper(bytes[index]) != pointer[index] { return false }
        return true
    }

    /// Whether every byte is below 0x80.
    ///
    /// - Complexity: O(n), eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// The upper-cased ASCII text of bytes, as a string.
    static func upperString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count <= 32 {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
                for index in 0..<bytes.count { buffer[index] = upper(bytes[index]) }
                return String(decoding: UnsafeBufferPointer(buffer), as: UTF8.self)
            }
        }
        return String(decoding: bytes.map(upper), as: UTF8.self)
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// A sub-range of the buffer, as a buffer.
    @inline(__always) func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: self[range])
    }
}

extension String {
    /// The text without leading and trailing spaces, TABs, CRs and LFs (on UTF-8, without
    /// Foundation, which is slow on Linux).
    var trimmingBlanks: String { trimmingASCII(where: ASCII.isWhitespace) }
}

extension StringProtocol {
    /// Whether the UTF-8 text contains the byte.
    func containsByte(_ byte: UInt8) -> Bool { utf8.contains(byte) }
}

extension Substring {
    /// The text without leading and trailing blanks; see `String.trimmingBlanks`.
    var trimmingBlanks: String { String(self).trimmingBlanks }
}

extension ASCII {
    /// Whether the byte is a space, TAB, CR or LF.
    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == carriageReturn || byte == lineFeed
    }
}

/// Text from bytes known or checked to be UTF-8, without the generic (and, on Linux,
/// unspecialized) `String(validating:)`.
enum UTF8Text {
    /// The bytes as a string when they are valid UTF-8, else `nil`.
    ///
    /// - Complexity: O(n); ASCII runs are checked eight bytes at a time.
    @inline(__always) static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard ASCII.isASCII(bytes) || isValid(bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the bytes are well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // Table 3-7 of the Unicode standard: the allowed range of the second byte.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            let lower: UInt8 = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80
            let upper: UInt8 = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF
            guard lead >= 0xC2, lead <= 0xF4 else { return false }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= lower, second <= upper else { return false }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
