/// Case repair of names typed in ALL CAPS or all lower-case, leaving deliberate mixed case alone.
public enum NameCase {
    /// Whether a name is written in one case only (and so may be repaired): every letter upper-case,
    /// or every letter lower-case, with at least two letters. Scripts without case never are.
    ///
    /// - Parameter text: A name or all its components joined.
    /// - Returns: `true` for `JOHN SMITH` and `john smith`, `false` for `John McDonald` or `DJ Khaled`-style
    ///   mixed case.
    /// - Complexity: O(n), without Unicode property look-ups for ASCII and Latin letters.
    public static func isSingleCase(_ text: String) -> Bool {
        let counts = LatinScalars.caseCounts(text)
        return isSingleCase(upper: counts.upper, lower: counts.lower)
    }

    /// Whether several texts, taken together, are written in one case (as `isSingleCase` of
    /// them joined with spaces, without joining them).
    ///
    /// - Parameter parts: Name components.
    /// - Returns: `isSingleCase(parts.joined(separator: " "))`.
    static func isSingleCase<Parts: Sequence<String>>(_ parts: Parts) -> Bool {
        var upper = 0
        var lower = 0
        for part in parts {
            let counts = LatinScalars.caseCounts(part)
            upper += counts.upper
            lower += counts.lower
        }
        return isSingleCase(upper: upper, lower: lower)
    }

    private static func isSingleCase(upper: Int, lower: Int) -> Bool {
        (upper >= 2 && lower == 0) || (lower >= 2 && upper == 0)
    }

    /// Repairs the case of a name written in one case.
    ///
    /// Words get an initial capital; letters after a hyphen and after `O'`, `D'`, `L'` are capitals
    /// (`O'Neil`, `Cruz-Smith`); `Mc` names capitalize the next letter (`McDonald`); `Mac` names only
    /// for a list of well-known surnames (`MacArthur`, but `Mack`, `Macy`, `Machado` stay); surname
    /// particles inside a name stay lower-case (`van der Berg`); roman numerals stay upper-case.
    ///
    /// - Parameters:
    ///   - text: The name, one or more words.
    ///   - isFirstWordOfName: Whether the text starts the full name (a leading particle is then
    ///     capitalized, as Dutch does for `Van der Berg` at the start).
    /// - Returns: The repaired text, or `text` unchanged when it is mixed case.
    public static func repair(_ text: String, isFirstWordOfName: Bool = true) -> String {
        guard isSingleCase(text) else { return text }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        var out: [String] = []
        for (index, word) in words.enumerated() {
            let isLast = index == words.count - 1
            let lower = word.lowercased()
            if romanNumerals.contains(lower) && !(index == 0 && isFirstWordOfName && words.count > 1) {
                out.append(lower.uppercased())
            } else if !isLast && !(index == 0 && isFirstWordOfName) && NameParser.particles.contains(lower) {
                out.append(lower)
            } else {
                out.append(capitalizeWord(lower))
            }
        }
        return out.joined(separator: " ")
    }

    static let romanNumerals: Set<String> = ["ii", "iii", "iv", "vi", "vii", "viii"]

    /// `Mac` surnames whose next letter is a capital (Wikipedia, "Mac and Mc surnames"; the
    /// common Scottish and Irish clan names). Others (`Mack`, `Macy`, `Mace`, `Machado`) are not.
    static let macNames: Set<String> = [
        "macarthur", "macdonald", "macdougall", "macgregor", "macintosh", "macintyre", "mackay", "mackenzie",
        "mackinnon", "maclean", "macleod", "macmillan", "macnamara", "macneil", "macpherson", "macquarie",
        "macrae", "macaulay", "macallister", "maccallum", "macdowell", "macfarlane", "macgillivray", "maclachlan",
        "maclaren", "macnaughton", "macqueen", "macbride", "maccormack", "macduff", "macewan", "macgowan",
    ]

    private static func capitalizeWord(_ lower: String) -> String {
        capitalizeASCIIWord(lower) ?? capitalizeWordGeneral(lower)
    }

    /// The capitals of a lower-case word, on `Character`s (the general path of `capitalizeWord`).
    static func capitalizeWordGeneral(_ lower: String) -> String {
        // Hyphenated parts each get their capital.
        if lower.contains("-") {
            return lower.split(separator: "-", omittingEmptySubsequences: false).map {
                capitalizeWordGeneral(String($0))
            }
            .joined(separator: "-")
        }
        var characters = Array(lower)
        guard !characters.isEmpty else { return lower }
        characters[0] = Character(String(characters[0]).uppercased())
        // O'Neil, D'Angelo, L'Estrange
        if characters.count > 2, characters[1] == "'" || characters[1] == "’" {
            characters[2] = Character(String(characters[2]).uppercased())
        }
        if lower.hasPrefix("mc"), characters.count > 3 {
            characters[2] = Character(String(characters[2]).uppercased())
        } else if macNames.contains(lower) {
            characters[3] = Character(String(characters[3]).uppercased())
        }
        return String(characters)
    }

    /// `capitalizeWord` of an ASCII word on its bytes (where every byte is a `Character`; a
    /// word with a CR, which makes one `Character` with a following LF, is left to the general
    /// path), `nil` for other words.
    static func capitalizeASCIIWord(_ lower: String) -> String? {
        var bytes = Array(lower.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        var start = 0
        // Each hyphenated part gets its capital, as a word of its own.
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "-") {
            capitalizeASCIIPart(&bytes, start..<end)
            start = end + 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The capitals of one hyphen-free part: the first letter, the letter after `O'`-style
    /// apostrophes, the third letter of `Mc` names and the fourth of listed `Mac` names.
    private static func capitalizeASCIIPart(_ bytes: inout [UInt8], _ part: Range<Int>) {
        func upper(_ index: Int) {
            if bytes[index] >= 0x61 && bytes[index] <= 0x7A { bytes[index] -= 0x20 }
        }
        guard !part.isEmpty else { return }
        let first = part.lowerBound
        // Decided on the part as written (lower-case), before any capital is set.
        let isMcName = part.count > 3 && bytes[first] == UInt8(ascii: "m") && bytes[first + 1] == UInt8(ascii: "c")
        let isMacName = !isMcName && part.count > 3 && macNames.contains(String(decoding: bytes[part], as: UTF8.self))
        upper(first)
        if part.count > 2, bytes[first + 1] == UInt8(ascii: "'") { upper(first + 2) }
        if isMcName {
            upper(first + 2)
        } else if isMacName {
            upper(first + 3)
        }
    }
}
