import KithModel

extension CardMapper {
    /// Sends a property to the mapping of its kind, or keeps it unmapped.
    mutating func dispatch(_ kind: PropertyKind?, _ property: VCardProperty, _ value: Value, _ card: inout CardBuilder)
    {
        guard let kind else {
            noteProducer(of: property.name, in: &card)
            card.keepUnmapped(rawProperty(property, value, &card))
            return
        }
        let line = property.line
        switch kind {
        case .version:
            let version = string(value, line: line, &card).trimmingBlanks
            card.contact.version = version.isEmpty ? nil : version
            card.markMapped(property.name)
        case .formattedName, .name, .nickname, .phonetic, .sortString, .organization, .title, .role:
            mapIdentity(kind, property, value, &card)
        case .email, .phone, .address, .addressLabel, .url, .onlineService, .appleCountryCode:
            mapCommunication(kind, property, value, &card)
        case .date, .related, .androidCustom:
            mapEvent(kind, property, value, &card)
        case .media(let role):
            mapMedia(role, property, value, &card)
        case .note:
            let text = string(value, line: line, &card)
            if !text.isEmpty {
                card.contact.notes.append(TextValue(text, meta: meta(property)))
                card.remember(property.group, .note(card.contact.notes.count - 1))
            }
            card.markMapped(property.name)
        case .categories:
            for category in components(value, separator: ASCII.comma, line: line, &card) where !category.isEmpty {
                card.contact.categories.append(TextValue(category, meta: meta(property)))
            }
            card.markMapped(property.name)
        case .gender:
            guard card.contact.gender == nil else { return keepExtra(property, value, &card) }
            let text = string(value, line: line, &card)
            if !text.isEmpty { card.contact.gender = TextValue(text, meta: meta(property)) }
            card.markMapped(property.name)
        case .member, .groupMember:
            let text = string(value, line: line, &card).trimmingBlanks
            if !text.isEmpty { card.contact.members.append(TextValue(text, meta: meta(property))) }
            if kind == .groupMember { card.producerHints.append("apple") }
            card.markMapped(property.name)
        case .kind, .groupKind:
            let text = string(value, line: line, &card).trimmingBlanks.lowercased()
            guard let mapped = Contact.Kind(rawValue: text == "organization" ? "org" : text) else {
                diagnose(
                    &card, line, .info, "vcard.kind.unknown",
                    "\(property.name):\(text) is not a known kind; kept unmapped")
                return card.keepUnmapped(rawProperty(property, value, &card))
            }
            card.contact.kind = mapped
            if kind == .groupKind { card.producerHints.append("apple") }
            card.markMapped(property.name)
        case .appleShowAs:
            let text = string(value, line: line, &card).trimmingBlanks.uppercased()
            guard text == "COMPANY" else { return card.keepUnmapped(rawProperty(property, value, &card)) }
            if card.contact.kind == .individual { card.contact.kind = .org }
            card.producerHints.append("apple")
            card.markMapped(property.name)
        case .uid:
            guard card.contact.uid == nil else { return keepExtra(property, value, &card) }
            let text = string(value, line: line, &card).trimmingBlanks
            if !text.isEmpty { card.contact.uid = text }
            card.markMapped(property.name)
        case .revision:
            guard card.contact.revision == nil else { return keepExtra(property, value, &card) }
            let text = string(value, line: line, &card).trimmingBlanks
            if !text.isEmpty {
                card.contact.revision = text
                card.contact.revisionDate = VCardDateParser.parse(text, placeholderYears: false)?.date
            }
            card.markMapped(property.name)
        case .producer:
            guard card.contact.producer == nil else { return keepExtra(property, value, &card) }
            let text = string(value, line: line, &card).trimmingBlanks
            if !text.isEmpty {
                card.contact.producer = text
                if let producer = ProducerDetector.producer(fromProductID: text) {
                    card.producerHints.insert(producer, at: 0)
                }
            }
            card.markMapped(property.name)
        case .groupLabel:
            guard let group = property.group else { return card.keepUnmapped(rawProperty(property, value, &card)) }
            let raw = rawProperty(property, value, &card)
            let text = AppleLabel.clean(string(value, line: line, &card))
            card.groupLabels[group.lowercased()] = CardBuilder.Deferred(property: raw, text: text, meta: meta(property))
        }
    }

    /// Keeps a second value of a single-valued property (a second `UID`, `GENDER`) unmapped.
    mutating func keepExtra(_ property: VCardProperty, _ value: Value, _ card: inout CardBuilder) {
        diagnose(
            &card, property.line, .info, "vcard.property.repeated",
            "a second \(property.name) was kept unmapped")
        card.keepUnmapped(rawProperty(property, value, &card))
    }

    /// Notes which producer an unmapped extension property betrays.
    private func noteProducer(of name: String, in card: inout CardBuilder) {
        guard name.hasPrefix("X-"), let producer = ProducerDetector.producer(fromPropertyName: name) else { return }
        if !card.producerHints.contains(producer) { card.producerHints.append(producer) }
    }
}

/// Apple's built-in labels are wrapped: `_$!<HomePage>!$_` means `HomePage`.
enum AppleLabel {
    /// The label without Apple's `_$!<` … `>!$_` wrapper.
    static func clean(_ label: String) -> String {
        var text = label.trimmingBlanks
        if text.hasPrefix("_$!<"), text.hasSuffix(">!$_"), text.count >= 8 {
            text = String(text.dropFirst(4).dropLast(4))
        }
        return text
    }
}
