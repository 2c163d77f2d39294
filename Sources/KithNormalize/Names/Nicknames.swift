/// Nickname and diminutive equivalence of given names.
///
/// Data: the `nicknames` package (PyPI, version 1.0.1, Apache-2.0; hand-curated English given
/// names and nicknames) plus German, French, Spanish and Italian diminutives, each with its
/// source, in `Scripts/data/nicknames/`; `Scripts/gen-nicknames` generates the table.
public enum Nicknames {
    /// The canonical keys of a given name: its folded form and every full name it is a
    /// nickname or diminutive of. Two given names may be the same person's when their keys
    /// intersect (`bob` → `["bert", "bob", "bobby", "robert"]`, `robert` → `[…, "robert"]`).
    ///
    /// - Parameter name: A given name, any case, with or without diacritics.
    /// - Returns: Sorted, distinct folded names, the name itself included; empty for an empty name.
    public static func canonicalKeys(for name: String) -> [String] {
        keys(folded: NameFolding.fold(name))
    }

    /// `canonicalKeys` of an already folded name.
    ///
    /// - Parameter folded: The output of `NameFolding.fold`.
    /// - Returns: The sorted keys, `folded` included; empty when `folded` is.
    static func keys(folded: String) -> [String] {
        guard !folded.isEmpty else { return [] }
        return canonicalTable[folded] ?? [folded]
    }

    /// Whether one given name is a known nickname or diminutive of the other (in either direction).
    ///
    /// - Parameters:
    ///   - a: A given name.
    ///   - b: Another given name.
    /// - Returns: `true` when their canonical keys intersect.
    public static func areEquivalent(_ a: String, _ b: String) -> Bool {
        !Set(canonicalKeys(for: a)).isDisjoint(with: canonicalKeys(for: b))
    }

    /// The canonical keys of every nickname in `table`: its full names and itself, sorted and
    /// distinct; built on first use.
    static let canonicalTable: [String: [String]] = table.reduce(into: [:]) { result, entry in
        var keys = Set(entry.value)
        keys.insert(entry.key)
        result[entry.key] = keys.sorted()
    }

    /// `tableText` as a dictionary, built on first use.
    static let table: [String: [String]] = {
        var map: [String: [String]] = [:]
        for line in tableText.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            map[String(line[..<colon])] = line[line.index(after: colon)...].split(separator: ",").map(String.init)
        }
        return map
    }()
}
