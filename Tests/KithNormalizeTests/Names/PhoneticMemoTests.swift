import KithModel
import Testing

@testable import KithNormalize

/// The per-chunk memo of phonetic keys gives the keys of Apache Commons Codec's
/// DoubleMetaphoneTest (primary keys), however often and in whatever order words come back.
@Suite struct PhoneticMemoTests {
    @Test func remembersTheKeysItComputes() {
        let expected = [
            ("testing", "TSTN"), ("quick", "KK"), ("brown", "PRN"), ("jumped", "JMPT"), ("maccafferey", "MKFR"),
            ("stephan", "STFN"), ("mcclelland", "MKLL"),
        ]
        var memo = PhoneticMemo()
        for _ in 0..<3 {
            for (word, key) in expected.shuffled() { #expect(memo.primary(folded: word) == key, "\(word)") }
        }
        #expect(memo.primary(folded: "") == "")
    }

    @Test func namesGetTheSameKeysWithAndWithoutAMemo() {
        var memo = PhoneticMemo()
        for (given, surname) in [("Stephan", "MacCafferey"), ("Anna", "van der Berg"), ("Stephan", "Brown")] {
            var withMemo = NameValue(given: [given], surname: [surname])
            var without = withMemo
            NameNormalizer.normalize(&withMemo, phonetics: &memo)
            NameNormalizer.normalize(&without)
            #expect(withMemo.keys == without.keys)
            #expect(withMemo.keys?.givenPhonetic.isEmpty == false)
        }
    }
}
