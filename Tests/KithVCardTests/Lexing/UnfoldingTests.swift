import Testing

/// Line endings and unfolding (RFC 6350 §3.2, and what producers really write).
@Suite struct UnfoldingTests {
    static let endings = ["\r\n", "\n", "\r\r\n", "\r"]

    @Test(arguments: endings)
    func lineEndings(_ eol: String) throws {
        let text =
            ["BEGIN:VCARD", "VERSION:3.0", "FN:Ann Example", "EMAIL:ann@example.com", "END:VCARD"]
            .joined(separator: eol) + eol
        let result = try Reading.read(text)
        #expect(result.contacts.count == 1)
        #expect(result.contacts.first?.name?.full == "Ann Example")
        #expect(result.contacts.first?.emails.first?.address == "ann@example.com")
        #expect(result.contacts.first?.emails.first?.meta.line == 4)
    }

    @Test func mixedLineEndings() throws {
        let result = try Reading.read("BEGIN:VCARD\r\nVERSION:3.0\nFN:A\r\r\nNOTE:x\nEND:VCARD\r\n")
        #expect(result.contacts.first?.name?.full == "A")
        #expect(result.contacts.first?.notes.first?.value == "x")
    }

    /// One space or TAB is removed; a fold may split a word or a UTF-8 sequence.
    @Test(arguments: [" ", "\t"])
    func folding(_ blank: String) throws {
        // The raw bytes C3 | BC of "ü" are split over two lines (ownCloud, kcontacts/vcard9.vcf).
        let bytes =
            Array("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:Hel\r\n\(blank)lo Wor\r\n\(blank)ld\r\nFN:J".utf8) + [0xC3]
            + Array("\r\n\(blank)".utf8) + [0xBC] + Array("rgen\r\nEND:VCARD\r\n".utf8)
        let result = try Reading.read(bytes: bytes)
        #expect(result.contacts.first?.notes.first?.value == "Hello World")
        #expect(result.contacts.first?.name?.full == "Jürgen")
    }

    /// A parameter folded in the middle of its name (corpus vcard/evolution-eds/vcard-parser-13.vcf).
    @Test func foldInsideParameter() throws {
        let result = try Reading.read("BEGIN:VCARD\nVERSION:3.0\nTEL;TYPE=VOICE,M\n\tSG,WORK:+1-919\nEND:VCARD\n")
        #expect(result.contacts.first?.phones.first?.meta.types == ["voice", "msg", "work"])
    }

    /// Continuation lines without a leading blank are joined and reported
    /// (corpus vcard/tine20/HerrFalkMuenchen.vcf).
    @Test func unindentedContinuation() throws {
        let result = try Reading.read(
            "BEGIN:VCARD\nVERSION:3.0\nADR;TYPE=HOME:;;Klippe 58;Bad Vilbel;;21255\nLABEL;TYPE=HOME:Klippe 58\n21255 Bad Vilbel\nFN\nEND:VCARD\n"
        )
        let card = try #require(result.contacts.first)
        #expect(card.addresses.count == 1)
        #expect(card.addresses.first?.formatted == "Klippe 58\n21255 Bad Vilbel")
        #expect(result.codes.contains("vcard.line.unindented-continuation"))
        // `FN` alone could be a property: it is read as one, without a value.
        #expect(result.codes.contains("vcard.property.missing-colon"))
    }
}
