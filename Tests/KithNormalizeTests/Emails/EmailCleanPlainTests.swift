@testable import KithNormalize
import Testing

/// The byte-level shortcut of `EmailNormalizer.clean` answers as the general path, and steps
/// aside for every text it does not cover. Expected addresses follow `clean`'s documented rules:
/// only the domain (after the last `@`) is lower-cased (RFC 5321 §2.4).
@Suite struct EmailCleanPlainTests {
    @Test(arguments: [
        ("John.Doe@Example.COM", "John.Doe@example.com"), ("jane@example.org", "jane@example.org"),
        ("A@B@Example.ORG", "A@B@example.org"), ("NoAtSign.Example", "NoAtSign.Example"), ("x@Y", "x@y"),
        ("MAILTOx:A@B.C", "MAILTOx:A@b.c"), ("@", "@"), ("a@", "a@"),
    ])
    func plainAddresses(_ raw: String, _ expected: String) {
        #expect(EmailNormalizer.cleanPlain(raw) == expected)
        #expect(EmailNormalizer.cleanGeneral(raw) == expected)
    }

    /// Texts with something to remove, or not ASCII, are left to the general path.
    @Test(arguments: [
        " jane@example.org", "jane@example.org\t", "John <j@example.com>", "\"j@example.com\"", "'j@example.com'",
        "mailto:j@example.com", "MailTo:j@example.com", "j@example.com.", "j@example.com,", "j@example.com;",
        "j@example.com)", "j@example.com'", "josé@example.com", "user@BÜCHER.example", "", "j@example.com\r\n",
    ])
    func declined(_ raw: String) {
        #expect(EmailNormalizer.cleanPlain(raw) == nil)
    }

    /// Random ASCII texts built from the characters the rules look at: the shortcut, where it
    /// answers, agrees with the general path.
    @Test func agreesWithTheGeneralPath() {
        let pieces = ["a", "B", "@", ".", "<", ">", "\"", "'", " ", "mailto:", "MAILTO:", "?", "%40", ",", ")", "Z9", "-", "\t"]
        var state: UInt64 = 7
        var answered = 0
        for _ in 0..<20_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(1 + Int(state >> 60)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            if let plain = EmailNormalizer.cleanPlain(text) {
                answered += 1
                #expect(plain == EmailNormalizer.cleanGeneral(text), "\(text)")
            }
        }
        #expect(answered > 1_000)
    }
}
