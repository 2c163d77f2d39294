import KithModel

/// AVM FRITZ!Box phonebook contacts (`phonebooks/phonebook/contact`), as exported from the
/// box's web interface or TR-064 `GetPhonebook` (corpus xml/fritzbox/rillke-fritz-phonebook.xml).
enum FritzBoxLayout {
    /// The rule named on names split from `realName`.
    static let nameRule = "fritzbox-last-comma-first"

    /// Maps one `<contact>` into `contact`, a new contact on the record's line (filled in
    /// place: a contact returned by value is copied whole).
    static func fill(_ contact: inout Contact, from record: XMLElement) {
        for child in record.children {
            switch child.name {
            case "category":
                // 1 marks a VIP ("Wichtig") contact; 0 or empty is the default.
                let value = child.value
                if value == "1" {
                    contact.categories.append(TextValue("VIP", meta: child.meta()))
                } else if !value.isEmpty, value != "0" {
                    contact.keepUnmapped(child)
                }
            case "person": person(child, into: &contact)
            case "telephony": telephony(child, into: &contact, path: "telephony")
            case "services": services(child, into: &contact)
            case "uniqueid":
                let value = child.value
                if !value.isEmpty { contact.uid = value }
            case "mod_time":
                let value = child.value
                if !value.isEmpty {
                    contact.revision = value
                    contact.revisionDate = XMLDateText.epoch(value)
                }
            default: contact.keepUnmapped(child)
            }
        }
    }

    /// `<person>`: `realName` (one string, often `Last, First`) and `imageURL`.
    private static func person(_ person: XMLElement, into contact: inout Contact) {
        contact.keepUnmapped(attributes: person.attributes, of: person, path: "person")
        for child in person.children {
            switch child.name {
            case "realName":
                let full = child.value
                guard !full.isEmpty else { continue }
                var name = NameValue(full: full, meta: child.meta())
                // "Cellphone, Mr. Mobile": exactly one comma means "Last, First" (the form the
                // box's own UI suggests); other names (companies, "Test GmbH") stay whole.
                if let comma = full.utf8.firstIndex(of: UInt8(ascii: ",")),
                    !full.utf8[full.utf8.index(after: comma)...].contains(UInt8(ascii: ","))
                {
                    let surname = String(full[..<comma]).trimmedXMLSpace
                    let given = String(full[full.index(after: comma)...]).trimmedXMLSpace
                    if !surname.isEmpty, !given.isEmpty {
                        name.surname = [surname]
                        name.given = [given]
                        name.componentsRule = nameRule
                    }
                }
                contact.name = name
            case "imageURL":
                let uri = child.value
                if !uri.isEmpty { contact.media.append(MediaValue(kind: .photo, uri: uri, meta: child.meta())) }
            default: contact.keepUnmapped(child, under: "person")
            }
        }
    }

    /// `<telephony>`: `<number type prio …>` elements. The box has also been seen writing
    /// `<services>` inside `<telephony>` (the "Wecker 1" contact of the corpus file).
    private static func telephony(_ telephony: XMLElement, into contact: inout Contact, path: String) {
        // `nid` counts the numbers; kept like any attribute so nothing is dropped.
        contact.keepUnmapped(attributes: telephony.attributes, of: telephony, path: path)
        for child in telephony.children {
            switch child.name {
            case "number":
                let number = child.value
                // Empty numbers are unused slots of the box's form ("Cellphone, Mr. Mobile").
                guard !number.isEmpty else { continue }
                let type = child.attribute("type") ?? ""
                let prio = child.attribute("prio")
                contact.phones.append(
                    PhoneValue(
                        raw: number,
                        meta: child.meta(
                            types: phoneTypes(type), pref: prio == "1" ? 1 : nil, consuming: TypeWords.numberAttributes)
                    ))
            case "services": services(child, into: &contact)
            default: contact.keepUnmapped(child, under: path)
            }
        }
    }

    /// The type words of a FRITZ!Box number type.
    static func phoneTypes(_ type: String) -> [String] {
        switch type.lowercasedIfNeeded() {
        case "home": TypeWords.home
        case "mobile": TypeWords.cell
        case "work": TypeWords.work
        case "fax_work": TypeWords.workFax
        case "fax_home", "fax": TypeWords.homeFax
        case "", "other": TypeWords.other
        case let other: [other]
        }
    }

    /// The type word lists of the number types and email classifiers, made once (an array
    /// literal per number would allocate).
    enum TypeWords {
        static let home = ["home"]
        static let cell = ["cell"]
        static let work = ["work"]
        static let workFax = ["work", "fax"]
        static let homeFax = ["home", "fax"]
        static let other = ["other"]
        static let none: [String] = []
        /// Attributes the mapping reads itself.
        static let numberAttributes = ["type", "prio"]
        static let emailAttributes = ["classifier"]
    }

    /// `<services>`: `<email classifier="private|work">`.
    private static func services(_ services: XMLElement, into contact: inout Contact) {
        contact.keepUnmapped(attributes: services.attributes, of: services, path: "services")
        for child in services.children {
            guard child.name == "email" else {
                contact.keepUnmapped(child, under: "services")
                continue
            }
            let address = child.value
            guard !address.isEmpty else { continue }
            let classifier = (child.attribute("classifier") ?? "").lowercasedIfNeeded()
            let types: [String] =
                switch classifier {
                case "private": TypeWords.home
                case "work", "business": TypeWords.work
                case "": TypeWords.none
                default: [classifier]
                }
            contact.emails.append(
                EmailValue(raw: address, meta: child.meta(types: types, consuming: TypeWords.emailAttributes)))
        }
    }
}
