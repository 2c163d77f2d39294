import KithModel
import Testing

/// Web addresses without a scheme, by RFC 3986 (scheme, authority, path) and RFC 1035 (labels).
@Suite struct WebAddressTests {
    @Test(arguments: [
        ("www.example.com", "http://www.example.com"),
        ("www.ximian.com/", "http://www.ximian.com/"),
        ("example.de/team?page=2#top", "http://example.de/team?page=2#top"),
        ("  wurstdarm.de\t", "http://wurstdarm.de"),
        ("www.example.com:8080/admin", "http://www.example.com:8080/admin"),
        ("192.168.0.1/setup", "http://192.168.0.1/setup"),
        ("münchen.de", "http://münchen.de"),
        ("my-site.co.uk", "http://my-site.co.uk"),
    ])
    func schemeLessWebAddressesGetHTTP(text: String, expected: String) {
        #expect(WebAddress.uri(for: text) == expected)
    }

    @Test(arguments: [
        "https://www.example.com", "http://example.com/", "mailto:a@example.com", "urn:uuid:1",
        "a@example.com", "my homepage", "localhost", "example", "example.c", "-bad.com", "bad-.com",
        "example..com", "www.example.com:/", "www.example.com:123456", "www.example.com/a b", "x.123",
        "www.example.com\\path", "",
    ])
    func otherTextIsNoWebAddress(text: String) {
        #expect(WebAddress.uri(for: text) == nil)
    }

    @Test(arguments: [
        ("https://example.com", true), ("urn:uuid:1", true), ("z39.50r:x", true), ("tel:+1", true),
        ("www.example.com", false), ("1abc:x", false), (":x", false), ("data", false), ("a b:c", false),
    ])
    func schemeIsLetterThenLettersDigitsPlusMinusDotThenColon(text: String, expected: Bool) {
        #expect(WebAddress.hasScheme(text) == expected)
    }

    @Test func linkKeepsTheTextAsWritten() {
        let plain = LinkValue(uri: "https://example.com")
        #expect(plain.raw == "https://example.com")
        let made = LinkValue(uri: "http://www.example.com", raw: "www.example.com")
        #expect(made.uri == "http://www.example.com")
        #expect(made.raw == "www.example.com")
    }
}
