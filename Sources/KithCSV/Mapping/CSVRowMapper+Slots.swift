import KithIO
import KithModel

extension CSVRowMapper {
    /// The parts of one address, several cells of one part joined by line breaks.
    struct AddressCells {
        var street: String?
        var extended: String?
        var poBox: String?
        var locality: String?
        var region: String?
        var postalCode: String?
        var country: String?
        var formatted: String?

        mutating func append(_ part: CSVColumnRole.AddressPart, _ text: String) {
            func join(_ existing: inout String?) {
                if let previous = existing { existing = previous + "\n" + text } else { existing = text }
            }
            switch part {
            case .street: join(&street)
            case .extended: join(&extended)
            case .poBox: join(&poBox)
            case .locality: join(&locality)
            case .region: join(&region)
            case .postalCode: join(&postalCode)
            case .country: join(&country)
            case .formatted: join(&formatted)
            }
        }

        subscript(_ part: CSVColumnRole.AddressPart) -> String? {
            switch part {
            case .street: street
            case .extended: extended
            case .poBox: poBox
            case .locality: locality
            case .region: region
            case .postalCode: postalCode
            case .country: country
            case .formatted: formatted
            }
        }

        /// The parts in the order of an address value's components.
        static let order: [CSVColumnRole.AddressPart] = [
            .street, .extended, .poBox, .locality, .region, .postalCode, .country, .formatted,
        ]
    }

    /// The value cells of a slot: usually one, kept without an array.
    struct SlotValues: RandomAccessCollection {
        private var head: (column: Int, text: String)?
        private var tail: [(column: Int, text: String)] = []

        var startIndex: Int { 0 }
        var endIndex: Int { head == nil ? 0 : 1 + tail.count }

        subscript(position: Int) -> (column: Int, text: String) {
            if position == 0, let head { return head }
            return tail[position - 1]
        }

        mutating func append(_ value: (column: Int, text: String)) {
            if head == nil { head = value } else { tail.append(value) }
        }
    }

    /// The cells of one slot, sorted by role.
    struct SlotCells {
        var values = SlotValues()
        var label: (column: Int, text: String)?
        var kind: (column: Int, text: String)?
        var service: (column: Int, text: String)?
        var extra: [(column: Int, text: String)] = []
        var address: AddressCells?
        var year: String?
        var month: String?
        var day: String?
        var units: [String] = []
        var types: [String]

        init(types: [String]) {
            self.types = types
        }

        var hasDateParts: Bool { year != nil || month != nil || day != nil }
    }

    /// Gathers the non-empty cells of one slot and assembles its values.
    mutating func assembleSlot(
        _ slot: Int, texts: [String?], count: Int, into contact: inout Contact, line: Int,
        diagnostics: inout [Diagnostic]
    ) {
        var cells = SlotCells(types: plan.slots[slot].types)
        for index in plan.slots[slot].columns where index < count {
            guard let text = texts[index] else { continue }
            let cell = (column: index, text: text)
            switch plan.columns[index].role.field {
            case .email, .phone, .url, .im, .related, .date, .organization:
                cells.values.append(cell)
            case .emailType, .phoneType, .urlType, .imType, .relatedType, .dateType, .addressType, .organizationType:
                if cells.label == nil { cells.label = cell } else { cells.extra.append(cell) }
            case .emailKind:
                cells.kind = cell
            case .imService:
                cells.service = cell
            case .address(let part):
                if cells.address == nil { cells.address = AddressCells() }
                cells.address?.append(part, text)
            case .datePart(.year): cells.year = text.trimmingWhitespace()
            case .datePart(.month): cells.month = text.trimmingWhitespace()
            case .datePart(.day): cells.day = text.trimmingWhitespace()
            case .department:
                cells.units.append(text.trimmingWhitespace())
            default:
                // Outlook's e-mail display name and anything else that only qualifies a value.
                cells.extra.append(cell)
            }
        }
        assemble(plan.slots[slot].kind, cells, into: &contact, line: line, diagnostics: &diagnostics)
    }

    /// A label cell read once per distinct text: Google's marker removed, type words found.
    mutating func parsedLabel(_ text: String, google: Bool) -> ParsedLabel {
        if let cached = labelCache[text] { return cached }
        let (label, primary) = google ? CSVLabel.primary(text) : (text.trimmingWhitespace(), false)
        let parsed = ParsedLabel(text: label.isEmpty ? nil : label, isPrimary: primary, types: CSVLabel.types(label))
        if labelCache.count < 4096 { labelCache[text] = parsed }
        return parsed
    }

    private mutating func assemble(
        _ kind: CSVColumnPlan.SlotKind, _ cells: SlotCells, into contact: inout Contact, line: Int,
        diagnostics: inout [Diagnostic]
    ) {
        let google = plan.layout.usesGoogleConventions
        // Cells that only qualify a value (a label, Outlook's display name) are kept verbatim.
        for extra in cells.extra { keep(extra.text, column(extra.column), in: &contact, line: line) }
        let parsed = cells.label.map { parsedLabel($0.text, google: google) }
        let label = parsed?.text
        let primary = parsed?.isPrimary ?? false
        let labelTypes = parsed?.types ?? []
        func meta(_ column: Int, first: Bool, typed: Bool = true) -> FieldMeta {
            let own = typed ? plan.columns[column].types : []
            var types = own.isEmpty ? labelTypes : own
            if !own.isEmpty { for type in labelTypes where !types.contains(type) { types.append(type) } }
            let pref = (typed && plan.columns[column].isPreferred) || (primary && first) ? 1 : nil
            return newMeta(types: types, label: label, pref: pref, line: line)
        }
        let hasValue = !cells.values.isEmpty || cells.address != nil || cells.hasDateParts || !cells.units.isEmpty
        if !hasValue {
            // A label without a value: keep it, it still is data.
            for cell in [cells.label, cells.kind, cells.service].compactMap({ $0 }) {
                keep(cell.text, column(cell.column), in: &contact, line: line)
            }
            return
        }
        switch kind {
        case .email:
            let exchange = cells.kind.map { $0.text.trimmingWhitespace().uppercased() == "EX" } ?? false
            for value in cells.values {
                CSVLabel.forEachEmail(value.text, google: google) { index, address in
                    if exchange {
                        // An Exchange distinguished name, not an address: keep it verbatim.
                        var property = raw(address, column(value.column), line: line)
                        property.parameters.append(Parameter(name: "X-EMAIL-TYPE", values: ["EX"]))
                        contact.unmapped.append(property)
                        return
                    }
                    var fieldMeta = meta(value.column, first: index == 0 && value.column == cells.values[0].column)
                    if let kind = cells.kind {
                        fieldMeta.parameters.append(
                            Parameter(name: "X-EMAIL-TYPE", values: [kind.text.trimmingWhitespace()]))
                    }
                    contact.emails.append(EmailValue(raw: address, meta: fieldMeta))
                }
            }
            if exchange, let kind = cells.kind {
                diagnostics.append(
                    context.diagnostic(
                        line: line, record: Int(contact.ref.index), .info, "csv.outlook.exchange-address",
                        "column \"\(column(kind.column).header)\" says EX: the address is an Exchange name, kept as "
                            + "an unmapped property rather than an email"))
            }
        case .phone, .url, .im, .related:
            for value in cells.values {
                let role = plan.columns[value.column].role
                let firstColumn = value.column == cells.values[0].column
                CSVLabel.forEachValue(value.text, google: google) { index, text in
                    // For IM and related columns the role's words name the service or relation,
                    // not a type of the value.
                    let fieldMeta = meta(
                        value.column, first: index == 0 && firstColumn, typed: kind != .im && kind != .related)
                    switch kind {
                    case .phone: contact.phones.append(PhoneValue(raw: text, meta: fieldMeta))
                    case .url: contact.links.append(LinkValue(uri: text, meta: fieldMeta))
                    case .im:
                        let service =
                            cells.service.map { $0.text.trimmingWhitespace().lowercased() } ?? role.types.first
                        contact.onlineServices.append(OnlineServiceValue(service: service, user: text, meta: fieldMeta))
                    default:
                        var relations = role.types
                        if relations.isEmpty, let label { relations = [label.lowercased()] }
                        contact.related.append(RelatedValue(value: text, relations: relations, meta: fieldMeta))
                    }
                }
            }
        case .date:
            assembleDate(cells, label: label, into: &contact, line: line, diagnostics: &diagnostics)
        case .address:
            assembleAddress(cells, label: label, labelTypes: labelTypes, primary: primary, into: &contact, line: line)
        case .organization:
            let names = cells.values.flatMap { CSVLabel.values($0.text, google: google) }
            var fieldMeta = newMeta(label: label, line: line)
            if names.isEmpty {
                contact.organizations.append(OrganizationValue(name: "", units: cells.units, meta: fieldMeta))
            }
            for (index, name) in names.enumerated() {
                fieldMeta.pref = primary && index == 0 ? 1 : nil
                contact.organizations.append(
                    OrganizationValue(name: name, units: index == 0 ? cells.units : [], meta: fieldMeta))
            }
        }
    }
}
