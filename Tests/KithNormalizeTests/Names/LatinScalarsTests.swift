import Foundation
import KithModel
import Testing

@testable import KithNormalize

/// The table-driven fast paths of name normalization (`LatinScalars`, `NameFolding.fold`,
/// `NameCase.isSingleCase`, the NFC shortcut, `DoubleMetaphone.primary(folded:)`,
/// `Nicknames.keys(folded:)`) give what the general paths give.
///
/// Expected values are worked out by hand from the rules: folding lower-cases, decomposes
/// (NFKD), drops combining marks, spells out `ß` `æ` `ø` `ł` `þ` `ı`, removes apostrophes and
/// dots, and makes spaces of other punctuation (`NameFolding`); letter case comes from the
/// Unicode character database (`İ` U+0130 is an upper-case letter, `ß` lower-case, CJK
/// ideographs have no case).
@Suite struct LatinScalarsTests {
    // MARK: Folding

    @Test(arguments: [
        ("Müller", "muller"), ("Groß", "gross"), ("Øresund", "oresund"), ("O'Neil", "oneil"),
        ("Cruz-Smith", "cruz smith"),
        ("e\u{301}mile", "emile"), ("İstanbul", "istanbul"), ("Yılmaz", "yilmaz"), ("  van der  Berg ", "van der berg"),
        ("Æsir", "aesir"), ("Łódź", "lodz"), ("Þór", "thor"), ("Ǆemal", "dzemal"), ("µ", "μ"),
        ("Dr. J. R. R.", "dr j r r"),
        ("Renée", "renee"), ("Zoë", "zoe"), ("García López", "garcia lopez"), ("D’Angelo", "dangelo"),
        ("Neumann & Söhne KG", "neumann sohne kg"), ("", ""), ("   ", ""), ("- . '", ""),
    ])
    func foldsLatinText(_ text: String, _ expected: String) {
        #expect(NameFolding.fold(text) == expected)
        #expect(NameFolding.foldGeneral(text) == expected)
    }

    /// Texts the table does not cover take the general path (`ẞ` U+1E9E, Cyrillic, CJK).
    @Test(arguments: [("STRAẞE", "strasse"), ("Владимир", "vladimir"), ("Jörg Владимир", "jorg vladimir")])
    func foldsOtherScriptsThroughTheGeneralPath(_ text: String, _ expected: String) {
        #expect(NameFolding.fold(text) == expected)
    }

    /// A text longer than 256 characters (no name is; a fuzzed 600 KB name took 28 s, the
    /// transliteration moving the rest of the string at every replacement) is transliterated
    /// in pieces of 256 characters, joined by a space.
    @Test func longTextsAreTransliteratedInPieces() {
        let piece = String(repeating: "Владимир", count: 32)
        #expect(piece.count == 256)
        let folded = NameFolding.fold(String(repeating: piece, count: 3))
        #expect(folded == Array(repeating: String(repeating: "vladimir", count: 32), count: 3).joined(separator: " "))
    }

    /// Every foldable scalar, alone and between letters and combining marks, folds through the
    /// table as through the general path.
    @Test func tableAgreesWithTheGeneralPathForEveryScalar() throws {
        for value in UInt32(0)..<LatinScalars.limit where LatinScalars.isFoldable(value) {
            let scalar = try #require(Unicode.Scalar(value))
            for text in [String(scalar), "a\(scalar)\u{301}b", "\(scalar)\u{308}\u{323} \(scalar)x"] {
                #expect(NameFolding.fold(text) == NameFolding.foldGeneral(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    /// Random texts over the table's scalars, ASCII punctuation and a few others.
    @Test func randomTextsAgreeWithTheGeneralPath() {
        var alphabet: [Unicode.Scalar] = (UInt32(0x20)..<LatinScalars.limit).filter(LatinScalars.isFoldable)
            .compactMap(Unicode.Scalar.init)
        alphabet += ["ẞ", "Д", "李", "\u{1E9B}", "\u{2019}", " ", " ", "-", "."]
        var state: UInt64 = 0x4B49_5448
        for _ in 0..<2_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(1 + Int(state >> 60)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.unicodeScalars.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            #expect(NameFolding.fold(text) == NameFolding.foldGeneral(text), "\(text.unicodeScalars.map { $0.value })")
        }
    }

    // MARK: Letter case

    @Test(arguments: [
        ("JOHN SMITH", true), ("john smith", true), ("John Smith", false), ("ÉMILE ZOLA", true), ("émile zola", true),
        ("ÉMile", false), ("İSTANBUL", true), ("STRAßE", false), ("ß", false), ("李小龍", false), ("A", false),
        ("", false),
        ("   ", false), ("O'NEIL-SMITH", true), ("Jörg", false), ("JÖRG", true), ("jörg", true),
        ("ВЛАДИМИР ИВАНОВ", true), ("владимир", true), ("Владимир", false), ("ΣΩΚΡΆΤΗΣ", true), ("김민준", false),
    ])
    func singleCase(_ text: String, _ expected: Bool) {
        #expect(NameCase.isSingleCase(text) == expected)
        #expect(NameCase.isSingleCase([text]) == expected)
    }

    @Test func singleCaseOfPartsIsThatOfTheJoinedText() {
        // "JO" + "É": three upper-case letters; "J" + "o": mixed; "J" alone is one letter.
        #expect(NameCase.isSingleCase(["JO", "É"]))
        #expect(!NameCase.isSingleCase(["J", "o"]))
        #expect(!NameCase.isSingleCase(["J", ""]))
        #expect(NameCase.isSingleCase(["j", "", "ö"]))
    }

    @Test func letterClassTableMatchesUnicodeProperties() throws {
        for value in UInt32(0)..<LatinScalars.letterClassLimit + 1 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties
            let table = LatinScalars.letterClass(of: scalar)
            #expect(table.contains(.alphabetic) == expected.isAlphabetic)
            #expect(table.contains(.uppercase) == expected.isUppercase)
            #expect(table.contains(.lowercase) == expected.isLowercase)
        }
    }

    @Test(arguments: [
        ("SMITH", true), ("Smith", false), ("ÉMILE", true), ("É", false), ("O'NEIL", true), ("DE-LA", true),
        ("DJ", true),
        ("A.", false), ("李", false), ("İZMİR", true), ("STRAßE", false), ("", false),
    ])
    func upperCaseWord(_ word: String, _ expected: Bool) {
        #expect(NameParser.isUpperCaseWord(word) == expected)
    }

    // MARK: NFC

    /// Every scalar below U+0300 is a starter that NFC leaves alone, so text made of them is
    /// returned without normalizing it.
    @Test func scalarsBelowCombiningMarksAreNFC() throws {
        for value in UInt32(0)..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            #expect(scalar.properties.canonicalCombiningClass == .notReordered)
            #expect((text as NSString).precomposedStringWithCanonicalMapping == text, "U+\(String(value, radix: 16))")
        }
        #expect("Jörg Yılmaz".isBelowCombiningMarks)
        #expect(!"Jo\u{308}rg".isBelowCombiningMarks)
        #expect("Jo\u{308}rg".precomposedStringWithCanonicalMappingCompat == "Jörg")
        #expect(!"李".isBelowCombiningMarks)
    }

    // MARK: Phonetic and nickname keys

    @Test(arguments: [
        ("testing", "TSTN"), ("jumped", "JMPT"), ("stephan", "STFN"), ("xenophobia", "SNFP"), ("san jose", "SNHS"),
        ("berg", "PRK"), ("jorg", "JRK"), ("", ""), ("3m", "M"),
    ])
    func phoneticKeyOfFoldedText(_ folded: String, _ expected: String) {
        #expect(DoubleMetaphone.primary(folded: folded) == expected)
        #expect(DoubleMetaphone.primary(folded) == expected)
    }

    /// A folded text that is not ASCII (a letter ICU kept) is folded again, as `primary` does.
    @Test func phoneticKeyOfNonASCIIFoldedText() {
        let folded = NameFolding.fold("µller")
        #expect(folded == "μller")
        #expect(DoubleMetaphone.primary(folded: folded) == DoubleMetaphone.primary(folded))
    }

    @Test func nicknameKeysOfFoldedNames() {
        #expect(Nicknames.keys(folded: "bob") == ["bert", "bob", "bobby", "robert"])
        #expect(Nicknames.keys(folded: "hans") == ["hans", "johannes"])
        #expect(Nicknames.keys(folded: "zebulon") == ["zebulon"])
        #expect(Nicknames.keys(folded: "") == [])
        // Every nickname of the table, and each of its full names, as written there (`k.c.` too).
        for (nickname, fullNames) in Nicknames.table {
            for name in [nickname] + fullNames {
                #expect(Nicknames.keys(folded: NameFolding.fold(name)) == Nicknames.canonicalKeys(for: name))
            }
        }
    }

    // MARK: Whole names

    @Test func keysOfLatinNames() {
        var name = NameValue(full: "Yılmaz, Jörg")
        NameNormalizer.normalize(&name)
        #expect(name.given == ["Jörg"])
        #expect(name.surname == ["Yılmaz"])
        #expect(name.keys?.given == "jorg")
        #expect(name.keys?.surname == "yilmaz")
        #expect(name.keys?.givenPhonetic == "JRK")

        var dutch = NameValue(full: "JÖRG VAN DER BERG")
        NameNormalizer.normalize(&dutch)
        #expect(dutch.given == ["Jörg"])
        #expect(dutch.surname == ["van der Berg"])
        #expect(dutch.caseRule == "name-case-repair")
        #expect(dutch.keys?.surname == "van der berg")
        #expect(dutch.keys?.surnamePhonetic == "PRK")

        var turkish = NameValue(full: "İsmail Öztürk Jr.")
        NameNormalizer.normalize(&turkish)
        #expect(turkish.caseRule == nil)
        #expect(turkish.keys?.given == "ismail")
        #expect(turkish.keys?.surname == "ozturk")
        #expect(turkish.keys?.generation == "jr")
    }

    @Test func keysOfWhitespaceName() {
        var name = NameValue(full: " \u{A0} ")
        NameNormalizer.normalize(&name)
        #expect(name.full == "")
        #expect(name.fullAsWritten == " \u{A0} ")
        #expect(name.keys == NameKeys())
    }

    @Test func keysOfCJKName() {
        var name = NameValue(full: "李小龍")
        NameNormalizer.normalize(&name)
        #expect(name.surname == ["李"])
        #expect(name.given == ["小龍"])
        #expect(name.keys?.surname == "li")
        #expect(name.keys?.given == "xiao long")
        #expect(name.keys?.givenPhonetic == "S")
    }
}

/// The word helpers of `NameNormalizer.keys(of:)` split as `split(separator: " ")` does.
@Suite struct NameKeyWordsTests {
    @Test(arguments: [
        ("jean luc", "jean"), ("anna", "anna"), ("", ""), (" ", ""), ("  maria  jose ", "maria"), ("li", "li"),
        ("μller x", "μller"),
    ])
    func firstWord(_ folded: String, _ expected: String) {
        #expect(NameNormalizer.firstWord(ofFolded: folded) == expected)
    }

    @Test(arguments: [
        ("berg", "berg"), ("van der berg", "berg"), ("de la cruz smith", "cruzsmith"), ("van", ""), ("", ""),
        ("von", ""), ("al sayed", "sayed"), ("μller", "μller"),
    ])
    func surnameWithoutParticles(_ folded: String, _ expected: String) {
        #expect(NameNormalizer.surnameWithoutParticles(folded: folded) == expected)
    }
}

/// `NameParser.split` splits as `split(whereSeparator:)` on Characters does.
@Suite struct NameParserSplitTests {
    static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    @Test(arguments: [
        ("Jörg  Müller\t Jr.", ["Jörg", "Müller", "Jr."]), ("  ", []), ("", []), ("Yılmaz", ["Yılmaz"]),
        (" a b ", ["a", "b"]), ("a\r\nb c", ["a\r\nb", "c"]),
        // A combining mark after a space makes one Character with it: no separator there.
        ("e \u{301}x y", ["e \u{301}x", "y"]), ("李 小龍", ["李", "小龍"]), ("a \u{301}b", ["a \u{301}b"]),
    ])
    func words(_ text: String, _ expected: [String]) {
        #expect(NameParser.split(text, where: Self.isSpace).map(String.init) == expected)
        #expect(text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) == expected)
    }

    @Test func commas() {
        #expect(NameParser.split("Schneider, Felix", where: { $0 == UInt8(ascii: ",") }) == ["Schneider", " Felix"])
        #expect(NameParser.split(",,Smith,", where: { $0 == UInt8(ascii: ",") }) == ["Smith"])
        #expect(NameParser.split("Smith,\u{301} John", where: { $0 == UInt8(ascii: ",") }) == ["Smith,\u{301} John"])
    }
}

/// The byte-level capitalization of ASCII words in `NameCase.repair` gives what the
/// `Character` path gives. Expected values follow `repair`'s documented rules.
@Suite struct NameCaseASCIITests {
    @Test(arguments: [
        ("mc", "Mc"), ("mcx", "Mcx"), ("mcdonald", "McDonald"), ("o'", "O'"), ("o'neil", "O'Neil"),
        ("macrae-o'neil", "MacRae-O'Neil"),
        ("smith--jones", "Smith--Jones"), ("-", "-"), ("", ""), ("mack", "Mack"), ("macarthur", "MacArthur"),
        ("3m", "3m"),
    ])
    func capitalizes(_ lower: String, _ expected: String) {
        #expect(NameCase.capitalizeASCIIWord(lower) == expected)
        #expect(NameCase.capitalizeWordGeneral(lower) == expected)
    }

    @Test func declinesOtherWords() {
        #expect(NameCase.capitalizeASCIIWord("d’angelo") == nil)
        #expect(NameCase.capitalizeWordGeneral("d’angelo") == "D’Angelo")
        #expect(NameCase.capitalizeASCIIWord("łukasz") == nil)
        #expect(NameCase.capitalizeASCIIWord("a\r\nb") == nil)
    }

    @Test func randomWordsAgree() {
        let pieces = ["m", "c", "a", "mac", "rae", "'", "-", "o", "x", "arthur", "donald", "1"]
        var state: UInt64 = 11
        for _ in 0..<5_000 {
            var word = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(1 + Int(state >> 61)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                word += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(NameCase.capitalizeASCIIWord(word) == NameCase.capitalizeWordGeneral(word), "\(word)")
        }
    }
}

/// Vocabulary checks fold Latin words through the table and never transliterate other scripts.
@Suite struct NameVocabularyTests {
    @Test func vocabulary() {
        #expect(NameParser.isHonorific("Dr."))
        #expect(NameParser.isHonorific("FRÄULEIN"))
        #expect(!NameParser.isHonorific("Д-р"))
        #expect(NameParser.isParticle("VAN"))
        #expect(NameParser.isParticle("d'"))
        #expect(NameParser.isParticle("Ál"))
        #expect(!NameParser.isParticle("Ван"))
        #expect(NameParser.generation(of: "Jr.") == "jr")
        #expect(NameParser.generation(of: "Júnior") == "jr")
        #expect(NameParser.generation(of: "III") == "iii")
        // U+2162 ROMAN NUMERAL THREE is beyond Latin Extended-B: not a vocabulary word.
        #expect(NameParser.generation(of: "\u{2162}") == nil)
        // U+2019 is in General Punctuation: Latin for the vocabulary, folded without ICU.
        #expect(NameParser.isParticle("d\u{2019}"))
    }
}
