internal import KithModel
internal import KithNormalize

/// Applies `prefer` decisions to a merged person: the chosen value of a single-valued field is
/// swapped with the alternate the decision names, and the value it replaces becomes an
/// alternate, so nothing is lost.
enum PreferenceOverride {
    /// The fields a `prefer` decision can name.
    static let fields = ["name", "gender", "birthday"]

    /// Applies the preferences that concern `person`.
    ///
    /// - Parameters:
    ///   - preferences: the preferences whose records are among the person's (`refs`).
    ///   - person: the merged person.
    /// - Returns: diagnostics for preferences that conflict or name no value of the person.
    static func apply(_ preferences: [DecisionCompiler.Preference], to person: inout Person) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byField: [String: [DecisionCompiler.Preference]] = [:]
        for preference in preferences { byField[preference.field, default: []].append(preference) }
        for (field, list) in byField.sorted(by: { $0.key < $1.key }) {
            if list.count > 1 {
                diagnostics.append(
                    Diagnostic(
                        line: 0, severity: .warning, code: "decisions.conflict",
                        message:
                            "decisions \(list.map { String($0.number) }.joined(separator: ", ")) each prefer a different \(field) "
                            + "for \(person.id); none was applied: keep one"))
                continue
            }
            guard let preference = list.first else { continue }
            if !swap(field: field, preference: preference, in: &person) {
                diagnostics.append(
                    Diagnostic(
                        line: 0, severity: .warning, code: "decisions.unmatched",
                        message:
                            "decision \(preference.number): \(person.id) has no \(field) value that matches; not applied"
                    ))
            }
        }
        return diagnostics
    }

    private static func path(_ field: String) -> String {
        field == "birthday" ? "anniversaries/birth/date" : field
    }

    /// Swaps in the wanted value; `true` when the person now holds it.
    private static func swap(field: String, preference: DecisionCompiler.Preference, in person: inout Person) -> Bool {
        let wanted: (FieldMeta, String) -> Bool = { meta, text in
            if let value = preference.value { return NameFolding.fold(value) == NameFolding.fold(text) }
            return meta.from.contains { preference.refs.contains($0) }
        }
        if let current = currentValue(field, of: person.card), wanted(current.0, current.1) { return true }
        guard let index = person.alternates.firstIndex(where: { $0.path == path(field) && matches($0.value, wanted) })
        else {
            return false
        }
        let chosen = person.alternates[index]
        guard let replaced = replace(field, in: &person.card, with: chosen.value) else { return false }
        person.alternates[index] = Alternate(
            path: chosen.path, value: replaced, from: metaFrom(replaced),
            reason: "replaced by decision \(preference.number) (prefer \(field))")
        return true
    }

    private static func text(_ value: AnyFieldValue) -> (FieldMeta, String)? {
        switch value {
        case .name(let name):
            let text = name.full ?? (name.given + name.surname).joined(separator: " ")
            return (name.meta, text)
        case .text(let text): return (text.meta, text.value)
        case .date(let date): return (date.meta, date.date?.description ?? date.raw)
        default: return nil
        }
    }

    private static func matches(_ value: AnyFieldValue, _ wanted: (FieldMeta, String) -> Bool) -> Bool {
        guard let (meta, text) = text(value) else { return false }
        return wanted(meta, text)
    }

    private static func metaFrom(_ value: AnyFieldValue) -> [RecordRef] {
        text(value)?.0.from ?? []
    }

    private static func currentValue(_ field: String, of card: Contact) -> (FieldMeta, String)? {
        switch field {
        case "name": card.name.flatMap { text(.name($0)) }
        case "gender": card.gender.flatMap { text(.text($0)) }
        default: card.dates.first { $0.kind == .birth }.flatMap { text(.date($0)) }
        }
    }

    /// Puts `value` in the card; returns the value it replaced.
    private static func replace(_ field: String, in card: inout Contact, with value: AnyFieldValue) -> AnyFieldValue? {
        switch (field, value) {
        case ("name", .name(let name)):
            let old = card.name
            card.name = name
            return old.map { .name($0) }
        case ("gender", .text(let gender)):
            let old = card.gender
            card.gender = gender
            return old.map { .text($0) }
        case ("birthday", .date(let date)):
            guard let index = card.dates.firstIndex(where: { $0.kind == .birth }) else { return nil }
            let old = card.dates[index]
            card.dates[index] = date
            return .date(old)
        default:
            return nil
        }
    }
}
