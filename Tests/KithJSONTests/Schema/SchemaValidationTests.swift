import Foundation
import KithJSON
import KithModel
import KithTestSupport
import Testing

/// Validates real writer output against `Schemas/kith-dataset-v1.schema.json` with Python's
/// `jsonschema` (draft 2020-12). The tests fail, saying why, when python3 or jsonschema is
/// missing: a schema check that silently does not run would prove nothing.
@Suite struct SchemaValidationTests {
    /// Validates with the shared validator of KithTestSupport.
    static func validate(_ bytes: [UInt8], mode: String) throws -> (status: Int32, output: String) {
        try SchemaValidator.validate(bytes, mode: mode)
    }

    @Test(arguments: [DatasetWriter.Format.json, .ndjson])
    func writerOutputIsValid(format: DatasetWriter.Format) throws {
        for dataset in [SampleDatasets.handChecked(), SampleDatasets.fullCoverage(), Self.everyFieldVariants()] {
            let result = try Self.validate(DatasetWriter(format: format).encode(dataset), mode: format.rawValue)
            #expect(result.status == 0, "\(result.output)")
        }
    }

    /// The schema is strict enough to catch mistakes.
    @Test(arguments: [
        (#""version":"1.0","#, #""#),  // missing version
        (#""@type":"PartialDate","month":4"#, #""month":4"#),  // PartialDate without @type
        (#""features":{"mobile":true}"#, #""features":{"cellular":true}"#),  // not a phone feature
        (#""index":0"#, #""index":"0""#),  // index must be a number
        (#""S1#2""#, #""S1-2""#),  // not a record reference
        (#""contexts":{"work":true}"#, #""contexts":{"work":"yes"}"#),  // context flags are true
    ])
    func brokenOutputIsRejected(valid: String, broken: String) throws {
        let text = String(decoding: DatasetWriter().encode(SampleDatasets.handChecked()), as: UTF8.self)
        #expect(text.contains(valid))
        let result = try Self.validate(Array(text.replacingOccurrences(of: valid, with: broken).utf8), mode: "json")
        #expect(result.status == 1, "expected the schema to reject the change: \(result.output)")
    }

    /// Contacts of every kind, with the edge cases of each field.
    static func everyFieldVariants() -> Dataset {
        var people: [Person] = []
        for (number, kind) in [Contact.Kind.individual, .org, .location, .application, .device].enumerated() {
            var contact = SampleDatasets.everyField(source: 0, index: number)
            contact.kind = kind
            contact.uid = nil
            contact.notes.append(TextValue(String(number)))
            if number == 1 {
                contact.name = NameValue(full: "")
                contact.gender = TextValue("U")
            }
            if number == 2 {
                contact.name = NameValue(given: ["", "A"])
                contact.dates = [DateValue(kind: .birth, date: PartialDate(hour: 10), raw: "T10")]
            }
            people.append(Person.singleton(contact))
        }
        return Dataset(
            generator: "kith", generatedAt: "2026-11-27T10:00:00Z",
            sources: [
                SourceInfo(
                    number: 0, path: "-", format: "vcard", flavor: "vcard-4.0", encoding: "utf-8",
                    sha256: SampleDatasets.sha, records: 5)
            ],
            people: people, groups: [], diagnostics: [])
    }
}
