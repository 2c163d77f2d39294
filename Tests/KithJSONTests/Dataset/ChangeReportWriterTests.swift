import Foundation
import KithJSON
import KithModel
import KithTestSupport
import Testing

/// The `changes` member and `records[].fingerprint` (issue 8): written, read back, valid.
@Suite struct ChangeReportWriterTests {
    private func dataset() -> Dataset {
        var dataset = SampleDatasets.handChecked()
        dataset.people[0].records[0].fingerprint = "fp:" + String(repeating: "0f", count: 32)
        dataset.people[0].aliases = ["urn:uuid:00000000-0000-8000-8000-000000000001"]
        dataset.changes = [
            PersonChange(
                kind: .updated, person: dataset.people[0].id, fields: ["emails", "phones"],
                message: "Jane: emails, phones changed"),
            PersonChange(
                kind: .merged, person: dataset.people[0].id, related: ["urn:uuid:00000000-0000-8000-8000-000000000001"]),
            PersonChange(kind: .removed, person: "urn:uuid:00000000-0000-8000-8000-000000000002", message: "gone"),
        ]
        return dataset
    }

    @Test(arguments: [DatasetWriter.Format.json, .ndjson])
    func changesAndFingerprintsRoundTrip(_ format: DatasetWriter.Format) throws {
        let original = dataset()
        let bytes = DatasetWriter(format: format).encode(original)
        let read = try DatasetReader().read(bytes)
        #expect(read.changes == original.changes)
        #expect(read.people[0].records[0].fingerprint == original.people[0].records[0].fingerprint)
        #expect(read.people[0].aliases == original.people[0].aliases)
        #expect(DatasetWriter(format: format).encode(read) == bytes)
    }

    @Test func jsonPutsOneChangePerLineBeforePeople() {
        let text = String(decoding: DatasetWriter().encode(dataset()), as: UTF8.self)
        #expect(text.contains(#""changes":["# + "\n" + #"{"kind":"updated","person":""#))
        #expect(text.contains(#""message":"gone"}],"people":["#))
        #expect(!text.contains("\n,"))
    }

    @Test(arguments: [DatasetWriter.Format.json, .ndjson])
    func validatesAgainstTheSchema(_ format: DatasetWriter.Format) throws {
        let result = try SchemaValidationTests.validate(
            DatasetWriter(format: format).encode(dataset()), mode: format.rawValue)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func noChangesWritesNoMember() {
        var plain = dataset()
        plain.changes = []
        #expect(!String(decoding: DatasetWriter().encode(plain), as: UTF8.self).contains("\"changes\""))
    }
}
