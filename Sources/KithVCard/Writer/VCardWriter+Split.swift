import Foundation
import KithIO
public import KithModel

extension VCardWriter {
    /// Writes one `.vcf` file per person and per group into a directory, the vdir layout
    /// khard, vdirsyncer and CardDAV servers use.
    ///
    /// Each file is named by the id's UUID (`urn:uuid:6f1c…` → `6f1c….vcf`); characters other
    /// than letters, digits, `-` and `_` in an id that is not a UUID URN become `_`.
    ///
    /// - Parameters:
    ///   - dataset: the dataset.
    ///   - directory: the directory; created (with its parents) when missing.
    /// - Returns: the number of files written.
    /// - Throws: `KithError` `.outputFailed` when the directory or a file cannot be written.
    /// - Complexity: O(n) in the size of the dataset.
    public func writeSplit(dataset: Dataset, toDirectory directory: String) throws -> Int {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw KithError(
                .outputFailed, "cannot create the output directory", path: directory, cause: KithError.cause(of: error))
        }
        var used = Set<String>()
        var count = 0
        func store(_ id: String, _ bytes: [UInt8]) throws {
            var name = Self.fileName(for: id)
            var suffix = 2
            while used.contains(name) {
                name = Self.fileName(for: id) + "-\(suffix)"
                suffix += 1
            }
            used.insert(name)
            let path = (directory as NSString).appendingPathComponent(name + ".vcf")
            var output = try ByteOutput(path: path, capacity: bytes.count + 1)
            try output.write(bytes)
            try output.commit()
            count += 1
        }
        for person in dataset.people { try store(person.id, write(person: person)) }
        for group in dataset.groups { try store(group.id, write(group: group)) }
        return count
    }

    /// The file name (without `.vcf`) for a person or group id.
    ///
    /// - Parameter id: `urn:uuid:…` or any other id.
    /// - Returns: the UUID part, or the id with unsafe characters replaced by `_`.
    public static func fileName(for id: String) -> String {
        var base = Substring(id)
        if id.lowercased().hasPrefix("urn:uuid:") { base = base.dropFirst(9) }
        var name = ""
        for scalar in base.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": name.unicodeScalars.append(scalar)
            default: name += "_"
            }
        }
        return name.isEmpty ? "_" : name
    }
}
