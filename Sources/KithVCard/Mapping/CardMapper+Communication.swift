import KithModel

extension CardMapper {
    /// Maps emails, phones, addresses, address labels, URLs and online services.
    mutating func mapCommunication(
        _ kind: PropertyKind, _ property: VCardProperty, _ value: Value, _ card: inout CardBuilder
    ) {
        let line = property.line
        switch kind {
        case .email:
            let text = string(value, line: line, &card).trimmingBlanks
            guard !text.isEmpty else { break }
            let address = URIScheme.strip("mailto", from: text) ?? text
            card.contact.emails.append(EmailValue(raw: text, address: address, meta: meta(property)))
            card.remember(property.group, .email(card.contact.emails.count - 1))
        case .phone:
            let text = string(value, line: line, &card).trimmingBlanks
            guard !text.isEmpty else { break }
            if let user = URIScheme.strip("sip", from: text) {
                // AOSP reads `TEL:sip:…` as a SIP address (corpus vcard/android-aosp/v40_sip.vcf).
                card.contact.onlineServices.append(
                    OnlineServiceValue(service: "sip", uri: text, user: user, meta: meta(property)))
                card.remember(property.group, .online(card.contact.onlineServices.count - 1))
                break
            }
            // `VALUE=uri:tel:+1-555-555-5555;ext=5555`: the number is what follows the scheme.
            let number = URIScheme.strip("tel", from: text) ?? text
            card.contact.phones.append(PhoneValue(raw: number, meta: meta(property)))
            card.remember(property.group, .phone(card.contact.phones.count - 1))
        case .address:
            let parts = components(value, separator: ASCII.semicolon, line: line, &card)
            func part(_ index: Int) -> String { index < parts.count ? parts[index] : "" }
            var address = AddressValue(
                poBox: part(0), extended: part(1), street: part(2), locality: part(3), region: part(4),
                postalCode: part(5), country: part(6), raw: string(value, unescape: false, line: line, &card),
                meta: meta(property, consumed: Consumed.address))
            address.formatted = property.parameter("LABEL").map { $0.joined(separator: ",") }
            address.geo = property.parameter("GEO")?.first
            address.timeZone = property.parameter("TZ")?.first
            if parts.count > 7, parts[7...].contains(where: { !$0.isEmpty }) {
                diagnose(
                    &card, line, .info, "vcard.adr.extra-components",
                    "ADR has more than 7 components; the raw text keeps them")
            }
            guard !address.isEmpty else { break }
            card.contact.addresses.append(address)
            card.remember(property.group, .address(card.contact.addresses.count - 1))
        case .addressLabel:
            let text = string(value, line: line, &card)
            guard !text.isEmpty else { break }
            card.addressLabels.append(
                CardBuilder.Deferred(property: rawProperty(property, value, &card), text: text, meta: meta(property)))
            return  // counted when the card ends
        case .url:
            let text = string(value, line: line, &card).trimmingBlanks
            guard !text.isEmpty else { break }
            card.contact.links.append(LinkValue(uri: text, meta: meta(property)))
            card.remember(property.group, .link(card.contact.links.count - 1))
        case .onlineService(let fixed):
            let text = string(value, line: line, &card).trimmingBlanks
            guard !text.isEmpty else { break }
            var service = fixed
            var consumed: Set<String> = []
            if let declared = property.parameter("X-SERVICE-TYPE")?.first, !declared.isEmpty {
                service = declared.lowercased()
                consumed.insert("X-SERVICE-TYPE")
            }
            let scheme = URIScheme.scheme(of: text)
            if property.name == "X-SOCIALPROFILE", service == nil {
                service = property.parameter("TYPE")?.first?.lowercased()
            }
            if service == nil, let scheme { service = URIScheme.service(forScheme: scheme) }
            var user: String? = text
            var uri: String?
            if let scheme {
                uri = text
                user = URIScheme.strip(scheme, from: text).map { $0.hasPrefix("//") ? String($0.dropFirst(2)) : $0 }
                if scheme == "http" || scheme == "https" { user = property.parameter("X-USER")?.first }
            }
            if let explicit = property.parameter("X-USER")?.first {
                user = explicit
                consumed.insert("X-USER")
            }
            card.contact.onlineServices.append(
                OnlineServiceValue(service: service, uri: uri, user: user, meta: meta(property, consumed: consumed)))
            card.remember(property.group, .online(card.contact.onlineServices.count - 1))
        case .appleCountryCode:
            guard let group = property.group else { return card.keepUnmapped(rawProperty(property, value, &card)) }
            let text = string(value, line: line, &card).trimmingBlanks
            card.groupCountryCodes[group.lowercased()] = CardBuilder.Deferred(
                property: rawProperty(property, value, &card), text: text, meta: meta(property))
            return  // counted when the card ends
        default:
            return
        }
        card.markMapped(property.name)
    }
}

/// URI schemes in values (`mailto:`, `tel:`, `xmpp:`) and the services they imply.
enum URIScheme {
    /// The lower-cased scheme of a URI-looking value (`xmpp` in `xmpp:a@b`), if it has one.
    static func scheme(of text: String) -> String? {
        var length = 0
        for byte in text.utf8 {
            if byte == ASCII.colon { break }
            guard
                ASCII.isLetter(byte)
                    || (length > 0 && (ASCII.isDigit(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E))
            else {
                return nil
            }
            length += 1
            if length > 20 { return nil }
        }
        guard length > 0, length < text.utf8.count else { return nil }
        return String(text.prefix(length)).lowercased()
    }

    /// The text after `scheme:` when the value starts with it (case-insensitive), else `nil`.
    static func strip(_ scheme: String, from text: String) -> String? {
        guard text.utf8.count > scheme.utf8.count,
            text.utf8.dropFirst(scheme.utf8.count).first == ASCII.colon,
            text.prefix(scheme.count).lowercased() == scheme
        else { return nil }
        return String(text.dropFirst(scheme.count + 1))
    }

    /// The service a URI scheme names.
    static func service(forScheme scheme: String) -> String {
        switch scheme {
        case "ymsgr": "yahoo"
        case "msnim": "msn"
        case "aim": "aim"
        case "xmpp", "jabber": "xmpp"
        case "gtalk": "gtalk"
        default: scheme
        }
    }
}
