/// Lawrence Philips' Double Metaphone phonetic keys ("The Double Metaphone Search Algorithm",
/// C/C++ Users Journal, June 2000), implemented from the published rules.
///
/// Input is folded first (`NameFolding.fold`), so diacritics and other scripts reach the
/// algorithm as plain Latin letters; `Ç` and `Ñ` therefore act as `C` and `N`.
public enum DoubleMetaphone {
    /// The primary and alternate keys of a word, each at most `maxLength` characters.
    ///
    /// - Parameters:
    ///   - word: A name (one or more words; spaces are ignored).
    ///   - maxLength: The key length, 4 in the original.
    /// - Returns: `(primary, alternate)`; equal when the word has one pronunciation.
    /// - Complexity: O(n).
    public static func keys(_ word: String, maxLength: Int = 4) -> (primary: String, alternate: String) {
        let letters = Array(NameFolding.fold(word).uppercased().utf8.filter { ($0 >= 65 && $0 <= 90) || $0 == 32 })
        return letters.withUnsafeBufferPointer { letters in
            var encoder = Encoder(word: letters, maxLength: maxLength)
            encoder.run()
            return (encoder.primary, encoder.alternate)
        }
    }

    /// The primary key (the usual phonetic matching key).
    ///
    /// - Parameter word: A name.
    /// - Returns: The primary Double Metaphone key.
    public static func primary(_ word: String) -> String { keys(word).primary }

    /// The primary key of a word that is already folded (`NameFolding.fold`), as `primary`
    /// computes it; an ASCII folded word is not folded again (folding it changes nothing).
    ///
    /// - Parameter folded: The output of `NameFolding.fold`.
    /// - Returns: `primary(folded)`.
    static func primary(folded: String) -> String {
        guard folded.isASCII else { return primary(folded) }
        // Folded ASCII is lower-case letters, digits and single spaces; keep letters (upper-cased) and spaces.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: folded.utf8.count) { buffer in
            var count = 0
            for byte in folded.utf8 where (byte >= 0x61 && byte <= 0x7A) || byte == 0x20 {
                buffer[count] = byte == 0x20 ? byte : byte - 0x20
                count += 1
            }
            var encoder = Encoder(word: UnsafeBufferPointer(rebasing: buffer[..<count]), maxLength: 4)
            encoder.run()
            return encoder.primary
        }
    }
}

/// One letter of the encoded word (an upper-case ASCII letter or a space), `"\0"` outside it.
private struct Letter: Equatable, ExpressibleByUnicodeScalarLiteral {
    let byte: UInt8

    init(byte: UInt8) { self.byte = byte }
    init(unicodeScalarLiteral value: Unicode.Scalar) { byte = UInt8(truncatingIfNeeded: value.value) }

    /// Whether the letter is one of the ASCII letters of `letters`.
    func isOne(of letters: StaticString) -> Bool {
        letters.withUTF8Buffer { $0.contains(byte) }
    }
}

/// The state of one encoding, on the word's bytes (no `String` or `Character` work per letter;
/// the keys are short ASCII strings, stored inline).
private struct Encoder {
    let w: UnsafeBufferPointer<UInt8>
    let maxLength: Int
    private var primaryKey = KeyText()
    private var alternateKey = KeyText()
    let last: Int
    let slavoGermanic: Bool

    /// Creates an encoder of `word` (upper-case ASCII letters and spaces), valid while `word` is.
    init(word: UnsafeBufferPointer<UInt8>, maxLength: Int) {
        w = word
        self.maxLength = maxLength
        last = word.count - 1
        // `W`, `K`, `CZ` or `WITZ` anywhere.
        var slavic = false
        for (index, letter) in word.enumerated()
        where letter == UInt8(ascii: "W") || letter == UInt8(ascii: "K")
            || (letter == UInt8(ascii: "C") && index + 1 < word.count && word[index + 1] == UInt8(ascii: "Z"))
        {
            slavic = true
            break
        }
        slavoGermanic = slavic
    }

    /// The primary key, at most `maxLength` letters.
    var primary: String { primaryKey.prefix(maxLength) }
    /// The alternate key, at most `maxLength` letters.
    var alternate: String { alternateKey.prefix(maxLength) }

    func at(_ i: Int) -> Letter { i >= 0 && i < w.count ? Letter(byte: w[i]) : "\0" }
    func isVowel(_ i: Int) -> Bool { at(i).isOne(of: "AEIOUY") }

    /// Whether the `length` letters from `start` are one of `options` (never when they run
    /// outside the word).
    func has(_ start: Int, _ length: Int, _ options: StaticString...) -> Bool {
        guard start >= 0, start + length <= w.count else { return false }
        for option in options where option.utf8CodeUnitCount == length {
            let matches = option.withUTF8Buffer { letters in
                var index = 0
                while index < length, letters[index] == w[start + index] { index += 1 }
                return index == length
            }
            if matches { return true }
        }
        return false
    }

    mutating func add(_ p: StaticString, _ a: StaticString? = nil) {
        p.withUTF8Buffer { primaryKey.append($0) }
        (a ?? p).withUTF8Buffer { alternateKey.append($0) }
    }

    mutating func run() {
        guard !w.isEmpty else { return }
        var i = 0
        if has(0, 2, "GN", "KN", "PN", "WR", "PS") { i = 1 }
        if at(0) == "X" {
            add("S")
            i = 1
        }
        while primaryKey.count < maxLength || alternateKey.count < maxLength {
            if i > last { break }
            let c = at(i)
            switch c {
            case "A", "E", "I", "O", "U", "Y":
                if i == 0 { add("A") }
                i += 1
            case "B":
                add("P")
                i += at(i + 1) == "B" ? 2 : 1
            case "C": i = c_(i)
            case "D":
                if has(i, 2, "DG") {
                    if at(i + 2).isOne(of: "IEY") {
                        add("J")
                        i += 3
                    } else {
                        add("TK")
                        i += 2
                    }
                } else {
                    add("T")
                    i += has(i, 2, "DT", "DD") ? 2 : 1
                }
            case "F":
                add("F")
                i += at(i + 1) == "F" ? 2 : 1
            case "G": i = g_(i)
            case "H":
                if (i == 0 || isVowel(i - 1)) && isVowel(i + 1) {
                    add("H")
                    i += 2
                } else {
                    i += 1
                }
            case "J": i = j_(i)
            case "K":
                add("K")
                i += at(i + 1) == "K" ? 2 : 1
            case "L":
                if at(i + 1) == "L" {
                    if (i == last - 2 && has(i - 1, 4, "ILLO", "ILLA", "ALLE"))
                        || ((has(last - 1, 2, "AS", "OS") || at(last).isOne(of: "AO")) && has(i - 1, 4, "ALLE"))
                    {
                        add("L", "")
                    } else {
                        add("L")
                    }
                    i += 2
                } else {
                    add("L")
                    i += 1
                }
            case "M":
                add("M")
                if (has(i - 1, 3, "UMB") && (i + 1 == last || has(i + 2, 2, "ER"))) || at(i + 1) == "M" {
                    i += 2
                } else {
                    i += 1
                }
            case "N":
                add("N")
                i += at(i + 1) == "N" ? 2 : 1
            case "P":
                if at(i + 1) == "H" {
                    add("F")
                    i += 2
                } else {
                    add("P")
                    i += at(i + 1).isOne(of: "PB") ? 2 : 1
                }
            case "Q":
                add("K")
                i += at(i + 1) == "Q" ? 2 : 1
            case "R":
                if i == last && !slavoGermanic && has(i - 2, 2, "IE") && !has(i - 4, 2, "ME", "MA") {
                    add("", "R")
                } else {
                    add("R")
                }
                i += at(i + 1) == "R" ? 2 : 1
            case "S": i = s_(i)
            case "T": i = t_(i)
            case "V":
                add("F")
                i += at(i + 1) == "V" ? 2 : 1
            case "W": i = w_(i)
            case "X":
                if !(i == last && (has(i - 3, 3, "IAU", "EAU") || has(i - 2, 2, "AU", "OU"))) { add("KS") }
                i += at(i + 1).isOne(of: "CX") ? 2 : 1
            case "Z":
                if at(i + 1) == "H" {
                    add("J")
                    i += 2
                } else {
                    if has(i + 1, 2, "ZO", "ZI", "ZA") || (slavoGermanic && i > 0 && at(i - 1) != "T") {
                        add("S", "TS")
                    } else {
                        add("S")
                    }
                    i += at(i + 1) == "Z" ? 2 : 1
                }
            default:
                i += 1
            }
        }
    }

    mutating func c_(_ i: Int) -> Int {
        if i > 1 && !isVowel(i - 2) && has(i - 1, 3, "ACH") && at(i + 2) != "I"
            && (at(i + 2) != "E" || has(i - 2, 6, "BACHER", "MACHER"))
        {
            add("K")
            return i + 2
        }
        if i == 0 && has(i, 6, "CAESAR") {
            add("S")
            return i + 2
        }
        if has(i, 4, "CHIA") {
            add("K")
            return i + 2
        }
        if has(i, 2, "CH") {
            if i > 0 && has(i, 4, "CHAE") {
                add("K", "X")
                return i + 2
            }
            if i == 0 && (has(i + 1, 5, "HARAC", "HARIS") || has(i + 1, 3, "HOR", "HYM", "HIA", "HEM"))
                && !has(0, 5, "CHORE")
            {
                add("K")
                return i + 2
            }
            if has(0, 4, "VAN ", "VON ") || has(0, 3, "SCH") || has(i - 2, 6, "ORCHES", "ARCHIT", "ORCHID")
                || at(i + 2).isOne(of: "TS")
                || ((i == 0 || at(i - 1).isOne(of: "AOUE")) && at(i + 2).isOne(of: "LRNMBHFVW ") && at(i + 2) != "\0")
            {
                add("K")
            } else if i > 0 {
                if has(0, 2, "MC") { add("K") } else { add("X", "K") }
            } else {
                add("X")
            }
            return i + 2
        }
        if has(i, 2, "CZ") && !has(i - 2, 4, "WICZ") {
            add("S", "X")
            return i + 2
        }
        if has(i + 1, 3, "CIA") {
            add("X")
            return i + 3
        }
        if has(i, 2, "CC") && !(i == 1 && at(0) == "M") {
            if at(i + 2).isOne(of: "IEH") && at(i + 2) != "\0" && !has(i + 2, 2, "HU") {
                if (i == 1 && at(i - 1) == "A") || has(i - 1, 5, "UCCEE", "UCCES") { add("KS") } else { add("X") }
                return i + 3
            }
            add("K")
            return i + 2
        }
        if has(i, 2, "CK", "CG", "CQ") {
            add("K")
            return i + 2
        }
        if has(i, 2, "CI", "CE", "CY") {
            if has(i, 3, "CIO", "CIE", "CIA") { add("S", "X") } else { add("S") }
            return i + 2
        }
        add("K")
        if has(i + 1, 2, " C", " Q", " G") { return i + 3 }
        if at(i + 1).isOne(of: "CKQ") && !has(i + 1, 2, "CE", "CI") { return i + 2 }
        return i + 1
    }

    mutating func g_(_ i: Int) -> Int {
        if at(i + 1) == "H" {
            if i > 0 && !isVowel(i - 1) {
                add("K")
                return i + 2
            }
            if i == 0 {
                if at(i + 2) == "I" { add("J") } else { add("K") }
                return i + 2
            }
            if (i > 1 && at(i - 2).isOne(of: "BHD")) || (i > 2 && at(i - 3).isOne(of: "BHD"))
                || (i > 3 && at(i - 4).isOne(of: "BH"))
            {
                return i + 2
            }
            if i > 2 && at(i - 1) == "U" && at(i - 3).isOne(of: "CGLRT") {
                add("F")
            } else if i > 0 && at(i - 1) != "I" {
                add("K")
            }
            return i + 2
        }
        if at(i + 1) == "N" {
            if i == 1 && isVowel(0) && !slavoGermanic {
                add("KN", "N")
            } else if !has(i + 2, 2, "EY") && at(i + 1) != "Y" && !slavoGermanic {
                add("N", "KN")
            } else {
                add("KN")
            }
            return i + 2
        }
        if has(i + 1, 2, "LI") && !slavoGermanic {
            add("KL", "L")
            return i + 2
        }
        if i == 0
            && (at(i + 1) == "Y" || has(i + 1, 2, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER"))
        {
            add("K", "J")
            return i + 2
        }
        if (has(i + 1, 2, "ER") || at(i + 1) == "Y") && !has(0, 6, "DANGER", "RANGER", "MANGER")
            && !at(i - 1).isOne(of: "EI") && !has(i - 1, 3, "RGY", "OGY")
        {
            add("K", "J")
            return i + 2
        }
        if at(i + 1).isOne(of: "EIY") && at(i + 1) != "\0" || has(i - 1, 4, "AGGI", "OGGI") {
            if has(0, 4, "VAN ", "VON ") || has(0, 3, "SCH") || has(i + 1, 2, "ET") {
                add("K")
            } else if has(i + 1, 4, "IER ") || (i + 3 == w.count && has(i + 1, 3, "IER")) {
                add("J")
            } else {
                add("J", "K")
            }
            return i + 2
        }
        add("K")
        return at(i + 1) == "G" ? i + 2 : i + 1
    }

    mutating func j_(_ i: Int) -> Int {
        if has(i, 4, "JOSE") || has(0, 4, "SAN ") {
            if (i == 0 && at(i + 4) == " ") || has(0, 4, "SAN ") { add("H") } else { add("J", "H") }
            return i + 1
        }
        if i == 0 && !has(i, 4, "JOSE") {
            add("J", "A")
        } else if isVowel(i - 1) && !slavoGermanic && (at(i + 1) == "A" || at(i + 1) == "O") {
            add("J", "H")
        } else if i == last {
            add("J", "")
        } else if !at(i + 1).isOne(of: "LTKSNMBZ") && !at(i - 1).isOne(of: "SKL") {
            add("J")
        }
        return at(i + 1) == "J" ? i + 2 : i + 1
    }

    mutating func s_(_ i: Int) -> Int {
        if has(i - 1, 3, "ISL", "YSL") { return i + 1 }
        if i == 0 && has(i, 5, "SUGAR") {
            add("X", "S")
            return i + 1
        }
        if has(i, 2, "SH") {
            if has(i + 1, 4, "HEIM", "HOEK", "HOLM", "HOLZ") { add("S") } else { add("X") }
            return i + 2
        }
        if has(i, 3, "SIO", "SIA") || has(i, 4, "SIAN") {
            if slavoGermanic { add("S") } else { add("S", "X") }
            return i + 3
        }
        if (i == 0 && at(i + 1).isOne(of: "MNLW") && at(i + 1) != "\0") || at(i + 1) == "Z" {
            add("S", "X")
            return at(i + 1) == "Z" ? i + 2 : i + 1
        }
        if has(i, 2, "SC") {
            if at(i + 2) == "H" {
                if has(i + 3, 2, "OO", "ER", "EN", "UY", "ED", "EM") {
                    if has(i + 3, 2, "ER", "EN") { add("X", "SK") } else { add("SK") }
                } else if i == 0 && !isVowel(3) && at(3) != "W" {
                    add("X", "S")
                } else {
                    add("X")
                }
                return i + 3
            }
            if at(i + 2).isOne(of: "IEY") && at(i + 2) != "\0" { add("S") } else { add("SK") }
            return i + 3
        }
        if i == last && has(i - 2, 2, "AI", "OI") { add("", "S") } else { add("S") }
        return at(i + 1).isOne(of: "SZ") && at(i + 1) != "\0" ? i + 2 : i + 1
    }

    mutating func t_(_ i: Int) -> Int {
        if has(i, 4, "TION") || has(i, 3, "TIA", "TCH") {
            add("X")
            return i + 3
        }
        if has(i, 2, "TH") || has(i, 3, "TTH") {
            if has(i + 2, 2, "OM", "AM") || has(0, 4, "VAN ", "VON ") || has(0, 3, "SCH") {
                add("T")
            } else {
                add("0", "T")
            }
            return i + 2
        }
        add("T")
        return at(i + 1).isOne(of: "TD") && at(i + 1) != "\0" ? i + 2 : i + 1
    }

    mutating func w_(_ i: Int) -> Int {
        if has(i, 2, "WR") {
            add("R")
            return i + 2
        }
        if i == 0 && (isVowel(i + 1) || has(i, 2, "WH")) {
            if isVowel(i + 1) { add("A", "F") } else { add("A") }
        }
        if (i == last && isVowel(i - 1)) || has(i - 1, 5, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || has(0, 3, "SCH") {
            add("", "F")
            return i + 1
        }
        if has(i, 4, "WICZ", "WITZ") {
            add("TS", "FX")
            return i + 4
        }
        return i + 1
    }
}

/// A key being built: ASCII letters, the first 16 inline (a key is read to 4 letters; the loop
/// stops soon after), any further ones in a string. Appending to a `String` per piece cost more
/// than the rest of the encoding.
private struct KeyText {
    /// The first 16 bytes.
    private var head: (UInt64, UInt64) = (0, 0)
    /// The bytes after the first 16 (rare: only a long key's).
    private var tail: [UInt8] = []
    /// The number of bytes appended.
    private(set) var count = 0

    /// Appends the bytes of a piece.
    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        for byte in piece {
            if count < 16 {
                let at = count
                withUnsafeMutableBytes(of: &head) { $0[at] = byte }
            } else {
                tail.append(byte)
            }
            count += 1
        }
    }

    /// The first `length` bytes (all of them when fewer) as a string.
    func prefix(_ length: Int) -> String {
        let kept = max(0, min(length, count))
        return withUnsafeBytes(of: head) { head in
            String(unsafeUninitializedCapacity: kept) { out in
                for index in 0..<min(kept, out.count) {
                    out[index] = index < 16 ? head[index] : tail[index - 16]
                }
                return min(kept, out.count)
            }
        }
    }
}
