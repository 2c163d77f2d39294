import Testing

@testable import KithModel

/// `lowercasedIfNeeded()` gives what `lowercased()` gives.
@Suite struct StringLowercasedTests {
    @Test(arguments: [
        "", "type", "TYPE", "x-xml-Telephony", "classifier", "work", "A", "z", "@[`{", "0123456789",
        "straße", "ÄRGER", "Österreich", "İstanbul", "ǅ", "ΣΊΣΥΦΟΣ",
        "a long lower-case ascii text of more than sixteen bytes",
    ])
    func matchesLowercased(text: String) {
        #expect(text.lowercasedIfNeeded() == text.lowercased())
    }
}
