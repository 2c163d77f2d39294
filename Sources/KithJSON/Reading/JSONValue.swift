/// A parsed JSON value. Objects keep their member order, which the dataset uses for the order
/// of map entries such as `keywords`.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// A number without fraction or exponent that fits an `Int`.
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// The member `name` of an object (the first one with that name).
    subscript(name: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for (key, value) in members where key == name { return value }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var int: Int? {
        switch self {
        case .int(let value): value
        case .double(let value) where value.rounded() == value && abs(value) < 9.0e15: Int(value)
        default: nil
        }
    }

    var double: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    var members: [(String, JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// An array of strings, skipping other elements.
    var strings: [String]? {
        array?.compactMap(\.string)
    }
}

/// A strict RFC 8259 parser over UTF-8 bytes.
struct JSONParser {
    /// Why the text is not JSON, with the byte offset.
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    private let bytes: [UInt8]
    private var index: Int
    private let end: Int
    private var depth = 0

    /// Parses `bytes[range]` as one JSON value followed only by whitespace.
    static func parse(_ bytes: [UInt8], _ range: Range<Int>? = nil) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes, index: range?.lowerBound ?? 0, end: range?.upperBound ?? bytes.count)
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.end else { throw parser.failure("text after the JSON value") }
        return value
    }

    /// A parser at the start of `bytes`, for reading a document piece by piece.
    init(_ bytes: [UInt8]) {
        self.init(bytes: bytes, index: 0, end: bytes.count)
    }

    private init(bytes: [UInt8], index: Int, end: Int) {
        self.bytes = bytes
        self.index = index
        self.end = end
    }

    private func failure(_ message: String) -> Failure { Failure(message: message, offset: index) }

    private mutating func skipSpace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Reads an object member by member without building it: `body` gets each name and must
    /// read exactly one value (with ``nextValue()``, ``forEachMember(_:)`` or
    /// ``forEachElement(_:)``). Top-level data can so be converted and dropped as it is read.
    mutating func forEachMember(_ body: (String, inout JSONParser) throws(Failure) -> Void) throws(Failure) {
        skipSpace()
        guard index < end, bytes[index] == UInt8(ascii: "{") else { throw failure("expected an object") }
        index += 1
        skipSpace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipSpace()
            guard index < end, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            let key = try string()
            skipSpace()
            guard index < end, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            skipSpace()
            try body(key, &self)
            skipSpace()
            guard index < end else { throw failure("unexpected end of text in an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            } else {
                throw failure("expected ',' or '}'")
            }
        }
    }

    /// Reads an array element by element: `body` must read exactly one value each time.
    mutating func forEachElement(_ body: (inout JSONParser) throws(Failure) -> Void) throws(Failure) {
        skipSpace()
        guard index < end, bytes[index] == UInt8(ascii: "[") else { throw failure("expected an array") }
        index += 1
        skipSpace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            skipSpace()
            try body(&self)
            skipSpace()
            guard index < end else { throw failure("unexpected end of text in an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            } else {
                throw failure("expected ',' or ']'")
            }
        }
    }

    /// Reads the next value whole.
    mutating func nextValue() throws(Failure) -> JSONValue {
        skipSpace()
        return try value()
    }

    /// Checks that only whitespace remains.
    mutating func finish() throws(Failure) {
        skipSpace()
        guard index == end else { throw failure("text after the JSON value") }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        guard index < end else { throw failure("unexpected end of text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default: return try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= end else { throw failure("unexpected end of text") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw failure("invalid literal")
        }
        index += count
    }

    private mutating func object() throws(Failure) -> JSONValue {
        depth += 1
        guard depth <= 512 else { throw failure("nesting deeper than 512") }
        defer { depth -= 1 }
        index += 1
        var members: [(String, JSONValue)] = []
        skipSpace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard index < end, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            let key = try string()
            skipSpace()
            guard index < end, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            skipSpace()
            members.append((key, try value()))
            skipSpace()
            guard index < end else { throw failure("unexpected end of text in an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            } else {
                throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        depth += 1
        guard depth <= 512 else { throw failure("nesting deeper than 512") }
        defer { depth -= 1 }
        index += 1
        var values: [JSONValue] = []
        skipSpace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(values)
        }
        while true {
            skipSpace()
            values.append(try value())
            skipSpace()
            guard index < end else { throw failure("unexpected end of text in an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(values)
            } else {
                throw failure("expected ',' or ']'")
            }
        }
    }

    private mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("control character in a string") }
            index += 1
        }
        var out = Array(bytes[start..<index])
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < end else { throw failure("unexpected end of text in an escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), index + 6 <= end, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    {
                        index += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            appendScalar(0xFFFD, to: &out)
                            scalar = low
                        }
                    }
                    appendScalar(scalar, to: &out)
                default:
                    throw failure("invalid escape")
                }
            default:
                if byte < 0x20 { throw failure("control character in a string") }
                out.append(byte)
                index += 1
            }
        }
        throw failure("unterminated string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= end else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        out.append(contentsOf: String(Character(scalar)).utf8)
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = index
        var integral = true
        if index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
        var digits = 0
        while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            index += 1
            digits += 1
        }
        guard digits > 0 else { throw failure("invalid value") }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            integral = false
            index += 1
            var fraction = 0
            while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                index += 1
                fraction += 1
            }
            guard fraction > 0 else { throw failure("invalid number") }
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            integral = false
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            var exponent = 0
            while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                index += 1
                exponent += 1
            }
            guard exponent > 0 else { throw failure("invalid number") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if integral, let value = Int(text) { return .int(value) }
        guard let value = Double(text) else { throw failure("invalid number") }
        return .double(value)
    }
}
