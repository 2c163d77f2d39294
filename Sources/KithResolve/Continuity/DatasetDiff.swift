public import KithModel

/// The person-level difference between two datasets, for `kith diff OLD NEW`.
public enum DatasetDiff {
    /// What changed from `old` to `new`.
    ///
    /// When `new` was made with `--previous` it carries its own change report, which is
    /// returned as is. Otherwise people are compared by id (an id listed in a new person's
    /// `aliases` counts as merged into it).
    ///
    /// - Complexity: O(people + values of the people kept).
    public static func changes(old: Dataset, new: Dataset) -> [PersonChange] {
        if !new.changes.isEmpty { return new.changes }
        var oldByID: [String: Person] = [:]
        for person in old.people { oldByID[person.id] = person }
        var seen = Set<String>()
        var changes: [PersonChange] = []
        for person in new.people {
            let name = person.card.displayName
            let absorbed = person.aliases.filter { oldByID[$0] != nil }
            if !absorbed.isEmpty {
                seen.formUnion(absorbed)
                changes.append(
                    PersonChange(
                        kind: .merged, person: person.id, related: absorbed, message: "\(name): merged earlier people"))
            }
            guard let before = oldByID[person.id] else {
                if absorbed.isEmpty {
                    changes.append(PersonChange(kind: .added, person: person.id, message: "\(name): new person"))
                }
                continue
            }
            seen.insert(person.id)
            let fields = ChangeReport.changedFields(old: before, new: person)
            if !fields.isEmpty {
                changes.append(
                    PersonChange(
                        kind: .updated, person: person.id, fields: fields,
                        message: "\(name): \(fields.joined(separator: ", ")) changed"))
            }
        }
        for person in old.people where !seen.contains(person.id) {
            changes.append(
                PersonChange(
                    kind: .removed, person: person.id, message: "\(person.card.displayName): no longer present"))
        }
        return changes.sorted { $0.person != $1.person ? $0.person < $1.person : $0.kind.rawValue < $1.kind.rawValue }
    }

    /// The changes as text for people: a count line, then one line per change,
    /// `updated  urn:uuid:…  Jane Doe: phones changed`.
    public static func text(_ changes: [PersonChange]) -> String {
        var counts: [PersonChange.Kind: Int] = [:]
        for change in changes { counts[change.kind, default: 0] += 1 }
        var out = PersonChange.Kind.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + "\n"
        for change in changes {
            var line =
                "\(change.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(change.person)  \(change.message)"
            if !change.related.isEmpty { line += " [\(change.related.joined(separator: ", "))]" }
            out += line + "\n"
        }
        return out
    }
}
