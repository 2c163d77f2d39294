import Foundation

/// A character encoding Kith can decode.
public enum Charset: Hashable, Sendable, CustomStringConvertible {
    case utf8
    case utf16LE
    case utf16BE
    /// A code page with one byte per character whose lower half is ASCII.
    case singleByte(SingleByteCharset)
    case shiftJIS
    case eucJP
    case iso2022JP

    /// Finds a charset by one of its IANA names or common aliases (`UTF-8`, `latin1`,
    /// `cp1252`, `Windows-1252`, `SJIS`), case-insensitively.
    ///
    /// - Parameter name: the name as a producer wrote it (a `CHARSET=` parameter, an XML
    ///   declaration, a command-line option).
    /// - Returns: the charset, or `nil` if Kith does not know the name.
    public init?(name: String) {
        var key = name.lowercased().trimmingCharacters(in: .whitespaces)
        key.removeAll { $0 == "_" || $0 == " " }
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "utf-16le", "utf16le", "unicodefffe": self = .utf16LE
        case "utf-16be", "utf16be", "utf-16", "utf16", "unicode": self = .utf16BE
        case "shift-jis", "shiftjis", "sjis", "x-sjis", "ms-kanji", "csshiftjis", "windows-31j", "cp932", "ms932":
            self = .shiftJIS
        case "euc-jp", "eucjp", "x-euc-jp": self = .eucJP
        case "iso-2022-jp", "iso2022jp", "csiso2022jp": self = .iso2022JP
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us": self = .singleByte(.windows1252)
        default:
            guard let single = SingleByteCharset(alias: key) else { return nil }
            self = .singleByte(single)
        }
    }

    /// The IANA name, lower-case (`utf-8`, `windows-1252`, `shift_jis`).
    public var description: String {
        switch self {
        case .utf8: "utf-8"
        case .utf16LE: "utf-16le"
        case .utf16BE: "utf-16be"
        case .singleByte(let single): single.rawValue
        case .shiftJIS: "shift_jis"
        case .eucJP: "euc-jp"
        case .iso2022JP: "iso-2022-jp"
        }
    }

    /// Decodes bytes into a string; bytes that are invalid in this charset become U+FFFD.
    ///
    /// - Parameter bytes: the encoded text.
    /// - Returns: the text, and whether any byte could not be decoded.
    /// - Complexity: O(n) in the number of bytes.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, lossy: Bool) {
        switch self {
        case .utf8:
            if let text = String(validating: bytes, as: UTF8.self) { return (text, false) }
            return (String(decoding: bytes, as: UTF8.self), true)
        case .singleByte(let single):
            return (single.decode(bytes), false)
        case .utf16LE, .utf16BE:
            let utf8 = UTF16Transcoder.transcode(bytes, bigEndian: self == .utf16BE)
            return (String(decoding: utf8.bytes, as: UTF8.self), utf8.lossy)
        case .shiftJIS, .eucJP, .iso2022JP:
            let encoding: String.Encoding =
                switch self {
                case .shiftJIS: .shiftJIS
                case .eucJP: .japaneseEUC
                default: .iso2022JP
                }
            if let text = String(bytes: bytes, encoding: encoding) { return (text, false) }
            // Foundation refuses the whole buffer on one bad byte: decode what is ASCII and mark the rest.
            return (SingleByteCharset.windows1252.decode(bytes), true)
        }
    }

    /// Decodes an array slice of bytes; see ``decode(_:)-(UnsafeBufferPointer<UInt8>)``.
    public func decode(_ bytes: ArraySlice<UInt8>) -> (text: String, lossy: Bool) {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// Decodes a byte array; see ``decode(_:)-(UnsafeBufferPointer<UInt8>)``.
    public func decode(_ bytes: [UInt8]) -> (text: String, lossy: Bool) {
        bytes.withUnsafeBufferPointer { decode($0) }
    }
}

/// The one-byte code pages Kith decodes from tables.
public enum SingleByteCharset: String, Hashable, Sendable, CaseIterable {
    case windows1250 = "windows-1250"
    case windows1251 = "windows-1251"
    case windows1252 = "windows-1252"
    case windows1253 = "windows-1253"
    case windows1254 = "windows-1254"
    case windows1255 = "windows-1255"
    case windows1256 = "windows-1256"
    case windows1257 = "windows-1257"
    case windows1258 = "windows-1258"
    case iso88591 = "iso-8859-1"
    case iso88592 = "iso-8859-2"
    case iso88593 = "iso-8859-3"
    case iso88594 = "iso-8859-4"
    case iso88595 = "iso-8859-5"
    case iso88596 = "iso-8859-6"
    case iso88597 = "iso-8859-7"
    case iso88598 = "iso-8859-8"
    case iso88599 = "iso-8859-9"
    case iso885910 = "iso-8859-10"
    case iso885911 = "iso-8859-11"
    case iso885913 = "iso-8859-13"
    case iso885914 = "iso-8859-14"
    case iso885915 = "iso-8859-15"
    case iso885916 = "iso-8859-16"
    case koi8r = "koi8-r"
    case koi8u = "koi8-u"
    case ibm850 = "ibm850"
    case ibm437 = "ibm437"
    case macintosh = "macintosh"

    /// Looks a code page up by a normalized (lower-case, no `_` or spaces) alias.
    init?(alias: String) {
        if let exact = SingleByteCharset(rawValue: alias) {
            self = exact
            return
        }
        var key = alias
        for prefix in ["windows", "win", "cp", "ms", "x-cp"] where key.hasPrefix(prefix) {
            let digits = key.dropFirst(prefix.count).drop { $0 == "-" }
            if digits.count == 4, digits.allSatisfy(\.isNumber) {
                key = "windows-" + digits
                break
            }
        }
        switch key {
        case "latin1", "latin-1", "l1", "iso8859-1", "iso88591", "iso-ir-100", "cp819", "ibm819": key = "iso-8859-1"
        case "latin2", "latin-2", "l2", "iso8859-2", "iso88592": key = "iso-8859-2"
        case "latin9", "latin-9", "iso8859-15", "iso885915": key = "iso-8859-15"
        case "cyrillic", "iso8859-5", "iso88595": key = "iso-8859-5"
        case "greek", "iso8859-7", "iso88597": key = "iso-8859-7"
        case "hebrew", "iso8859-8", "iso88598", "iso-8859-8-i": key = "iso-8859-8"
        case "latin5", "iso8859-9", "iso88599": key = "iso-8859-9"
        case "koi8r", "cskoi8r": key = "koi8-r"
        case "koi8u": key = "koi8-u"
        case "cp850", "850": key = "ibm850"
        case "cp437", "437": key = "ibm437"
        case "mac", "macroman", "x-mac-roman", "csmacintosh": key = "macintosh"
        default:
            if key.hasPrefix("iso8859-") { key = "iso-8859-" + key.dropFirst(8) }
        }
        guard let found = SingleByteCharset(rawValue: key) else { return nil }
        self = found
    }

    /// The table of bytes 0x80...0xFF.
    var table: [UInt16] {
        switch self {
        case .windows1250: Self.windows1250Table
        case .windows1251: Self.windows1251Table
        case .windows1252: Self.windows1252Table
        case .windows1253: Self.windows1253Table
        case .windows1254: Self.windows1254Table
        case .windows1255: Self.windows1255Table
        case .windows1256: Self.windows1256Table
        case .windows1257: Self.windows1257Table
        case .windows1258: Self.windows1258Table
        case .iso88591: Self.iso88591Table
        case .iso88592: Self.iso88592Table
        case .iso88593: Self.iso88593Table
        case .iso88594: Self.iso88594Table
        case .iso88595: Self.iso88595Table
        case .iso88596: Self.iso88596Table
        case .iso88597: Self.iso88597Table
        case .iso88598: Self.iso88598Table
        case .iso88599: Self.iso88599Table
        case .iso885910: Self.iso885910Table
        case .iso885911: Self.iso885911Table
        case .iso885913: Self.iso885913Table
        case .iso885914: Self.iso885914Table
        case .iso885915: Self.iso885915Table
        case .iso885916: Self.iso885916Table
        case .koi8r: Self.koi8rTable
        case .koi8u: Self.koi8uTable
        case .ibm850: Self.ibm850Table
        case .ibm437: Self.ibm437Table
        case .macintosh: Self.macintoshTable
        }
    }

    /// Decodes bytes of this code page.
    ///
    /// - Complexity: O(n).
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let table = self.table
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let code = byte < 0x80 ? UInt32(byte) : UInt32(table[Int(byte &- 0x80)])
            scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Encodes a character into this code page, or `nil` if it has no byte for it.
    public func encode(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value < 0x80 { return UInt8(scalar.value) }
        guard scalar.value <= 0xFFFF else { return nil }
        let code = UInt16(scalar.value)
        guard let index = table.firstIndex(of: code) else { return nil }
        return UInt8(0x80 + index)
    }
}
