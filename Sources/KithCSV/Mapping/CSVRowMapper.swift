import Foundation
import KithIO
import KithModel

/// Turns the cells of one data row into a `Contact`, following the column plan.
///
/// Cells of single-valued columns (names, notes) go straight into the contact; cells that
/// build a value together (an email and its label, the parts of an address) are collected as
/// pieces by slot and assembled once the row is read. Nothing is dropped: a cell that fits no
/// field is kept as an `X-CSV-` property.
struct CSVRowMapper {
    let plan: CSVColumnPlan
    let context: ReadContext
    var labelCache: [String: ParsedLabel] = [:]
    /// Category cells read once per distinct text (Google's `Labels` repeat from row to row).
    var categoryCache: [String: [String]] = [:]
    /// An empty name, copied for each row (cheaper than building one).
    let blankName = NameValue(meta: FieldMeta())
    /// Empty metadata, copied for each value (KithModel's initializer is not inlined here and
    /// costs more than a copy).
    let blankMeta = FieldMeta()

    /// A label as read: without Google's `* ` marker, and the type words it implies.
    struct ParsedLabel {
        var text: String?
        var isPrimary: Bool
        var types: [String]
    }

    init(plan: CSVColumnPlan, context: ReadContext) {
        self.plan = plan
        self.context = context
    }

    func column(_ index: Int) -> CSVColumnPlan.Column {
        index < plan.columns.count ? plan.columns[index] : plan.extraColumn(index)
    }

    /// Fills the contact of one row, in place (building it in the caller's array saves a copy
    /// of the whole contact per row).
    ///
    /// - Parameters:
    ///   - contact: the row's contact, made with its record reference and line, still empty.
    ///   - texts: the row's cells by column, `nil` for empty ones; may be longer than the header.
    ///     Only the first `count` are the row's (the array is reused from row to row).
    ///   - count: how many cells the row has.
    ///   - line: the physical line where the row starts.
    ///   - diagnostics: receives problems found in values.
    mutating func fill(
        _ contact: inout Contact, texts: [String?], count: Int, line: Int, diagnostics: inout [Diagnostic]
    ) {
        var name = blankName
        name.meta.line = Int32(truncatingIfNeeded: line)
        for index in plan.simpleColumns where index < count {
            guard let text = texts[index] else { continue }
            apply(text, column: index, to: &contact, name: &name, line: line)
        }
        if count > plan.columns.count {
            for index in plan.columns.count..<count {
                if let text = texts[index] { keep(text, plan.extraColumn(index), in: &contact, line: line) }
            }
        }
        deriveLastFirst(&name)
        if !name.isEmpty || name.sortAs != nil || name.phoneticGiven != nil || name.phoneticSurname != nil {
            contact.name = consume name
        }
        for slot in plan.slots.indices {
            let columns = plan.slots[slot].columns
            guard columns.contains(where: { $0 < count && texts[$0] != nil }) else { continue }
            assembleSlot(slot, texts: texts, count: count, into: &contact, line: line, diagnostics: &diagnostics)
        }
    }

    /// One cell of a column that is not part of a slot.
    private mutating func apply(
        _ text: String, column index: Int, to contact: inout Contact, name: inout NameValue, line: Int
    ) {
        let google = plan.layout.usesGoogleConventions
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return }
        var column: CSVColumnPlan.Column { plan.columns[index] }
        var meta: FieldMeta { newMeta(line: line) }
        switch plan.columns[index].role.field {
        case .fullName:
            if name.full == nil { name.full = trimmed } else { keep(text, column, in: &contact, line: line) }
        case .given: name.given.append(trimmed)
        case .additional: name.additional.append(trimmed)
        case .surname: name.surname.append(trimmed)
        case .prefix: name.prefixes.append(trimmed)
        case .suffix: name.suffixes.append(trimmed)
        case .phoneticGiven: setOnce(&name.phoneticGiven, trimmed, column, &contact, line)
        case .phoneticAdditional: setOnce(&name.phoneticAdditional, trimmed, column, &contact, line)
        case .phoneticSurname: setOnce(&name.phoneticSurname, trimmed, column, &contact, line)
        case .sortAs: setOnce(&name.sortAs, trimmed, column, &contact, line)
        case .nickname:
            let meta = meta
            CSVLabel.forEachValue(text, google: google) { _, value in
                contact.nicknames.append(TextValue(value, meta: meta))
            }
        case .title:
            let meta = meta
            CSVLabel.forEachValue(text, google: google) { _, value in
                contact.titles.append(TextValue(value, meta: meta))
            }
        case .role:
            let meta = meta
            CSVLabel.forEachValue(text, google: google) { _, value in contact.roles.append(TextValue(value, meta: meta))
            }
        case .note:
            contact.notes.append(TextValue(text, meta: meta))
        case .category:
            let found: [String]
            if let cached = categoryCache[text] {
                found = cached
            } else {
                found = categories(text)
                if categoryCache.count < 4096 { categoryCache[text] = found }
            }
            if found.isEmpty { return }
            let meta = meta
            for category in found { contact.categories.append(TextValue(category, meta: meta)) }
        case .gender:
            if Self.unspecifiedGender.contains(trimmed.lowercased()) { return }
            if contact.gender == nil {
                contact.gender = TextValue(trimmed, meta: meta)
            } else {
                keep(text, column, in: &contact, line: line)
            }
        case .photo:
            contact.media.append(MediaValue(kind: .photo, uri: trimmed, meta: meta))
        case .unmappedDate:
            var property = raw(text, column, line: line)
            if case .date(let date, _) = CSVDate.read(trimmed, order: plan.layout.dateOrder) {
                property.parameters.append(Parameter(name: "X-DATE", values: [date.description]))
            }
            contact.unmapped.append(property)
        default:
            keep(text, column, in: &contact, line: line)
        }
    }

    /// `FieldMeta(types:label:pref:line:)`, made by copying ``blankMeta``.
    func newMeta(types: [String] = [], label: String? = nil, pref: Int? = nil, line: Int) -> FieldMeta {
        var meta = blankMeta
        meta.types = types
        meta.label = label
        meta.pref = pref
        meta.line = Int32(truncatingIfNeeded: line)
        return meta
    }

    /// Outlook writes a gender for every contact; "unspecified" carries no data.
    static let unspecifiedGender: Set<String> = [
        "unspecified", "keine angabe", "non spécifié", "no especificado", "sin especificar",
    ]

    private func categories(_ text: String) -> [String] {
        let google = plan.layout.usesGoogleConventions
        var parts: [String]
        switch plan.layout.categorySeparator {
        case " ::: " where text.containsBytes(" ::: "): parts = text.splitBytes(" ::: ")
        case ";" where text.utf8.contains(UInt8(ascii: ";")): parts = text.splitBytes(";")
        default:
            let one = google ? CSVLabel.primary(text).text : text.trimmingWhitespace()
            return one.isEmpty ? [] : [one]
        }
        parts = parts.map { google ? CSVLabel.primary($0).text : $0.trimmingWhitespace() }
        return parts.filter { !$0.isEmpty }
    }

    private func setOnce(
        _ slot: inout String?, _ value: String, _ column: CSVColumnPlan.Column, _ contact: inout Contact, _ line: Int
    ) {
        if slot == nil { slot = value } else { keep(value, column, in: &contact, line: line) }
    }

    /// A cell kept verbatim as `X-CSV-<header>` with its header in `X-COLUMN`.
    func raw(_ text: String, _ column: CSVColumnPlan.Column, line: Int) -> RawProperty {
        RawProperty(
            name: column.propertyName, parameters: [Parameter(name: "X-COLUMN", values: [column.header])],
            valueType: "text", value: text, line: line)
    }

    func keep(_ text: String, _ column: CSVColumnPlan.Column, in contact: inout Contact, line: Int) {
        contact.unmapped.append(raw(text, column, line: line))
    }

    /// `Last, First` in a display name without components gives the components (rule
    /// `name-from-display-last-first`); a comma before a suffix (`Smith, Jr.`) does not.
    private func deriveLastFirst(_ name: inout NameValue) {
        guard !name.hasComponents, let full = name.full else { return }
        let parts = full.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return }
        let last = parts[0].trimmingCharacters(in: .whitespaces)
        let first = parts[1].trimmingCharacters(in: .whitespaces)
        let suffixes: Set<String> = [
            "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d.", "esq", "esq.",
        ]
        guard !last.isEmpty, !first.isEmpty, !suffixes.contains(first.lowercased()),
            !last.contains("@"), !first.contains("@")
        else { return }
        name.surname = [last]
        name.given = [first]
        name.componentsRule = "name-from-display-last-first"
    }
}
