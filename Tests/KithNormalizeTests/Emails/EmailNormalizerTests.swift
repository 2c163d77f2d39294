import KithNormalize
import Testing

/// Expected values: RFC 3492 §7.1 (Punycode samples), RFC 5321 §2.4 (domains are
/// case-insensitive, local parts are not), RFC 5322 §3.4 (`Name <addr>` and dot-atom forms),
/// RFC 6068 (`mailto:` URIs), Google's Gmail help (dots and `+` ignored, googlemail.com), and
/// the invalid forms of Wikipedia "Email address#Examples".
@Suite struct EmailNormalizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let raw: String
        let address: String
        let key: String
        let valid: Bool
        var testDescription: String { raw }
    }

    static let cases: [Case] = [
        Case(raw: "John.Doe@Example.COM", address: "John.Doe@example.com", key: "john.doe@example.com", valid: true),
        Case(raw: "  jane@example.org  ", address: "jane@example.org", key: "jane@example.org", valid: true),
        Case(
            raw: "John Doe <John.Doe@Example.com>", address: "John.Doe@example.com", key: "john.doe@example.com",
            valid: true),
        Case(
            raw: "\"Doe, John\" <jdoe@example.com>", address: "jdoe@example.com", key: "jdoe@example.com", valid: true),
        Case(raw: "<jdoe@example.com>", address: "jdoe@example.com", key: "jdoe@example.com", valid: true),
        Case(raw: "mailto:jdoe@example.com", address: "jdoe@example.com", key: "jdoe@example.com", valid: true),
        Case(
            raw: "MAILTO:jdoe@Example.com?subject=Hello", address: "jdoe@example.com", key: "jdoe@example.com",
            valid: true),
        Case(raw: "mailto:jdoe%40example.com", address: "jdoe@example.com", key: "jdoe@example.com", valid: true),
        Case(raw: "John.Doe+news@gmail.com", address: "John.Doe+news@gmail.com", key: "johndoe@gmail.com", valid: true),
        Case(
            raw: "j.o.h.n.doe@googlemail.com", address: "j.o.h.n.doe@googlemail.com", key: "johndoe@gmail.com",
            valid: true),
        Case(raw: "JohnDoe@GMAIL.COM", address: "JohnDoe@gmail.com", key: "johndoe@gmail.com", valid: true),
        Case(
            raw: "john.doe+tag@outlook.com", address: "john.doe+tag@outlook.com", key: "john.doe+tag@outlook.com",
            valid: true),
        Case(raw: "john.doe@yahoo.com", address: "john.doe@yahoo.com", key: "john.doe@yahoo.com", valid: true),
        Case(raw: "jane+work@fastmail.com", address: "jane+work@fastmail.com", key: "jane@fastmail.com", valid: true),
        Case(raw: "jane+x@proton.me", address: "jane+x@proton.me", key: "jane@proton.me", valid: true),
        Case(
            raw: "first.last@example.co.uk", address: "first.last@example.co.uk", key: "first.last@example.co.uk",
            valid: true),
        Case(
            raw: "user@bücher.example", address: "user@bücher.example", key: "user@xn--bcher-kva.example", valid: true),
        Case(
            raw: "user@BÜCHER.example", address: "user@bücher.example", key: "user@xn--bcher-kva.example", valid: true),
        Case(raw: "info@münchen.de", address: "info@münchen.de", key: "info@xn--mnchen-3ya.de", valid: true),
        Case(raw: "josé@example.com", address: "josé@example.com", key: "josé@example.com", valid: true),
        Case(raw: "x@example.com", address: "x@example.com", key: "x@example.com", valid: true),
        Case(
            raw: "user.name+tag+sorting@example.com", address: "user.name+tag+sorting@example.com",
            key: "user.name+tag+sorting@example.com", valid: true),
        Case(
            raw: "admin@mailserver1.example", address: "admin@mailserver1.example", key: "admin@mailserver1.example",
            valid: true),
        Case(
            raw: "\"john..doe\"@example.org", address: "\"john..doe\"@example.org", key: "\"john..doe\"@example.org",
            valid: true),
        Case(
            raw: "postmaster@[123.123.123.123]", address: "postmaster@[123.123.123.123]",
            key: "postmaster@[123.123.123.123]", valid: true),
        Case(raw: "jdoe@example.com.", address: "jdoe@example.com", key: "jdoe@example.com", valid: true),
        Case(raw: "jdoe@example.com;", address: "jdoe@example.com", key: "jdoe@example.com", valid: true),
        Case(raw: "Abc.example.com", address: "Abc.example.com", key: "abc.example.com", valid: false),
        Case(raw: "A@b@c@example.com", address: "A@b@c@example.com", key: "a@b@c@example.com", valid: false),
        Case(
            raw: "just\"not\"right@example.com", address: "just\"not\"right@example.com",
            key: "just\"not\"right@example.com", valid: false),
        Case(
            raw: "john..doe@example.com", address: "john..doe@example.com", key: "john..doe@example.com", valid: false),
        Case(
            raw: "john.doe@example..com", address: "john.doe@example..com", key: "john.doe@example..com", valid: false),
        Case(
            raw: "i like spaces@example.com", address: "i like spaces@example.com", key: "i like spaces@example.com",
            valid: false),
        Case(raw: "jdoe@localhost", address: "jdoe@localhost", key: "jdoe@localhost", valid: false),
        Case(raw: "jdoe@-example.com", address: "jdoe@-example.com", key: "jdoe@-example.com", valid: false),
    ]

    @Test(arguments: cases)
    func normalize(_ c: Case) {
        let result = EmailNormalizer.normalize(c.raw)
        #expect(result.address == c.address)
        #expect(result.key == c.key)
        #expect(result.isValid == c.valid)
    }

    /// RFC 3492 §7.1 sample strings (A) Arabic, (B) Chinese simplified, (C) Chinese traditional,
    /// (L) Japanese `3年B組金八先生`, and the IDNA example `bücher`.
    @Test(arguments: [
        (
            "\u{644}\u{64A}\u{647}\u{645}\u{627}\u{628}\u{62A}\u{643}\u{644}\u{645}\u{648}\u{634}\u{639}\u{631}\u{628}\u{64A}\u{61F}",
            "egbpdaj6bu4bxfgehfvwxn"
        ),
        ("\u{4ED6}\u{4EEC}\u{4E3A}\u{4EC0}\u{4E48}\u{4E0D}\u{8BF4}\u{4E2D}\u{6587}", "ihqwcrb4cv8a8dqg056pqjye"),
        ("\u{4ED6}\u{5011}\u{7232}\u{4EC0}\u{9EBD}\u{4E0D}\u{8AAA}\u{4E2D}\u{6587}", "ihqwctvzc91f659drss3x8bo0yb"),
        ("3\u{5E74}B\u{7D44}\u{91D1}\u{516B}\u{5148}\u{751F}", "3B-ww4c5e180e575a65lsy2b"),
        ("bücher", "bcher-kva"),
    ])
    func punycode(_ input: String, _ expected: String) {
        #expect(Punycode.encode(input) == expected)
    }

    /// DNS labels have at most 63 octets (RFC 1035 §2.3.4). A longer label is no domain's and
    /// is kept as written (lower-cased) rather than encoded: encoding takes time that grows
    /// with the square of the label's length (a fuzzed 116 KB domain took 6 s).
    @Test func labelsLongerThanDNSAllowsAreKept() {
        let longest = String(repeating: "ü", count: 63)
        #expect(Punycode.asciiDomain(longest + ".Example").hasPrefix("xn--"))
        #expect(Punycode.asciiDomain(longest + ".Example").hasSuffix(".example"))
        let tooLong = String(repeating: "Ü", count: 64)
        #expect(Punycode.asciiDomain(tooLong + ".Example") == String(repeating: "ü", count: 64) + ".example")
        let huge = String(repeating: "\u{4E00}", count: 40_000)
        #expect(Punycode.asciiDomain("mail." + huge) == "mail." + huge)
    }

    @Test func freeMailDomains() {
        #expect(FreeMailDomains.contains("gmail.com"))
        #expect(FreeMailDomains.contains("yahoo.co.uk"))
        #expect(FreeMailDomains.contains("web.de"))
        #expect(!FreeMailDomains.contains("ibm.com"))
        #expect(!FreeMailDomains.contains("example.de"))
    }
}
