public import Foundation
import Synchronization
public import Testing

/// Where the tests find their data: the repository's `Fixtures/` and the shared corpus at
/// `../shared/corpus` beside the repository (present on developer machines and in CI).
public enum TestPaths {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // KithTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Fixtures/` in the repository.
    public static let fixtures: URL = repositoryRoot.appendingPathComponent("Fixtures")

    /// The shared conformance corpus (`../shared/corpus`), or `KITH_CORPUS` when set.
    public static let corpus: URL = {
        if let override = ProcessInfo.processInfo.environment["KITH_CORPUS"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }()

    /// Whether the corpus is present. Tests that need it are disabled with
    /// ``corpusMissingReason`` when it is not.
    public static var corpusAvailable: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("MANIFEST.md").path)
    }

    /// The message shown for tests skipped because the corpus is absent.
    public static let corpusMissingReason: Comment =
        "needs the shared corpus at ../shared/corpus (or KITH_CORPUS); it is absent on this machine"

    /// A file of the corpus, by its path below `corpus/` (`vcard/ez-vcard/John_Doe_IPHONE.vcf`).
    public static func corpusFile(_ relative: String) -> URL {
        corpus.appendingPathComponent(relative)
    }

    /// A file of `Fixtures/`, by its path below it.
    public static func fixture(_ relative: String) -> URL {
        fixtures.appendingPathComponent(relative)
    }

    /// Every regular file below a corpus folder whose name ends with one of the extensions
    /// (lower-case, without dot), sorted by path.
    public static func corpusFiles(under folder: String, extensions: Set<String>) -> [URL] {
        let root = corpus.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [URL] = []
        for case let url as URL in walker where extensions.contains(url.pathExtension.lowercased()) {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The bytes of a file.
    public static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }
}

/// The trait that disables a test when the shared corpus is absent, saying why.
public let requiresCorpus = ConditionTrait.enabled(if: TestPaths.corpusAvailable, TestPaths.corpusMissingReason)

/// Runs the built `kith` executable, as a person would from the shell.
public enum KithExecutable {
    /// The debug build of `kith` that `swift build --build-tests` leaves in `.build`.
    public static var url: URL? {
        let build = TestPaths.repositoryRoot.appendingPathComponent(".build")
        let candidates = ["debug/kith", "x86_64-unknown-linux-gnu/debug/kith", "aarch64-unknown-linux-gnu/debug/kith"]
        return candidates.map { build.appendingPathComponent($0) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// What a run printed and returned.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String
    }

    /// Runs `kith` with arguments (and optional standard input) from the repository root.
    ///
    /// - Throws: when the executable is missing or cannot be started.
    public static func run(_ arguments: [String], stdin: [UInt8]? = nil) throws -> Outcome {
        guard let url else {
            throw KithExecutableMissing()
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.repositoryRoot
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot fill a pipe and stall.
        let errorData = Mutex(Data())
        let done = DispatchSemaphore(value: 0)
        let errorHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            let data = errorHandle.readDataToEndOfFile()
            errorData.withLock { $0 = data }
            done.signal()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        return Outcome(
            status: process.terminationStatus, stdout: Array(outputData),
            stderr: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
    }
}

/// The `kith` executable was not built before the tests ran.
public struct KithExecutableMissing: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "kith is not built: run `swift build --build-tests` first (Scripts/test does)" }
}
