import Foundation
import KithModel

/// What the reader does with each column of a file, worked out once from the header.
struct CSVColumnPlan: Sendable {
    /// One column.
    struct Column: Sendable {
        var header: String
        var role: CSVColumnRole
        /// The value slot the column contributes to (columns of one email, one address…), or -1.
        var slot: Int
        /// `X-CSV-<header>` for cells kept verbatim.
        var propertyName: String
        /// The role's type words without `pref`, and whether `pref` was among them.
        var types: [String] = []
        var isPreferred = false
    }

    /// What a slot builds.
    enum SlotKind: Sendable { case email, phone, url, im, related, date, address, organization }

    /// The columns of one slot, by what they contribute, in column order.
    struct SlotPlan: Sendable {
        var kind: SlotKind
        /// Every column of the slot (to test quickly whether the row fills any).
        var columns: [Int] = []
        /// The first column's type words, `pref` removed, and whether `pref` was among them.
        var types: [String] = []
        var isPreferred = false
    }

    var columns: [Column]
    var slotKinds: [SlotKind]
    /// The slots, in the order of their first column.
    var slots: [SlotPlan]
    /// Columns that are not part of a slot, in column order.
    var simpleColumns: [Int]
    var layout: CSVLayout

    /// Plans the columns of a header.
    init(headers: [String], roles: [CSVColumnRole], layout: CSVLayout) {
        self.layout = layout
        var slotIndex: [String: Int] = [:]
        var kinds: [SlotKind] = []
        var columns: [Column] = []
        var usedNames: Set<String> = []
        for (index, (header, role)) in zip(headers, roles).enumerated() {
            var slot = -1
            if let kind = Self.slotKind(role.field) {
                // Columns without a group each make their own value, except an organization and
                // its department, which belong together.
                let group = role.group.isEmpty && kind != .organization ? "#column\(index)" : role.group
                let key = "\(kind)/\(group)"
                if let found = slotIndex[key] {
                    slot = found
                } else {
                    slot = kinds.count
                    slotIndex[key] = slot
                    kinds.append(kind)
                }
            }
            var name = Self.propertyName(header, index: index)
            if usedNames.contains(name) { name += "-\(index + 1)" }
            usedNames.insert(name)
            columns.append(
                Column(
                    header: header, role: role, slot: slot, propertyName: name,
                    types: role.types.filter { $0 != "pref" }, isPreferred: role.types.contains("pref")))
        }
        self.columns = columns
        self.slotKinds = kinds
        var slots = kinds.map { SlotPlan(kind: $0) }
        var simple: [Int] = []
        for (index, column) in columns.enumerated() {
            guard column.slot >= 0 else {
                simple.append(index)
                continue
            }
            if slots[column.slot].columns.isEmpty || (slots[column.slot].types.isEmpty && !slots[column.slot].isPreferred) {
                slots[column.slot].types = column.role.types.filter { $0 != "pref" }
                slots[column.slot].isPreferred = column.role.types.contains("pref")
            }
            slots[column.slot].columns.append(index)
        }
        self.slots = slots
        self.simpleColumns = simple
    }

    /// The column for a cell past the header's end.
    func extraColumn(_ index: Int) -> Column {
        Column(header: "Column \(index + 1)", role: .unmapped, slot: -1, propertyName: "X-CSV-COLUMN-\(index + 1)")
    }

    static func slotKind(_ field: CSVColumnRole.Field) -> SlotKind? {
        switch field {
        case .email, .emailType, .emailKind, .emailDisplay: .email
        case .phone, .phoneType: .phone
        case .url, .urlType: .url
        case .im, .imType, .imService: .im
        case .related, .relatedType: .related
        case .date, .dateType, .datePart: .date
        case .address, .addressType: .address
        case .organization, .department, .organizationType: .organization
        default: nil
        }
    }

    /// `X-CSV-` and the header upper-cased, letters folded to ASCII (`ß` → `SS`, `é` → `E`),
    /// every other character a `-`; `X-CSV-COLUMN-<n>` for an empty header.
    static func propertyName(_ header: String, index: Int) -> String {
        let folded = header.replacingOccurrences(of: "ß", with: "ss")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .uppercased()
        var name = ""
        var lastWasDash = true
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                name.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                name.append("-")
                lastWasDash = true
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        return name.isEmpty ? "X-CSV-COLUMN-\(index + 1)" : "X-CSV-" + name
    }
}
