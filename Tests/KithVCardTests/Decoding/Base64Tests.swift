import Testing

@testable import KithVCard

/// RFC 4648 base64 with the whitespace vCard producers put in it.
@Suite struct Base64Tests {
    @Test(arguments: [
        ("", ""), ("Zg==", "f"), ("Zm8=", "fo"), ("Zm9v", "foo"), ("Zm9vYg==", "foob"), ("Zm9vYmE=", "fooba"),
        ("Zm9vYmFy", "foobar"),  // RFC 4648 §10 test vectors
        ("Zm9vYg", "foob"),  // padding left out
        ("  Zm9v\r\n  YmFy", "foobar"),  // Outlook/Apple indentation
        ("Zm 9v Ym Fy", "foobar"),  // embedded spaces (apple-ccs 934731C6)
    ])
    func decodes(_ encoded: String, _ expected: String) {
        #expect(Base64.decode(Array(encoded.utf8)) == Array(expected.utf8))
    }

    @Test(arguments: ["qgEPAAIAAAAHAAAAugEQAAIAAAAG:ASDF==", "Zm9v!", "Z", "Zm9v=Zm9v"])
    func rejects(_ encoded: String) {
        #expect(Base64.decode(Array(encoded.utf8)) == nil)
    }

    @Test func photoVariants() throws {
        let jpegHead = "/9j/4AAQSkZJRgABAQAAAQABAAD"  // FF D8 FF E0 …
        let cases = [
            // 2.1 with blank-line terminator, indented (Outlook).
            "BEGIN:VCARD\r\nVERSION:2.1\r\nPHOTO;TYPE=JPEG;ENCODING=BASE64:\r\n  \(jpegHead)\r\n\r\nFN:A\r\nEND:VCARD\r\n",
            // 2.1 without terminator, not indented, followed by another property (KitKat).
            "BEGIN:VCARD\nVERSION:2.1\nPHOTO;ENCODING=BASE64;JPEG:\(jpegHead.prefix(12))\n\(jpegHead.dropFirst(12))\nFN:A\nEND:VCARD\n",
            // 3.0 ENCODING=b, folded.
            "BEGIN:VCARD\nVERSION:3.0\nPHOTO;ENCODING=b;TYPE=JPEG:\(jpegHead.prefix(10))\n \(jpegHead.dropFirst(10))\nFN:A\nEND:VCARD\n",
            // Apple's PHOTO;BASE64: with the data on the next line.
            "BEGIN:VCARD\nVERSION:3.0\nPHOTO;BASE64:\n  \(jpegHead)\nFN:A\nEND:VCARD\n",
            // 4.0 data URI with Sabre's escaped comma.
            "BEGIN:VCARD\nVERSION:4.0\nPHOTO:data:image/jpeg;base64\\,\(jpegHead)\nFN:A\nEND:VCARD\n",
        ]
        for text in cases {
            let card = try #require(try Reading.read(text).contacts.first)
            #expect(card.name?.full == "A", "\(text)")
            let media = try #require(card.media.first, "\(text)")
            #expect(media.mediaType == "image/jpeg")
            #expect(media.data?.prefix(4).elementsEqual([0xFF, 0xD8, 0xFF, 0xE0]) == true)
            #expect(media.sha256?.count == 64)
        }
    }

    @Test func photoLink() throws {
        let card = try #require(
            try Reading.read("BEGIN:VCARD\nVERSION:3.0\nPHOTO;VALUE=uri:https://example.com/a.png\nEND:VCARD\n")
                .contacts.first)
        #expect(card.media.first?.uri == "https://example.com/a.png")
        #expect(card.media.first?.data == nil)
    }

    /// RFC 4648 §3.5: canonical base64 has padding only at the end and zero unused bits, so
    /// that encoding the decoded bytes gives the same text (`TGFycw==` is "Lars"; `TGFycx==`
    /// decodes to the same bytes but is not their encoding).
    @Test(arguments: [
        ("TGFycw==", true), ("TGFy", true), ("TGFyc3M=", true), ("/9j/4AAQSkZJRgAB", true),
        ("TGFycx==", false), ("TGFyc3N=", false), ("TGFycw", false), ("TGF ycw==", false), ("TG=ycw==", false),
        ("TGFy-w==", false), ("val\\nue", false), ("", false), ("====", false),
    ])
    func canonicalForm(text: String, expected: Bool) {
        #expect(Base64.isCanonical(Array(text.utf8)) == expected)
    }
}
