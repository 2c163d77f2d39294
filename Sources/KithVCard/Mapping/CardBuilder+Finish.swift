import KithModel

extension CardBuilder {
    /// Settles what waited for `END`: group labels and country codes, `LABEL` properties, the
    /// name; returns the contact, taken out of the builder (which is left with an empty one).
    ///
    /// - Parameter source: the source number for diagnostics.
    /// - Complexity: O(values + labels).
    mutating func finish(source: Int) -> Contact {
        applyGroupLabels()
        attachAddressLabels()
        buildName()
        if propertyCount == 0 {
            diagnostics.append(
                Diagnostic(
                    source: source, line: beginLine, severity: .info, code: "vcard.card.empty",
                    message: "the card has no properties; kept as an empty record"))
        }
        return contact.take()
    }

    private mutating func applyGroupLabels() {
        var usedLabels: Set<String> = []
        var usedCodes: Set<String> = []
        for (group, slot) in groupedSlots {
            if let code = groupCountryCodes[group], case .address(let index) = slot {
                contact.addresses[index].countryCode = code.text.uppercased()
                usedCodes.insert(group)
            }
            guard let label = groupLabels[group] else { continue }
            usedLabels.insert(group)
            switch slot {
            case .email(let index): contact.emails[index].meta.label = label.text
            case .phone(let index): contact.phones[index].meta.label = label.text
            case .address(let index): contact.addresses[index].meta.label = label.text
            case .link(let index): contact.links[index].meta.label = label.text
            case .online(let index): contact.onlineServices[index].meta.label = label.text
            case .organization(let index): contact.organizations[index].meta.label = label.text
            case .title(let index): contact.titles[index].meta.label = label.text
            case .media(let index): contact.media[index].meta.label = label.text
            case .note(let index): contact.notes[index].meta.label = label.text
            case .date(let index):
                contact.dates[index].meta.label = label.text
                if contact.dates[index].kind == .other, label.text.lowercased() == "anniversary" {
                    contact.dates[index].kind = .wedding
                }
            case .related(let index):
                contact.related[index].meta.label = label.text
                let relation = label.text.lowercased()
                if Self.appleRelations.contains(relation), !contact.related[index].relations.contains(relation) {
                    contact.related[index].relations.append(relation)
                }
            }
        }
        // Labels and codes with nothing to attach to stay verbatim (sorted by line for a stable order).
        for (group, label) in groupLabels.sorted(by: { $0.value.property.line < $1.value.property.line }) {
            if usedLabels.contains(group) { markMapped(label.property.name) } else { keepUnmapped(label.property) }
        }
        for (group, code) in groupCountryCodes.sorted(by: { $0.value.property.line < $1.value.property.line }) {
            if usedCodes.contains(group) { markMapped(code.property.name) } else { keepUnmapped(code.property) }
        }
    }

    /// Relation words Apple and Google write as `X-ABRELATEDNAMES` labels.
    private static let appleRelations: Set<String> = [
        "spouse", "partner", "child", "son", "daughter", "parent", "mother", "father", "brother", "sister",
        "friend", "assistant", "manager", "sibling", "relative",
    ]

    /// Attaches each 2.1/3.0 `LABEL` to the first address with the same type words that has no
    /// formatted form yet; a label that matches none becomes a formatted-only address.
    private mutating func attachAddressLabels() {
        let ignored: Set<String> = ["pref", "postal", "parcel", "dom", "intl"]
        for label in addressLabels {
            let wanted = Set(label.meta.types).subtracting(ignored)
            let match = contact.addresses.firstIndex {
                $0.formatted == nil && Set($0.meta.types).subtracting(ignored) == wanted
            }
            if let match {
                contact.addresses[match].formatted = label.text
            } else {
                var address = AddressValue(formatted: label.text, raw: nil, meta: label.meta)
                address.meta.line = label.meta.line
                contact.addresses.append(address)
            }
            markMapped(label.property.name)
        }
    }

    private mutating func buildName() {
        let hasAny =
            fullName != nil || structuredName != nil || phoneticGiven != nil || phoneticSurname != nil
            || phoneticAdditional != nil || sortAs != nil
        guard hasAny else { return }
        var name = structuredName ?? NameValue(meta: fullName?.meta ?? FieldMeta(line: beginLine))
        name.full = fullName?.text
        name.phoneticGiven = phoneticGiven ?? name.phoneticGiven
        name.phoneticSurname = phoneticSurname ?? name.phoneticSurname
        name.phoneticAdditional = phoneticAdditional ?? name.phoneticAdditional
        if name.sortAs == nil { name.sortAs = sortAs }
        contact.name = name
    }
}
