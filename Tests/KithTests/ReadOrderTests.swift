import Foundation
import Testing

@testable import Kith

@Suite struct ReadOrderTests {
    /// Two workers read the largest files first (ties, standard input and missing files keep
    /// input order, after the files that have a size).
    @Test func largestFilesAreReadFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, bytes: Int) throws -> InputDiscovery.Input {
            let url = folder.appendingPathComponent(name)
            try Data(repeating: 0x41, count: bytes).write(to: url)
            return InputDiscovery.Input(path: url.path, explicit: true)
        }
        let inputs = [
            try file("small.vcf", bytes: 10), try file("large.csv", bytes: 5000), try file("mid.xml", bytes: 700),
            InputDiscovery.Input(path: "-", explicit: true), try file("mid2.xml", bytes: 700),
            InputDiscovery.Input(path: folder.appendingPathComponent("missing.vcf").path, explicit: true),
        ]
        #expect(Pipeline.largestFirst(inputs) == [1, 2, 4, 0, 3, 5])
    }
}
