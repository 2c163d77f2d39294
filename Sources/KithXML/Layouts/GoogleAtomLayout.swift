import KithModel

/// Google Contacts API v3 (GData) Atom entries: contacts and groups, with `gd:` and
/// `gContact:` elements (corpus xml/google-gdata-libkgapi/*.xml).
enum GoogleAtomLayout {
    /// Maps one `<entry>`: a contact, or a group when its category term ends in `#group`.
    static func contact(from record: XMLElement) -> Contact {
        var contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
        let isGroup = record.children.contains {
            $0.name == "category" && ($0.attribute("term") ?? "").hasSuffix("#group")
        }
        if isGroup { contact.kind = .group }
        contact.keepUnmapped(attributes: record.attributes, of: record, path: record.name)
        var title: XMLElement?
        for child in record.children {
            switch child.name {
            case "id": if !child.value.isEmpty { contact.uid = child.value }
            case "updated":
                let value = child.value
                if !value.isEmpty {
                    contact.revision = value
                    contact.revisionDate = XMLDateText.parse(value)
                }
            case "category":
                // The kind marker (#contact or #group) is read above; other categories are kept.
                let term = child.attribute("term") ?? ""
                if !(term.hasSuffix("#contact") || term.hasSuffix("#group")) { contact.keepUnmapped(child) }
            case "title": title = child
            case "content":
                if !child.value.isEmpty {
                    contact.notes.append(TextValue(child.value, meta: child.meta(consuming: ["type"])))
                }
            case "link":
                let rel = child.attribute("rel") ?? ""
                if rel.hasSuffix("#photo"), let href = child.attribute("href"), !href.isEmpty {
                    var media = MediaValue(
                        kind: .photo, uri: href, meta: child.meta(consuming: ["rel", "href", "type"]))
                    if let type = child.attribute("type"), type != "image/*" { media.mediaType = type }
                    contact.media.append(media)
                } else {
                    contact.keepUnmapped(child)
                }
            case "name": name(child, into: &contact)
            case "nickname":
                if !child.value.isEmpty { contact.nicknames.append(TextValue(child.value, meta: child.meta())) }
            case "email":
                guard let address = child.attribute("address"), !address.isEmpty else {
                    contact.keepUnmapped(child)
                    continue
                }
                // `displayName` and other attributes stay as parameters.
                let meta = relMeta(child, consuming: ["address", "rel", "primary", "label"])
                contact.emails.append(EmailValue(raw: address, meta: meta))
            case "im":
                guard let address = child.attribute("address"), !address.isEmpty else {
                    contact.keepUnmapped(child)
                    continue
                }
                let protocolURI = child.attribute("protocol") ?? ""
                let service = fragment(protocolURI).map { $0.lowercased() }
                let meta = relMeta(child, consuming: ["address", "rel", "primary", "label", "protocol"])
                contact.onlineServices.append(OnlineServiceValue(service: service, user: address, meta: meta))
            case "phoneNumber":
                let number = child.value.isEmpty ? (child.attribute("uri") ?? "") : child.value
                guard !number.isEmpty else { continue }
                contact.phones.append(
                    PhoneValue(raw: number, meta: relMeta(child, consuming: ["rel", "primary", "label"])))
            case "structuredPostalAddress": address(child, into: &contact)
            case "postalAddress":
                if !child.value.isEmpty {
                    let meta = relMeta(child, consuming: ["rel", "primary", "label"])
                    contact.addresses.append(AddressValue(formatted: child.value, meta: meta))
                }
            case "organization": organization(child, into: &contact)
            case "occupation":
                if !child.value.isEmpty { contact.roles.append(TextValue(child.value, meta: child.meta())) }
            case "relation":
                let value = child.value
                guard !value.isEmpty else { continue }
                let rel = child.attribute("rel").map { [$0] } ?? []
                var meta = child.meta(consuming: ["rel", "label"])
                meta.label = child.attribute("label")
                contact.related.append(RelatedValue(value: value, relations: rel, meta: meta))
            case "website":
                guard let href = child.attribute("href"), !href.isEmpty else {
                    contact.keepUnmapped(child)
                    continue
                }
                var meta = child.meta(consuming: ["href", "rel", "primary", "label"])
                if let rel = child.attribute("rel") { meta.addType(rel) }
                meta.label = child.attribute("label")
                if child.attribute("primary") == "true" { meta.pref = 1 }
                contact.links.append(LinkValue(uri: href, meta: meta))
            case "groupMembershipInfo":
                guard let href = child.attribute("href"), !href.isEmpty else {
                    contact.keepUnmapped(child)
                    continue
                }
                // Membership points at a group entry's id (its `uid` here).
                contact.categories.append(TextValue(href, meta: child.meta(consuming: ["href"])))
            case "birthday":
                guard let when = child.attribute("when"), !when.isEmpty else {
                    contact.keepUnmapped(child)
                    continue
                }
                contact.dates.append(
                    DateValue(
                        kind: .birth, date: XMLDateText.parse(when), raw: when, meta: child.meta(consuming: ["when"])))
            case "event":
                guard let when = child.child("when")?.attribute("startTime"), !when.isEmpty else {
                    contact.keepUnmapped(child)
                    continue
                }
                let rel = child.attribute("rel") ?? ""
                var meta = child.meta(consuming: ["rel", "label"])
                meta.label = child.attribute("label") ?? (rel == "anniversary" ? nil : rel.nilIfEmpty)
                contact.dates.append(
                    DateValue(
                        kind: rel == "anniversary" ? .wedding : .other, date: XMLDateText.parse(when), raw: when,
                        meta: meta))
            default: contact.keepUnmapped(child)
            }
        }
        if let title {
            let value = title.value
            if contact.name == nil, !value.isEmpty {
                contact.name = NameValue(full: value, meta: title.meta(consuming: ["type"]))
            } else if let full = contact.name?.full, full != value, !value.isEmpty {
                contact.keepUnmapped(title)
            }
        }
        return contact
    }

    /// `gd:name` with `fullName`, `givenName`, `additionalName`, `familyName`, `namePrefix`,
    /// `nameSuffix` (each may carry a `yomi` phonetic attribute).
    private static func name(_ element: XMLElement, into contact: inout Contact) {
        var name = NameValue(meta: element.meta())
        for part in element.children {
            let value = part.value
            guard !value.isEmpty else { continue }
            let yomi = part.attribute("yomi")
            switch part.name {
            case "fullName": name.full = value
            case "givenName":
                name.given = [value]
                name.phoneticGiven = yomi
            case "familyName":
                name.surname = [value]
                name.phoneticSurname = yomi
            case "additionalName":
                name.additional = [value]
                name.phoneticAdditional = yomi
            case "namePrefix": name.prefixes = [value]
            case "nameSuffix": name.suffixes = [value]
            default: contact.keepUnmapped(part, under: "name")
            }
        }
        if !name.isEmpty { contact.name = name }
    }

    /// `gd:structuredPostalAddress` with `formattedAddress`, `street`, `pobox`, `city`,
    /// `region`, `postcode`, `country` (with a `code` attribute) and the rarer parts.
    private static func address(_ element: XMLElement, into contact: inout Contact) {
        var address = AddressValue(
            meta: relMeta(element, consuming: ["rel", "primary", "label", "mailClass", "usage"]))
        for attribute in ["mailClass", "usage"] {
            if let value = element.attribute(attribute) {
                address.meta.parameters.append(Parameter(name: attribute, values: [value]))
            }
        }
        for part in element.children {
            let value = part.value
            switch part.name {
            case "formattedAddress": address.formatted = value.isEmpty ? nil : value
            case "street": address.street = value
            case "pobox": address.poBox = value
            case "city": address.locality = value
            case "region": address.region = value
            case "postcode": address.postalCode = value
            case "country":
                address.country = value
                if let code = part.attribute("code"), !code.isEmpty { address.countryCode = code.uppercased() }
            default: contact.keepUnmapped(part, under: "structuredPostalAddress")
            }
        }
        if !address.isEmpty { contact.addresses.append(address) }
    }

    /// `gd:organization` with `orgName`, `orgDepartment`, `orgTitle`, `orgJobDescription`,
    /// `orgSymbol`, `where`.
    private static func organization(_ element: XMLElement, into contact: inout Contact) {
        let meta = relMeta(element, consuming: ["rel", "primary", "label"])
        var organization = OrganizationValue(name: "", meta: meta)
        for part in element.children {
            let value = part.value
            guard !value.isEmpty else { continue }
            switch part.name {
            case "orgName": organization.name = value
            case "orgDepartment": organization.units.append(value)
            case "orgTitle": contact.titles.append(TextValue(value, meta: part.meta()))
            case "orgJobDescription": contact.roles.append(TextValue(value, meta: part.meta()))
            default: contact.keepUnmapped(part, under: "organization")
            }
        }
        if !organization.name.isEmpty || !organization.units.isEmpty { contact.organizations.append(organization) }
    }

    /// Metadata from GData's `rel` (a URI ending in `#home`, `#work`, `#mobile`…), `label`
    /// and `primary` attributes.
    static func relMeta(_ element: XMLElement, consuming consumed: [String]) -> FieldMeta {
        let rel = element.attribute("rel").flatMap(fragment) ?? ""
        var meta = element.meta(types: relTypes(rel), consuming: consumed)
        meta.label = element.attribute("label")
        if element.attribute("primary") == "true" { meta.pref = 1 }
        return meta
    }

    /// The type words of a GData rel fragment.
    static func relTypes(_ rel: String) -> [String] {
        switch rel.lowercased() {
        case "": []
        case "mobile": ["cell"]
        case "home_fax": ["home", "fax"]
        case "work_fax": ["work", "fax"]
        case "other_fax": ["other", "fax"]
        case "work_mobile": ["work", "cell"]
        case "work_pager": ["work", "pager"]
        case "tty_tdd": ["textphone"]
        case let other: [other]
        }
    }

    /// The part of a URI after `#` (`http://schemas.google.com/g/2005#home` → `home`), or the
    /// whole text when it has no `#`.
    static func fragment(_ uri: String) -> String? {
        guard !uri.isEmpty else { return nil }
        if let hash = uri.lastIndex(of: "#") { return String(uri[uri.index(after: hash)...]) }
        return uri
    }
}

extension String {
    /// `nil` for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
