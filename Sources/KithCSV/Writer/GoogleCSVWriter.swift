public import KithModel

/// Writes people in the current Google Contacts CSV layout (FORMATS.md, "Google Contacts,
/// current layout"), UTF-8 with CRLF.
///
/// The fixed columns come first (`First Name` … `Labels`), then numbered groups: `E-mail N`,
/// `Phone N`, `Address N` (at least one of each), and `Relation N`, `IM N`, `Website N`,
/// `Event N`, `Custom Field N` (as many as the data needs, none when no one has such a value).
/// A preferred value's label starts with `* `; several values in one cell are joined by ` ::: `;
/// `Labels` holds the categories and the names of the groups the person belongs to.
///
/// What the layout cannot hold is reported: inline photos (the `Photo` column holds a URL),
/// logos, sounds, unmapped vCard properties and alternates. Gender, roles, further
/// organizations and CSV columns Kith did not map (`X-CSV-…`) go to `Custom Field` columns.
public struct GoogleCSVWriter: Sendable {
    /// How rows are written (formula neutralization on by default).
    public var rows: CSVRowWriter

    /// The fixed columns, in order.
    public static let fixedColumns = [
        "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
        "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As", "Organization Name",
        "Organization Title", "Organization Department", "Birthday", "Notes", "Photo", "Labels",
    ]

    /// The joiner of several values in one cell.
    public static let joiner = " ::: "

    /// Creates a writer.
    ///
    /// - Parameter neutralizeFormulas: prefix values starting with `=`, `+`, `-`, `@`, TAB or CR
    ///   with `'` (OWASP CSV injection guidance; see ``CSVRowWriter``).
    public init(neutralizeFormulas: Bool = true) {
        self.rows = CSVRowWriter(quoteAll: false, neutralizeFormulas: neutralizeFormulas)
    }

    /// Writes the people of a dataset (groups become `Labels` of their members).
    ///
    /// - Parameter dataset: the dataset.
    /// - Returns: the file's bytes and the report.
    /// - Complexity: O(n) in the size of the dataset.
    public func write(dataset: Dataset) -> CSVExport {
        let groups = CSVLayoutSupport.groupNames(dataset)
        var report: [String] = []
        let records = dataset.people.map { person in
            GoogleRecord(person: person, groups: groups[person.id] ?? [], report: &report)
        }
        var counts = GoogleRecord.Counts()
        for record in records { counts.formUnion(record.counts) }
        var text = rows.row(GoogleRecord.header(counts))
        for record in records { text += rows.row(record.fields(counts)) }
        return CSVExport(bytes: Array(text.utf8), report: report)
    }
}

/// One person laid out for the Google columns.
struct GoogleRecord {
    /// How many numbered groups of each kind a record (or the file) needs.
    struct Counts {
        var emails = 1, phones = 1, addresses = 1, relations = 0, ims = 0, websites = 1, events = 0, custom = 0

        mutating func formUnion(_ other: Counts) {
            emails = max(emails, other.emails)
            phones = max(phones, other.phones)
            addresses = max(addresses, other.addresses)
            relations = max(relations, other.relations)
            ims = max(ims, other.ims)
            websites = max(websites, other.websites)
            events = max(events, other.events)
            custom = max(custom, other.custom)
        }
    }

    var fixed: [String]
    var emails: [[String]] = []
    var phones: [[String]] = []
    var addresses: [[String]] = []
    var relations: [[String]] = []
    var ims: [[String]] = []
    var websites: [[String]] = []
    var events: [[String]] = []
    var custom: [[String]] = []

    var counts: Counts {
        Counts(
            emails: emails.count, phones: phones.count, addresses: addresses.count, relations: relations.count,
            ims: ims.count, websites: websites.count, events: events.count, custom: custom.count)
    }

    static let addressParts = [
        "Label", "Formatted", "Street", "City", "PO Box", "Region", "Postal Code", "Country", "Extended Address",
    ]

    static func header(_ counts: Counts) -> [String] {
        var header = GoogleCSVWriter.fixedColumns
        func numbered(_ name: String, _ count: Int, _ parts: [String]) {
            guard count > 0 else { return }
            for index in 1...count { header += parts.map { "\(name) \(index) - \($0)" } }
        }
        numbered("E-mail", counts.emails, ["Label", "Value"])
        numbered("Phone", counts.phones, ["Label", "Value"])
        numbered("Address", counts.addresses, addressParts)
        numbered("Relation", counts.relations, ["Label", "Value"])
        numbered("IM", counts.ims, ["Label", "Service", "Value"])
        numbered("Website", counts.websites, ["Label", "Value"])
        numbered("Event", counts.events, ["Label", "Value"])
        numbered("Custom Field", counts.custom, ["Label", "Value"])
        return header
    }

    func fields(_ counts: Counts) -> [String] {
        var out = fixed
        func pad(_ groups: [[String]], _ count: Int, _ width: Int) {
            for index in 0..<count { out += index < groups.count ? groups[index] : Array(repeating: "", count: width) }
        }
        pad(emails, counts.emails, 2)
        pad(phones, counts.phones, 2)
        pad(addresses, counts.addresses, Self.addressParts.count)
        pad(relations, counts.relations, 2)
        pad(ims, counts.ims, 3)
        pad(websites, counts.websites, 2)
        pad(events, counts.events, 2)
        pad(custom, counts.custom, 2)
        return out
    }

    init(person: Person, groups: [String], report: inout [String]) {
        let card = person.card
        let who = CSVLayoutSupport.who(person)
        let join = GoogleCSVWriter.joiner
        func label(_ meta: FieldMeta, phone: Bool = false) -> String {
            (CSVLayoutSupport.isPreferred(meta) ? "* " : "") + CSVLayoutSupport.label(meta, phone: phone)
        }
        let name = card.name
        let organizations = card.organizations.filter { $0.inferredBy == nil }
        let organization = organizations.first
        var birthday = ""
        var photo = ""
        for date in card.dates {
            if date.kind == .birth, birthday.isEmpty {
                birthday = CSVLayoutSupport.googleDate(date)
                continue
            }
            let word: String
            switch date.kind {
            case .birth: word = "Birthday"
            case .wedding: word = "Anniversary"
            case .death: word = "Death"
            case .other: word = CSVLayoutSupport.label(date.meta)
            }
            events.append([date.meta.label ?? word, CSVLayoutSupport.googleDate(date)])
        }
        for media in card.media {
            if media.kind == .photo, photo.isEmpty, let uri = media.uri, !uri.isEmpty {
                photo = uri
            } else {
                let what = media.data != nil ? "inline \(media.kind.rawValue)" : media.kind.rawValue
                report.append("\(who): \(what) not written: the Google layout holds one photo URL")
            }
        }
        fixed = [
            name?.given.joined(separator: " ") ?? "", name?.additional.joined(separator: " ") ?? "",
            name?.surname.joined(separator: " ") ?? "", name?.phoneticGiven ?? "", name?.phoneticAdditional ?? "",
            name?.phoneticSurname ?? "", name?.prefixes.joined(separator: " ") ?? "",
            name?.suffixes.joined(separator: " ") ?? "", card.nicknames.map(\.value).joined(separator: join),
            name?.sortAs ?? "", organization?.name ?? "", card.titles.map(\.value).joined(separator: join),
            organization?.units.joined(separator: join) ?? "", birthday,
            card.notes.map(\.value).joined(separator: "\n\n"), photo,
            (card.categories.map(\.value) + groups).joined(separator: join),
        ]
        if let name, !name.hasComponents, let full = name.full, !full.isEmpty {
            // The layout has no display-name column: a name without components goes to First Name.
            fixed[0] = full
        }
        emails = card.emails.map { [label($0.meta), $0.address] }
        phones = card.phones.map { [label($0.meta, phone: true), $0.raw] }
        addresses = card.addresses.map { address in
            [
                label(address.meta), address.formatted ?? "", address.street, address.locality, address.poBox,
                address.region, address.postalCode, address.country, address.extended,
            ]
        }
        relations = card.related.map { related in
            let word =
                related.meta.label ?? related.relations.first.map { $0.prefix(1).uppercased() + $0.dropFirst() }
                ?? "Other"
            return [word, related.value]
        }
        ims = card.onlineServices.map { service in
            let serviceName = service.service.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? ""
            return [label(service.meta), serviceName, service.user ?? service.uri ?? ""]
        }
        websites = card.links.map { [label($0.meta), $0.uri] }
        for extra in organizations.dropFirst() {
            custom.append(["Organization", ([extra.name] + extra.units).joined(separator: join)])
        }
        for role in card.roles { custom.append(["Role", role.value]) }
        if let gender = card.gender { custom.append(["Gender", gender.value]) }
        var dropped = 0
        for raw in card.unmapped {
            if raw.name.uppercased().hasPrefix("X-CSV-") {
                custom.append([String(raw.name.dropFirst(6)), raw.value])
            } else {
                dropped += 1
            }
        }
        if dropped > 0 {
            report.append(
                "\(who): \(dropped) unmapped vCard/XML properties not written: the Google layout has no place for them")
        }
        if !person.alternates.isEmpty {
            report.append("\(who): \(person.alternates.count) alternate values not written (kept in the dataset)")
        }
    }
}
