import Foundation
import KithIO
import KithJSON
import KithModel
import KithTestSupport
import Testing

@testable import Kith

/// `--no-merge` imports are streamed (people written as they are made, memory bounded by a
/// batch). The streamed dataset must be the very bytes of the in-memory import that writes
/// the dataset at the end — same people, ids, groups, diagnostics and order — apart from the
/// time stamp.
@Suite struct StreamingImportTests {
    /// The dataset bytes of an in-memory `--no-merge` import and of a streamed one.
    func bothWays(_ paths: [String], format: DatasetWriter.Format, region: String? = nil) throws -> (
        memory: String, streamed: String, summary: DatasetSummary
    ) {
        let configuration = ImportConfiguration(paths: paths, defaultRegion: region, merge: false)
        let pipeline = Pipeline(configuration: configuration)
        #expect(pipeline.canStream)
        let result = try pipeline.run()
        let memory = DatasetWriter(format: format).encode(result.dataset)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kith-stream-\(UUID().uuidString).json"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var output = try ByteOutput(path: path)
        let streamed = try pipeline.stream(to: &output, format: format)
        try output.commit()
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(streamed.summary == result.dataset.summary)
        // Information-level diagnostics of normalization are only in the output, but for those
        // told once per source (phone numbers kept as written).
        let perSource: Set<DiagnosticCode> = [
            "normalize.phone.no-region", "normalize.phone.sip-address", "normalize.phone.internal",
        ]
        #expect(
            streamed.dataset.diagnostics
                == result.dataset.diagnostics.filter {
                    $0.severity >= .warning || !$0.code.rawValue.hasPrefix("normalize.") || perSource.contains($0.code)
                })
        return (Self.withoutTime(String(decoding: memory, as: UTF8.self)), Self.withoutTime(written), streamed.summary)
    }

    static func withoutTime(_ text: String) -> String {
        text.replacingOccurrences(
            of: #""generatedAt":"[^"]*""#, with: #""generatedAt":"""#, options: .regularExpression)
    }

    @Test(arguments: [DatasetWriter.Format.json, .ndjson])
    func fixturesStreamToTheSameBytes(format: DatasetWriter.Format) throws {
        let (memory, streamed, summary) = try bothWays([TestPaths.fixtures.path], format: format)
        #expect(summary.records > 0)
        // Without merging, every record that is not a group is a person.
        #expect(summary.people + summary.groups == summary.records)
        #expect(memory == streamed)
    }

    @Test func identicalRecordsAndGroupsStreamLikeTheResolver() throws {
        // Two identical cards without UID share a content key: the resolver numbers the second
        // person's id in file order, and so must the stream. A group naming their shared
        // address resolves to neither.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let card =
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n"
        let group =
            "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Friends\r\nMEMBER:mailto:ada@example.org\r\nEND:VCARD\r\n"
        try Data((card + card + group).utf8).write(to: folder.appendingPathComponent("a.vcf"))
        let (memory, streamed, summary) = try bothWays([folder.path], format: .json)
        #expect(summary.people == 2)
        #expect(summary.groups == 1)
        #expect(memory == streamed)
        let ids =
            try #require(try JSONSerialization.jsonObject(with: Data(streamed.utf8)) as? [String: Any])["people"]
            as? [[String: Any]]
        #expect(Set((ids ?? []).compactMap { $0["id"] as? String }).count == 2)
        // Both people carry the address, so the group member names nobody in particular.
        #expect(streamed.contains("resolve.group.unresolved-member"))
    }
}

extension StreamingImportTests {
    /// A source whose international numbers only come after its first batch: the first batch
    /// says "no region", the whole source says DE, so the source is read again, surveyed first,
    /// and its national numbers get +49 as in the in-memory import.
    @Test func aSourceWhoseRegionShowsLateIsReadAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = ""
        for index in 0..<(Pipeline.streamBatch + 100) {
            let number = index < Pipeline.streamBatch ? "030 \(1_000_000 + index)" : "+49 89 \(2_000_000 + index)"
            text +=
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person \(index)\r\nN:\(index);Person;;;\r\nTEL;TYPE=HOME:\(number)\r\nEND:VCARD\r\n"
        }
        try Data(text.utf8).write(to: folder.appendingPathComponent("late.vcf"))
        let (memory, streamed, summary) = try bothWays([folder.path], format: .ndjson)
        #expect(summary.people == Pipeline.streamBatch + 100)
        #expect(memory == streamed)
        // The first card's Berlin number got the source's region.
        #expect(streamed.contains("\"+49301000000\""))
    }

    /// National numbers with no region anywhere are told once per source, with their count,
    /// after the source's other diagnostics: the stream adds up the batches of a source (here
    /// three of the first file) and writes the same bytes as the in-memory import.
    @Test func numbersWithoutARegionAreToldOncePerSourceAcrossBatches() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func cards(_ count: Int, bad: Int) -> String {
            (0..<count).map { index in
                let email = index == bad ? "EMAIL:not-an-address\r\n" : ""
                return
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person \(index)\r\nN:\(index);Person;;;\r\nTEL:030 \(1_000_000 + index)\r\n\(email)END:VCARD\r\n"
            }.joined()
        }
        let first = 2 * Pipeline.streamBatch + 7
        try Data(cards(first, bad: Pipeline.streamBatch + 1).utf8).write(to: folder.appendingPathComponent("a.vcf"))
        try Data(cards(3, bad: 1).utf8).write(to: folder.appendingPathComponent("b.vcf"))
        let (memory, streamed, summary) = try bothWays([folder.path], format: .json)
        #expect(memory == streamed)
        let dataset = try #require(try JSONSerialization.jsonObject(with: Data(streamed.utf8)) as? [String: Any])
        let told = try #require(dataset["diagnostics"] as? [[String: Any]]).map {
            "\($0["source"] ?? "") \($0["code"] ?? "") \($0["record"] ?? "")"
        }
        #expect(
            told == [
                "S1 normalize.email.invalid \(Pipeline.streamBatch + 1)", "S1 normalize.phone.no-region 0",
                "S2 normalize.email.invalid 1", "S2 normalize.phone.no-region 0",
            ])
        #expect(summary.diagnostics == 4)
        #expect(streamed.contains("\(first) phone numbers have no country code"))
        #expect(streamed.contains("\"3 phone numbers have no country code"))
    }
}

/// The command line streams `--no-merge` imports, from standard input too (read once, even
/// when a source must be read twice), and leaves no half-written file after an error.
@Suite struct StreamingCommandTests {
    @Test func standardInputStreamsLikeAFile() throws {
        let cards =
            try TestPaths.bytes(TestPaths.fixture("vcard/iphone-2023.vcf"))
            + TestPaths.bytes(TestPaths.fixture("vcard/android-2014.vcf"))
        let streamed = try KithExecutable.run(["import", "-", "--no-merge", "--quiet"], stdin: cards)
        #expect(streamed.status == 0, "\(streamed.stderr)")
        // --review keeps the records in memory: the in-memory import, for comparison.
        let review = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kith-review-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: review) }
        let memory = try KithExecutable.run(
            ["import", "-", "--no-merge", "--quiet", "--review", review.path], stdin: cards)
        #expect(memory.status == 0, "\(memory.stderr)")
        let a = StreamingImportTests.withoutTime(String(decoding: streamed.stdout, as: UTF8.self))
        let b = StreamingImportTests.withoutTime(String(decoding: memory.stdout, as: UTF8.self))
        #expect(a.contains("\"people\":["))
        #expect(a == b)
    }

    @Test func theReviewSaysHowManyPairsItHolds() throws {
        let review = FileManager.default.temporaryDirectory.appendingPathComponent("kith-rv-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: review) }
        // Two namesakes with nothing else: kept apart, one pair to decide.
        let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:John Smith\r\nN:Smith;John;;;\r\nEND:VCARD\r\n"
        let run = try KithExecutable.run(["import", "-", "--review", review.path], stdin: Array((card + card).utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("kith: 1 borderline pair to decide in \(review.path)\n"))
        let quiet = try KithExecutable.run(
            ["import", "-", "--quiet", "--review", review.path], stdin: Array((card + card).utf8))
        #expect(quiet.stderr.isEmpty)
    }

    @Test func aFailedImportLeavesNoFile() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kith-failed-\(UUID().uuidString).json")
        let run = try KithExecutable.run(["import", "README.md", "--no-merge", "--quiet", "-o", output.path])
        #expect(run.status == 2)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test(arguments: ["nan", "inf"])
    func aThresholdMustBeANumber(value: String) throws {
        let run = try KithExecutable.run(["import", "Fixtures", "--quiet", "--threshold", value])
        // A wrong command line is sysexits' EX_USAGE, as the help's exit status list says.
        #expect(run.status == 64)
        #expect(run.stderr.contains("--threshold takes a number of bits"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aRegionMustBeTwoLetters() throws {
        let run = try KithExecutable.run(["import", "Fixtures", "--quiet", "--default-region", "001"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--default-region takes a two-letter ISO 3166-1 code"))
    }

    /// The nightly case: yesterday's dataset survives an import that fails (here on a file of
    /// no known format), streamed or not, and no temporary file is left beside it.
    @Test(arguments: [["--no-merge"], [], ["--to", "vcard4"]])
    func aFailedImportKeepsThePreviousFile(mode: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-keep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("people.json")
        let yesterday = Array("{\"kith\":1,\"people\":[]}\n".utf8)
        try Data(yesterday).write(to: output)
        let run = try KithExecutable.run(["import", "README.md", "--quiet", "-o", output.path] + mode)
        #expect(run.status == 2)
        #expect(Array(try Data(contentsOf: output)) == yesterday)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["people.json"])
    }
}

@Suite(requiresCorpus) struct StreamingCorpusTests {
    @Test(arguments: [DatasetWriter.Format.json, .ndjson])
    func corpusStreamsToTheSameBytes(format: DatasetWriter.Format) throws {
        let (memory, streamed, summary) = try StreamingImportTests().bothWays(
            [TestPaths.corpus.path], format: format, region: "DE")
        #expect(summary.records > 1000)
        #expect(summary.groups > 0)
        #expect(memory == streamed)
    }
}
