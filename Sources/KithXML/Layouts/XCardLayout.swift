import KithModel

/// xCard, RFC 6351: `<vcard>` holds one element per vCard property, named in lower case, with
/// typed value children (`<text>`, `<uri>`, `<date>`…) and `<parameters>`; `<group name>`
/// wraps grouped properties (corpus xml/ez-vcard/rfc6351-example.xml).
enum XCardLayout {
    /// Maps one `<vcard>`.
    static func contact(from record: XMLElement) -> Contact {
        var contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
        contact.version = "4.0"
        for child in record.children {
            if child.name == "group" {
                let group = child.attribute("name")
                for property in child.children { map(property, group: group, into: &contact) }
            } else {
                map(child, group: nil, into: &contact)
            }
        }
        return contact
    }

    /// The parameters of a property, read from its `<parameters>` child.
    struct Parameters {
        var meta: FieldMeta
        /// `label` (RFC 6350 §6.3.1: the formatted address).
        var label: String?
    }

    static func parameters(of property: XMLElement, group: String?) -> Parameters {
        var meta = FieldMeta(line: property.line, group: group)
        var label: String?
        guard let parameters = property.child("parameters") else { return Parameters(meta: meta, label: nil) }
        for parameter in parameters.children {
            let values = parameter.children.map(\.value).filter { !$0.isEmpty }
            switch parameter.name {
            case "type": for value in values { meta.addType(value) }
            case "pref": meta.pref = values.first.flatMap { Int($0) }
            case "label": label = values.first
            case "language": meta.language = values.first
            case "altid": meta.altID = values.first
            default: meta.parameters.append(Parameter(name: parameter.name.uppercased(), values: values))
            }
        }
        return Parameters(meta: meta, label: label)
    }

    /// The value children of a property (everything but `<parameters>`), trimmed.
    private static func values(of property: XMLElement) -> [(type: String, value: String)] {
        property.children.filter { $0.name != "parameters" }.map { ($0.name, $0.value) }
    }

    private static func firstValue(of property: XMLElement) -> (type: String, value: String)? {
        values(of: property).first { !$0.value.isEmpty }
    }

    private static func map(_ property: XMLElement, group: String?, into contact: inout Contact) {
        let parameters = parameters(of: property, group: group)
        var meta = parameters.meta
        switch property.name {
        case "fn":
            guard let value = firstValue(of: property)?.value else { return }
            var name = contact.name ?? NameValue(meta: meta)
            name.full = value
            contact.name = name
        case "n":
            var name = contact.name ?? NameValue(meta: meta)
            for component in property.children {
                let value = component.value
                guard !value.isEmpty else { continue }
                switch component.name {
                case "surname": name.surname.append(value)
                case "given": name.given.append(value)
                case "additional": name.additional.append(value)
                case "prefix": name.prefixes.append(value)
                case "suffix": name.suffixes.append(value)
                case "parameters": continue
                default: contact.keepUnmapped(component, under: "n")
                }
            }
            if let sortAs = meta.parameters.first(where: { $0.name == "SORT-AS" }) {
                name.sortAs = sortAs.values.joined(separator: ",")
            }
            contact.name = name
        case "nickname":
            for (_, value) in values(of: property) where !value.isEmpty {
                contact.nicknames.append(TextValue(value, meta: meta))
            }
        case "bday", "anniversary", "deathdate":
            guard let (_, value) = firstValue(of: property) else { return }
            let kind: DateValue.Kind =
                switch property.name {
                case "bday": .birth
                case "anniversary": .wedding
                default: .death
                }
            contact.dates.append(DateValue(kind: kind, date: XMLDateText.parse(value), raw: value, meta: meta))
        case "gender":
            let sex = property.childValue("sex") ?? ""
            let identity = property.childValue("identity")
            guard !sex.isEmpty || identity != nil else { return }
            if let identity { meta.parameters.append(Parameter(name: "IDENTITY", values: [identity])) }
            contact.gender = TextValue(sex, meta: meta)
        case "org":
            let parts = values(of: property).map(\.value)
            guard let first = parts.first, !first.isEmpty || parts.count > 1 else { return }
            contact.organizations.append(OrganizationValue(name: first, units: Array(parts.dropFirst()), meta: meta))
        case "title":
            if let value = firstValue(of: property)?.value { contact.titles.append(TextValue(value, meta: meta)) }
        case "role":
            if let value = firstValue(of: property)?.value { contact.roles.append(TextValue(value, meta: meta)) }
        case "note":
            if let value = firstValue(of: property)?.value { contact.notes.append(TextValue(value, meta: meta)) }
        case "categories":
            for (_, value) in values(of: property) where !value.isEmpty {
                contact.categories.append(TextValue(value, meta: meta))
            }
        case "adr":
            var address = AddressValue(formatted: parameters.label, meta: meta)
            for component in property.children {
                let value = component.value
                switch component.name {
                case "pobox": address.poBox = value
                case "ext": address.extended = value
                case "street": address.street = value
                case "locality": address.locality = value
                case "region": address.region = value
                case "code": address.postalCode = value
                case "country": address.country = value
                case "parameters": continue
                default: contact.keepUnmapped(component, under: "adr")
                }
            }
            if !address.isEmpty { contact.addresses.append(address) }
        case "tel":
            guard let value = firstValue(of: property)?.value else { return }
            contact.phones.append(PhoneValue(raw: value, meta: meta))
        case "email":
            guard let value = firstValue(of: property)?.value else { return }
            contact.emails.append(EmailValue(raw: value, meta: meta))
        case "url":
            guard let value = firstValue(of: property)?.value else { return }
            contact.links.append(LinkValue(uri: value, meta: meta))
        case "impp":
            guard let value = firstValue(of: property)?.value else { return }
            let scheme = value.split(separator: ":", maxSplits: 1).first.map { String($0).lowercased() }
            contact.onlineServices.append(OnlineServiceValue(service: scheme, uri: value, meta: meta))
        case "photo", "logo", "sound":
            guard let value = firstValue(of: property)?.value else { return }
            let kind: MediaValue.Kind = property.name == "photo" ? .photo : property.name == "logo" ? .logo : .sound
            contact.media.append(MediaValue(kind: kind, uri: value, meta: meta))
        case "related":
            guard let (type, value) = firstValue(of: property) else { return }
            let relations = meta.types
            meta.types = []
            contact.related.append(RelatedValue(value: value, isURI: type == "uri", relations: relations, meta: meta))
        case "member":
            if let value = firstValue(of: property)?.value { contact.members.append(TextValue(value, meta: meta)) }
        case "kind":
            if let value = firstValue(of: property)?.value.lowercased(), let kind = Contact.Kind(rawValue: value) {
                contact.kind = kind
            } else {
                keepRaw(property, parameters: parameters, into: &contact)
            }
        case "uid":
            if let value = firstValue(of: property)?.value { contact.uid = value }
        case "rev":
            if let value = firstValue(of: property)?.value {
                contact.revision = value
                contact.revisionDate = XMLDateText.parse(value)
            }
        case "prodid":
            if let value = firstValue(of: property)?.value { contact.producer = value }
        case "parameters":
            return
        default:
            keepRaw(property, parameters: parameters, into: &contact)
        }
    }

    /// Keeps a property Kith does not map under its vCard name (`GEO`, `TZ`, `LANG`, `KEY`),
    /// as RFC 9555 `vCardProps` expects, with its value type from the typed child.
    private static func keepRaw(_ property: XMLElement, parameters: Parameters, into contact: inout Contact) {
        var list: [Parameter] = []
        let meta = parameters.meta
        if !meta.types.isEmpty { list.append(Parameter(name: "TYPE", values: meta.types)) }
        if let pref = meta.pref { list.append(Parameter(name: "PREF", values: [String(pref)])) }
        if let label = parameters.label { list.append(Parameter(name: "LABEL", values: [label])) }
        if let language = meta.language { list.append(Parameter(name: "LANGUAGE", values: [language])) }
        if let altID = meta.altID { list.append(Parameter(name: "ALTID", values: [altID])) }
        list += meta.parameters
        let valueChildren = values(of: property)
        let valueType = valueChildren.first?.type ?? "unknown"
        let value = valueChildren.isEmpty ? property.value : valueChildren.map(\.value).joined(separator: ",")
        contact.unmapped.append(
            RawProperty(
                name: property.name.uppercased(), group: meta.group, parameters: list, valueType: valueType,
                value: value, line: property.line))
    }
}
