import Foundation
import KithTestSupport
import Testing

/// The README's quick start: exactly two commands, the first importing `Fixtures/` into a
/// dataset, the second running the tests; and the import it runs, done by the real `kith`.
@Suite struct QuickStartTests {
    static func quickStartCommands() throws -> [String] {
        let readme = try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let section = readme.range(of: "## Quick start") else { return [] }
        let rest = readme[section.upperBound...]
        guard let open = rest.range(of: "```"), let close = rest[open.upperBound...].range(of: "```") else { return [] }
        return rest[open.upperBound..<close.lowerBound].split(separator: "\n").dropFirst()
            .map { $0.split(separator: "#").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "" }
            .filter { !$0.isEmpty }
    }

    @Test func readmeQuickStartHasTheTwoCommands() throws {
        let commands = try Self.quickStartCommands()
        #expect(commands == ["Scripts/demo", "Scripts/test"])
        for command in commands {
            #expect(
                FileManager.default.isExecutableFile(
                    atPath: TestPaths.repositoryRoot.appendingPathComponent(command).path))
        }
        let demo = try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Scripts/demo"), encoding: .utf8)
        #expect(demo.contains("Scripts/setup"))
        #expect(demo.contains("kith import Fixtures/ -o out/people.json"))
        let test = try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Scripts/test"), encoding: .utf8)
        #expect(test.contains("Scripts/setup") && test.contains("swift test"))
        let ci = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(ci.contains("Scripts/test"))
    }

    /// What `Scripts/demo` runs, with the debug build: a schema-valid dataset of the fixtures
    /// where the same person exported from two phones is one person.
    @Test func importingTheFixturesWritesAValidDataset() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kith-quickstart-\(UUID().uuidString).json")
        let run = try KithExecutable.run(["import", "Fixtures/", "-o", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try TestPaths.bytes(out)
        let validation = try SchemaValidator.validate(bytes, mode: "json")
        #expect(validation.status == 0, "\(validation.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let people = try #require(object["people"] as? [[String: Any]])
        // Fixtures/vcard: Günter Groß is in the 2014 Android export and the 2023 iPhone export
        // (same mobile number, written +49 170 1234567 and 01701234567).
        let gunter = people.filter {
            (($0["card"] as? [String: Any])?["name"] as? [String: Any])?["full"] as? String == "Günter Groß"
        }
        #expect(gunter.count == 1)
        #expect((gunter.first?["records"] as? [Any])?.count == 2)
        // His wife Anna shares the landline, address and surname: never merged with him.
        let anna = people.filter {
            (($0["card"] as? [String: Any])?["name"] as? [String: Any])?["full"] as? String == "Anna Groß"
        }
        #expect(anna.count == 1)
        // John Smith Jr. and Sr. stay two people.
        let smiths = people.compactMap {
            (($0["card"] as? [String: Any])?["name"] as? [String: Any])?["full"] as? String
        }
        .filter { $0.hasPrefix("John Smith") }
        #expect(smiths.sorted() == ["John Smith Jr.", "John Smith Sr."])
    }

    /// Fixtures/xml holds phonebooks of phones and boxes with national numbers only: the summary
    /// says that a region would read them (once, whatever the count), unless one is given.
    @Test(arguments: [false, true])
    func nationalNumbersWithoutARegionAreToldOfOnce(streamed: Bool) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kith-region-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let mode = streamed ? ["--no-merge"] : []
        let without = try KithExecutable.run(["import", "Fixtures/xml", "-o", out.path] + mode)
        #expect(without.status == 0, "\(without.stderr)")
        let hints = without.stderr.split(separator: "\n").filter { $0.contains("--default-region XX reads them") }
        #expect(hints.count == 1)
        #expect(hints.first?.hasPrefix("kith: national phone numbers in ") == true)
        let with = try KithExecutable.run(["import", "Fixtures/xml", "-o", out.path, "--default-region", "DE"] + mode)
        #expect(with.status == 0, "\(with.stderr)")
        #expect(!with.stderr.contains("--default-region XX"))
        #expect(with.stderr.contains(" records from "))
    }

    @Test func unknownFileIsAClearErrorWithExitStatus2() throws {
        let run = try KithExecutable.run(["import", "README.md"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("README.md: io.unknown-format:"))
    }
}
