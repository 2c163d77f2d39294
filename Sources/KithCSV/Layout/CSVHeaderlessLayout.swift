/// Column roles for a file without a header row.
///
/// A file is taken as headerless when its first non-blank record holds an `@` in some cell and
/// no cell is a header Kith knows. The cell with the `@` is the email; the columns before it
/// are read by their count, after the layouts seen in Thunderbird's importer tests:
///
/// | columns before the email | read as |
/// | --- | --- |
/// | 4 | First, Last, Display, Nickname (Thunderbird's own export order; csv/thunderbird/tab_comma_mixed.csv) |
/// | 3 | Display, First, Last (csv/thunderbird/csv_no_header.csv) |
/// | 2 | First, Last |
/// | 1 | Display |
/// | other | kept unmapped |
///
/// Columns after the email are kept unmapped (`X-CSV-COLUMN-<n>`).
enum CSVHeaderlessLayout {
    /// Whether a first record looks like data without a header.
    static func looksHeaderless(_ cells: [String], knownHeaders: Int) -> Bool {
        knownHeaders == 0 && cells.contains { $0.contains("@") && !$0.contains(" ") }
    }

    /// Headers and roles for the columns of a headerless file.
    ///
    /// - Parameter cells: the first record's cells.
    static func columns(for cells: [String]) -> (headers: [String], roles: [CSVColumnRole]) {
        let email = cells.firstIndex { $0.contains("@") && !$0.contains(" ") } ?? 0
        let before: [String]
        switch email {
        case 4: before = ["given", "surname", "full", "nickname"]
        case 3: before = ["full", "given", "surname"]
        case 2: before = ["given", "surname"]
        case 1: before = ["full"]
        default: before = Array(repeating: "unmapped", count: email)
        }
        var headers: [String] = []
        var roles: [CSVColumnRole] = []
        for index in cells.indices {
            headers.append("Column \(index + 1)")
            let name = index < email ? before[index] : index == email ? "email" : "unmapped"
            roles.append(CSVColumnRole(fieldName: name) ?? .unmapped)
        }
        return (headers, roles)
    }
}
