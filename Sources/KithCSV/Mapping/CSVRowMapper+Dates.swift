import KithIO
import KithModel

extension CSVRowMapper {
    /// A date from one cell (read in the layout's date order) or from split year/month/day cells
    /// (Thunderbird); Google's `Event N - Type` label decides the kind (`Anniversary` → wedding).
    func assembleDate(
        _ cells: SlotCells, label: String?, into contact: inout Contact, line: Int, diagnostics: inout [Diagnostic]
    ) {
        var kindFromLabel: DateValue.Kind?
        if let label {
            switch label.lowercased() {
            case "birthday", "birth": kindFromLabel = .birth
            case "anniversary", "wedding": kindFromLabel = .wedding
            default: kindFromLabel = nil
            }
        }
        for value in cells.values {
            var kind: DateValue.Kind = .other
            if case .date(let roleKind) = plan.columns[value.column].role.field { kind = roleKind }
            if let kindFromLabel { kind = kindFromLabel }
            let meta = newMeta(label: kind == .other ? label : nil, line: line)
            CSVLabel.forEachValue(value.text, google: plan.layout.usesGoogleConventions) { _, text in
                switch CSVDate.read(text, order: plan.layout.dateOrder) {
                case .empty:
                    // `0/0/00`, `0.0.00`: Outlook's way of writing "no date"; nothing to keep.
                    return
                case .date(let date, let rule):
                    contact.dates.append(DateValue(kind: kind, date: date, raw: text, rule: rule, meta: meta))
                case .unreadable(let reason):
                    contact.dates.append(DateValue(kind: kind, date: nil, raw: text, meta: meta))
                    diagnostics.append(
                        context.diagnostic(
                            line: line, record: Int(contact.ref.index), .info, "csv.date.unreadable",
                            "column \"\(column(value.column).header)\": \(Diagnostic.quote(text)) was kept as text (\(reason))"
                        ))
                }
            }
        }
        guard cells.hasDateParts else { return }
        // Split dates (Thunderbird's Birth Year/Month/Day): the raw text joins the cells as
        // year-month-day, an absent part left empty (`-11-15`).
        let year = cells.year ?? ""
        let month = cells.month ?? ""
        let day = cells.day ?? ""
        let raw = "\(year)-\(month)-\(day)"
        func number(_ text: String, _ range: ClosedRange<Int>) -> Int? {
            Int(text).flatMap { range.contains($0) ? $0 : nil }
        }
        let date = PartialDate(year: number(year, 1...9999), month: number(month, 1...12), day: number(day, 1...31))
        let readable = date.year != nil || date.month != nil || date.day != nil
        if !readable, [year, month, day].allSatisfy({ $0.isEmpty || Int($0) == 0 }) { return }
        contact.dates.append(
            DateValue(kind: .birth, date: readable ? date : nil, raw: raw, meta: newMeta(line: line)))
    }

    /// An address from its component cells; several street cells (Outlook's Street, Street 2,
    /// Street 3) are joined by line breaks. In Google layouts a component may hold several
    /// values joined by ` ::: `: the n-th pieces of all components make the n-th address.
    func assembleAddress(
        _ cells: SlotCells, label: String?, labelTypes: [String], primary: Bool, into contact: inout Contact, line: Int
    ) {
        guard let address = cells.address else { return }
        var types = cells.types
        for type in labelTypes where !types.contains(type) { types.append(type) }
        let google = plan.layout.usesGoogleConventions
        if !google || !AddressCells.order.contains(where: { address[$0]?.containsBytes(" ::: ") ?? false }) {
            // One address (no part holds several values): its parts as they are.
            func part(_ key: CSVColumnRole.AddressPart) -> String { address[key]?.trimmingWhitespace() ?? "" }
            let meta = newMeta(types: types, label: label, pref: primary ? 1 : nil, line: line)
            appendAddress(part, meta: meta, to: &contact)
            return
        }
        var parts: [CSVColumnRole.AddressPart: [String]] = [:]
        var count = 1
        for key in AddressCells.order {
            guard let text = address[key] else { continue }
            let split = text.splitBytes(" ::: ")
            parts[key] = split
            count = max(count, split.count)
        }
        for index in 0..<count {
            func part(_ key: CSVColumnRole.AddressPart) -> String {
                let values = parts[key] ?? []
                return index < values.count ? values[index].trimmingWhitespace() : ""
            }
            let meta = newMeta(types: types, label: label, pref: primary && index == 0 ? 1 : nil, line: line)
            appendAddress(part, meta: meta, to: &contact)
        }
    }

    /// Appends the address made of `part`'s texts, unless it is empty.
    private func appendAddress(
        _ part: (CSVColumnRole.AddressPart) -> String, meta: FieldMeta, to contact: inout Contact
    ) {
        let formatted = part(.formatted)
        let value = AddressValue(
            poBox: part(.poBox), extended: part(.extended), street: part(.street), locality: part(.locality),
            region: part(.region), postalCode: part(.postalCode), country: part(.country),
            formatted: formatted.isEmpty ? nil : formatted, meta: meta)
        if !value.isEmpty { contact.addresses.append(value) }
    }
}
