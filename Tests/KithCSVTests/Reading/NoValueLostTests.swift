import Foundation
import KithIO
import KithModel
import KithTestSupport
import Testing

@testable import KithCSV

/// Every non-empty cell of every corpus CSV and fixture appears in the contact of its row.
///
/// A cell is accounted for when its text (trimmed) is one of the contact's strings, or one line
/// of one of them (Outlook's Street, Street 2, Street 3 are joined by line breaks). The rules for
/// cells that are split or that carry no data, as the reader documents them:
/// - Google cells joined with ` ::: `, categories joined with `;` (Outlook) are split, and
///   Google's `* ` marker is removed from each piece (the marker becomes `pref`).
/// - Several emails in one cell (`a@x, b@y`) are split on `,`/`;`.
/// - Thunderbird's Birth Year/Month/Day cells are the parts of the date's raw text `Y-M-D`.
/// - Outlook's "no date" (`0/0/00`, `0.0.00`) and "unspecified" gender carry no data.
/// - Whitespace-only cells carry no data.
@Suite(requiresCorpus) struct NoValueLostTests {
    static var files: [String] {
        TestPaths.corpusFiles(under: "csv", extensions: ["csv", "txt"]).map(\.path)
            + ["google.csv", "outlook.csv", "outlook-com.csv", "linkedin.csv", "yahoo.csv"].map {
                TestPaths.fixture("csv/" + $0).path
            }
    }

    /// Every string a contact holds.
    static func strings(of c: Contact) -> Set<String> {
        var all: [String] = []
        func meta(_ m: FieldMeta) {
            all += m.types + [m.label].compactMap { $0 } + m.parameters.flatMap(\.values)
        }
        if let n = c.name {
            all += [n.full, n.phoneticGiven, n.phoneticSurname, n.phoneticAdditional, n.sortAs].compactMap { $0 }
            all += n.given + n.surname + n.additional + n.prefixes + n.suffixes
        }
        all += c.nicknames.map(\.value) + c.titles.map(\.value) + c.roles.map(\.value) + c.notes.map(\.value)
        all += c.categories.map(\.value) + c.members.map(\.value) + [c.gender?.value].compactMap { $0 }
        for e in c.emails { all.append(e.raw); meta(e.meta) }
        for p in c.phones { all.append(p.raw); meta(p.meta) }
        for a in c.addresses {
            all += [a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country, a.formatted ?? ""]
            meta(a.meta)
        }
        for o in c.organizations { all += [o.name] + o.units; meta(o.meta) }
        for d in c.dates { all.append(d.raw); all += d.raw.split(separator: "-").map(String.init); meta(d.meta) }
        for l in c.links { all.append(l.uri); meta(l.meta) }
        for s in c.onlineServices { all += [s.user, s.uri, s.service].compactMap { $0 }; meta(s.meta) }
        for r in c.related { all.append(r.value); meta(r.meta) }
        for m in c.media { all += [m.uri].compactMap { $0 } }
        for u in c.unmapped {
            all.append(u.value)
            // Parameters other than the column's name (Outlook's `X-EMAIL-TYPE=EX`).
            all += u.parameters.filter { $0.name != "X-COLUMN" }.flatMap(\.values)
        }
        var set = Set(all)
        for text in all where text.contains("\n") || text.contains("\r") {
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) { set.insert(String(line)) }
        }
        return set
    }

    static let noData: Set<String> = ["0/0/00", "0.0.00", "unspecified", "keine angabe"]

    /// The pieces a cell must be found as.
    static func pieces(_ cell: String) -> [String] {
        var parts = [cell]
        for separator in [" ::: ", ";"] { parts = parts.flatMap { $0.components(separatedBy: separator) } }
        parts = parts.flatMap { part -> [String] in
            let split = part.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return split.count > 1 && split.allSatisfy { $0.contains("@") } ? split : [part]
        }
        return parts.map { piece in
            var text = piece.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("* ") { text = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
            return text
        }.filter { !$0.isEmpty }
    }

    @Test(arguments: files)
    func everyCellAppears(path: String) throws {
        let bytes = try TestPaths.bytes(URL(fileURLWithPath: path))
        let result = try CSVReading.read(bytes: bytes, path: path)
        // Cells, read independently of the reader's mapping: same scanner, the file's charset.
        let input = InputFile(path: path, original: bytes)
        let charset: Charset =
            path.contains("shiftjis") ? .shiftJIS : input.encoding.isValidUTF8 ? .utf8 : .singleByte(.windows1252)
        var scanner = CSVRecordScanner(bytes: input.bytes, dialect: CSVDialect.sniff(input.bytes[...]))
        var rows: [[String]] = []
        var row = CSVRow()
        while scanner.next(into: &row) {
            if row.isBlank { continue }
            rows.append(row.fields.map { charset.decode(scanner.bytes(of: $0)).text })
        }
        let headerless = result.report.flavor == "csv/headerless"
        // LinkedIn's preamble: the "Notes:" line and its quoted paragraph.
        let skip = headerless ? 0 : result.report.flavor == "csv/linkedin" ? 3 : 1
        let data = Array(rows.dropFirst(skip))
        let byIndex = Dictionary(uniqueKeysWithValues: result.contacts.map { (Int($0.ref.index), $0) })
        var missing: [String] = []
        for (index, cells) in data.enumerated() {
            let bag = byIndex[index].map(Self.strings(of:)) ?? []
            for cell in cells {
                let trimmed = cell.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty || Self.noData.contains(trimmed.lowercased()) { continue }
                for piece in Self.pieces(cell) where !bag.contains(piece) {
                    missing.append("row \(index): \(piece.debugDescription)")
                }
            }
        }
        #expect(missing.isEmpty, "\(path): \(missing)")
    }
}
