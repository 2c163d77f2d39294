import Foundation
import Kith
import KithModel
import Testing

/// Inputs a fuzzing pass over the importers found to stop an import, reduced to their cause.
@Suite struct FuzzedInputTests {
    private func file(_ name: String, _ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-fuzzed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// A birthday whose year does not fit in 32 bits (4294967296 = 2^32) trapped when the
    /// resolver packed it for matching. The import now reads both rows and keeps the date as
    /// written (a CSV year of more than four digits is kept as text).
    @Test func birthdayYearPastThirtyTwoBitsIsRead() throws {
        let url = try file("contacts.csv", "Birthday\n4294967296-1-1\nx\n")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try Pipeline(configuration: ImportConfiguration(paths: [url.path])).run()
        #expect(result.dataset.summary.records == 2)
        // The second row's only cell is its birthday too, a text date.
        let birthdays = result.dataset.people.flatMap { $0.card.dates.filter { $0.kind == .birth } }
        #expect(birthdays.map(\.raw).sorted() == ["4294967296-1-1", "x"])
    }

    /// An empty file, or one holding only a byte-order mark, is said to be empty (it was "not
    /// an address-book export").
    @Test(arguments: [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE]] as [[UInt8]])
    func emptyFilesAreSaidToBeEmpty(bytes: [UInt8]) throws {
        let url = try file("contacts.csv", "")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try Data(bytes).write(to: url)
        #expect {
            try Pipeline(configuration: ImportConfiguration(paths: [url.path])).run()
        } throws: { error in
            guard let error = error as? KithError else { return false }
            return error.code == .unknownFormat && error.message.hasPrefix("is empty; expected vCard")
                && error.path == url.path
        }
    }

    /// A TEL value folded over 3,000 lines (225 KB) stopped the import in libphonenumber.
    /// It is read now, kept whole in the card, and quoted shortly in the diagnostic about it.
    @Test func hugePhoneValueIsKeptAndQuotedShortly() throws {
        let value = "+49 89 9876543" + String(repeating: "A", count: 225_000)
        let url = try file("phone.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Berg\r\nTEL:\(value)\r\nEND:VCARD\r\n")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try Pipeline(configuration: ImportConfiguration(paths: [url.path])).run()
        #expect(result.dataset.people.first?.card.phones.first?.raw == value)
        let messages = result.dataset.diagnostics.filter { $0.code == "normalize.phone.unparseable" }.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.allSatisfy { $0.utf8.count < 300 && $0.contains("(225014 characters)") })
    }
}
