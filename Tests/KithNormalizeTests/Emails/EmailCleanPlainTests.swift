import Testing

@testable import KithNormalize

/// The byte-level shortcut of `EmailNormalizer.clean` answers as the general path, and steps
/// aside for every text it does not cover. Expected addresses follow `clean`'s documented rules:
/// only the domain (after the last `@`) is lower-cased (RFC 5321 §2.4).
@Suite struct EmailCleanPlainTests {
    @Test(arguments: [
        ("John.Doe@Example.COM", "John.Doe@example.com"), ("jane@example.org", "jane@example.org"),
        ("A@B@Example.ORG", "A@B@example.org"), ("NoAtSign.Example", "NoAtSign.Example"), ("x@Y", "x@y"),
        ("MAILTOx:A@B.C", "MAILTOx:A@b.c"), ("@", "@"), ("a@", "a@"), ("schröder@Work.ORG", "schröder@work.org"),
        ("Jörg.Yılmaz@work.org", "Jörg.Yılmaz@work.org"), ("ö@x.ORG", nil), ("x\u{301}y@A.org", "x\u{301}y@a.org"),
    ])
    func plainAddresses(_ raw: String, _ expected: String?) {
        #expect(EmailNormalizer.cleanPlain(raw) == expected)
        #expect(EmailNormalizer.cleanGeneral(raw) == expected ?? raw.lowercased())
    }

    /// Texts with something to remove, or not ASCII, are left to the general path.
    @Test(arguments: [
        " jane@example.org", "jane@example.org\t", "John <j@example.com>", "\"j@example.com\"", "'j@example.com'",
        "mailto:j@example.com", "MailTo:j@example.com", "j@example.com.", "j@example.com,", "j@example.com;",
        "j@example.com)", "j@example.com'", "user@BÜCHER.example", "", "j@example.com\r\n", "é@x.org", "ö",
        "x@\u{301}y", "Jörg <j@x.org>",
    ])
    func declined(_ raw: String) {
        #expect(EmailNormalizer.cleanPlain(raw) == nil)
    }

    /// Random ASCII texts built from the characters the rules look at: the shortcut, where it
    /// answers, agrees with the general path.
    @Test func agreesWithTheGeneralPath() {
        let pieces = [
            "a", "B", "@", ".", "<", ">", "\"", "'", " ", "mailto:", "MAILTO:", "?", "%40", ",", ")", "Z9", "-", "\t",
            "ö",
            "\u{301}", "İ", "Ü", "\u{600}", "\r", "\n",
        ]
        var answered = 0
        for text in randomTexts(of: pieces, count: 20_000, seed: 7, lengthShift: 60) {
            #expect(
                EmailNormalizer.lastAtSign(in: text) == text.lastIndex(of: "@"), "\(text.unicodeScalars.map(\.value))")
            if let plain = EmailNormalizer.cleanPlain(text) {
                answered += 1
                #expect(plain == EmailNormalizer.cleanGeneral(text), "\(text)")
            }
        }
        #expect(answered > 500)
    }

    /// The last `@` found on bytes is the last `@` `Character`.
    @Test func lastAtSign() {
        let text = "a@b@\u{301}c"
        #expect(EmailNormalizer.lastAtSign(in: text) == text.index(text.startIndex, offsetBy: 1))
        #expect(EmailNormalizer.lastAtSign(in: "x@\u{301}") == nil)
        #expect(EmailNormalizer.lastAtSign(in: "no at sign") == nil)
        let plain = "jörg@work.org"
        #expect(EmailNormalizer.lastAtSign(in: plain) == plain.firstIndex(of: "@"))
    }

    /// Syntax checks that take the byte-level `@` and label split.
    @Test func syntaxOfUTF8LocalParts() {
        #expect(EmailNormalizer.isValidSyntax("schröder@work.org"))
        #expect(!EmailNormalizer.isValidSyntax("schröder@work..org"))
        #expect(!EmailNormalizer.isValidSyntax("x@\u{301}work.org"))
        #expect(EmailNormalizer.key("Schröder@Work.org") == "schröder@work.org")
    }
}

/// The shortcut of `EmailNormalizer.key` (an address that is its own key is returned as it is)
/// takes only addresses the general path leaves unchanged, and leaves the rest to it.
@Suite struct EmailOwnKeyTests {
    @Test(arguments: [
        "jane@example.org", "a.b+c@example.com", "x@y", "a@b@c.org", "jane@gmail.com.example", "j@mail.gmail.co",
    ])
    func ownKeys(_ address: String) {
        #expect(EmailNormalizer.isOwnKey(address))
        #expect(EmailNormalizer.keyGeneral(address) == address)
        #expect(EmailNormalizer.key(address) == address)
    }

    /// Upper case, non-ASCII, a trailing dot, no `@`, and the providers whose aliases are folded
    /// (Gmail dots and `+tags`, Googlemail, plus addressing) all take the general path.
    @Test(arguments: [
        ("Jane@example.org", "jane@example.org"), ("jane@Example.org", "jane@example.org"),
        ("schröder@work.org", "schröder@work.org"), ("jane@example.org.", "jane@example.org"),
        ("j.a.n.e+news@gmail.com", "jane@gmail.com"), ("jane@googlemail.com", "jane@gmail.com"),
        ("jane+x@fastmail.com", "jane@fastmail.com"), ("jane+x@proton.me", "jane@proton.me"),
        ("jane.doe@pm.me", "jane.doe@pm.me"), ("noatsign", "noatsign"), ("", ""),
    ])
    func generalPath(_ address: String, _ expected: String) {
        #expect(!EmailNormalizer.isOwnKey(address))
        #expect(EmailNormalizer.key(address) == expected)
    }

    /// Random addresses from the pieces the rules look at: where the shortcut answers, the
    /// general path gives the address back.
    @Test func agreesWithTheGeneralPath() {
        let pieces = [
            "a", "B", "@", ".", "+", "gmail.com", "googlemail.com", "pm.me", "fastmail.fm", "x.org", "ö", "-",
        ]
        var answered = 0
        for text in randomTexts(of: pieces, count: 20_000, seed: 11, lengthShift: 61) {
            if EmailNormalizer.isOwnKey(text) {
                answered += 1
                #expect(EmailNormalizer.keyGeneral(text) == text, "\(text)")
            }
        }
        #expect(answered > 500)
    }

    /// The byte-level key of ASCII addresses is the general path's, on the same random
    /// addresses and on cases picked for each rule.
    @Test func theASCIIKeyAgreesWithTheGeneralPath() throws {
        let pieces = [
            "a", "B", "@", ".", "+", "gmail.com", "GMail.COM", "googlemail.com", "pm.me", "fastmail.fm", "x.org",
            "Proton.Me", "ö", "-", "!",
        ]
        var answered = 0
        for text in randomTexts(of: pieces, count: 20_000, seed: 13, lengthShift: 61) {
            guard let key = EmailNormalizer.keyASCII(text) else { continue }
            answered += 1
            #expect(key == EmailNormalizer.keyGeneral(text), "\(text)")
        }
        #expect(answered > 3_000)
        #expect(EmailNormalizer.keyASCII("J.Doe+News@GoogleMail.com.") == "jdoe@gmail.com")
        #expect(EmailNormalizer.keyASCII("+tag@gmail.com") == "+tag@gmail.com")
        #expect(EmailNormalizer.keyASCII("schröder@work.org") == nil)
        #expect(EmailNormalizer.keyASCII("noatsign") == nil)
    }
}

/// `count` texts, each of 1 to 2^(64 − lengthShift) pieces, drawn by a fixed linear
/// congruential generator (Knuth's MMIX constants), so that every run tests the same texts.
private func randomTexts(of pieces: [String], count: Int, seed: UInt64, lengthShift: UInt64) -> [String] {
    var state = seed
    func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
    return (0..<count).map { _ in
        var text = ""
        for _ in 0..<(1 + Int(next() >> lengthShift)) { text += pieces[Int(next() >> 33) % pieces.count] }
        return text
    }
}
