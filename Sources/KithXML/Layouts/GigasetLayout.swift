import KithModel

/// Gigaset DECT/IP phonebooks: "XML version 2" `<tbook><contact>` (corpus
/// xml/gigaset/hansmi-tbook-example.xml) and the older `<list><entry …/>`.
enum GigasetLayout {
    /// Maps one v2 `<contact vip fav blocked>`.
    static func contact(from record: XMLElement) -> Contact {
        var contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
        var name = NameValue(meta: FieldMeta(line: record.line))
        var unmappedAttributes: [XMLAttribute] = []
        for attribute in record.attributes {
            if attribute.name == "vip", attribute.value == "true" {
                contact.categories.append(TextValue("VIP", meta: FieldMeta(line: record.line)))
            } else {
                unmappedAttributes.append(attribute)
            }
        }
        contact.keepUnmapped(attributes: unmappedAttributes, of: record, path: record.name)
        for child in record.children {
            let value = child.value
            switch child.name {
            case "first_name": if !value.isEmpty { name.given = [value] }
            case "last_name": if !value.isEmpty { name.surname = [value] }
            case "title": if !value.isEmpty { contact.titles.append(TextValue(value, meta: child.meta())) }
            case "organization":
                if !value.isEmpty { contact.organizations.append(OrganizationValue(name: value, meta: child.meta())) }
            case "email": if !value.isEmpty { contact.emails.append(EmailValue(raw: value, meta: child.meta())) }
            case "note": if !value.isEmpty { contact.notes.append(TextValue(value, meta: child.meta())) }
            case "group": if !value.isEmpty { contact.categories.append(TextValue(value, meta: child.meta())) }
            case "numbers":
                for number in number(elements: child, into: &contact) { contact.phones.append(number) }
            default: contact.keepUnmapped(child)
            }
        }
        if !name.isEmpty { contact.name = name }
        return contact
    }

    private static func number(elements numbers: XMLElement, into contact: inout Contact) -> [PhoneValue] {
        var phones: [PhoneValue] = []
        for number in numbers.children {
            guard number.name == "number", let raw = number.attribute("no"), !raw.isEmpty else {
                contact.keepUnmapped(number, under: "numbers")
                continue
            }
            let types = phoneTypes(number.attribute("type") ?? "")
            phones.append(PhoneValue(raw: raw, meta: number.meta(types: types, consuming: ["no"])))
        }
        return phones
    }

    /// The type words of a Gigaset number type (`business`, `mobile`, `fixed`, …).
    static func phoneTypes(_ type: String) -> [String] {
        switch type.lowercased() {
        case "business": ["work"]
        case "mobile": ["cell"]
        case "fixed", "home", "private": ["home"]
        case "": []
        case let other: [other]
        }
    }

    /// Maps one v1 `<entry name surname home1 home2 office1 office2 mobile1 mobile2/>`.
    static func v1Entry(from record: XMLElement) -> Contact {
        var contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
        var name = NameValue(meta: FieldMeta(line: record.line))
        var rest: [XMLAttribute] = []
        for attribute in record.attributes {
            let value = attribute.value.trimmedXMLSpace
            let types: [String]
            switch attribute.name {
            case "name":
                if !value.isEmpty { name.given = [value] }
                continue
            case "surname":
                if !value.isEmpty { name.surname = [value] }
                continue
            case "home1", "home2": types = ["home"]
            case "office1", "office2": types = ["work"]
            case "mobile1", "mobile2": types = ["cell"]
            default:
                rest.append(attribute)
                continue
            }
            if !value.isEmpty {
                var meta = FieldMeta(line: record.line)
                for type in types { meta.addType(type) }
                meta.label = attribute.name
                contact.phones.append(PhoneValue(raw: value, meta: meta))
            }
        }
        if !name.isEmpty { contact.name = name }
        contact.keepUnmapped(attributes: rest, of: record, path: record.name)
        for child in record.children { contact.keepUnmapped(child) }
        return contact
    }
}
