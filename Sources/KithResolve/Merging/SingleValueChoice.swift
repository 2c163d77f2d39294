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
    /// The values are moved out: the choice is left empty.
    mutating func choose(meta: WritableKeyPath<Value, FieldMeta>) -> (Value, [Loser])? {
        entries.sort { a, b in
            if a.completeness != b.completeness { return a.completeness > b.completeness }
            if a.revision != b.revision {
                return (a.revision ?? PartialDate(year: Int.min)) > (b.revision ?? PartialDate(year: Int.min))
            }
            if a.from.count != b.from.count { return a.from.count > b.from.count }
            return a.order < b.order
        }
        guard let first = entries.first else { return nil }
        let (completeness, revision, count) = (first.completeness, first.revision, first.from.count)
        let winnerFrom = first.from.sorted()
        // Named only in the losers' reasons (most people have none).
        let winnerRecords = entries.count > 1 ? winnerFrom.map(\.description).joined(separator: ", ") : ""
        var losers: [Loser] = []
        losers.reserveCapacity(entries.count - 1)
        // Taken from the end, so that each value is moved rather than copied.
        while entries.count > 1 {
            var entry = entries.removeLast()
            let rule: String
            if entry.completeness != completeness {
                rule = "kept the more complete value"
            } else if entry.revision != revision {
                rule = "kept the value of the more recently revised record"
            } else if entry.from.count != count {
                rule = "kept the value given by more records"
            } else {
                rule = "kept the value of the first record in canonical order"
            }
            let from = entry.from.sorted()
            entry.value[keyPath: meta].from = from
            losers.append(Loser(value: entry.value, from: from, reason: "conflicts with \(winnerRecords); \(rule)"))
        }
        losers.reverse()
        var winner = entries.removeLast()
        winner.value[keyPath: meta].from = winnerFrom
        return (winner.value, losers)
    }
}
