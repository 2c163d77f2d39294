import Testing

@testable import KithCSV

@Suite struct CSVRecordScannerTests {
    /// Scans a whole text into rows of strings.
    static func rows(_ text: String, dialect: CSVDialect = .comma) -> [[String]] {
        var scanner = CSVRecordScanner(bytes: Array(text.utf8), dialect: dialect)
        var out: [[String]] = []
        var row = CSVRow()
        while scanner.next(into: &row) { out.append(row.fields.map { scanner.string(of: $0) }) }
        return out
    }

    // RFC 4180 section 2 examples, and the variations the RFC allows or producers write.
    @Test(arguments: [
        ("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n", [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]]),  // 2.1
        ("aaa,bbb,ccc\r\nzzz,yyy,xxx", [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]]),  // 2.2 no final break
        ("\"aaa\",\"bbb\",\"ccc\"\r\nzzz,yyy,xxx", [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]]),  // 2.5
        ("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,yyy,xxx", [["aaa", "b\r\nbb", "ccc"], ["zzz", "yyy", "xxx"]]),  // 2.6
        ("\"aaa\",\"b\"\"bb\",\"ccc\"", [["aaa", "b\"bb", "ccc"]]),  // 2.7
        ("a,\"x,y\",c\n", [["a", "x,y", "c"]]),
        ("a\rb\nc\r\nd", [["a"], ["b"], ["c"], ["d"]]),
        ("a,,\n", [["a", "", ""]]),
        ("a,", [["a", ""]]),
        ("\"\"", [[""]]),
        ("\"a\"b,c", [["\"a\"b", "c"]]),
    ])
    func rfc4180(text: String, expected: [[String]]) {
        #expect(Self.rows(text) == expected)
    }

    @Test func quotedEmptyIsToldApartFromEmpty() throws {
        var scanner = CSVRecordScanner(bytes: Array("\"\",,\"x\"".utf8))
        let scanned = scanner.next()
        let row = try #require(scanned)
        #expect(row.fields.map(\.isQuoted) == [true, false, true])
        #expect(row.fields.map(\.isEmpty) == [true, true, false])
    }

    @Test func physicalLinesCountBreaksInsideQuotes() {
        var scanner = CSVRecordScanner(bytes: Array("h1,h2\r\n\"a\nb\rc\r\nd\",x\ny,z\n".utf8))
        var lines: [Int] = []
        var row = CSVRow()
        while scanner.next(into: &row) { lines.append(row.line) }
        #expect(lines == [1, 2, 6])
    }

    @Test func unterminatedQuoteRunsToEndAndIsFlagged() throws {
        var scanner = CSVRecordScanner(bytes: Array("a,\"open\nrest".utf8))
        let scanned = scanner.next()
        let row = try #require(scanned)
        #expect(row.hasUnterminatedQuote)
        #expect(scanner.string(of: row.fields[1]) == "open\nrest")
        #expect(scanner.next() == nil)
    }

    @Test func strayQuoteIsFlaggedAndKeptVerbatim() throws {
        var scanner = CSVRecordScanner(bytes: Array("\"a\"b,c".utf8))
        let scanned = scanner.next()
        let row = try #require(scanned)
        #expect(row.hasStrayQuote)
    }

    @Test(arguments: [
        ("a;b;c\n1;2;3\n", ";"),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ("a,b,c\n1,2,3\n", ","),
        ("\"x;y\",b,c\n1,2,3\n", ","),
    ])
    func sniffsDelimiter(text: String, expected: Character) {
        let dialect = CSVDialect.sniff(ArraySlice(Array(text.utf8)))
        #expect(dialect.delimiter == expected.asciiValue)
        #expect(dialect.alternatives.isEmpty)
    }

    @Test func sniffsMixedCommaAndTab() {
        // The shape of corpus csv/thunderbird/tab_comma_mixed.csv.
        let text = "1,1,1,1,1@host.invalid,,,\n2\t2\t2\t2\t2@host.invalid\n3\t3\t3\t3\t3@host.invalid\n"
        let dialect = CSVDialect.sniff(ArraySlice(Array(text.utf8)))
        #expect(dialect.delimiter == UInt8(ascii: ","))
        #expect(dialect.alternatives == [0x09])
        let rows = Self.rows(text, dialect: dialect)
        #expect(rows.map(\.count) == [8, 5, 5])
        #expect(rows[2] == ["3", "3", "3", "3", "3@host.invalid"])
    }
}
