import Testing

@testable import KithVCard

/// RFC 2045 §6.7 quoted-printable, as vCard 2.1 uses it.
@Suite struct QuotedPrintableTests {
    static let cases: [(String, [UInt8])] = [
        ("Iksi=F1ski", [0x49, 0x6B, 0x73, 0x69, 0xF1, 0x73, 0x6B, 0x69]),
        ("=C3=91=20", [0xC3, 0x91, 0x20]),
        ("a=3Db", Array("a=b".utf8)),
        ("lower=c3=a4", Array("lower".utf8) + [0xC3, 0xA4]),
        ("soft=\r\nbreak", Array("softbreak".utf8)),
        ("soft=\nbreak", Array("softbreak".utf8)),
        ("trailing=", Array("trailing".utf8)),
    ]

    @Test(arguments: cases)
    func decodes(_ encoded: String, _ expected: [UInt8]) {
        let decoded = QuotedPrintable.decode(Array(encoded.utf8))
        #expect(decoded.bytes == expected)
        #expect(!decoded.hadInvalidEscape)
    }

    @Test(arguments: ["=ZZ", "100=", "a=4"])
    func keepsInvalidEscapes(_ encoded: String) {
        let decoded = QuotedPrintable.decode(Array(encoded.utf8))
        if encoded == "100=" {
            #expect(decoded.bytes == Array("100".utf8))  // a trailing soft break
        } else {
            #expect(decoded.hadInvalidEscape)
            #expect(decoded.bytes == Array(encoded.utf8))
        }
    }

    /// A soft break splitting a UTF-8 sequence (corpus vcard/evolution-eds/vcard-parser-5.vcf)
    /// and one right before `=XX` (kcontacts/vcard10.vcf) read like the unbroken text.
    @Test func softBreaksInsideCharactersAndBeforeEscapes() throws {
        let result = try Reading.read(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=8D=81=E5=\r\n=9F=8E=20=\r\n=32\r\nEND:VCARD\r\n"
        )
        #expect(result.contacts.first?.notes.first?.value == "十城 2")
    }

    /// A value starting with a soft break (corpus vcard/evolution-eds/vcard-parser-12.vcf).
    @Test func valueStartingWithSoftBreak() throws {
        let result = try Reading.read(
            "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=\nMichael Br=C3=BCning\nEND:VCARD\n")
        #expect(result.contacts.first?.name?.full == "Michael Brüning")
    }

    /// A QP value ending in `=` right before END:VCARD does not swallow the END.
    @Test func softBreakBeforeEnd() throws {
        let result = try Reading.read(
            "BEGIN:VCARD\nNOTE;QUOTED-PRINTABLE:abc=\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEND:VCARD\n")
        #expect(result.contacts.count == 2)
        #expect(result.contacts.first?.notes.first?.value == "abc")
    }
}
