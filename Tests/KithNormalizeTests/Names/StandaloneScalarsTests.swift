import Foundation
import Testing

@testable import KithNormalize

/// Every scalar of `StandaloneScalars` has the properties its shortcuts rely on.
@Suite struct StandaloneScalarsTests {
    static let listed: [Unicode.Scalar] = StandaloneScalars.ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)

    @Test func listedScalarsAreNFCStarters() {
        for scalar in Self.listed {
            let text = String(scalar)
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(scalar.value, radix: 16))")
            #expect(
                (text as NSString).precomposedStringWithCanonicalMapping == text, "U+\(String(scalar.value, radix: 16))"
            )
        }
    }

    /// No listed scalar is the second half of a canonical decomposition (so NFC never composes
    /// it with what comes before): every scalar after the first of every canonical decomposition
    /// in the Basic Multilingual Plane (where all listed scalars are) is collected and compared.
    @Test func listedScalarsNeverComposeWithThePreviousScalar() {
        var trailing = Set<UInt32>()
        for value in UInt32(0)..<0x1_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = (String(scalar) as NSString).decomposedStringWithCanonicalMapping.unicodeScalars
            guard decomposed.count > 1 else { continue }
            for part in decomposed.dropFirst() { trailing.insert(part.value) }
        }
        #expect(trailing.contains(0x301))  // the check sees combining marks
        #expect(trailing.contains(0x11A8))  // and Hangul jamo
        for scalar in Self.listed { #expect(!trailing.contains(scalar.value), "U+\(String(scalar.value, radix: 16))") }
    }

    /// A space, tab or comma next to a listed scalar is a `Character` of its own.
    @Test func separatorsNextToListedScalarsAreCharacters() {
        for scalar in Self.listed {
            for separator in [" ", "\t", ","] {
                #expect("\(scalar)\(separator)\(scalar)".count == 3, "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test(arguments: [
        ("Владимир Иванов", true), ("李小龍", true), ("김민준", true), ("D’Angelo", true), ("Jörg", true), ("", true),
        ("Jo\u{308}rg", false), ("Ва\u{301}ня", false), ("\u{1161}", false), ("😀", false), ("\u{200D}", false),
    ])
    func standaloneTexts(_ text: String, _ expected: Bool) {
        #expect(StandaloneScalars.isStandalone(text) == expected)
        if expected { #expect((text as NSString).precomposedStringWithCanonicalMapping == text) }
    }
}
