import Foundation
import KithJSON
import KithModel
import KithTestSupport
import Testing

/// Validates real writer output against `Schemas/kith-dataset-v1.schema.json` with Python's
/// `jsonschema` (draft 2020-12). The tests fail, saying why, when python3 or jsonschema is
/// missing: a schema check that silently does not run would prove nothing.
@Suite struct SchemaValidationTests {
    static let schema = TestPaths.repositoryRoot.appendingPathComponent("Schemas/kith-dataset-v1.schema.json")

    /// Prints one line per error; exit 0 valid, 1 invalid, 3 jsonschema missing.
    static let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("the Python module jsonschema is missing: pip install jsonschema")
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        mode = sys.argv[3]
        if mode == "json":
            documents = [json.load(open(sys.argv[2], encoding="utf-8"))]
            validator = jsonschema.Draft202012Validator(schema)
        else:
            documents = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
            validator = jsonschema.Draft202012Validator({"$ref": "#/$defs/NDJSONLine", "$defs": schema["$defs"]})
        errors = 0
        for number, document in enumerate(documents, 1):
            for error in validator.iter_errors(document):
                errors += 1
                print("document %d at /%s: %s" % (number, "/".join(str(p) for p in error.absolute_path), error.message[:300]))
        sys.exit(1 if errors else 0)
        """

    /// Runs the validator on `bytes`; returns its exit status and output.
    static func validate(_ bytes: [UInt8], mode: String) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kith-schema-\(UUID().uuidString).\(mode)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, file.path, mode]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            Issue.record("cannot run python3 to validate against the schema (install python3 and jsonschema): \(error)")
            throw error
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationStatus
        if status == 127 {
            Issue.record("python3 is not installed; it is needed to validate against the schema: \(output)")
        } else if status == 3 {
            Issue.record("\(output)")
        }
        return (status, output)
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
