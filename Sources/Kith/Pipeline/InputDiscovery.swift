import Foundation
import KithModel

/// Turns the paths a user gave into the ordered list of inputs to read.
enum InputDiscovery {
    /// One input to read.
    struct Input: Hashable, Sendable {
        /// The path to open (`-` for standard input).
        var path: String
        /// Whether the user named it directly (rather than it being found in a folder): an
        /// unknown format is then an error instead of a skip.
        var explicit: Bool
    }

    /// Expands folders (recursively, hidden entries skipped, sorted by path so the order and
    /// therefore source numbers are the same on every run) and keeps files and `-` as given.
    ///
    /// - Throws: `KithError` `.unreadableInput` for a path that does not exist.
    static func inputs(for paths: [String]) throws -> [Input] {
        var inputs: [Input] = []
        let files = FileManager.default
        for path in paths {
            if path == "-" {
                inputs.append(Input(path: path, explicit: true))
                continue
            }
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw KithError(.unreadableInput, "no such file or folder", path: path)
            }
            guard isDirectory.boolValue else {
                inputs.append(Input(path: path, explicit: true))
                continue
            }
            var found: [String] = []
            walk(path, into: &found)
            inputs.append(contentsOf: found.sorted().map { Input(path: $0, explicit: false) })
        }
        return inputs
    }

    private static func walk(_ folder: String, into found: inout [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(path, into: &found)
            } else {
                found.append(path)
            }
        }
    }
}
