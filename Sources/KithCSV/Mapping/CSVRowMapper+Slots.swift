import KithIO
import KithModel

extension CSVRowMapper {
    /// The cells of one slot, sorted by role.
    struct SlotCells {
        var values: [(column: Int, text: String)] = []
        var label: (column: Int, text: String)?
        var kind: (column: Int, text: String)?
        var service: (column: Int, text: String)?
        var extra: [(column: Int, text: String)] = []
        var address: [CSVColumnRole.AddressPart: [String]] = [:]
        var dateParts: [CSVColumnRole.DatePart: String] = [:]
        var units: [String] = []
        var firstColumn = Int.max
        var types: [String] = []
    }

    /// Assembles the values collected by slot, in the order of each slot's first column.
    func assembleSlots(into contact: inout Contact, line: Int, diagnostics: inout [Diagnostic]) {
        var slots: [Int: SlotCells] = [:]
        var order: [Int] = []
        for piece in piecesStorage {
            let role = column(piece.column).role
            let cell = (column: piece.column, text: piece.text)
            var cells = slots[piece.slot] ?? SlotCells()
            if cells.firstColumn == .max {
                order.append(piece.slot)
                cells.firstColumn = piece.column
                cells.types = role.types
            }
            switch role.field {
            case .email, .phone, .url, .im, .related, .date, .organization:
                cells.values.append(cell)
            case .emailType, .phoneType, .urlType, .imType, .relatedType, .dateType, .addressType, .organizationType:
                if cells.label == nil { cells.label = cell } else { cells.extra.append(cell) }
            case .emailKind:
                cells.kind = cell
            case .imService:
                cells.service = cell
            case .address(let part):
                cells.address[part, default: []].append(piece.text)
                if cells.types.isEmpty { cells.types = role.types }
            case .datePart(let part):
                cells.dateParts[part] = piece.text.trimmingWhitespace()
            case .department:
                cells.units.append(piece.text.trimmingWhitespace())
            default:
                // Outlook's e-mail display name and anything else that only qualifies a value.
                cells.extra.append(cell)
            }
            slots[piece.slot] = cells
        }
        for slot in order {
            guard let cells = slots[slot] else { continue }
            assemble(plan.slotKinds[slot], cells, into: &contact, line: line, diagnostics: &diagnostics)
        }
    }

    private func assemble(
        _ kind: CSVColumnPlan.SlotKind, _ cells: SlotCells, into contact: inout Contact, line: Int,
        diagnostics: inout [Diagnostic]
    ) {
        let google = plan.layout.usesGoogleConventions
        // Cells that only qualify a value (a label, Outlook's display name) are kept verbatim.
        for extra in cells.extra { keep(extra.text, column(extra.column), in: &contact, line: line) }
        var label: String?
        var primary = false
        if let cell = cells.label {
            (label, primary) = google ? CSVLabel.primary(cell.text) : (cell.text.trimmingWhitespace(), false)
            if label?.isEmpty == true { label = nil }
        }
        func meta(_ role: CSVColumnRole, first: Bool) -> FieldMeta {
            var types = role.types.filter { $0 != "pref" }
            for type in CSVLabel.types(label ?? "") where !types.contains(type) { types.append(type) }
            let pref = role.types.contains("pref") || (primary && first) ? 1 : nil
            return FieldMeta(types: types, label: label, pref: pref, line: line)
        }
        let hasValue = !cells.values.isEmpty || !cells.address.isEmpty || !cells.dateParts.isEmpty || !cells.units.isEmpty
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
                let role = column(value.column).role
                let addresses = CSVLabel.values(value.text, google: google).flatMap(CSVLabel.emailList)
                for (index, address) in addresses.enumerated() {
                    if exchange {
                        // An Exchange distinguished name, not an address: keep it verbatim.
                        var property = raw(address, column(value.column), line: line)
                        property.parameters.append(Parameter(name: "X-EMAIL-TYPE", values: ["EX"]))
                        contact.unmapped.append(property)
                        continue
                    }
                    var fieldMeta = meta(role, first: index == 0 && value.column == cells.values[0].column)
                    if let kind = cells.kind {
                        fieldMeta.parameters.append(Parameter(name: "X-EMAIL-TYPE", values: [kind.text.trimmingWhitespace()]))
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
                let role = column(value.column).role
                for (index, text) in CSVLabel.values(value.text, google: google).enumerated() {
                    // For IM and related columns the role's words name the service or relation,
                    // not a type of the value.
                    let typed = kind == .im || kind == .related ? CSVColumnRole(role.field, group: role.group) : role
                    let fieldMeta = meta(typed, first: index == 0 && value.column == cells.values[0].column)
                    switch kind {
                    case .phone: contact.phones.append(PhoneValue(raw: text, meta: fieldMeta))
                    case .url: contact.links.append(LinkValue(uri: text, meta: fieldMeta))
                    case .im:
                        let service = cells.service.map { $0.text.trimmingWhitespace().lowercased() } ?? role.types.first
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
            assembleAddress(cells, label: label, primary: primary, into: &contact, line: line)
        case .organization:
            let names = cells.values.flatMap { CSVLabel.values($0.text, google: google) }
            var fieldMeta = FieldMeta(label: label, line: line)
            if names.isEmpty {
                contact.organizations.append(OrganizationValue(name: "", units: cells.units, meta: fieldMeta))
            }
            for (index, name) in names.enumerated() {
                fieldMeta.pref = primary && index == 0 ? 1 : nil
                contact.organizations.append(OrganizationValue(name: name, units: index == 0 ? cells.units : [], meta: fieldMeta))
            }
        }
    }
}
