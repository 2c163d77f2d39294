import KithModel

/// Rebuilds a `Contact` from a dataset entry: its `card`, `origin`, `provenance` and `values`.
struct CardReader {
    private let values: [String: JSONValue]
    private let provenance: [String: [RecordRef]]

    /// Prepares the lookups of an entry (a person or a group object).
    init(entry: JSONValue) {
        var values: [String: JSONValue] = [:]
        for (path, value) in entry["values"]?.members ?? [] where values[path] == nil { values[path] = value }
        var provenance: [String: [RecordRef]] = [:]
        for (path, refs) in entry["provenance"]?.members ?? [] where provenance[path] == nil {
            provenance[path] = ValueReader.refs(refs)
        }
        self.values = values
        self.provenance = provenance
    }

    private func entry(_ path: String) -> JSONValue? { values[path] }
    private func from(_ path: String) -> [RecordRef] { provenance[path] ?? [] }

    /// Escapes a map key for a JSON Pointer path (RFC 6901).
    private static func pointer(_ key: String) -> String {
        guard key.contains("~") || key.contains("/") else { return key }
        return key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The contact described by `card`, with `origin` giving where it was read.
    ///
    /// - Parameter keepMembers: whether the card's `members` are the contact's own (persons) or
    ///   resolved person ids kept elsewhere (groups).
    func contact(card: JSONValue, origin: JSONValue?, keepMembers: Bool) -> Contact {
        let ref = origin?["ref"]?.string.flatMap(ValueReader.recordRef) ?? RecordRef(source: 0, index: 0)
        var contact = Contact(
            ref: ref, line: origin?["line"]?.int ?? 0,
            kind: Contact.Kind(rawValue: card["kind"]?.string ?? "") ?? .individual)
        contact.version = origin?["version"]?.string
        contact.uid = origin?["uid"]?.string
        contact.revision = origin?["revision"]?.string
        contact.producer = card["prodId"]?.string
        contact.revisionDate = card["updated"]?.string.flatMap(DateText.parse)

        if card["name"] != nil || entry("name") != nil {
            contact.name = ValueReader.name(card["name"], entry: entry("name"), from: from("name"))
        }
        forEachEntry(card, "nicknames") { path, object in
            contact.nicknames.append(
                TextValue(
                    object["name"]?.string ?? "",
                    meta: ValueReader.meta(entry: entry(path), params: object["vCardParams"], from: from(path))))
        }
        forEachEntry(card, "organizations") { path, object in
            contact.organizations.append(ValueReader.organization(object, entry: entry(path), from: from(path)))
        }
        forEachEntry(card, "titles") { path, object in
            let value = TextValue(
                object["name"]?.string ?? "",
                meta: ValueReader.meta(entry: entry(path), params: object["vCardParams"], from: from(path)))
            if object["kind"]?.string == "role" {
                contact.roles.append(value)
            } else {
                contact.titles.append(value)
            }
        }
        forEachEntry(card, "emails") { path, object in
            contact.emails.append(ValueReader.email(object, entry: entry(path), from: from(path)))
        }
        forEachEntry(card, "phones") { path, object in
            contact.phones.append(ValueReader.phone(object, entry: entry(path), from: from(path)))
        }
        forEachEntry(card, "onlineServices") { path, object in
            contact.onlineServices.append(ValueReader.onlineService(object, entry: entry(path), from: from(path)))
        }
        forEachEntry(card, "addresses") { path, object in
            contact.addresses.append(ValueReader.address(object, entry: entry(path), from: from(path)))
        }
        forEachEntry(card, "anniversaries") { path, object in
            contact.dates.append(ValueReader.date(object, entry: entry(path), from: from(path)))
        }
        forEachEntry(card, "links") { path, object in
            contact.links.append(ValueReader.link(object, entry: entry(path), from: from(path)))
        }
        forEachEntry(card, "media") { path, object in
            contact.media.append(ValueReader.media(object, entry: entry(path), from: from(path)))
        }
        forEachEntry(card, "notes") { path, object in
            contact.notes.append(
                TextValue(
                    object["note"]?.string ?? "",
                    meta: ValueReader.meta(entry: entry(path), params: object["vCardParams"], from: from(path))))
        }
        for (key, _) in card["keywords"]?.members ?? [] {
            let path = "keywords/" + CardReader.pointer(key)
            contact.categories.append(
                TextValue(key, meta: ValueReader.meta(entry: entry(path), params: nil, from: from(path))))
        }
        for (key, object) in card["relatedTo"]?.members ?? [] {
            let path = "relatedTo/" + CardReader.pointer(key)
            contact.related.append(ValueReader.related(target: key, object, entry: entry(path), from: from(path)))
        }
        if keepMembers {
            for (key, _) in card["members"]?.members ?? [] {
                let path = "members/" + CardReader.pointer(key)
                contact.members.append(
                    TextValue(key, meta: ValueReader.meta(entry: entry(path), params: nil, from: from(path))))
            }
        }
        readProps(card, into: &contact)
        return contact
    }

    /// Calls `body` with the path and object of every entry of a card map, in order.
    private func forEachEntry(_ card: JSONValue, _ member: String, _ body: (String, JSONValue) -> Void) {
        for (id, object) in card[member]?.members ?? [] { body(member + "/" + id, object) }
    }

    /// Reads `vCardProps`: the entries Kith made from mapped fields (named by `field` in their
    /// `values` entry) go back to their field, the rest are unmapped properties.
    private func readProps(_ card: JSONValue, into contact: inout Contact) {
        for (position, prop) in (card["vCardProps"]?.array ?? []).enumerated() {
            guard let parts = prop.array, parts.count >= 4 else { continue }
            let path = "vCardProps/\(position)"
            let entry = entry(path)
            let name = parts[0].string ?? ""
            let field = entry?["field"]?.string
            // Only unmapped properties carry their group among the parameters.
            let params = ValueReader.parameters(parts[1], splitGroup: field == nil)
            let type = parts[2].string ?? "unknown"
            let value = parts[3].string ?? ""
            var meta = ValueReader.meta(entry: entry, params: nil, from: from(path))
            meta.parameters = params.parameters
            switch field {
            case "gender":
                contact.gender = TextValue(value, meta: meta)
            case "anniversaries":
                let kind = DateValue.Kind(rawValue: entry?["kind"]?.string ?? "") ?? .other
                let date = type == "date-and-or-time" ? DateText.parse(entry?["date"]?.string ?? value) : nil
                contact.dates.append(
                    DateValue(
                        kind: kind, date: date, raw: entry?["raw"]?.string ?? value, rule: entry?["rule"]?.string,
                        meta: meta))
            case "relatedTo":
                var relations: [String] = []
                meta.parameters.removeAll { parameter in
                    guard parameter.name == "TYPE", relations.isEmpty else { return false }
                    relations = parameter.values
                    return true
                }
                contact.related.append(
                    RelatedValue(value: value, isURI: type == "uri", relations: relations, meta: meta))
            case "members":
                contact.members.append(TextValue(value, meta: meta))
            default:
                contact.unmapped.append(
                    RawProperty(
                        name: entry?["name"]?.string ?? name.uppercased(), group: params.group,
                        parameters: params.parameters, valueType: type,
                        value: value, line: entry?["line"]?.int ?? 0))
            }
        }
    }
}
