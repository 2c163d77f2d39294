import KithModel

/// A CSV file written from a dataset: its bytes and the report of what did not fit the layout.
public struct CSVExport: Sendable {
    /// The file's bytes (UTF-8 for Google, Windows-1252 for Outlook).
    public var bytes: [UInt8]
    /// One line per value the layout cannot hold or had to change, naming the person
    /// (`Jane Doe (urn:uuid:…): photo not written: …`).
    public var report: [String]

    /// Creates an export.
    public init(bytes: [UInt8], report: [String]) {
        self.bytes = bytes
        self.report = report
    }
}

/// Helpers the CSV layouts share: labels, names of groups, dates.
enum CSVLayoutSupport {
    /// `Jane Doe (urn:uuid:…)`, how report lines name a person.
    static func who(_ person: Person) -> String {
        let name = person.card.displayName
        return name.isEmpty ? person.id : "\(name) (\(person.id))"
    }

    /// The names of the groups each person belongs to, by person id, in dataset order.
    static func groupNames(_ dataset: Dataset) -> [String: [String]] {
        var names: [String: [String]] = [:]
        for group in dataset.groups {
            let name = group.card.displayName
            guard !name.isEmpty else { continue }
            for member in group.memberIDs { names[member, default: []].append(name) }
        }
        return names
    }

    /// A label word for a value: its free-text label, else its first type word capitalized as
    /// Google writes it (`Home`, `Work`, `Mobile`, `Other`).
    static func label(_ meta: FieldMeta, phone: Bool = false) -> String {
        if let label = meta.label, !label.isEmpty { return label }
        let types = meta.types.filter { !["pref", "internet", "voice", "x400", "uri"].contains($0) }
        if phone {
            if types.contains("fax") {
                if types.contains("work") { return "Work Fax" }
                if types.contains("home") { return "Home Fax" }
                return "Other Fax"
            }
            if types.contains("cell") || types.contains("mobile") { return "Mobile" }
            if types.contains("pager") { return "Pager" }
            if types.contains("main") { return "Main" }
        }
        if types.contains("home") { return "Home" }
        if types.contains("work") { return "Work" }
        guard let first = types.first else { return "Other" }
        return first.prefix(1).uppercased() + first.dropFirst()
    }

    /// Whether a value is marked as the preferred one.
    static func isPreferred(_ meta: FieldMeta) -> Bool {
        meta.pref == 1 || meta.has("pref")
    }

    /// A date as Google writes it: `1985-04-12`, `--04-12` without a year; the raw text when
    /// the date could not be read.
    static func googleDate(_ value: DateValue) -> String {
        guard let date = value.date, date.month != nil || date.year != nil else { return value.raw }
        return date.description.split(separator: "T").first.map(String.init) ?? value.raw
    }
}
