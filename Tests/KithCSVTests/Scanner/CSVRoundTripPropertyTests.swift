import PropertyBased
import Testing

@testable import KithCSV

/// The law: fields written with RFC 4180 quoting and scanned again come back unchanged.
@Suite struct CSVRoundTripPropertyTests {
    /// Pieces that exercise every rule: delimiters, quotes, all line breaks, non-ASCII, spaces.
    static let pieces = ["a", "Zoë", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", "名", "x y", "@"]

    static let field = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...5).map { $0.joined() }
    static let record = field.array(of: 1...6)

    /// Writes records as RFC 4180 says: fields with a delimiter, quote or line break are quoted
    /// and their quotes doubled; `quoteAll` quotes every field (as Outlook does).
    static func write(_ records: [[String]], delimiter: Character, quoteAll: Bool) -> String {
        records.map { record in
            record.map { field in
                let special = field.contains(delimiter) || field.contains("\"") || field.contains("\n")
                    || field.contains("\r")
                // A record of one empty field would be a blank line; quote it so it stays a record.
                let lonelyEmpty = record.count == 1 && field.isEmpty
                guard quoteAll || special || lonelyEmpty else { return field }
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }.joined(separator: String(delimiter))
        }.joined(separator: "\r\n") + "\r\n"
    }

    @Test func writtenFieldsScanBackUnchanged() async {
        await propertyCheck(count: 300, input: Self.record.array(of: 1...5), Gen.bool, Gen<Character?>.element(of: [",", ";", "\t"])) {
            records, quoteAll, delimiter in
            let delimiter = delimiter ?? ","
            let text = Self.write(records, delimiter: delimiter, quoteAll: quoteAll)
            var scanner = CSVRecordScanner(
                bytes: Array(text.utf8), dialect: CSVDialect(delimiter: delimiter.asciiValue ?? UInt8(ascii: ",")))
            var scanned: [[String]] = []
            var row = CSVRow()
            while scanner.next(into: &row) {
                #expect(!row.hasStrayQuote && !row.hasUnterminatedQuote)
                scanned.append(row.fields.map { scanner.string(of: $0) })
            }
            #expect(scanned == records)
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }

    fileprivate func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
