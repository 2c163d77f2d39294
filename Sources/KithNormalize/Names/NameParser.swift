/// Structured name components read from a display name.
public struct ParsedName: Hashable, Sendable {
    public var prefixes: [String] = []
    public var given: [String] = []
    public var additional: [String] = []
    public var surname: [String] = []
    public var suffixes: [String] = []

    /// Creates parsed components.
    public init(
        prefixes: [String] = [], given: [String] = [], additional: [String] = [], surname: [String] = [],
        suffixes: [String] = []
    ) {
        self.prefixes = prefixes
        self.given = given
        self.additional = additional
        self.surname = surname
        self.suffixes = suffixes
    }

    /// Whether nothing was found.
    public var isEmpty: Bool {
        prefixes.isEmpty && given.isEmpty && additional.isEmpty && surname.isEmpty && suffixes.isEmpty
    }
}

/// Splits display names into components with simple, documented rules.
///
/// - `Dr. María de la Cruz-Smith Jr.`: honorifics before, suffixes after, particles (`de la`,
///   `van der`, `von`, `bin`, …) start the surname when they run up to the last word.
/// - `Smith, John Paul`: the part before the comma is the surname (the "file as" order).
/// - `SMITH John`: an upper-case first word before mixed-case words is the surname (the
///   French and administrative convention, Wikipedia "Surname#Order of names").
/// - CJK names without spaces: the family name comes first; a known two-character surname or
///   a common one-character surname is split off (Wikipedia, "Chinese name", "Korean name",
///   "Japanese name"). With a space, the first word is the surname.
public enum NameParser {
    /// Parses a display name.
    ///
    /// - Parameter display: The formatted name (`FN`, a "Display Name" column).
    /// - Returns: The components; words keep their spelling (no case repair, see `NameCase`).
    /// - Complexity: O(n) in the number of words.
    public static func parse(_ display: String) -> ParsedName {
        let text = display.precomposedStringWithCanonicalMappingCompat.trimmed
        guard !text.isEmpty else { return ParsedName() }
        if text.unicodeScalars.contains(where: isCJK) { return parseCJK(text) }

        var parts = split(text) { $0 == UInt8(ascii: ",") }.map { String($0).trimmed }.filter { !$0.isEmpty }
        var tailSuffixes: [String] = []
        // Trailing comma parts made only of suffixes: `John Smith, Jr., PhD`.
        while parts.count > 1, let last = parts.last,
            split(last, where: { $0 == UInt8(ascii: " ") }).allSatisfy({ isSuffix(String($0)) })
        {
            tailSuffixes.insert(contentsOf: split(last) { $0 == UInt8(ascii: " ") }.map(String.init), at: 0)
            parts.removeLast()
        }
        // `Surname, Given`: only when the part before the comma looks like a surname (one word,
        // possibly with particles); otherwise commas just separate words, as in Apple's
        // `Mr. John Richter, James Doe Sr.` (corpus ez-vcard John_Doe_GMAIL.vcf, N `Doe;John;
        // Richter,James;Mr.;Sr.`).
        if parts.count >= 2, words(parts[0]).filter({ !isParticle($0) }).count > 1 {
            parts = [parts.joined(separator: " ")]
        }
        if parts.count >= 2 {
            // `Surname, Given Additional`
            var rest = words(parts.dropFirst().joined(separator: " "))
            var result = ParsedName()
            result.prefixes = takePrefixes(&rest)
            result.suffixes = takeSuffixes(&rest) + tailSuffixes
            result.surname = [parts[0]]
            if let first = rest.first {
                result.given = [first]
                result.additional = Array(rest.dropFirst())
            }
            return result
        }
        var tokens = words(parts.first ?? text)
        var result = ParsedName()
        result.prefixes = takePrefixes(&tokens)
        result.suffixes = takeSuffixes(&tokens) + tailSuffixes
        guard !tokens.isEmpty else { return result }
        if tokens.count == 1 {
            result.given = tokens
            return result
        }
        if isUpperCaseWord(tokens[0]), tokens.dropFirst().contains(where: { !isUpperCaseWord($0) }) {
            // `SMITH John`: the upper-case run is the surname.
            let count = tokens.prefix { isUpperCaseWord($0) }.count
            result.surname = [tokens.prefix(count).joined(separator: " ")]
            let rest = Array(tokens.dropFirst(count))
            result.given = Array(rest.prefix(1))
            result.additional = Array(rest.dropFirst())
            return result
        }
        // Particles directly before the last word start the surname.
        var start = tokens.count - 1
        while start > 1, isParticle(tokens[start - 1]) { start -= 1 }
        result.given = [tokens[0]]
        result.additional = Array(tokens[1..<start])
        result.surname = [tokens[start...].joined(separator: " ")]
        return result
    }

    /// Whether a word is a known honorific prefix (`Dr.`, `Mrs`, `Herr`).
    ///
    /// - Parameter word: A word, any case, with or without a final dot.
    /// - Returns: `true` for honorifics.
    public static func isHonorific(_ word: String) -> Bool {
        vocabularyKey(word).map { honorifics.contains($0) } ?? false
    }

    /// Whether a word is a surname particle (`van`, `de`, `al`).
    ///
    /// - Parameter word: A word, any case.
    /// - Returns: `true` for particles.
    public static func isParticle(_ word: String) -> Bool {
        vocabularyKey(word).map { particles.contains($0) } ?? false
    }

    /// The generation key of a suffix (`Jr.` → `jr`, `III` → `iii`), `nil` for other suffixes.
    ///
    /// - Parameter suffix: A suffix as written.
    /// - Returns: `jr`, `sr`, `ii`, `iii`, `iv`, `v`, or `nil`.
    public static func generation(of suffix: String) -> String? { vocabularyKey(suffix).flatMap { generations[$0] } }

    static func isSuffix(_ word: String) -> Bool { vocabularyKey(word).map { suffixes.contains($0) } ?? false }

    /// The folded form of a word for the vocabulary lists, `nil` for words in other scripts
    /// (which are never honorifics, particles or suffixes), so no transliteration is paid for.
    private static func vocabularyKey(_ word: String) -> String? {
        if let folded = NameFolding.foldWithTable(word) { return folded }
        guard NameFolding.isLatin(word) else { return nil }
        return NameFolding.fold(word)
    }

    private static func words(_ text: String) -> [String] {
        split(text) { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.map(String.init)
    }

    /// `text.split(whereSeparator:)` for ASCII separators, without empty parts.
    ///
    /// In text whose scalars are all below U+0300 or in `StandaloneScalars`, every space, tab
    /// and comma is a `Character` of its own (below U+0300, only CR LF make one `Character` of
    /// two scalars, and neither is a separator), so it is split on its UTF-8 bytes; other text
    /// keeps `Character` splitting, where a separator followed by a combining mark is not one.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - isSeparator: Whether an ASCII byte separates parts.
    /// - Returns: The non-empty parts, in order.
    static func split(_ text: String, where isSeparator: (UInt8) -> Bool) -> [Substring] {
        guard StandaloneScalars.isStandalone(text) else {
            return text.split { character in
                guard let ascii = character.asciiValue, character.unicodeScalars.count == 1 else { return false }
                return isSeparator(ascii)
            }
        }
        var parts: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if isSeparator(utf8[index]) {
                if start != index { parts.append(text[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { parts.append(text[start..<utf8.endIndex]) }
        return parts
    }

    private static func takePrefixes(_ tokens: inout [String]) -> [String] {
        var taken: [String] = []
        while tokens.count > 1, let first = tokens.first, isHonorific(first) {
            // A one-letter `M` or `E` only counts with its dot (`M. Dupont`).
            if NameFolding.fold(first).count == 1, !first.hasSuffix(".") { break }
            taken.append(tokens.removeFirst())
        }
        return taken
    }

    private static func takeSuffixes(_ tokens: inout [String]) -> [String] {
        var taken: [String] = []
        while tokens.count > 1, let last = tokens.last, isSuffix(last) {
            // `V` alone is a middle initial more often than "the fifth", unless written with a dot-less roman run.
            if NameFolding.fold(last) == "v", tokens.count < 3 { break }
            taken.insert(tokens.removeLast(), at: 0)
        }
        return taken
    }

    /// Whether a word has at least two letters and all are upper-case.
    static func isUpperCaseWord(_ word: String) -> Bool {
        var letters = 0
        for byte in word.utf8 {
            if byte >= 0x80 { return isUpperCaseWordGeneral(word) }
            if byte >= 0x61 && byte <= 0x7A { return false }
            if byte >= 0x41 && byte <= 0x5A { letters += 1 }
        }
        return letters >= 2
    }

    private static func isUpperCaseWordGeneral(_ word: String) -> Bool {
        var letters = 0
        for scalar in word.unicodeScalars {
            let letter = LatinScalars.letterClass(of: scalar)
            guard letter.contains(.alphabetic) else { continue }
            guard letter.contains(.uppercase) else { return false }
            letters += 1
        }
        return letters >= 2
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xAC00...0xD7AF).contains(v)
            || (0x3040...0x30FF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x20000...0x2A6DF).contains(v)
    }

    private static func parseCJK(_ text: String) -> ParsedName {
        let tokens = words(text)
        if tokens.count >= 2 {
            return ParsedName(given: [tokens.dropFirst().joined(separator: " ")], surname: [tokens[0]])
        }
        let characters = Array(text)
        guard characters.count >= 2 else { return ParsedName(given: [text]) }
        for length in [3, 2] where characters.count > length {
            let head = String(characters.prefix(length))
            if cjkDoubleSurnames.contains(head) {
                return ParsedName(given: [String(characters.dropFirst(length))], surname: [head])
            }
        }
        if cjkSingleSurnames.contains(characters[0]), characters.count <= 4 {
            return ParsedName(given: [String(characters.dropFirst())], surname: [String(characters[0])])
        }
        return ParsedName(given: [text])
    }
}
