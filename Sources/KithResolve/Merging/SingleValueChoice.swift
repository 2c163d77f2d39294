internal import KithModel

/// The choice of one value for a single-valued field (name, birthday, gender) among a
/// person's records, by the merge policy: more complete, then more recently revised, then
/// given by more records, then first in canonical record order.
struct SingleValueChoice<Value> {
    struct Entry {
        var value: Value
        var key: String
        var completeness: Int
        var revision: PartialDate?
        var from: [RecordRef]
        var order: Int
    }

    /// A value that lost, with its records and the rule that decided.
    struct Loser {
        var value: Value
        var from: [RecordRef]
        var reason: String
    }

    let path: String
    private(set) var entries: [Entry] = []

    init(path: String) { self.path = path }

    /// Adds the value of record `ref`; values with the same key are one candidate.
    mutating func add(_ value: Value, key: String, completeness: Int, revision: PartialDate?, from ref: RecordRef) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].from.append(ref)
            if completeness > entries[index].completeness {
                entries[index].value = value
                entries[index].completeness = completeness
            }
            if let revision, entries[index].revision.map({ revision > $0 }) ?? true {
                entries[index].revision = revision
            }
        } else {
            entries.append(
                Entry(
                    value: value, key: key, completeness: completeness, revision: revision, from: [ref],
                    order: entries.count))
        }
    }

    /// The winning value (with `meta.from` set to the records that gave it) and the losers.
    func choose(meta: WritableKeyPath<Value, FieldMeta>) -> (Value, [Loser])? {
        let ranked = entries.sorted { a, b in
            if a.completeness != b.completeness { return a.completeness > b.completeness }
            if a.revision != b.revision {
                return (a.revision ?? PartialDate(year: Int.min)) > (b.revision ?? PartialDate(year: Int.min))
            }
            if a.from.count != b.from.count { return a.from.count > b.from.count }
            return a.order < b.order
        }
        guard let winner = ranked.first else { return nil }
        var value = winner.value
        value[keyPath: meta].from = winner.from.sorted()
        let winnerRecords = winner.from.sorted().map(\.description).joined(separator: ", ")
        let losers = ranked.dropFirst().map { entry -> Loser in
            let rule: String
            if entry.completeness != winner.completeness {
                rule = "kept the more complete value"
            } else if entry.revision != winner.revision {
                rule = "kept the value of the more recently revised record"
            } else if entry.from.count != winner.from.count {
                rule = "kept the value given by more records"
            } else {
                rule = "kept the value of the first record in canonical order"
            }
            var lost = entry.value
            lost[keyPath: meta].from = entry.from.sorted()
            return Loser(value: lost, from: entry.from.sorted(), reason: "conflicts with \(winnerRecords); \(rule)")
        }
        return (value, losers)
    }
}
