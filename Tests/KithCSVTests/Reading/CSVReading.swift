import Foundation
import KithIO
import KithModel
import KithTestSupport

@testable import KithCSV

/// Reads CSV through `CSVReader` for tests.
enum CSVReading {
    struct Result {
        var contacts: [Contact]
        var report: ReadReport
    }

    static func read(
        bytes: [UInt8], path: String = "test.csv", columnMap: [String: String] = [:], source: Int = 0
    ) throws -> Result {
        let input = InputFile(path: path, original: bytes)
        var contacts: [Contact] = []
        let report = try CSVReader().read(
            input, context: ReadContext(source: source, path: path, columnMap: columnMap)
        ) { contacts.append($0) }
        return Result(contacts: contacts, report: report)
    }

    static func read(_ text: String, columnMap: [String: String] = [:]) throws -> Result {
        try read(bytes: Array(text.utf8), columnMap: columnMap)
    }

    static func corpus(_ relative: String) throws -> Result {
        let url = TestPaths.corpusFile(relative)
        return try read(bytes: TestPaths.bytes(url), path: relative)
    }

    static func fixture(_ relative: String) throws -> Result {
        let url = TestPaths.fixture(relative)
        return try read(bytes: TestPaths.bytes(url), path: relative)
    }
}

extension Contact {
    /// Unmapped cell by its original header.
    func unmappedValue(column header: String) -> String? {
        unmapped.first { $0.parameters.first { $0.name == "X-COLUMN" }?.values == [header] }?.value
    }
}
