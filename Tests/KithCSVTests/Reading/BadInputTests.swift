import KithModel
import Testing

@testable import KithCSV

/// Inputs that are not CSV give a clear error naming the file, and never crash.
@Suite struct BadInputTests {
    /// The first bytes of a PNG file.
    static let png: [UInt8] =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        + Array(repeating: 0, count: 64)

    @Test func binaryFileIsRefused() throws {
        let error = try #require(throws: KithError.self) {
            try CSVReading.read(bytes: Self.png, path: "photo.csv")
        }
        #expect(error.code == .unknownFormat)
        #expect(error.path == "photo.csv")
        #expect(error.message.contains("binary"))
        #expect(CSVReader.sniff(Self.png[...], path: "photo.csv") == 0)
    }

    @Test func textWithoutStructureIsRefused() throws {
        let text = "lorem ipsum dolor\nsit amet consectetur\nadipiscing elit sed\ndo eiusmod tempor\n"
        let error = try #require(throws: KithError.self) {
            try CSVReading.read(bytes: Array(text.utf8), path: "notes.txt")
        }
        #expect(error.code == .unknownFormat)
        #expect(error.path == "notes.txt")
        #expect(error.message.contains("First Name"))
        #expect(error.description.hasPrefix("notes.txt: io.unknown-format:"))
    }

    @Test func emptyFileIsRefused() throws {
        let error = try #require(throws: KithError.self) { try CSVReading.read(bytes: [], path: "empty.csv") }
        #expect(error.code == .unknownFormat)
    }

    @Test(arguments: [
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:John Doe\r\nEMAIL:john@doe.invalid\r\nEND:VCARD\r\n",
        "<?xml version=\"1.0\"?>\n<phonebooks><phonebook><contact/></phonebook></phonebooks>\n",
        "{\"kith\": 1, \"people\": []}\n",
    ])
    func otherFormatsSniffLow(text: String) {
        #expect(CSVReader.sniff(Array(text.utf8)[...], path: "input") <= 5)
    }

    @Test func csvSniffsHigh() {
        let google = "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value\nAda,Lovelace,* Home,ada@example.org\n"
        #expect(CSVReader.sniff(Array(google.utf8)[...], path: "contacts.csv") >= 80)
        let headerless = "John Doe,John,Doe,john@doe.invalid\n"
        #expect(CSVReader.sniff(Array(headerless.utf8)[...], path: "x.csv") >= 40)
    }

    @Test func unknownFieldInColumnMapIsAConfigurationError() throws {
        let error = try #require(throws: KithError.self) {
            try CSVReading.read("Kunde,Mail\nA,a@b.example\n", columnMap: ["Kunde": "customer-number"])
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.message.contains("Kunde"))
    }

    @Test func unterminatedQuoteIsReportedNotFatal() throws {
        let result = try CSVReading.read("Name,Email\nAda,\"ada@example.org\nBob,bob@example.org\n")
        #expect(result.contacts.count == 1)
        #expect(result.report.diagnostics.contains { $0.code == "csv.quote.unterminated" && $0.line == 2 })
    }

    @Test func raggedRowsAreKept() throws {
        let result = try CSVReading.read("Name,Email\nAda,ada@example.org,extra cell\nBob\n")
        #expect(result.contacts.count == 2)
        #expect(result.contacts[0].unmappedValue(column: "Column 3") == "extra cell")
        #expect(result.contacts[0].unmapped.first?.name == "X-CSV-COLUMN-3")
        #expect(result.report.diagnostics.map(\.code) == ["csv.row.long", "csv.row.short"])
        #expect(result.report.diagnostics.map(\.line) == [2, 3])
    }

    /// The reader reuses one array for the cells of the rows of a batch: a short row after a long
    /// one holds only its own cells (its missing cells are empty, not the previous row's).
    @Test func shortRowAfterLongRowHasOnlyItsOwnCells() throws {
        let result = try CSVReading.read("Name,Email\nAda,ada@example.org,extra cell\nBob\n")
        let bob = try #require(result.contacts.last)
        #expect(bob.name?.full == "Bob")
        #expect(bob.emails.isEmpty)
        #expect(bob.unmapped.isEmpty)
    }
}
