import KithModel

/// Windows Contacts `.contact` files (Vista to 8): one `<c:contact>` per file, every element
/// in the `http://schemas.microsoft.com/Contact` namespace, values grouped in collections
/// (`c:EmailAddressCollection/c:EmailAddress`) with free-text labels
/// (`c:LabelCollection/c:Label`). Elements marked `xsi:nil="true"` are empty placeholders.
enum WindowsContactLayout {
    /// Maps the `<c:contact>` root.
    static func contact(from record: XMLElement) -> Contact {
        var contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
        contact.keepUnmapped(
            attributes: record.attributes.filter { !$0.isNamespaceNoise }, of: record, path: record.name)
        for child in record.children where !child.isNil {
            switch child.name {
            case "NameCollection": for name in entries(child, "Name") { self.name(name, into: &contact) }
            case "EmailAddressCollection":
                for email in entries(child, "EmailAddress") {
                    guard let address = email.childValue("Address") else {
                        contact.keepUnmapped(email, under: child.name)
                        continue
                    }
                    var meta = labelledMeta(email)
                    if let type = email.childValue("Type") {
                        meta.parameters.append(Parameter(name: "Type", values: [type]))
                    }
                    keepRest(
                        of: email, except: ["Address", "Type", "LabelCollection"], path: child.name, into: &contact)
                    contact.emails.append(EmailValue(raw: address, meta: meta))
                }
            case "PhoneNumberCollection":
                for phone in entries(child, "PhoneNumber") {
                    guard let number = phone.childValue("Number") else {
                        contact.keepUnmapped(phone, under: child.name)
                        continue
                    }
                    keepRest(of: phone, except: ["Number", "LabelCollection"], path: child.name, into: &contact)
                    contact.phones.append(PhoneValue(raw: number, meta: labelledMeta(phone)))
                }
            case "PhysicalAddressCollection":
                for element in entries(child, "PhysicalAddress") { address(element, into: &contact) }
            case "PositionCollection":
                for element in entries(child, "Position") { position(element, into: &contact) }
            case "PersonCollection":
                for person in entries(child, "Person") {
                    guard let name = person.childValue("FormattedName") else {
                        contact.keepUnmapped(person, under: child.name)
                        continue
                    }
                    var meta = labelledMeta(person)
                    let relations = meta.types
                    meta.types = []
                    keepRest(
                        of: person, except: ["FormattedName", "LabelCollection"], path: child.name, into: &contact)
                    contact.related.append(RelatedValue(value: name, relations: relations, meta: meta))
                }
            case "DateCollection":
                for date in entries(child, "Date") {
                    let raw = date.childValue("Value") ?? date.value
                    guard !raw.isEmpty else { continue }
                    var meta = labelledMeta(date)
                    let kind: DateValue.Kind =
                        meta.has("birthday") ? .birth : meta.has("anniversary") ? .wedding : .other
                    meta.types.removeAll { $0 == "birthday" || $0 == "anniversary" }
                    contact.dates.append(DateValue(kind: kind, date: XMLDateText.parse(raw), raw: raw, meta: meta))
                }
            case "UrlCollection":
                for url in entries(child, "Url") {
                    guard let value = url.childValue("Value") else {
                        contact.keepUnmapped(url, under: child.name)
                        continue
                    }
                    keepRest(of: url, except: ["Value", "LabelCollection"], path: child.name, into: &contact)
                    contact.links.append(LinkValue(uri: value, meta: labelledMeta(url)))
                }
            case "IMAddressCollection":
                for im in entries(child, "IMAddress") {
                    guard let value = im.childValue("Value") else {
                        contact.keepUnmapped(im, under: child.name)
                        continue
                    }
                    let service = im.childValue("Protocol")?.lowercased()
                    keepRest(
                        of: im, except: ["Value", "Protocol", "LabelCollection"], path: child.name, into: &contact)
                    contact.onlineServices.append(
                        OnlineServiceValue(service: service, user: value, meta: labelledMeta(im)))
                }
            case "PhotoCollection":
                for photo in entries(child, "Photo") { self.photo(photo, into: &contact) }
            case "ContactIDCollection":
                for id in entries(child, "ContactID") {
                    if contact.uid == nil, let value = id.childValue("Value") {
                        contact.uid = value
                    } else {
                        contact.keepUnmapped(id, under: child.name)
                    }
                }
            case "Notes":
                if !child.value.isEmpty { contact.notes.append(TextValue(child.value, meta: child.meta())) }
            case "Gender":
                if !child.value.isEmpty { contact.gender = TextValue(child.value, meta: child.meta()) }
            default: contact.keepUnmapped(child)
            }
        }
        return contact
    }

    /// The non-nil entries of a collection.
    private static func entries(_ collection: XMLElement, _ name: String) -> [XMLElement] {
        collection.children.filter { $0.name == name && !$0.isNil }
    }

    /// Keeps the children of an entry that the mapping did not read.
    private static func keepRest(
        of entry: XMLElement, except mapped: Set<String>, path: String, into contact: inout Contact
    ) {
        for child in entry.children where !mapped.contains(child.name) {
            contact.keepUnmapped(child, under: "\(path)/\(entry.name)")
        }
    }

    /// Metadata from an entry's `c:LabelCollection`: `Preferred` is preference 1, known
    /// Windows labels become type words, `wab:` labels lose their prefix, the rest stay as
    /// lower-case type words too, so nothing is lost.
    private static func labelledMeta(_ entry: XMLElement) -> FieldMeta {
        var meta = FieldMeta(line: entry.line)
        meta.parameters = entry.attributes.filter { !$0.isNamespaceNoise }.map(\.parameter)
        for label in entry.child("LabelCollection")?.children ?? [] where label.name == "Label" {
            var word = label.value
            guard !word.isEmpty else { continue }
            if word.hasPrefix("wab:") { word.removeFirst(4) }
            switch word.lowercased() {
            case "preferred": meta.pref = 1
            case "personal": meta.addType("home")
            case "business": meta.addType("work")
            case "cellular": meta.addType("cell")
            default: meta.addType(word)
            }
        }
        return meta
    }

    private static func name(_ element: XMLElement, into contact: inout Contact) {
        var name = NameValue(meta: labelledMeta(element))
        for part in element.children {
            let value = part.value
            guard !part.isNil, !value.isEmpty else { continue }
            switch part.name {
            case "FormattedName": name.full = value
            case "GivenName": name.given = [value]
            case "MiddleName": name.additional = [value]
            case "FamilyName": name.surname = [value]
            case "Prefix": name.prefixes = [value]
            case "Suffix": name.suffixes = [value]
            case "NickName": contact.nicknames.append(TextValue(value, meta: part.meta()))
            case "PhoneticGivenName": name.phoneticGiven = value
            case "PhoneticFamilyName": name.phoneticSurname = value
            case "PhoneticMiddleName": name.phoneticAdditional = value
            case "LabelCollection": continue
            default: contact.keepUnmapped(part, under: "NameCollection/Name")
            }
        }
        guard !name.isEmpty else { return }
        if contact.name == nil {
            contact.name = name
        } else {
            // A second name entry (another language or an alias): kept whole, unmapped.
            contact.keepUnmapped(element, under: "NameCollection")
        }
    }

    private static func address(_ element: XMLElement, into contact: inout Contact) {
        var address = AddressValue(meta: labelledMeta(element))
        for part in element.children where !part.isNil {
            let value = part.value
            switch part.name {
            case "Street": address.street = value
            case "Locality": address.locality = value
            case "Region": address.region = value
            case "PostalCode": address.postalCode = value
            case "Country": address.country = value
            case "POBox": address.poBox = value
            case "ExtendedAddress": address.extended = value
            case "AddressLabel": address.formatted = value.nilIfEmpty
            case "LabelCollection": continue
            default: contact.keepUnmapped(part, under: "PhysicalAddressCollection/PhysicalAddress")
            }
        }
        if !address.isEmpty { contact.addresses.append(address) }
    }

    private static func position(_ element: XMLElement, into contact: inout Contact) {
        var organization = OrganizationValue(name: "", meta: labelledMeta(element))
        for part in element.children where !part.isNil {
            let value = part.value
            guard !value.isEmpty else { continue }
            switch part.name {
            case "Company": organization.name = value
            case "Department": organization.units.append(value)
            case "JobTitle": contact.titles.append(TextValue(value, meta: part.meta()))
            case "Role", "Profession": contact.roles.append(TextValue(value, meta: part.meta()))
            case "LabelCollection": continue
            default: contact.keepUnmapped(part, under: "PositionCollection/Position")
            }
        }
        if !organization.name.isEmpty || !organization.units.isEmpty { contact.organizations.append(organization) }
    }

    /// `c:Photo` with an inline `c:Value c:ContentType="image/…"` (base64) or a `c:Url`.
    private static func photo(_ element: XMLElement, into contact: inout Contact) {
        var media = MediaValue(kind: .photo, meta: labelledMeta(element))
        for part in element.children where !part.isNil {
            switch part.name {
            case "Value":
                let text = part.value
                guard !text.isEmpty else { continue }
                if let bytes = Base64Text.decode(text) {
                    media.data = bytes
                    media.sha256 = ContentHash.sha256Hex(bytes)
                } else {
                    contact.keepUnmapped(part, under: "PhotoCollection/Photo")
                }
                media.mediaType = part.attribute("ContentType")
            case "Url": media.uri = part.value.nilIfEmpty
            case "LabelCollection": continue
            default: contact.keepUnmapped(part, under: "PhotoCollection/Photo")
            }
        }
        if media.data != nil || media.uri != nil { contact.media.append(media) }
    }
}

/// Base64 as XML files write it: line breaks and spaces anywhere, padding optional.
enum Base64Text {
    /// Decodes base64 text, ignoring white space.
    ///
    /// - Returns: the bytes, or `nil` when a character is not base64.
    /// - Complexity: O(n).
    static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in text.utf8 {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="), 0x20, 0x09, 0x0A, 0x0D: continue
            default: return nil
            }
            accumulator = (accumulator << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }
}
