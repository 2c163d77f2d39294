import Foundation
import KithIO
import KithModel
import KithTestSupport
import Testing

@testable import KithJSON

/// Encoding people on several cores writes exactly the bytes of writing them one by one.
@Suite struct ParallelPeopleTests {
    static func people(_ count: Int) -> [Person] {
        (0..<count).map { index in
            var contact = Contact(ref: RecordRef(source: index % 3, index: index), line: index + 1)
            contact.name = NameValue(
                full: "Person \(index) \"Ünïcode\"", given: ["Given\(index)"], surname: ["Sur\(index % 97)"])
            contact.emails = [
                EmailValue(raw: "p\(index)@example.com", meta: FieldMeta(types: ["work"], line: index + 2))
            ]
            contact.notes = [TextValue("line one\nline \(index)\t\u{1}")]
            return Person.singleton(contact)
        }
    }

    @Test(arguments: [DatasetWriter.Format.json, .ndjson])
    func parallelBytesEqualSequentialBytes(format: DatasetWriter.Format) throws {
        let people = Self.people(DatasetStream.parallelBatch + 3001)
        let header = DatasetHeader(generator: "kith test", generatedAt: "2026-11-27T00:00:00Z", sources: [])
        let summary = DatasetSummary(
            records: people.count, people: people.count, groups: 0, mergedRecords: 0, diagnostics: 0)

        var sequential = DatasetStream(format: format)
        try sequential.begin(header)
        for person in people { try sequential.writePerson(person) }
        try sequential.finish(summary)
        let expected = sequential.takeBytes()

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kith-parallel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            var output = try ByteOutput(path: file.path)
            var stream = DatasetStream(format: format)
            try stream.begin(header, to: &output)
            try stream.writePerson(people[0], to: &output)
            try stream.writePeople(Array(people.dropFirst()), to: &output)
            try stream.finish(summary, to: &output)
            try output.commit()
        }
        let written = Array(try Data(contentsOf: file))
        #expect(written.count == expected.count)
        #expect(written == expected)
    }

    /// The taking variants write the same bytes as the copying ones, and leave the people empty.
    @Test(arguments: [DatasetWriter.Format.json, .ndjson])
    func takingWriterWritesTheSameBytes(format: DatasetWriter.Format) throws {
        let people = Self.people(2 * DatasetStream.parallelBatch + 17)
        let dataset = Dataset(
            generator: "kith test", generatedAt: "2026-11-27T00:00:00Z",
            sources: [
                SourceInfo(
                    number: 0, path: "a.vcf", format: "vcard", flavor: "", encoding: "utf-8", sha256: "",
                    records: people.count)
            ], people: people,
            groups: [], diagnostics: [Diagnostic(source: 0, line: 3, severity: .warning, code: "x.y", message: "m")])
        let expected = DatasetWriter(format: format).encode(dataset)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kith-taking-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        var taken = dataset
        do {
            var output = try ByteOutput(path: file.path)
            try DatasetWriter(format: format).write(taking: &taken, to: &output)
            try output.commit()
        }
        let written = Array(try Data(contentsOf: file))
        #expect(written.count == expected.count)
        #expect(written == expected)
        #expect(taken.people.isEmpty)
        #expect(dataset.people.count == people.count)
    }
}
