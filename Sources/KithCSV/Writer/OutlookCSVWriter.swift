public import KithModel

/// Writes people in the English Outlook CSV layout: the 92-column template, every field
/// quoted, CRLF, Windows-1252.
///
/// Outlook has fixed slots (three e-mails; Business/Home/Other addresses; named phone slots
/// such as `Mobile Phone`, `Business Phone 2`, `Home Fax`). Values beyond them, and fields the
/// template lacks (nicknames, IM accounts, further web pages, dates without a year, phonetic
/// names, relations other than spouse, children, manager and assistant), are appended to
/// `Notes` as `Label: value` lines and reported. Characters outside Windows-1252 are
/// transliterated (``Windows1252Text``) and reported. Dates are written `M/D/YYYY`, the
/// English Outlook form; categories and group names go to `Categories`, joined by `;`.
public struct OutlookCSVWriter: Sendable {
    /// How rows are written (every field quoted; formula neutralization on by default).
    public var rows: CSVRowWriter

    /// The column names, in order.
    public static var columns: [String] { OutlookColumns.all }

    /// Creates a writer.
    ///
    /// - Parameter neutralizeFormulas: prefix values starting with `=`, `+`, `-`, `@`, TAB or CR
    ///   with `'` (see ``CSVRowWriter``).
    public init(neutralizeFormulas: Bool = true) {
        self.rows = CSVRowWriter(quoteAll: true, neutralizeFormulas: neutralizeFormulas)
    }

    /// Writes the people of a dataset.
    ///
    /// - Parameter dataset: the dataset.
    /// - Returns: the Windows-1252 bytes and the report.
    /// - Complexity: O(n) in the size of the dataset.
    public func write(dataset: Dataset) -> CSVExport {
        let groups = CSVLayoutSupport.groupNames(dataset)
        var report: [String] = []
        var bytes = Windows1252Text.encode(rows.row(OutlookColumns.all))
        for person in dataset.people {
            var record = OutlookRecord(person: person, groups: groups[person.id] ?? [])
            record.fill()
            report += record.report
            var fields: [String] = []
            fields.reserveCapacity(record.fields.count)
            for (index, value) in record.fields.enumerated() {
                let fitted = Windows1252Text.transliterate(value)
                if fitted.changed, fitted.text != value {
                    report.append(
                        "\(record.who): \(OutlookColumns.all[index]) \"\(value)\" written as \"\(fitted.text)\" (not in Windows-1252)"
                    )
                }
                fields.append(fitted.text)
            }
            bytes += Windows1252Text.encode(rows.row(fields))
        }
        return CSVExport(bytes: bytes, report: report)
    }
}

/// One person laid out in Outlook's columns.
struct OutlookRecord {
    let person: Person
    let groups: [String]
    let who: String
    var fields: [String]
    var overflow: [String] = []
    var report: [String] = []

    init(person: Person, groups: [String]) {
        self.person = person
        self.groups = groups
        self.who = CSVLayoutSupport.who(person)
        self.fields = Array(repeating: "", count: OutlookColumns.all.count)
    }

    func get(_ column: String) -> String {
        OutlookColumns.index[column].map { fields[$0] } ?? ""
    }

    mutating func set(_ column: String, _ value: String) {
        if let index = OutlookColumns.index[column] { fields[index] = value }
    }

    /// Puts a value in the first empty column of `slots`; `false` when all are taken.
    mutating func place(_ value: String, in slots: [String]) -> Bool {
        for slot in slots where get(slot).isEmpty {
            set(slot, value)
            return true
        }
        return false
    }

    /// Appends a `Label: value` line to Notes and reports it.
    mutating func toNotes(_ label: String, _ value: String, because reason: String) {
        overflow.append("\(label): \(value)")
        report.append("\(who): \(label) \"\(value)\" written to Notes (\(reason))")
    }

    mutating func fill() {
        let card = person.card
        if let name = card.name {
            set("Title", name.prefixes.joined(separator: " "))
            set("First Name", name.given.joined(separator: " "))
            set("Middle Name", name.additional.joined(separator: " "))
            set("Last Name", name.surname.joined(separator: " "))
            set("Suffix", name.suffixes.joined(separator: " "))
            if !name.hasComponents, let full = name.full { set("First Name", full) }
            let phonetic = [name.phoneticGiven, name.phoneticAdditional, name.phoneticSurname].compactMap { $0 }
            if !phonetic.isEmpty {
                toNotes("Phonetic name", phonetic.joined(separator: " "), because: "no phonetic columns")
            }
            if let sortAs = name.sortAs { toNotes("File as", sortAs, because: "no File As column") }
        }
        let organizations = card.organizations.filter { $0.inferredBy == nil }
        if let organization = organizations.first {
            set("Company", organization.name)
            set("Department", organization.units.joined(separator: ", "))
        }
        for extra in organizations.dropFirst() {
            toNotes("Organization", ([extra.name] + extra.units).joined(separator: ", "), because: "one Company column")
        }
        if let title = card.titles.first { set("Job Title", title.value) }
        for title in card.titles.dropFirst() { toNotes("Job title", title.value, because: "one Job Title column") }
        set("Profession", card.roles.map(\.value).joined(separator: "; "))
        for nickname in card.nicknames { toNotes("Nickname", nickname.value, because: "no Nickname column") }
        fillAddresses(card.addresses)
        fillPhones(card.phones)
        for (index, email) in card.emails.enumerated() {
            guard index < 3 else {
                toNotes("E-mail", email.address, because: "three e-mail columns")
                continue
            }
            let prefix = index == 0 ? "E-mail" : "E-mail \(index + 1)"
            set("\(prefix) Address", email.address)
            set("\(prefix) Type", "SMTP")
            let display = card.displayName
            set("\(prefix) Display Name", display.isEmpty ? email.address : "\(display) (\(email.address))")
        }
        fillDates(card.dates)
        for (index, link) in card.links.enumerated() {
            if index == 0 {
                set("Web Page", link.uri)
            } else {
                toNotes("Web page", link.uri, because: "one Web Page column")
            }
        }
        for service in card.onlineServices {
            let value = service.uri ?? service.user ?? ""
            toNotes("IM" + (service.service.map { " (\($0))" } ?? ""), value, because: "no IM column")
        }
        fillRelated(card.related)
        switch card.gender?.value.uppercased().split(separator: ";").first.map(String.init) ?? "" {
        case "M", "MALE": set("Gender", "Male")
        case "F", "FEMALE": set("Gender", "Female")
        default:
            set("Gender", "Unspecified")
            if let gender = card.gender, !gender.value.isEmpty {
                toNotes("Gender", gender.value, because: "Outlook knows Male, Female and Unspecified")
            }
        }
        set("Categories", (card.categories.map(\.value) + groups).joined(separator: ";"))
        for media in card.media {
            report.append("\(who): \(media.kind.rawValue) not written: the Outlook layout has no picture column")
        }
        var unmapped = 0
        for raw in card.unmapped {
            if raw.name.uppercased().hasPrefix("X-CSV-") {
                overflow.append("\(raw.name.dropFirst(6)): \(raw.value)")
            } else {
                unmapped += 1
            }
        }
        if unmapped > 0 { report.append("\(who): \(unmapped) unmapped vCard/XML properties not written") }
        if !person.alternates.isEmpty {
            report.append("\(who): \(person.alternates.count) alternate values not written (kept in the dataset)")
        }
        set("Priority", "Normal")
        set("Private", "False")
        set("Sensitivity", "Normal")
        let notes = card.notes.map(\.value) + (overflow.isEmpty ? [] : [overflow.joined(separator: "\r\n")])
        set("Notes", notes.joined(separator: "\r\n\r\n"))
    }

    mutating func fillAddresses(_ addresses: [AddressValue]) {
        for address in addresses {
            let types = address.meta.types
            let preferred = types.contains("work") ? "Business" : types.contains("home") ? "Home" : "Other"
            guard let kind = [preferred, "Other", "Home", "Business"].first(where: { slotFree($0) }) else {
                toNotes("Address", OutlookRecord.oneLine(address), because: "three address slots")
                continue
            }
            var lines = address.street.split(whereSeparator: \.isNewline).map(String.init)
            if !address.extended.isEmpty { lines.append(address.extended) }
            if !address.hasComponents, let formatted = address.formatted {
                lines = formatted.split(whereSeparator: \.isNewline).map(String.init)
            }
            if lines.count > 3 { lines = Array(lines.prefix(2)) + [lines.dropFirst(2).joined(separator: ", ")] }
            for (index, line) in lines.enumerated() {
                set(index == 0 ? "\(kind) Street" : "\(kind) Street \(index + 1)", line)
            }
            set("\(kind) City", address.locality)
            set("\(kind) State", address.region)
            set("\(kind) Postal Code", address.postalCode)
            set("\(kind) Country/Region", address.country)
            set("\(kind) Address PO Box", address.poBox)
            if kind != preferred, preferred != "Other" {
                report.append("\(who): a \(preferred.lowercased()) address written as the \(kind) address (slot taken)")
            }
        }
    }

    func slotFree(_ kind: String) -> Bool {
        ["Street", "City", "State", "Postal Code", "Country/Region"].allSatisfy { get("\(kind) \($0)").isEmpty }
            && get("\(kind) Address PO Box").isEmpty
    }

    static func oneLine(_ address: AddressValue) -> String {
        if let formatted = address.formatted, !formatted.isEmpty {
            return formatted.split(whereSeparator: \.isNewline).joined(separator: ", ")
        }
        return [
            address.poBox, address.street, address.extended, address.locality, address.region, address.postalCode,
            address.country,
        ]
        .filter { !$0.isEmpty }.joined(separator: ", ")
    }

    mutating func fillPhones(_ phones: [PhoneValue]) {
        for phone in phones {
            let types = Set(phone.meta.types)
            var slots: [String]
            if types.contains("fax") {
                slots =
                    types.contains("work") ? ["Business Fax"] : types.contains("home") ? ["Home Fax"] : ["Other Fax"]
            } else if types.contains("cell") || types.contains("mobile") || types.contains("iphone") {
                slots = ["Mobile Phone"]
            } else if types.contains("pager") {
                slots = ["Pager"]
            } else if types.contains("car") {
                slots = ["Car Phone"]
            } else if types.contains("isdn") {
                slots = ["ISDN"]
            } else if types.contains("textphone") {
                slots = ["TTY/TDD Phone"]
            } else if types.contains("main") {
                slots = ["Company Main Phone"]
            } else if types.contains("work") {
                slots = ["Business Phone", "Business Phone 2"]
            } else if types.contains("home") {
                slots = ["Home Phone", "Home Phone 2"]
            } else {
                slots = []
            }
            if CSVLayoutSupport.isPreferred(phone.meta) { slots.append("Primary Phone") }
            slots.append("Other Phone")
            if !place(phone.raw, in: slots) {
                toNotes(
                    "Phone (\(CSVLayoutSupport.label(phone.meta, phone: true)))", phone.raw,
                    because: "its phone columns are taken")
            }
        }
    }

    mutating func fillDates(_ dates: [DateValue]) {
        for date in dates {
            let column: String? =
                switch date.kind {
                case .birth: "Birthday"
                case .wedding: "Anniversary"
                default: nil
                }
            if let column, get(column).isEmpty, let value = date.date, let year = value.year, let month = value.month,
                let day = value.day
            {
                set(column, "\(month)/\(day)/\(year)")
                continue
            }
            let label = date.meta.label ?? (date.kind == .other ? "Date" : date.kind.rawValue.capitalized)
            toNotes(
                label, date.date?.description ?? date.raw,
                because: column == nil ? "no column for it" : "Outlook needs a full date")
        }
    }

    mutating func fillRelated(_ related: [RelatedValue]) {
        var children: [String] = []
        for value in related {
            let relations = Set(value.relations.map { $0.lowercased() } + [value.meta.label?.lowercased() ?? ""])
            if relations.contains("child") {
                children.append(value.value)
            } else if relations.contains("spouse") || relations.contains("partner"),
                place(value.value, in: ["Spouse"])
            {
                continue
            } else if relations.contains("manager"), place(value.value, in: ["Manager's Name"]) {
                continue
            } else if relations.contains("assistant"), place(value.value, in: ["Assistant's Name"]) {
                continue
            } else if relations.contains("referred-by"), place(value.value, in: ["Referred By"]) {
                continue
            } else {
                toNotes(
                    "Related" + (value.relations.first.map { " (\($0))" } ?? ""), value.value,
                    because: "no column for it")
            }
        }
        set("Children", children.joined(separator: ", "))
    }
}

extension AddressValue {
    /// Whether any structured component is present.
    var hasComponents: Bool {
        !(poBox.isEmpty && extended.isEmpty && street.isEmpty && locality.isEmpty && region.isEmpty
            && postalCode.isEmpty && country.isEmpty)
    }
}
