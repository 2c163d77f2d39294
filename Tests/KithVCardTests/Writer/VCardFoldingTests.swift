import PropertyBased
import Testing

@testable import KithVCard

/// Random Unicode text weighted towards what folding and escaping must get right: ASCII,
/// the characters vCard escapes, and 2-, 3- and 4-byte UTF-8 sequences.
let unicodeText = Gen<UInt32>.value(in: 0...0x10FFFF)
    .map { (seed: UInt32) -> Unicode.Scalar in
        let specials: [Unicode.Scalar] = [",", ";", "\\", ":", "\n", "\r", "\"", " ", "^"]
        let pick: UInt32
        switch seed % 6 {
        case 0: pick = 0x20 + seed % 0x5F
        case 1: return specials[Int(seed / 6) % specials.count]
        case 2: pick = 0x80 + seed % 0x780  // 2 bytes
        case 3: pick = 0x800 + seed % 0xD000  // 3 bytes, below the surrogates
        default: pick = 0x10000 + seed % 0x100000  // 4 bytes
        }
        return Unicode.Scalar(pick) ?? "?"
    }
    .array(of: 0...240)
    .map { scalars in
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

@Suite struct VCardFoldingTests {
    @Test func foldingRoundTripsAndKeepsLinesShortAndWhole() async {
        await propertyCheck(count: 400, input: unicodeText) { text in
            // A content line never holds a raw line break: escape the value first.
            let line = "NOTE:" + VCardEscaping.text(text, escapingSemicolon: false)
            let folded = VCardFolding.fold(line)
            #expect(VCardFolding.unfold(folded) == [Array(line.utf8)])
            var physical = folded.split(separator: 0x0A, omittingEmptySubsequences: false)
            #expect(physical.removeLast().isEmpty)
            for (index, raw) in physical.enumerated() {
                #expect(raw.last == 0x0D, "every line ends with CRLF")
                let content = raw.dropLast()
                #expect(content.count <= 75, "line \(index) has \(content.count) octets")
                let body = index == 0 ? content : content.dropFirst()
                if index > 0 { #expect(content.first == 0x20) }
                #expect(String(validating: Array(body), as: UTF8.self) != nil, "line \(index) splits a UTF-8 sequence")
            }
        }
    }

    @Test func shortLinesAreNotFolded() {
        let line = "FN:" + String(repeating: "a", count: 72)  // exactly 75 octets
        #expect(VCardFolding.fold(line) == Array((line + "\r\n").utf8))
    }

    @Test func longASCIILineFoldsAt75Then74() {
        let line = String(repeating: "x", count: 75 + 74 + 10)
        let expected =
            String(repeating: "x", count: 75) + "\r\n " + String(repeating: "x", count: 74) + "\r\n "
            + String(repeating: "x", count: 10) + "\r\n"
        #expect(VCardFolding.fold(line) == Array(expected.utf8))
    }

    @Test func aFourByteScalarAtTheLimitMovesToTheNextLine() {
        // 73 ASCII octets, then U+1F600 (4 octets: F0 9F 98 80) would end at octet 77.
        let line = String(repeating: "a", count: 73) + "\u{1F600}b"
        let expected = String(repeating: "a", count: 73) + "\r\n \u{1F600}b\r\n"
        #expect(VCardFolding.fold(line) == Array(expected.utf8))
    }
}

@Suite struct VCardEscapingTests {
    /// What a value becomes after escaping and unescaping: line breaks are written as `\n`, so
    /// CRLF and CR come back as LF.
    static func normalizedBreaks(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
            } else if scalar == "\n" {
                if !previousCR { out.append("\n") }
            } else {
                out.append(scalar)
            }
            previousCR = scalar == "\r"
        }
        return String(out)
    }

    /// The positions of unescaped occurrences of `byte` in an escaped value, and whether every
    /// backslash starts one of the escapes vCard defines.
    static func scan(_ escaped: String, for byte: UInt8) -> (unescaped: Int, badEscapes: Int) {
        var unescaped = 0
        var bad = 0
        var iterator = escaped.utf8.makeIterator()
        while let current = iterator.next() {
            if current == 0x5C {
                guard let next = iterator.next() else {
                    bad += 1
                    break
                }
                if ![0x5C, 0x2C, 0x3B, 0x6E].contains(next) { bad += 1 }
            } else if current == byte {
                unescaped += 1
            }
        }
        return (unescaped, bad)
    }

    @Test(arguments: [false, true])
    func textEscapingRoundTrips(semicolon: Bool) async {
        await propertyCheck(count: 300, input: unicodeText) { text in
            let escaped = VCardEscaping.text(text, escapingSemicolon: semicolon)
            #expect(VCardEscaping.unescape(escaped) == Self.normalizedBreaks(text))
            #expect(!escaped.utf8.contains(0x0A) && !escaped.utf8.contains(0x0D))
            let commas = Self.scan(escaped, for: 0x2C)
            #expect(commas.unescaped == 0 && commas.badEscapes == 0)
            if semicolon { #expect(Self.scan(escaped, for: 0x3B).unescaped == 0) }
        }
    }

    @Test func structuredComponentsSplitBackIntoTheSameComponents() async {
        await propertyCheck(count: 200, input: unicodeText.array(of: 5...5)) { components in
            let value = components.map(VCardEscaping.component).joined(separator: ";")
            // Split on unescaped semicolons, as a reader does.
            var parts: [String] = []
            var current: [UInt8] = []
            var iterator = value.utf8.makeIterator()
            while let byte = iterator.next() {
                if byte == 0x5C, let next = iterator.next() {
                    current += [byte, next]
                } else if byte == 0x3B {
                    parts.append(String(decoding: current, as: UTF8.self))
                    current = []
                } else {
                    current.append(byte)
                }
            }
            parts.append(String(decoding: current, as: UTF8.self))
            #expect(parts.map(VCardEscaping.unescape) == components.map(Self.normalizedBreaks))
        }
    }

    @Test(arguments: [
        ("plain", true, "plain"),
        ("a,b", true, "\"a,b\""),
        ("x:y", false, "\"x:y\""),
        ("say \"hi\"", true, "say ^'hi^'"),
        ("say \"hi\"", false, "say 'hi'"),
        ("two\nlines", true, "two^nlines"),
        ("a^b", true, "a^^b"),
        ("a^b", false, "a^b"),
    ])
    func parameterValues(value: String, caret: Bool, expected: String) {
        #expect(VCardEscaping.parameterValue(value, caretEncoding: caret) == expected)
    }

    @Test(arguments: [
        ("Home Page 2", "HOME-PAGE-2"), ("x-abc", "X-ABC"), ("Ünïcode", "-N-CODE"), ("", "X-"),
    ])
    func invalidNamesAreMadeValid(name: String, expected: String) {
        #expect(VCardEscaping.name(name) == expected)
    }
}
