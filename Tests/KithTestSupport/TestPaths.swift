public import Testing
public import Foundation

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
