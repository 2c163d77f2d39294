import KithIO
import KithTestSupport
import Testing

@Suite struct CharsetTests {
    @Test(arguments: [
        // (charset name, bytes, expected text): code-page charts of the IANA registry.
        ("windows-1252", [0x80, 0xE4, 0xF6, 0xFC, 0xDF] as [UInt8], "€äöüß"),
        ("cp1251", [0xC0, 0xC1, 0xE0], "АБа"),
        ("ISO-8859-2", [0xB1, 0xE6, 0xBF], "ąćż"),
        ("latin1", [0xE9, 0xA0], "é\u{A0}"),
        ("ISO-8859-15", [0xA4], "€"),
        ("windows-1255", [0xF9, 0xE5], "שו"),
        ("windows-1253", [0xC1, 0xE1], "Αα"),
        ("KOI8-R", [0xE1, 0xC1], "Аа"),
        ("SHIFT_JIS", [0x93, 0xFA, 0x96, 0x7B], "日本"),
    ])
    func decodesLegacyCharsets(name: String, bytes: [UInt8], expected: String) throws {
        let charset = try #require(Charset(name: name))
        #expect(charset.decode(bytes).text == expected)
    }

    @Test func unknownNameIsNil() {
        #expect(Charset(name: "x-no-such-charset") == nil)
    }

    @Test func decoderPrefersValidUTF8ThenFallback() {
        let decoder = TextDecoder(fallback: .singleByte(.windows1252))
        #expect(decoder.decode([0xC3, 0xA4][...]).text == "ä")
        let legacy = decoder.decode([0xE4][...])
        #expect(legacy.text == "ä")
        #expect(legacy.charset == .singleByte(.windows1252))
    }

    @Test func sniffsBOMsAndUTF16WithoutBOM() {
        let utf8BOM = EncodingSniffer.prepare([0xEF, 0xBB, 0xBF, 0x41])
        #expect(utf8BOM.0.hadBOM && utf8BOM.1 == [0x41])
        let le = EncodingSniffer.prepare([0xFF, 0xFE, 0x41, 0x00, 0xE4, 0x00])
        #expect(le.0.name == "utf-16le" && le.1 == [0x41, 0xC3, 0xA4])
        let beNoBOM = EncodingSniffer.prepare(
            Array("BEGIN:VCARD".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }))
        #expect(beNoBOM.0.name == "utf-16be" && beNoBOM.1 == Array("BEGIN:VCARD".utf8))
        let legacy = EncodingSniffer.prepare([0x41, 0xE4, 0x42])
        #expect(legacy.0.name == "8bit" && !legacy.0.isValidUTF8)
    }
}
