import Testing

@testable import KithVCard

/// RFC 6350 §3.4 escapes and splitting on unescaped separators.
@Suite struct VCardEscapesTests {
    @Test(arguments: [
        ("a\\nb", "a\nb"), ("a\\Nb", "a\nb"), ("a\\,b", "a,b"), ("a\\;b", "a;b"), ("a\\\\b", "a\\b"),
        ("http\\://x", "http://x"), ("keep\\x", "keep\\x"), ("end\\", "end\\"),
    ])
    func unescapes(_ escaped: String, _ expected: String) {
        let bytes = Array(escaped.utf8)
        let result = bytes.withUnsafeBufferPointer { VCardEscapes.unescape($0) }
        #expect(String(decoding: result, as: UTF8.self) == expected)
    }

    @Test func splitsOnUnescapedSeparators() {
        let bytes = Array("a\\;b;c\\\\;d".utf8)
        let parts = bytes.withUnsafeBufferPointer { buffer in
            VCardEscapes.split(buffer, on: UInt8(ascii: ";")).map { String(decoding: buffer[$0], as: UTF8.self) }
        }
        #expect(parts == ["a\\;b", "c\\\\", "d"])
    }

    /// Shift_JIS 0x94 0x5C is one character, not a backslash (android-aosp/v21_japanese_3.vcf).
    @Test func shiftJISTrailBytes() {
        let bytes: [UInt8] = [0x88, 0xC9, 0x94, 0x5C, 0x3B, 0x8C, 0x5C]
        let parts = bytes.withUnsafeBufferPointer { VCardEscapes.split($0, on: 0x3B, shiftJIS: true) }
        #expect(parts == [0..<4, 5..<7])
        let unescaped = bytes.withUnsafeBufferPointer { VCardEscapes.unescape($0, shiftJIS: true) }
        #expect(unescaped == bytes)
    }

    /// Structured values split per component, then on commas (calcard/048: "Philip,Paul").
    @Test func structuredName() throws {
        let card = try #require(
            try Reading.read("BEGIN:VCARD\nVERSION:3.0\nN:Public;John;Quinlan,Paul\\, Jr;Mr.;Esq.\\;III\nEND:VCARD\n")
                .contacts.first)
        #expect(card.name?.surname == ["Public"])
        #expect(card.name?.additional == ["Quinlan", "Paul, Jr"])
        #expect(card.name?.suffixes == ["Esq.;III"])
        #expect(card.name?.raw == "Public;John;Quinlan,Paul\\, Jr;Mr.;Esq.\\;III")
    }

    @Test func multiValuedNicknameAndCategories() throws {
        let card = try #require(
            try Reading.read("BEGIN:VCARD\nVERSION:3.0\nNICKNAME:Nick1,Nick2\\,x\nCATEGORIES:A,B\\'C,\nEND:VCARD\n")
                .contacts.first)
        #expect(card.nicknames.map(\.value) == ["Nick1", "Nick2,x"])
        #expect(card.categories.map(\.value) == ["A", "B\\'C"])
    }
}
