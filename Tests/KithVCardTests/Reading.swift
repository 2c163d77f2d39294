import Foundation
import KithIO
import KithModel
import KithTestSupport

@testable import KithVCard

/// What reading one input gave.
struct ReadResult {
    var contacts: [Contact]
    var audits: [CardAudit]
    var report: ReadReport

    /// The diagnostics codes, in order.
    var codes: [String] { report.diagnostics.map(\.code.rawValue) }
}

/// Reads vCard text or bytes with a fresh reader.
enum Reading {
    static func read(bytes: [UInt8], path: String = "test.vcf", decoder: TextDecoder = TextDecoder()) throws
        -> ReadResult
    {
        let input = InputFile(path: path, original: bytes)
        var contacts: [Contact] = []
        var audits: [CardAudit] = []
        let report = try VCardReader().read(
            input, context: ReadContext(source: 0, path: path, decoder: decoder),
            audit: { audits.append($1) }, emit: { contacts.append($0) })
        return ReadResult(contacts: contacts, audits: audits, report: report)
    }

    static func read(_ text: String) throws -> ReadResult {
        try read(bytes: Array(text.utf8))
    }

    /// Reads a corpus file by its path below `corpus/`.
    static func corpus(_ relative: String) throws -> ReadResult {
        try read(bytes: TestPaths.bytes(TestPaths.corpusFile(relative)), path: relative)
    }

    /// The single contact of a corpus file.
    static func card(_ relative: String, _ index: Int = 0) throws -> Contact {
        let result = try corpus(relative)
        guard index < result.contacts.count else {
            throw CocoaError(
                .fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(relative) has no card \(index)"])
        }
        return result.contacts[index]
    }
}
