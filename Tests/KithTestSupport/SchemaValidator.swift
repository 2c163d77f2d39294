public import Foundation
import Testing

/// Validates dataset bytes against `Schemas/kith-dataset-v1.schema.json` with Python's
/// `jsonschema` (draft 2020-12). A missing python3 or jsonschema is recorded as a test issue,
/// never silently passed: a schema check that does not run proves nothing.
public enum SchemaValidator {
    /// The committed schema.
    public static let schema = TestPaths.repositoryRoot.appendingPathComponent("Schemas/kith-dataset-v1.schema.json")

    /// Prints one line per error; exit 0 valid, 1 invalid, 3 jsonschema missing.
    static let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("the Python module jsonschema is missing: pip install jsonschema (Scripts/setup does)")
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        if sys.argv[3] == "json":
            documents = [json.load(open(sys.argv[2], encoding="utf-8"))]
            validator = jsonschema.Draft202012Validator(schema)
        else:
            documents = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
            validator = jsonschema.Draft202012Validator({"$ref": "#/$defs/NDJSONLine", "$defs": schema["$defs"]})
        errors = 0
        for number, document in enumerate(documents, 1):
            for error in validator.iter_errors(document):
                errors += 1
                if errors <= 20:
                    print("document %d at /%s: %s" % (number, "/".join(str(p) for p in error.absolute_path), error.message[:300]))
        sys.exit(1 if errors else 0)
        """

    /// Validates `bytes` (`mode` `json` or `ndjson`).
    ///
    /// - Returns: the validator's exit status (0 valid) and its messages.
    public static func validate(_ bytes: [UInt8], mode: String) throws -> (status: Int32, output: String) {
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
        try process.run()
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
}
