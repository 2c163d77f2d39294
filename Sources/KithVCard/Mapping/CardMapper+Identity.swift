import KithModel

extension CardMapper {
    /// Maps names, nicknames, organizations, titles and roles.
    mutating func mapIdentity(
        _ kind: PropertyKind, _ property: VCardProperty, _ value: Value, _ card: inout CardBuilder
    ) {
        let line = property.line
        switch kind {
        case .formattedName:
            guard card.fullName == nil else { return keepExtra(property, value, &card) }
            let text = string(value, line: line, &card)
            if !text.isEmpty { card.fullName = (text, meta(property)) }
        case .name:
            guard card.structuredName == nil else { return keepExtra(property, value, &card) }
            let parts = structured(value, line: line, &card).map { $0.filter { !$0.isEmpty } }
            func part(_ index: Int) -> [String] { index < parts.count ? parts[index] : [] }
            var name = NameValue(
                given: part(1), surname: part(0), additional: part(2), prefixes: part(3), suffixes: part(4),
                raw: string(value, unescape: false, line: line, &card), meta: meta(property, consumed: Consumed.sortAs))
            if parts.count > 5, parts[5...].contains(where: { !$0.isEmpty }) {
                diagnose(
                    &card, line, .info, "vcard.n.extra-components",
                    "N has more than 5 components; the raw text keeps them")
            }
            if let sort = property.parameter("SORT-AS"), !sort.isEmpty { name.sortAs = sort.joined(separator: ",") }
            card.structuredName = name
        case .nickname:
            for nickname in components(value, separator: ASCII.comma, line: line, &card) where !nickname.isEmpty {
                card.contact.nicknames.append(TextValue(nickname, meta: meta(property)))
            }
        case .phonetic(let part):
            let text = string(value, line: line, &card)
            switch part {
            case .given: card.phoneticGiven = text
            case .additional: card.phoneticAdditional = text
            case .surname: card.phoneticSurname = text
            }
        case .sortString:
            guard card.sortAs == nil else { return keepExtra(property, value, &card) }
            let text = string(value, line: line, &card)
            if !text.isEmpty { card.sortAs = text }
            if property.name.hasPrefix("X-EVOLUTION") { card.producerHints.append("evolution") }
        case .organization:
            var parts = components(value, separator: ASCII.semicolon, line: line, &card)
            while parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
            guard let first = parts.first, parts.count > 1 || !first.isEmpty else { break }
            card.contact.organizations.append(
                OrganizationValue(
                    name: first, units: Array(parts.dropFirst()), meta: meta(property, consumed: Consumed.sortAs)))
            card.remember(property.group, .organization(card.contact.organizations.count - 1))
        case .title, .role:
            let text = string(value, line: line, &card)
            guard !text.isEmpty else { break }
            if kind == .title {
                card.contact.titles.append(TextValue(text, meta: meta(property)))
                card.remember(property.group, .title(card.contact.titles.count - 1))
            } else {
                card.contact.roles.append(TextValue(text, meta: meta(property)))
            }
        default:
            return
        }
        card.markMapped(property.name)
    }
}
