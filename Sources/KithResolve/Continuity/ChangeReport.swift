internal import KithModel
internal import KithNormalize

/// The change report of a run with `--previous`: per person, what was added, updated, merged,
/// split or removed.
enum ChangeReport {
    /// - Complexity: O(values of the people involved).
    static func changes(people: [Person], clusterOf: [String: Int32], outcome: IdentityContinuity.Outcome)
        -> [PersonChange]
    {
        var changes: [PersonChange] = []
        var idOf: [Int32: String] = [:]
        for (cluster, id) in outcome.ids { idOf[cluster] = id }
        for person in people {
            guard let cluster = clusterOf[person.id] else { continue }
            let name = person.card.displayName
            guard let old = outcome.kept[cluster] else {
                if outcome.merged[cluster] == nil, !outcome.splitInto.values.contains(where: { $0.contains(cluster) }) {
                    changes.append(PersonChange(kind: .added, person: person.id, message: "\(name): new person"))
                }
                if let merged = outcome.merged[cluster] {
                    changes.append(
                        PersonChange(
                            kind: .merged, person: person.id, related: merged.sorted(),
                            message: "\(name): merged \(merged.count) earlier people"))
                }
                continue
            }
            if let merged = outcome.merged[cluster] {
                changes.append(
                    PersonChange(
                        kind: .merged, person: person.id, related: merged.sorted(),
                        message:
                            "\(name): merged with \(merged.count) earlier \(merged.count == 1 ? "person" : "people"), now aliases"
                    ))
            }
            if let parts = outcome.splitInto[person.id] {
                let related = parts.compactMap { idOf[$0] }.sorted()
                changes.append(
                    PersonChange(
                        kind: .split, person: person.id, related: related,
                        message:
                            "\(name): split; some records now form \(related.count == 1 ? "another person" : "\(related.count) other people")"
                    ))
            }
            let fields = changedFields(old: old, new: person)
            if !fields.isEmpty {
                changes.append(
                    PersonChange(
                        kind: .updated, person: person.id, fields: fields,
                        message: "\(name): \(fields.joined(separator: ", ")) changed"))
            }
        }
        for person in outcome.removed {
            changes.append(
                PersonChange(
                    kind: .removed, person: person.id, message: "\(person.card.displayName): no record came back"))
        }
        let order: [PersonChange.Kind: Int] = [.added: 0, .updated: 1, .merged: 2, .split: 3, .removed: 4]
        return changes.sorted { a, b in
            a.person != b.person ? a.person < b.person : (order[a.kind] ?? 0) < (order[b.kind] ?? 0)
        }
    }

    /// The fields whose values differ, by their matching forms (so that re-export in another
    /// format or order is not a change).
    static func changedFields(old: Person, new: Person) -> [String] {
        let (a, b) = (signature(old), signature(new))
        var fields = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }
        if recordSet(old) != recordSet(new) { fields.insert("records") }
        return fields.sorted()
    }

    private static func recordSet(_ person: Person) -> Set<String> {
        Set(
            person.records.map { record in
                if let fingerprint = record.fingerprint { return fingerprint }
                if let uid = record.uid, !uid.isEmpty { return "uid:" + RecordKey.normalizedUID(uid) }
                return record.ref.description
            })
    }

    private static func signature(_ person: Person) -> [String: Set<String>] {
        let card = person.card
        let fold = NameFolding.fold
        var out: [String: Set<String>] = [:]
        func put(_ field: String, _ values: [String]) {
            let set = Set(values.filter { !$0.isEmpty })
            if !set.isEmpty { out[field] = set }
        }
        put("name", [RecordFingerprint.nameKey(card.name)])
        put("emails", card.emails.map { $0.key ?? $0.address.lowercased() })
        put("phones", card.phones.map(RecordFingerprint.phoneKey))
        put("addresses", card.addresses.map { fold("\($0.street) \($0.postalCode) \($0.locality)") })
        put("organizations", card.organizations.map { $0.key ?? fold($0.name) })
        put("birthday", card.dates.filter { $0.kind == .birth }.map { $0.date?.description ?? $0.raw })
        put("titles", card.titles.map { fold($0.value) })
        put("nicknames", card.nicknames.map { fold($0.value) })
        put("notes", card.notes.map(\.value))
        put("links", card.links.map { $0.uri.lowercased() })
        return out
    }
}
