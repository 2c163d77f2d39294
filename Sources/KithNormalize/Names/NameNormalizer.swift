public import KithModel

/// Normalization of a `NameValue`: NFC display form, components from the display name, case
/// repair, and matching keys.
public enum NameNormalizer {
    /// Normalizes a name in place.
    ///
    /// - `full` becomes Unicode NFC (the text as written moves to `fullAsWritten` when it changes).
    /// - Without components, they are parsed from `full` (`NameParser`, `componentsRule`
    ///   `name-from-display`).
    /// - A name written all upper- or all lower-case is case-repaired (`NameCase`, `caseRule`
    ///   `name-case-repair`).
    /// - `keys` are filled (`NameKeys`).
    ///
    /// - Parameter name: The name to normalize.
    public static func normalize(_ name: inout NameValue) {
        var phonetics = PhoneticMemo()
        normalize(&name, phonetics: &phonetics)
    }

    /// ``normalize(_:)`` with the phonetic keys of words already seen remembered in `phonetics`
    /// (the same few thousand names come back in every address book).
    static func normalize(_ name: inout NameValue, phonetics: inout PhoneticMemo) {
        if let full = name.full {
            let nfc = full.precomposedStringWithCanonicalMappingCompat.trimmed
            if nfc != full {
                name.fullAsWritten = full
                name.full = nfc
            }
        }
        if !name.hasComponents, let full = name.full, !full.isEmpty {
            let parsed = NameParser.parse(full)
            if !parsed.isEmpty {
                name.prefixes = parsed.prefixes
                name.given = parsed.given
                name.additional = parsed.additional
                name.surname = parsed.surname
                name.suffixes = parsed.suffixes
                name.componentsRule = "name-from-display"
            }
        }
        if NameCase.isSingleCase([name.given, name.additional, name.surname].joined()) {
            name.prefixes = name.prefixes.map { NameCase.repair($0) }
            name.given = name.given.map { NameCase.repair($0) }
            name.additional = name.additional.map { NameCase.repair($0, isFirstWordOfName: false) }
            name.surname = name.surname.map { NameCase.repair($0, isFirstWordOfName: false) }
            name.suffixes = name.suffixes.map { NameCase.repair($0) }
            if let full = name.full, NameCase.isSingleCase(full) {
                if name.fullAsWritten == nil { name.fullAsWritten = full }
                name.full = NameCase.repair(full)
            }
            name.caseRule = "name-case-repair"
        } else if name.componentsRule != nil {
            // Components split from `SMITH John`: the upper-case surname is the convention that
            // marks it, not the name's spelling.
            let before = name.surname
            name.surname = name.surname.map { NameCase.repair($0, isFirstWordOfName: false) }
            if name.surname != before { name.caseRule = "name-case-repair" }
        }
        name.keys = keys(of: name, phonetics: &phonetics)
    }

    /// The matching keys of a name's components.
    ///
    /// - Parameter name: A name with components.
    /// - Returns: Folded given, surname and additional names, Double Metaphone keys of the first
    ///   given name and of the surname (particles left out), nickname keys of the first given
    ///   name, and the generation.
    public static func keys(of name: NameValue) -> NameKeys {
        var phonetics = PhoneticMemo()
        return keys(of: name, phonetics: &phonetics)
    }

    /// ``keys(of:)`` with the phonetic keys of words already seen remembered in `phonetics`.
    static func keys(of name: NameValue, phonetics: inout PhoneticMemo) -> NameKeys {
        let given = NameFolding.fold(joinedWords(name.given))
        let surname = NameFolding.fold(joinedWords(name.surname))
        let firstGiven = firstWord(ofFolded: given)
        let surnameCore = surnameWithoutParticles(folded: surname)
        // The parts are folded already; ASCII folded text folds to itself, so it is not folded again.
        return NameKeys(
            given: given, surname: surname, additional: NameFolding.fold(joinedWords(name.additional)),
            givenPhonetic: phonetics.primary(folded: firstGiven),
            surnamePhonetic: phonetics.primary(folded: surnameCore),
            givenNicknameKeys: firstGiven.isEmpty
                ? []
                : firstGiven.isASCII ? Nicknames.keys(folded: firstGiven) : Nicknames.canonicalKeys(for: firstGiven),
            generation: name.suffixes.lazy.compactMap { NameParser.generation(of: $0) }.first)
    }

    /// `words.joined(separator: " ")`, without building a new string for one word.
    private static func joinedWords(_ words: [String]) -> String {
        words.count == 1 ? words[0] : words.joined(separator: " ")
    }

    /// The first word of a folded text (`split(separator: " ").first`), `""` for an empty text.
    ///
    /// ASCII text is split on its bytes; other text keeps `Character` splitting, where a space
    /// followed by a spacing mark is not a separator.
    static func firstWord(ofFolded folded: String) -> String {
        guard folded.isASCII else { return folded.split(separator: " ").first.map(String.init) ?? "" }
        let bytes = folded.utf8
        guard let start = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.endIndex
        return start == bytes.startIndex && end == bytes.endIndex ? folded : String(folded[start..<end])
    }

    /// The words of a folded surname that are not particles, joined without spaces
    /// (`van der berg` → `berg`, `de la cruz smith` → `cruzsmith`).
    static func surnameWithoutParticles(folded surname: String) -> String {
        if surname.isASCII, !surname.utf8.contains(UInt8(ascii: " ")) {
            // One word (most surnames).
            return NameParser.particles.contains(surname) ? "" : surname
        }
        return surname.split(separator: " ").filter { !NameParser.particles.contains(String($0)) }.joined()
    }
}

/// Double Metaphone primary keys of folded words, remembered: one per chunk of records.
struct PhoneticMemo {
    private var keys: [String: String] = [:]

    /// `DoubleMetaphone.primary(folded:)` of a word, `""` for an empty one.
    mutating func primary(folded word: String) -> String {
        if word.isEmpty { return "" }
        if let known = keys[word] { return known }
        let key = DoubleMetaphone.primary(folded: word)
        // A chunk's memo stays small however many records it holds.
        if keys.count < 50_000 { keys[word] = key }
        return key
    }
}
