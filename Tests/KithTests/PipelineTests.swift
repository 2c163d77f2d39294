import Foundation
import Kith
import KithIO
import KithModel
import KithTestSupport
import Testing

/// A reader for a toy format, "TOY" + one name per line, so the pipeline can be tested apart
/// from the real readers.
private struct ToyReader: ContactReader {
    static func sniff(_ head: ArraySlice<UInt8>, path: String) -> Int {
        head.starts(with: Array("TOY\n".utf8)) ? 100 : 0
    }

    func read(_ input: InputFile, context: ReadContext, emit: (Contact) throws -> Void) throws -> ReadReport {
        let lines = input.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropFirst()
        var count = 0
        var diagnostics: [Diagnostic] = []
        for (offset, line) in lines.enumerated() where !line.isEmpty {
            var contact = Contact(ref: RecordRef(source: context.source, index: count), line: offset + 2)
            contact.name = NameValue(full: context.decoder.decode(line).text)
            if line.first == UInt8(ascii: "!") {
                diagnostics.append(context.diagnostic(line: offset + 2, record: count, .warning, "toy.bang", "a bang"))
            }
            try emit(contact)
            count += 1
        }
        return ReadReport(
            format: "toy", flavor: "toy/1", encoding: input.encoding.name, records: count, diagnostics: diagnostics)
    }
}

@Suite struct PipelineTests {
    let registry = FormatRegistry(readers: [ToyReader()])

    private func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kith-pipeline-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func walksFoldersInPathOrderAndNumbersSources() throws {
        let root = try folder(["b/two.toy": "TOY\nBea\n", "a/one.toy": "TOY\nAl\nAmy\n", ".hidden.toy": "TOY\nNo\n"])
        let result = try Pipeline(configuration: ImportConfiguration(paths: [root.path]), formats: registry).run()
        let dataset = result.dataset
        #expect(dataset.sources.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["one.toy", "two.toy"])
        #expect(dataset.sources.map(\.records) == [2, 1])
        #expect(dataset.sources.map(\.id) == ["S1", "S2"])
        #expect(dataset.people.map { $0.card.name?.full } == ["Al", "Amy", "Bea"])
        #expect(dataset.people.map { $0.records.map(\.ref.description) } == [["S1#0"], ["S1#1"], ["S2#0"]])
        #expect(dataset.people[1].records.first?.line == 3)
    }

    @Test func skipsUnknownFilesInFoldersButRejectsNamedOnes() throws {
        let root = try folder(["notes.txt": "just some text\n", "one.toy": "TOY\nAl\n"])
        let result = try Pipeline(configuration: ImportConfiguration(paths: [root.path]), formats: registry).run()
        #expect(result.dataset.sources.count == 1)
        #expect(result.dataset.diagnostics.contains { $0.code == "io.skipped" && $0.severity == .info })

        let named = root.appendingPathComponent("notes.txt").path
        let error = #expect(throws: KithError.self) {
            try Pipeline(configuration: ImportConfiguration(paths: [named]), formats: registry).run()
        }
        #expect(error?.code == .unknownFormat)
        #expect(error?.path == named)
        #expect(error?.description.hasPrefix("\(named): io.unknown-format: ") == true)
    }

    @Test func missingPathIsAnErrorNamingIt() {
        let error = #expect(throws: KithError.self) {
            try Pipeline(configuration: ImportConfiguration(paths: ["/no/such/file.vcf"]), formats: registry).run()
        }
        #expect(error?.code == .unreadableInput)
        #expect(error?.path == "/no/such/file.vcf")
    }

    @Test func diagnosticsAreLocatedAndCounted() throws {
        let root = try folder(["one.toy": "TOY\nAl\n!Bang\n"])
        let result = try Pipeline(configuration: ImportConfiguration(paths: [root.path]), formats: registry).run()
        #expect(result.problemCount == 1)
        let report = DiagnosticReport(sources: result.dataset.sources)
        let line = try #require(result.dataset.diagnostics.first { $0.code == "toy.bang" })
        #expect(report.line(for: line) == "\(root.path)/one.toy:3: warning: toy.bang: a bang")
    }

    @Test func charsetFallbackDecodesUndeclared8BitText() throws {
        // "Jürgen" in Windows-1252 and "Юрий" in Windows-1251.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kith-charset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = root.appendingPathComponent("names.toy")
        try Data(Array("TOY\n".utf8) + [0xDE, 0xF0, 0xE8, 0xE9, 0x0A]).write(to: file)
        let cyrillic = try Pipeline(
            configuration: ImportConfiguration(paths: [file.path], charsetFallback: .singleByte(.windows1251)),
            formats: registry
        ).run()
        #expect(cyrillic.dataset.people.first?.card.name?.full == "Юрий")
        let western = try Pipeline(configuration: ImportConfiguration(paths: [file.path]), formats: registry).run()
        #expect(western.dataset.people.first?.card.name?.full == "Þðèé")
    }

    @Test func summarizesManyDiagnosticsByCode() {
        let diagnostics = (0..<60).map {
            Diagnostic(source: 0, line: $0 + 1, code: $0 % 3 == 0 ? "a.one" : "b.two", message: "m")
        }
        let lines = DiagnosticReport(sources: [], limit: 50).lines(for: diagnostics)
        #expect(lines.count == 50 + 3)
        #expect(lines[50] == "… and 10 more diagnostics (all are in the dataset's \"diagnostics\"):")
        // Of diagnostics 50...59, those with index % 3 == 0 are 51, 54, 57: three `a.one`, seven `b.two`.
        #expect(lines[51] == "  7 × b.two")
        #expect(lines[52] == "  3 × a.one")
    }
}
