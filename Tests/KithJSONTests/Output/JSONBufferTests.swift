import Testing

@testable import KithJSON

@Suite struct JSONBufferTests {
    private func quoted(_ text: String) -> String {
        var buffer = JSONBuffer()
        buffer.string(text)
        return String(decoding: buffer.bytes.array, as: UTF8.self)
    }

    /// RFC 8259 §7: `"`, `\` and U+0000…U+001F must be escaped; Kith also escapes U+2028/U+2029.
    @Test(arguments: [
        ("plain", #""plain""#),
        ("", #""""#),
        ("a\"b", #""a\"b""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nfeed\r\ttab", #""line\nfeed\r\ttab""#),
        ("\u{8}\u{C}", #""\b\f""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{7F}", "\"\u{7F}\""),
        ("slash/", #""slash/""#),
        ("Grüße 😀 中", "\"Grüße 😀 中\""),
        ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
        // E2 lead bytes that are not U+2028/9 pass through.
        ("\u{2027}\u{202A}\u{20AC}", "\"\u{2027}\u{202A}\u{20AC}\""),
    ])
    func escapes(input: String, expected: String) {
        #expect(quoted(input) == expected)
    }

    /// The eight-bytes-at-a-time scan finds a special character at every position.
    @Test(arguments: 0..<20)
    func escapesAtEveryPosition(position: Int) {
        let prefix = String(repeating: "a", count: position)
        let suffix = String(repeating: "b", count: 19 - position)
        #expect(quoted(prefix + "\"" + suffix) == "\"" + prefix + "\\\"" + suffix + "\"")
        #expect(quoted(prefix + "\u{1}" + suffix) == "\"" + prefix + "\\u0001" + suffix + "\"")
        #expect(quoted(prefix + "\\" + suffix) == "\"" + prefix + "\\\\" + suffix + "\"")
        #expect(quoted(prefix + "\u{2028}" + suffix) == "\"" + prefix + "\\u2028" + suffix + "\"")
        #expect(quoted(prefix + "€\u{7F}ÿ" + suffix) == "\"" + prefix + "€\u{7F}ÿ" + suffix + "\"")
    }

    @Test(arguments: [
        (0, "0"), (7, "7"), (10, "10"), (-1, "-1"), (1_234_567_890, "1234567890"),
        (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
    ])
    func integers(value: Int, expected: String) {
        var buffer = JSONBuffer()
        buffer.int(value)
        #expect(String(decoding: buffer.bytes.array, as: UTF8.self) == expected)
    }

    /// Shortest text that reads back to the same double.
    @Test(arguments: [
        (14.2, "14.2"), (0.997, "0.997"), (-3.4, "-3.4"), (0.1 + 0.2, "0.30000000000000004"), (1e-05, "1e-05"),
        (5.0, "5.0"), (1e22, "1e+22"), (Double.infinity, "null"), (Double.nan, "null"),
    ])
    func doubles(value: Double, expected: String) {
        var buffer = JSONBuffer()
        buffer.double(value)
        let text = String(decoding: buffer.bytes.array, as: UTF8.self)
        #expect(text == expected)
        if value.isFinite { #expect(Double(text) == value) }
    }

    /// RFC 4648 §10 test vectors.
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ])
    func base64(input: String, expected: String) {
        var buffer = JSONBuffer()
        buffer.appendBase64(Array(input.utf8))
        #expect(String(decoding: buffer.bytes.array, as: UTF8.self) == expected)
    }

    @Test func commasBetweenMembersAndElements() {
        var buffer = JSONBuffer()
        buffer.objectStart()
        buffer.key("a")
        buffer.arrayStart()
        buffer.int(1)
        buffer.objectStart()
        buffer.objectEnd()
        buffer.arrayStart()
        buffer.arrayEnd()
        buffer.arrayEnd()
        buffer.key("b")
        buffer.bool(false)
        buffer.key("c", 12)
        buffer.null()
        buffer.pointerKey("k/", "x/y~z")
        buffer.bool(true)
        buffer.objectEnd()
        #expect(
            String(decoding: buffer.bytes.array, as: UTF8.self)
                == #"{"a":[1,{},[]],"b":false,"c12":null,"k/x~1y~0z":true}"#)
    }

    /// A name written lower-cased reads as the name `lowercased()` written as a key; a value
    /// likewise (ASCII lower-cased in place, anything else through `lowercased()` and escaping).
    @Test(arguments: ["id", "TYPE", "X-Service-Type", "quick\"dial", "tab\there", "ÄRGER", "İd", ""])
    func lowercasedKeysAndStringsMatchLowercased(name: String) {
        var direct = JSONBuffer()
        direct.objectStart()
        direct.lowercasedKey(name)
        direct.lowercasedString(name)
        direct.objectEnd()
        var reference = JSONBuffer()
        reference.objectStart()
        reference.key(name.lowercased())
        reference.string(name.lowercased())
        reference.objectEnd()
        #expect(direct.bytes.array == reference.bytes.array)
    }

    /// Literal keys and strings are written as they are, and equal what escaping them gives.
    @Test func literalKeysNeedNoEscaping() {
        var literal = JSONBuffer()
        literal.objectStart()
        literal.key("@type")
        literal.string("Card")
        literal.objectEnd()
        #expect(String(decoding: literal.bytes.array, as: UTF8.self) == #"{"@type":"Card"}"#)
        #expect(JSONBuffer.isPlain("vCardProps/"))
        #expect(!JSONBuffer.isPlain("a\"b"))
    }
}
