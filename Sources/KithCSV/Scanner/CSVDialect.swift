/// How a CSV file separates its fields: the delimiter, and whether records may switch between
/// delimiters.
public struct CSVDialect: Hashable, Sendable, CustomStringConvertible {
    /// The field delimiter byte (`,`, `;` or TAB).
    public var delimiter: UInt8
    /// Other delimiters a record may use instead. When not empty, each record chooses, from
    /// `delimiter` and these, the byte that occurs most often on its first physical line.
    /// Thunderbird's importer accepts files whose first row is comma-separated and whose other
    /// rows are TAB-separated (corpus csv/thunderbird/tab_comma_mixed.csv).
    public var alternatives: [UInt8]

    /// Creates a dialect.
    public init(delimiter: UInt8, alternatives: [UInt8] = []) {
        self.delimiter = delimiter
        self.alternatives = alternatives
    }

    /// Comma-separated, as RFC 4180 says.
    public static let comma = CSVDialect(delimiter: UInt8(ascii: ","))
    /// Semicolon-separated, as spreadsheets write CSV in locales with a decimal comma.
    public static let semicolon = CSVDialect(delimiter: UInt8(ascii: ";"))
    /// TAB-separated (`.tsv`, `.tab`, Thunderbird's `.txt` export).
    public static let tab = CSVDialect(delimiter: 0x09)

    /// `comma`, `semicolon`, `tab`, or a `+`-joined list for mixed files (`comma+tab`).
    public var description: String {
        ([delimiter] + alternatives).map(Self.name(of:)).joined(separator: "+")
    }

    static func name(of byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: ";"): "semicolon"
        case 0x09: "tab"
        default: "0x" + String(byte, radix: 16)
        }
    }

    /// The candidate delimiters, in the order ties are broken.
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]

    /// Finds the dialect of a file from its first records.
    ///
    /// Each candidate delimiter splits up to 20 records of the sample, quotes respected. A
    /// record's best delimiter is the one that gives it the most fields (more than one). The
    /// dialect takes the header's best delimiter (the first record with more than one field);
    /// when later records are best split by another candidate *and* hold a single field under the
    /// header's delimiter, that candidate is allowed per record (mixed files).
    ///
    /// - Parameter sample: the first bytes of the file (64 KiB is plenty).
    /// - Returns: the dialect; comma when nothing is conclusive.
    /// - Complexity: O(n) in the sample size.
    public static func sniff(_ sample: ArraySlice<UInt8>) -> CSVDialect {
        let bytes = Array(sample)
        var counts: [[Int]] = []
        for candidate in candidates {
            var scanner = CSVRecordScanner(bytes: bytes, dialect: CSVDialect(delimiter: candidate))
            var row = CSVRow()
            var perRecord: [Int] = []
            while perRecord.count < 20, scanner.next(into: &row) {
                // A record cut off by the end of the sample says nothing reliable.
                if row.hasUnterminatedQuote { break }
                if row.fields.count == 1, row.fields[0].isEmpty { continue }
                perRecord.append(row.fields.count)
            }
            counts.append(perRecord)
        }
        let records = counts.map(\.count).min() ?? 0
        guard records > 0 else { return .comma }
        func best(_ record: Int) -> Int? {
            var winner: Int?
            for index in candidates.indices where counts[index][record] > 1 {
                if winner.map({ counts[index][record] > counts[$0][record] }) ?? true { winner = index }
            }
            return winner
        }
        guard let headerRecord = (0..<records).first(where: { best($0) != nil }),
            let chosen = best(headerRecord)
        else { return .comma }
        var alternatives: [UInt8] = []
        for record in headerRecord..<records {
            guard let other = best(record), other != chosen, counts[chosen][record] == 1 else { continue }
            if !alternatives.contains(candidates[other]) { alternatives.append(candidates[other]) }
        }
        return CSVDialect(delimiter: candidates[chosen], alternatives: alternatives)
    }
}
