import Foundation
import Testing

@testable import KithNormalize

/// `PostalCode.withoutSpaces` removes U+0020 only, as `replacingOccurrences(of: " ", with: "")`.
@Suite struct PostalCodeSpacesTests {
    @Test(arguments: [
        ("SW1A 1AA", "SW1A1AA"), ("123 45", "12345"), ("80331", "80331"), ("", ""), ("  ", ""), ("1\t2", "1\t2"),
        ("Ø 12", "Ø12"), ("12\u{A0}34", "12\u{A0}34"),
    ])
    func removesSpaces(_ code: String, _ expected: String) {
        #expect(PostalCode.withoutSpaces(code) == expected)
        #expect(code.replacingOccurrences(of: " ", with: "") == expected)
    }
}
