import Foundation
import KithModel

/// Reads a `--map` file: a JSON object from CSV column header to Kith field name.
public enum ColumnMapFile {
    /// Loads a column map.
    ///
    /// - Parameter path: the file, or `nil` for no map.
    /// - Returns: header → field.
    /// - Throws: `KithError` `.invalidConfiguration` when the file is not such an object.
    public static func load(_ path: String?) throws -> [String: String] {
        guard let path else { return [:] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KithError(.unreadableInput, "cannot read the column map", path: path)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw KithError(
                .invalidConfiguration, "a column map is a JSON object such as {\"Vorname\": \"given\"}", path: path)
        }
        var map: [String: String] = [:]
        for (header, value) in object {
            guard let field = value as? String else {
                throw KithError(.invalidConfiguration, "the field for column '\(header)' must be a string", path: path)
            }
            map[header] = field
        }
        return map
    }
}
