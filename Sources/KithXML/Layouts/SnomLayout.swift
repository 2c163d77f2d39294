import KithModel

/// Snom `<tbook><item context type fav mod index>` phonebooks. A contact with several numbers
/// is a `type="MASTER"` item whose `<number>` is a link key, followed by member items whose
/// `<last_name>` repeats that key (as fbcontactconv `lib/snom.xsl` writes them); members are
/// folded into their master, so a contact is one record.
enum SnomLayout {
    /// Maps one `<item>`.
    static func item(from record: XMLElement) -> Contact {
        var contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
        let isMaster = record.attribute("type")?.uppercased() == "MASTER"
        var name = NameValue(meta: FieldMeta(line: record.line))
        var rest: [XMLAttribute] = []
        for attribute in record.attributes {
            if attribute.name == "type", attribute.value.lowercased() == "vip" {
                contact.categories.append(TextValue("VIP", meta: FieldMeta(line: record.line)))
            } else if attribute.name == "fav", attribute.value == "true" {
                contact.categories.append(TextValue("favorite", meta: FieldMeta(line: record.line)))
            } else if !attribute.value.isEmpty {
                rest.append(attribute)
            }
        }
        contact.keepUnmapped(attributes: rest, of: record, path: record.name)
        let numberType = record.childValue("number_type") ?? ""
        for child in record.children {
            let value = child.value
            switch child.name {
            case "first_name": if !value.isEmpty { name.given = [value] }
            case "last_name": if !value.isEmpty { name.surname = [value] }
            case "organisation", "organization":
                if !value.isEmpty { contact.organizations.append(OrganizationValue(name: value, meta: child.meta())) }
            case "email": if !value.isEmpty { contact.emails.append(EmailValue(raw: value, meta: child.meta())) }
            case "number":
                guard !value.isEmpty else { continue }
                if isMaster {
                    // The master's number is the key that links its members.
                    contact.keepUnmapped(child)
                } else {
                    var meta = child.meta(types: phoneTypes(numberType))
                    if !numberType.isEmpty {
                        meta.parameters.append(Parameter(name: "number_type", values: [numberType]))
                    }
                    contact.phones.append(PhoneValue(raw: value, meta: meta))
                }
            case "number_type": continue
            default: contact.keepUnmapped(child)
            }
        }
        if !name.isEmpty { contact.name = name }
        return contact
    }

    /// The link key of a MASTER item (its `<number>`), `nil` for other items.
    static func masterKey(of record: XMLElement) -> String? {
        guard record.attribute("type")?.uppercased() == "MASTER" else { return nil }
        return record.childValue("number")
    }

    /// Whether an item is a member of the master with `key`: its `last_name` is the key and it
    /// has no first name of its own.
    static func isMember(_ record: XMLElement, of key: String) -> Bool {
        record.attribute("type")?.uppercased() != "MASTER" && record.childValue("last_name") == key
            && record.childValue("first_name") == nil
    }

    /// Adds a member item's number (and anything else it holds) to its master.
    static func fold(member record: XMLElement, into master: inout Contact) {
        var member = item(from: record)
        // The member's last_name is only the link key.
        member.name = nil
        master.phones += member.phones
        master.emails += member.emails
        master.organizations += member.organizations
        for category in member.categories where !master.categories.contains(where: { $0.value == category.value }) {
            master.categories.append(category)
        }
        master.unmapped += member.unmapped
    }

    /// The type words of a Snom `number_type` (`sip`, `business`, `mobile`, `home`, `fax`).
    static func phoneTypes(_ type: String) -> [String] {
        switch type.lowercased() {
        case "business", "work": ["work"]
        case "mobile": ["cell"]
        case "home", "fixed": ["home"]
        case "fax": ["fax"]
        case "sip": ["sip"]
        case "": []
        case let other: [other]
        }
    }
}

/// JFritz phonebooks: `<phonebook><entry private><name><firstname/><lastname/><company/></name>
/// <phonenumbers standard><number type>…</number></phonenumbers><internet><email/></internet>`
/// (fbcontactconv `lib/jfritz.xsl`).
enum JFritzLayout {
    /// Maps one `<entry>`.
    static func entry(from record: XMLElement) -> Contact {
        var contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
        contact.keepUnmapped(attributes: record.attributes, of: record, path: record.name)
        for child in record.children {
            switch child.name {
            case "name": name(child, into: &contact)
            case "phonenumbers":
                let standard = child.attribute("standard")
                for number in child.children {
                    guard number.name == "number" else {
                        contact.keepUnmapped(number, under: "phonenumbers")
                        continue
                    }
                    let raw = number.value
                    guard !raw.isEmpty else { continue }
                    // The XSLT writes `<number_type>sip</number_type>` inside `<number>` for SIP
                    // addresses instead of a type attribute.
                    let type = number.attribute("type") ?? number.childValue("number_type") ?? ""
                    let types = JFritzLayout.phoneTypes(type)
                    let pref = standard != nil && standard == type ? 1 : nil
                    contact.phones.append(PhoneValue(raw: raw, meta: number.meta(types: types, pref: pref)))
                }
            case "internet", "emails":
                for email in child.children {
                    let address = email.value
                    if email.name == "email", !address.isEmpty {
                        contact.emails.append(EmailValue(raw: address, meta: email.meta()))
                    } else {
                        contact.keepUnmapped(email, under: child.name)
                    }
                }
            case "email":
                let address = child.value
                if !address.isEmpty { contact.emails.append(EmailValue(raw: address, meta: child.meta())) }
            default: contact.keepUnmapped(child)
            }
        }
        return contact
    }

    private static func name(_ element: XMLElement, into contact: inout Contact) {
        var name = NameValue(meta: element.meta())
        for part in element.children {
            let value = part.value
            switch part.name {
            case "firstname": if !value.isEmpty { name.given = [value] }
            case "lastname": if !value.isEmpty { name.surname = [value] }
            case "company":
                if !value.isEmpty { contact.organizations.append(OrganizationValue(name: value, meta: part.meta())) }
            default: contact.keepUnmapped(part, under: "name")
            }
        }
        if !name.isEmpty { contact.name = name }
    }

    /// The type words of a JFritz number type (`home`, `mobile`, `business`, `fax`, `sip`, …).
    static func phoneTypes(_ type: String) -> [String] {
        switch type.lowercased() {
        case "business", "work": ["work"]
        case "mobile": ["cell"]
        case "home": ["home"]
        case "fax": ["fax"]
        case "": []
        case let other: [other]
        }
    }
}
