import KithModel
import KithTestSupport
import Testing

@testable import KithCSV

/// Every CSV of the shared corpus imports with the record count MANIFEST.md gives ("N rows incl.
/// header" less the header; headerless files count every row).
@Suite(requiresCorpus) struct CorpusImportTests {
    static let expectedRecords: [(String, Int)] = [
        ("csv/roundcube/all.csv", 1), ("csv/roundcube/email.csv", 4), ("csv/roundcube/gmail.csv", 1),
        ("csv/roundcube/outlook.csv", 1), ("csv/roundcube/tb_plain.csv", 1),
        ("csv/thunderbird/basic_addressbook.csv", 1), ("csv/thunderbird/basic_csv_addressbook.csv", 2),
        ("csv/thunderbird/browser-import.csv", 1), ("csv/thunderbird/csv_no_header.csv", 2),
        ("csv/thunderbird/csv_semicolon.csv", 2), ("csv/thunderbird/export-tab.txt", 2),
        ("csv/thunderbird/export.csv", 2), ("csv/thunderbird/quote.csv", 1),
        ("csv/thunderbird/shiftjis_addressbook.csv", 1), ("csv/thunderbird/tab_comma_mixed.csv", 4),
        ("csv/thunderbird/utf16_addressbook.csv", 1), ("csv/tine20/google_contacts.csv", 5),
        ("csv/tine20/import_duplicate_1.csv", 2), ("csv/tine20/import_duplicate_2.csv", 2),
        ("csv/tine20/import_split.csv", 1), ("csv/tine20/import_split_duplicate.csv", 2),
        ("csv/tine20/importtest_lxoffice2.csv", 6), ("csv/tine20/importtest_outlook2013.csv", 2),
        ("csv/tine20/importtest_win1252.csv", 4),
    ]

    @Test(arguments: expectedRecords)
    func importsWithManifestRowCount(file: String, records: Int) throws {
        let result = try CSVReading.corpus(file)
        #expect(result.report.records == records)
        #expect(result.contacts.count == records)
        #expect(result.report.format == "csv")
        // Records are numbered 0, 1, 2… in file order.
        #expect(result.contacts.map { Int($0.ref.index) } == Array(0..<records))
    }

    @Test func everyCorpusCSVIsInTheTable() {
        let files = TestPaths.corpusFiles(under: "csv", extensions: ["csv", "txt"])
            .map { $0.path.components(separatedBy: "/corpus/").last ?? "" }
        #expect(Set(files) == Set(Self.expectedRecords.map(\.0)))
    }

    @Test(arguments: [
        ("csv/roundcube/gmail.csv", "csv/google-legacy", "utf-8"),
        ("csv/tine20/google_contacts.csv", "csv/google-legacy", "utf-8"),
        ("csv/roundcube/all.csv", "csv/roundcube-all", "utf-8"),
        ("csv/roundcube/tb_plain.csv", "csv/thunderbird", "utf-8"),
        ("csv/thunderbird/csv_no_header.csv", "csv/headerless", "utf-8"),
        ("csv/thunderbird/tab_comma_mixed.csv", "csv/headerless", "utf-8"),
        ("csv/thunderbird/utf16_addressbook.csv", "csv/thunderbird", "utf-16le"),
        ("csv/thunderbird/shiftjis_addressbook.csv", "csv/thunderbird", "shift_jis"),
        ("csv/tine20/importtest_outlook2013.csv", "csv/outlook-de", "windows-1252"),
        ("csv/tine20/importtest_win1252.csv", "csv/generic", "windows-1252"),
    ])
    func flavorAndEncoding(file: String, flavor: String, encoding: String) throws {
        let report = try CSVReading.corpus(file).report
        #expect(report.flavor == flavor)
        #expect(report.encoding == encoding)
    }

    @Test func physicalLinesAndIndexes() throws {
        // google_contacts.csv: the fifth row's quoted address spans two lines; Outlook 2013's
        // first row has a quoted line break in Notizen, so its second row starts on line 4.
        let google = try CSVReading.corpus("csv/tine20/google_contacts.csv").contacts
        #expect(google.map(\.line) == [2, 3, 4, 5, 6])
        let outlook = try CSVReading.corpus("csv/tine20/importtest_outlook2013.csv").contacts
        #expect(outlook.map(\.line) == [2, 4])
        let headerless = try CSVReading.corpus("csv/thunderbird/csv_no_header.csv").contacts
        #expect(headerless.map(\.line) == [1, 2])
    }
}
