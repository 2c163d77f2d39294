import Foundation

@testable import KithVCard

/// An independent check of written vCard 4.0 text against RFC 6350.
///
/// Checks, with the section of RFC 6350 each comes from:
/// 1. §3.2: valid UTF-8; every physical line ends with CRLF; no line longer than 75 octets;
///    continuation lines start with a space (the writer never folds with TAB).
/// 2. §3.3: every logical line is a `contentline`: `[group "."] name *(";" param) ":" value`,
///    names `1*(ALPHA / DIGIT / "-")`, parameter values `*SAFE-CHAR` or a quoted string of
///    `QSAFE-CHAR`, values without control characters other than HTAB.
/// 3. §6.1: `BEGIN:VCARD` first, `VERSION:4.0` second, `END:VCARD` last.
/// 4. §6 cardinalities: at least one `FN`; at most one `N`, `BDAY`, `ANNIVERSARY`, `GENDER`,
///    `KIND`, `PRODID`, `REV`, `UID` (and RFC 6474's `DEATHDATE`), unless all share one `ALTID`
///    (§5.4).
/// 5. §3.4 and §6: text values use only the escapes `\\`, `\,`, `\;`, `\n`/`\N`; no unescaped
///    comma in single TEXT values (`FN`, `NOTE`, `TITLE`, `ROLE`); `N` has 5 and `ADR` 7
///    components; `BDAY`, `ANNIVERSARY`, `DEATHDATE` match `date-and-or-time` (§4.3.4) unless
///    `VALUE=text`; `REV` is a `timestamp`; `KIND` is a known kind; `GENDER`'s sex is one of
///    `M F O N U` or empty; `PREF` is an integer 1–100; `MEMBER` appears only with
///    `KIND:group`; URI properties (`PHOTO`, `LOGO`, `SOUND`, `URL`, `MEMBER`, `IMPP`,
///    `RELATED` without `VALUE=text`, `TEL` with `VALUE=uri`) start with a scheme.
enum VCard4Grammar {
    struct Line {
        var group: String?
        var name: String
        var parameters: [(String, [String])]
        var value: String

        func parameter(_ name: String) -> [String]? { parameters.first { $0.0 == name }?.1 }
    }

    static var dateAndOrTime: Regex<AnyRegexOutput>? {
        let date = #"(\d{8}|\d{4}-\d{2}|\d{4}|--\d{4}|--\d{2}|---\d{2})"#
        let noReduc = #"(\d{8}|--\d{4}|---\d{2})"#
        let time = #"(\d{2}(\d{2}(\d{2})?)?(Z|[+-]\d{2}(\d{2})?)?)"#
        return try? Regex("(\(noReduc)T\(time)|\(date)|T\(time))")
    }

    static var timestamp: Regex<AnyRegexOutput>? { try? Regex(#"\d{8}T\d{6}(Z|[+-]\d{2}(\d{2})?)?"#) }

    static func matches(_ text: String, _ regex: Regex<AnyRegexOutput>?) -> Bool {
        guard let regex else { return false }
        return (try? regex.wholeMatch(in: text)) != nil
    }

    /// The problems found in a file of cards; empty when it conforms.
    static func check(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        guard String(validating: bytes, as: UTF8.self) != nil else { return ["not UTF-8"] }
        var physical = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if physical.last?.isEmpty == true { physical.removeLast() } else { problems.append("no final CRLF") }
        for (index, line) in physical.enumerated() {
            if line.last != 0x0D { problems.append("line \(index + 1): not ended by CRLF") }
            if line.count - 1 > 75 { problems.append("line \(index + 1): \(line.count - 1) octets") }
            if line.first == 0x09 { problems.append("line \(index + 1): continuation starts with TAB, not a space") }
        }
        var card: [Line] = []
        for raw in VCardFolding.unfold(bytes) {
            let text = String(decoding: raw, as: UTF8.self)
            guard let line = parse(text) else {
                problems.append("not a content line: \(text)")
                continue
            }
            card.append(line)
            if line.name == "END" {
                problems += checkCard(card)
                card = []
            }
        }
        if !card.isEmpty { problems.append("card without END") }
        return problems
    }

    static func isName(_ text: Substring) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy {
                ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D
            }
    }

    /// Parses a content line by the ABNF; `nil` when it does not match.
    static func parse(_ text: String) -> Line? {
        let bytes = Array(text.utf8)
        var index = 0
        func scanName() -> Substring? {
            let start = index
            while index < bytes.count, bytes[index] != 0x3B, bytes[index] != 0x3A, bytes[index] != 0x2E,
                bytes[index] != 0x3D
            {
                index += 1
            }
            let name = Substring(String(decoding: bytes[start..<index], as: UTF8.self))
            return isName(name) ? name : nil
        }
        guard var name = scanName() else { return nil }
        var group: String?
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            group = String(name)
            guard let real = scanName() else { return nil }
            name = real
        }
        var parameters: [(String, [String])] = []
        while index < bytes.count, bytes[index] == 0x3B {
            index += 1
            guard let parameterName = scanName(), index < bytes.count, bytes[index] == 0x3D else { return nil }
            index += 1
            var values: [String] = []
            while true {
                var value: [UInt8] = []
                if index < bytes.count, bytes[index] == 0x22 {
                    index += 1
                    while index < bytes.count, bytes[index] != 0x22 {
                        if bytes[index] < 0x20 && bytes[index] != 0x09 { return nil }
                        value.append(bytes[index])
                        index += 1
                    }
                    guard index < bytes.count else { return nil }
                    index += 1
                } else {
                    while index < bytes.count, ![0x3B, 0x3A, 0x2C].contains(bytes[index]) {
                        if bytes[index] == 0x22 || (bytes[index] < 0x20 && bytes[index] != 0x09) { return nil }
                        value.append(bytes[index])
                        index += 1
                    }
                }
                values.append(String(decoding: value, as: UTF8.self))
                if index < bytes.count, bytes[index] == 0x2C { index += 1 } else { break }
            }
            parameters.append((parameterName.uppercased(), values))
        }
        guard index < bytes.count, bytes[index] == 0x3A else { return nil }
        let value = Array(bytes[(index + 1)...])
        if value.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) { return nil }
        return Line(
            group: group, name: name.uppercased(), parameters: parameters, value: String(decoding: value, as: UTF8.self)
        )
    }

    /// Splits on unescaped `sep`, checking escapes; `nil` on a bad escape.
    static func split(_ value: String, on separator: UInt8) -> [String]? {
        var parts: [String] = []
        var current: [UInt8] = []
        var iterator = value.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == 0x5C {
                guard let next = iterator.next(), [0x5C, 0x2C, 0x3B, 0x6E, 0x4E].contains(next) else { return nil }
                current += [byte, next]
            } else if byte == separator {
                parts.append(String(decoding: current, as: UTF8.self))
                current = []
            } else {
                current.append(byte)
            }
        }
        parts.append(String(decoding: current, as: UTF8.self))
        return parts
    }

    static func checkCard(_ card: [Line]) -> [String] {
        var problems: [String] = []
        let uid = card.first { $0.name == "UID" }?.value ?? "?"
        func problem(_ text: String) { problems.append("\(uid): \(text)") }
        guard card.count >= 3, card[0].name == "BEGIN", card[0].value.uppercased() == "VCARD" else {
            return ["\(uid): BEGIN:VCARD is not first"]
        }
        if card[1].name != "VERSION" || card[1].value != "4.0" { problem("VERSION:4.0 is not second") }
        if card.last?.value.uppercased() != "VCARD" { problem("END:VCARD is not last") }
        var counts: [String: Int] = [:]
        for line in card { counts[line.name, default: 0] += 1 }
        if (counts["FN"] ?? 0) < 1 { problem("no FN") }
        for name in ["N", "BDAY", "ANNIVERSARY", "DEATHDATE", "GENDER", "KIND", "PRODID", "REV", "UID"]
        where (counts[name] ?? 0) > 1 {
            // §5.4: several instances are allowed when they share one ALTID.
            let altIDs = Set(card.filter { $0.name == name }.map { $0.parameter("ALTID")?.first ?? "" })
            if altIDs.count != 1 || altIDs.contains("") { problem("\(name) appears \(counts[name] ?? 0) times") }
        }
        let kind = card.first { $0.name == "KIND" }?.value.lowercased()
        for line in card {
            let isText = line.parameter("VALUE")?.first?.lowercased() == "text"
            if let pref = line.parameter("PREF") {
                if pref.count != 1 || !(1...100).contains(Int(pref[0]) ?? 0) { problem("PREF \(pref)") }
            }
            switch line.name {
            case "FN", "NOTE", "TITLE", "ROLE":
                guard let parts = split(line.value, on: 0x2C) else {
                    problem("bad escape in \(line.name)")
                    continue
                }
                if parts.count != 1 { problem("unescaped comma in \(line.name)") }
            case "NICKNAME", "CATEGORIES":
                if split(line.value, on: 0x2C) == nil { problem("bad escape in \(line.name)") }
            case "N", "ADR", "ORG", "GENDER":
                guard let parts = split(line.value, on: 0x3B) else {
                    problem("bad escape in \(line.name)")
                    continue
                }
                if line.name == "N", parts.count != 5 { problem("N has \(parts.count) components") }
                if line.name == "ADR", parts.count != 7 { problem("ADR has \(parts.count) components") }
                if line.name == "GENDER", !["", "M", "F", "O", "N", "U"].contains(parts[0]) {
                    problem("GENDER sex \(parts[0])")
                }
            case "BDAY", "ANNIVERSARY", "DEATHDATE":
                if !isText, !matches(line.value, dateAndOrTime) { problem("\(line.name) \(line.value)") }
            case "REV":
                if !matches(line.value, timestamp) { problem("REV \(line.value)") }
            case "KIND":
                if !["individual", "group", "org", "location", "application", "device"].contains(
                    line.value.lowercased())
                {
                    problem("KIND \(line.value)")
                }
            case "MEMBER":
                if kind != "group" { problem("MEMBER without KIND:group") }
                if !VCardWriter.looksLikeURI(line.value) { problem("MEMBER \(line.value) is not a URI") }
            case "PHOTO", "LOGO", "SOUND", "URL", "IMPP":
                if !VCardWriter.looksLikeURI(line.value) {
                    problem("\(line.name) \(line.value.prefix(40)) is not a URI")
                }
            case "RELATED":
                if !isText, !VCardWriter.looksLikeURI(line.value) { problem("RELATED \(line.value) is not a URI") }
            case "TEL":
                if line.parameter("VALUE")?.first?.lowercased() == "uri", !VCardWriter.looksLikeURI(line.value) {
                    problem("TEL \(line.value) is not a URI")
                }
            default: break
            }
        }
        return problems
    }
}
