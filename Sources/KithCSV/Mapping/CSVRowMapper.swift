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
    /// A decoded, non-empty cell.
    struct Cell {
        var column: Int
        var text: String
    }

    struct Piece {
        var slot: Int
        var column: Int
        var text: String
    }

    let plan: CSVColumnPlan
    let context: ReadContext
    var piecesStorage: [Piece] = []
    var labelCache: [String: ParsedLabel] = [:]

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

    /// Builds the contact of one row.
    ///
    /// - Parameters:
    ///   - cells: the row's non-empty cells, in column order.
    ///   - ref: the record reference (its index is the 0-based data row).
    ///   - line: the physical line where the row starts.
    ///   - diagnostics: receives problems found in values.
    mutating func contact(cells: [Cell], ref: RecordRef, line: Int, diagnostics: inout [Diagnostic]) -> Contact {
        var contact = Contact(ref: ref, line: line)
        var name = NameValue(meta: FieldMeta(line: line))
        let google = plan.layout.usesGoogleConventions
        piecesStorage.removeAll(keepingCapacity: true)
        for cell in cells {
            let column = column(cell.column)
            if column.slot >= 0 {
                piecesStorage.append(Piece(slot: column.slot, column: cell.column, text: cell.text))
                continue
            }
            let text = cell.text
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            let meta = FieldMeta(line: line)
            switch column.role.field {
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
                contact.nicknames += CSVLabel.values(text, google: google).map { TextValue($0, meta: meta) }
            case .title:
                contact.titles += CSVLabel.values(text, google: google).map { TextValue($0, meta: meta) }
            case .role:
                contact.roles += CSVLabel.values(text, google: google).map { TextValue($0, meta: meta) }
            case .note:
                contact.notes.append(TextValue(text, meta: meta))
            case .category:
                contact.categories += categories(text).map { TextValue($0, meta: meta) }
            case .gender:
                if Self.unspecifiedGender.contains(trimmed.lowercased()) { continue }
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
        deriveLastFirst(&name)
        if !name.isEmpty || name.sortAs != nil || name.phoneticGiven != nil || name.phoneticSurname != nil {
            contact.name = name
        }
        if !piecesStorage.isEmpty { assembleSlots(into: &contact, line: line, diagnostics: &diagnostics) }
        return contact
    }

    /// Outlook writes a gender for every contact; "unspecified" carries no data.
    static let unspecifiedGender: Set<String> = [
        "unspecified", "keine angabe", "non spécifié", "no especificado", "sin especificar",
    ]

    private func categories(_ text: String) -> [String] {
        var parts = [text]
        switch plan.layout.categorySeparator {
        case " ::: ": parts = text.splitBytes(" ::: ")
        case ";": parts = text.splitBytes(";")
        default: break
        }
        return parts.map { plan.layout.usesGoogleConventions ? CSVLabel.primary($0).text : $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
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
        let suffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d.", "esq", "esq."]
        guard !last.isEmpty, !first.isEmpty, !suffixes.contains(first.lowercased()),
            !last.contains("@"), !first.contains("@")
        else { return }
        name.surname = [last]
        name.given = [first]
        name.componentsRule = "name-from-display-last-first"
    }
}
