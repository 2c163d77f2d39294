import KithModel

/// The directory formats of IP desk phones: Cisco-style `DirectoryEntry` (Cisco, Digium,
/// Yeastar, Yealink), Yealink's `Menu/Unit` and local `root_contact/contact`, Grandstream
/// `Contact`. They hold a name and numbers; everything else is kept unmapped.
enum PhoneDirectoryLayout {
    /// Maps `<DirectoryEntry><Name/><Telephone/>…</DirectoryEntry>` (corpus
    /// xml/digium/antirek-phonebook.xml; Yeastar writes several `Telephone` elements).
    static func directoryEntry(from record: XMLElement) -> Contact {
        var contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
        contact.keepUnmapped(attributes: record.attributes, of: record, path: record.name)
        for child in record.children {
            let value = child.value
            switch child.name {
            case "Name":
                if !value.isEmpty { contact.name = NameValue(full: value, meta: child.meta()) }
            case "Telephone":
                if !value.isEmpty { contact.phones.append(PhoneValue(raw: value, meta: child.meta())) }
            default: contact.keepUnmapped(child)
            }
        }
        return contact
    }

    /// Maps a Yealink remote-phonebook `<Unit Name Phone1 Phone2 Phone3 default_photo/>`; the
    /// enclosing `<Menu Name>` becomes a category.
    static func yealinkUnit(from record: XMLElement, menu: XMLElement?) -> Contact {
        var contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
        if let menuName = menu?.attribute("Name")?.trimmedXMLSpace, !menuName.isEmpty {
            contact.categories.append(TextValue(menuName, meta: FieldMeta(line: menu?.line ?? record.line)))
        }
        var rest: [XMLAttribute] = []
        for attribute in record.attributes {
            let value = attribute.value.trimmedXMLSpace
            switch attribute.name {
            case "Name":
                if !value.isEmpty { contact.name = NameValue(full: value, meta: FieldMeta(line: record.line)) }
            case "Phone1", "Phone2", "Phone3":
                if !value.isEmpty {
                    contact.phones.append(
                        PhoneValue(raw: value, meta: FieldMeta(label: attribute.name, line: record.line)))
                }
            default: rest.append(attribute)
            }
        }
        contact.keepUnmapped(attributes: rest, of: record, path: record.name)
        for child in record.children { contact.keepUnmapped(child) }
        return contact
    }

    /// Maps a Yealink local `<contact display_name office_number mobile_number other_number
    /// line ring default_photo selected_photo group_id_name/>`.
    static func yealinkContact(from record: XMLElement) -> Contact {
        var contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
        var rest: [XMLAttribute] = []
        for attribute in record.attributes {
            let value = attribute.value.trimmedXMLSpace
            let types: [String]
            switch attribute.name {
            case "display_name":
                if !value.isEmpty { contact.name = NameValue(full: value, meta: FieldMeta(line: record.line)) }
                continue
            case "group_id_name":
                if !value.isEmpty { contact.categories.append(TextValue(value, meta: FieldMeta(line: record.line))) }
                continue
            case "office_number": types = ["work"]
            case "mobile_number": types = ["cell"]
            case "other_number": types = ["other"]
            default:
                rest.append(attribute)
                continue
            }
            if !value.isEmpty {
                var meta = FieldMeta(line: record.line)
                for type in types { meta.addType(type) }
                contact.phones.append(PhoneValue(raw: value, meta: meta))
            }
        }
        contact.keepUnmapped(attributes: rest, of: record, path: record.name)
        for child in record.children { contact.keepUnmapped(child) }
        return contact
    }

    /// Maps a Grandstream `<Contact><LastName/><FirstName/><Phone type><phonenumber/>
    /// <accountindex/></Phone><Group/></Contact>`; group ids are resolved through the
    /// document's `<pbgroup><id/><name/></pbgroup>` list when it has one.
    static func grandstreamContact(from record: XMLElement, groups: [String: String]) -> Contact {
        var contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
        var name = NameValue(meta: FieldMeta(line: record.line))
        contact.keepUnmapped(attributes: record.attributes, of: record, path: record.name)
        for child in record.children {
            let value = child.value
            switch child.name {
            case "FirstName": if !value.isEmpty { name.given = [value] }
            case "LastName": if !value.isEmpty { name.surname = [value] }
            case "Phone":
                guard let number = child.childValue("phonenumber") else {
                    contact.keepUnmapped(child)
                    continue
                }
                var meta = child.meta(types: grandstreamTypes(child.attribute("type") ?? ""), consuming: [])
                for extra in child.children where extra.name != "phonenumber" {
                    let extraValue = extra.value
                    if !extraValue.isEmpty { meta.parameters.append(Parameter(name: extra.name, values: [extraValue])) }
                }
                contact.phones.append(PhoneValue(raw: number, meta: meta))
            case "Group":
                if !value.isEmpty {
                    var meta = child.meta()
                    if let groupName = groups[value] {
                        meta.parameters.append(Parameter(name: "id", values: [value]))
                        contact.categories.append(TextValue(groupName, meta: meta))
                    } else {
                        contact.categories.append(TextValue(value, meta: meta))
                    }
                }
            default: contact.keepUnmapped(child)
            }
        }
        if !name.isEmpty { contact.name = name }
        return contact
    }

    /// The type words of a Grandstream `Phone@type` (`Work`, `Home`, `Mobile`, `Others`).
    static func grandstreamTypes(_ type: String) -> [String] {
        switch type.lowercased() {
        case "work": ["work"]
        case "home": ["home"]
        case "mobile", "cell": ["cell"]
        case "others", "other": ["other"]
        case "fax": ["fax"]
        case "": []
        case let other: [other]
        }
    }
}
