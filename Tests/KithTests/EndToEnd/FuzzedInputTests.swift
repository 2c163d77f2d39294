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
    /// written; for matching, the year counts as unknown.
    @Test func birthdayYearPastThirtyTwoBitsIsRead() throws {
        let url = try file("contacts.csv", "Birthday\n4294967296-1-1\nx\n")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try Pipeline(configuration: ImportConfiguration(paths: [url.path])).run()
        #expect(result.dataset.summary.records == 2)
        // The second row's only cell is its birthday too, a text date.
        let birthdays = result.dataset.people.flatMap { $0.card.dates.filter { $0.kind == .birth } }
        #expect(birthdays.map(\.raw).sorted() == ["4294967296-1-1", "x"])
    }
}
