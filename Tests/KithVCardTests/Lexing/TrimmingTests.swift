import Testing

@testable import KithVCard

/// Trimming blanks and quotes: exact results, and linear in the length (a value ending in
/// 50,000 spaces, or a PREF parameter in 40,000 quotes, took minutes when each dropped
/// character counted the text again).
@Suite struct TrimmingTests {
    @Test(arguments: [
        ("  john@example.com \t\r\n", "john@example.com"), ("Zoë  ", "Zoë"), ("\t東京", "東京"),
        ("e\u{301} ", "e\u{301}"), ("plain", "plain"), ("   ", ""), ("", ""), (" a b ", "a b"),
    ])
    func blanks(_ text: String, _ expected: String) {
        #expect(text.trimmingBlanks == expected)
    }

    @Test(arguments: [("\"1\"", "1"), ("\"\"x y\"\"", "x y"), ("\"", ""), ("\"é\"", "é"), ("none", "none")])
    func quotes(_ text: String, _ expected: String) {
        #expect(text.trimmingQuotes() == expected)
    }

    @Test func longRunsAreTrimmed() {
        let value = "john@example.com"
        #expect((value + String(repeating: " ", count: 50_000)).trimmingBlanks == value)
        #expect(("1" + String(repeating: "\"", count: 50_000)).trimmingQuotes() == "1")
    }
}
