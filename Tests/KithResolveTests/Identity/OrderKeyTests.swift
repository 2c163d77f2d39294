import KithModel
import Testing

@testable import KithResolve

/// The canonical order compares the first bytes of the locality as one integer where they
/// decide; it must order exactly as the strings do.
@Suite struct OrderKeyTests {
    /// Texts whose order tests the shortcut: prefixes of each other, the unit separator, a
    /// NUL, differences at the 7th and 8th byte, non-ASCII bytes early and late, and an ASCII
    /// letter that a combining accent (decomposed) joins right after the prefix.
    static let texts = [
        "", "a", "ab", "ab\u{1F}", "ab\u{1F}x", "ab\u{0}", "abcdefg", "abcdefgh", "abcdefgi", "abcdefga",
        "abcdefe\u{301}", "abcdeff", "abcdef\u{E9}", "abcdefe", "abcdefez", "abcdefg\u{301}x", "schr\u{F6}der",
        "schro\u{308}der",
        "schroder", "NK\u{1F}nowak\u{1F}aiko", "NK\u{1F}nowak\u{1F}ann", "NK\u{1F}nowik", "\u{C5}se", "A\u{30A}se",
        "zz", "Zz", "\u{1F600}", "abcdefghijklmn", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnoa",
        "abcdefghijklmne\u{301}", "abcdefghijklmnf", "abcdefghijklmn\u{E9}", "abcdefghijklmnop\u{301}",
        "NK\u{1F}nowak\u{1F}aikoa", "NK\u{1F}nowak\u{1F}aikob",
    ]

    @Test func ordersAsTheStringsDo() {
        let keys = Self.texts.enumerated().map { offset, text in
            OrderKey(locality: text, key: "", ref: RecordRef(source: 0, index: offset), index: offset, fingerprint: "")
        }
        for a in keys {
            for b in keys {
                let expected =
                    a.locality != b.locality ? a.locality < b.locality : a.ref < b.ref
                #expect(
                    (a < b) == expected, "\(Array(a.locality.unicodeScalars)) vs \(Array(b.locality.unicodeScalars))")
            }
        }
    }

    @Test func aPrefixIsTakenOnlyWhenItDecides() {
        #expect(OrderKey.asciiPrefix("abcdefghijklmnop") == OrderKey.asciiPrefix("abcdefghijklmnoz"))
        #expect(OrderKey.asciiPrefix("abcdefghijklmne\u{301}") == .undecided)
        #expect(OrderKey.asciiPrefix("schr\u{F6}der") == .undecided)
        #expect(OrderKey.asciiPrefix("ab").decides)
        #expect(OrderKey.asciiPrefix("ab") < OrderKey.asciiPrefix("ab\u{1F}"))
        #expect(OrderKey.asciiPrefix("abcdefgh") < OrderKey.asciiPrefix("abcdefgha"))
    }
}
