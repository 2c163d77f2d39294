/// Producer conventions inside cells: Google's `* ` primary marker and ` ::: ` joins, type words
/// in labels, several addresses in one email cell.
enum CSVLabel {
    /// A label without Google's primary marker, and whether it had one (`* Home` → `Home`, true).
    static func primary(_ label: String) -> (text: String, isPrimary: Bool) {
        let trimmed = label.trimmingWhitespace()
        if trimmed.utf8.starts(with: [UInt8(ascii: "*"), UInt8(ascii: " ")]) {
            return (String(trimmed.dropFirst(2)).trimmingWhitespace(), true)
        }
        return (trimmed, false)
    }

    /// Type words a label implies (`Mobile` → `cell`, `Work Fax` → `work`, `fax`), lower-case.
    static func types(_ label: String) -> [String] {
        var words: [String] = []
        for word in label.lowercased().split(whereSeparator: { !$0.isLetter }) {
            let type: String?
            switch word {
            case "home", "work", "fax", "pager", "main", "car", "isdn", "assistant", "callback", "radio", "telex",
                "voice", "video", "text", "profile", "blog":
                type = String(word)
            case "mobile", "cell", "cellular", "handy", "mobil": type = "cell"
            case "business", "office": type = "work"
            case "tty", "tdd": type = "textphone"
            case "homepage": type = "home"
            default: type = nil
            }
            if let type, !words.contains(type) { words.append(type) }
        }
        return words
    }

    /// The values of a cell: split on Google's ` ::: ` when the layout uses it, trimmed, empty
    /// pieces dropped.
    static func values(_ cell: String, google: Bool) -> [String] {
        guard google, cell.containsBytes(" ::: ") else {
            let trimmed = cell.trimmingWhitespace()
            return trimmed.isEmpty ? [] : [trimmed]
        }
        return cell.splitBytes(" ::: ").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// Calls `body` with each value of a cell (see ``values(_:google:)``) and its position,
    /// without building an array for the common single value.
    static func forEachValue(_ cell: String, google: Bool, _ body: (Int, String) -> Void) {
        guard google, cell.containsBytes(" ::: ") else {
            let trimmed = cell.trimmingWhitespace()
            if !trimmed.isEmpty { body(0, trimmed) }
            return
        }
        for (index, value) in values(cell, google: true).enumerated() { body(index, value) }
    }

    /// Calls `body` with each address of an email cell and its position: the cell's values
    /// (see ``values(_:google:)``), each split by ``emailList(_:)``; without building arrays
    /// for the common single address.
    static func forEachEmail(_ cell: String, google: Bool, _ body: (Int, String) -> Void) {
        if !google || !cell.containsBytes(" ::: ") {
            let trimmed = cell.trimmingWhitespace()
            if trimmed.isEmpty { return }
            if !trimmed.containsByte(UInt8(ascii: ","), orByte: UInt8(ascii: ";")) {
                body(0, trimmed)
                return
            }
        }
        for (index, address) in values(cell, google: google).flatMap(emailList).enumerated() { body(index, address) }
    }

    /// Several email addresses written in one cell (`a@x, b@y`; corpus
    /// csv/tine20/importtest_lxoffice2.csv), split on `,` or `;` when every piece holds an `@`.
    static func emailList(_ cell: String) -> [String] {
        guard cell.utf8.contains(UInt8(ascii: ",")) || cell.utf8.contains(UInt8(ascii: ";")) else { return [cell] }
        let pieces = cell.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
        return pieces.count > 1 && pieces.allSatisfy({ $0.contains("@") }) ? pieces : [cell]
    }
}
