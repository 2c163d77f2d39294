import KithModel

/// Builds contacts with the normalized members already filled in, as KithNormalize would
/// leave them, so that resolver tests do not depend on the normalizer.
enum ContactBuilder {
    static func person(
        _ source: Int, _ index: Int, given: String = "", surname: String = "", generation: String? = nil,
        nicknameKeys: [String]? = nil, givenPhonetic: String = "", surnamePhonetic: String = "",
        birthday: PartialDate? = nil, emails: [String] = [], emailKeys: [String]? = nil, mobiles: [String] = [],
        landlines: [String] = [], street: String? = nil, city: String = "", postcode: String = "",
        organization: String? = nil, profile: String? = nil, uid: String? = nil, revision: PartialDate? = nil
    ) -> Contact {
        var contact = Contact(ref: RecordRef(source: source, index: index), line: index + 1)
        contact.uid = uid
        if !given.isEmpty || !surname.isEmpty {
            var name = NameValue(
                given: given.isEmpty ? [] : [given], surname: surname.isEmpty ? [] : [surname],
                suffixes: generation.map { [$0.capitalized + "."] } ?? [])
            let foldedGiven = given.lowercased()
            name.keys = NameKeys(
                given: foldedGiven, surname: surname.lowercased(), givenPhonetic: givenPhonetic,
                surnamePhonetic: surnamePhonetic,
                givenNicknameKeys: nicknameKeys ?? (foldedGiven.isEmpty ? [] : [foldedGiven]), generation: generation)
            contact.name = name
        }
        if let birthday {
            contact.dates.append(DateValue(kind: .birth, date: birthday, raw: birthday.description))
        }
        for (offset, address) in emails.enumerated() {
            var email = EmailValue(raw: address, address: address)
            email.key = emailKeys?[offset] ?? address.lowercased()
            contact.emails.append(email)
        }
        for number in mobiles {
            var phone = PhoneValue(raw: number, meta: FieldMeta(types: ["cell"]))
            phone.e164 = number
            phone.lineType = "mobile"
            contact.phones.append(phone)
        }
        for number in landlines {
            var phone = PhoneValue(raw: number, meta: FieldMeta(types: ["home"]))
            phone.e164 = number
            phone.lineType = "fixed-line"
            contact.phones.append(phone)
        }
        if let street {
            contact.addresses.append(AddressValue(street: street, locality: city, postalCode: postcode))
        }
        if let organization {
            var value = OrganizationValue(name: organization)
            value.key = organization.lowercased()
            contact.organizations.append(value)
        }
        if let profile {
            var link = LinkValue(uri: "https://www.linkedin.com/in/\(profile)")
            link.profileKey = "linkedin:in/\(profile)"
            contact.links.append(link)
        }
        contact.revisionDate = revision
        contact.revision = revision?.description
        return contact
    }

    static func date(_ year: Int?, _ month: Int, _ day: Int) -> PartialDate {
        PartialDate(year: year, month: month, day: day)
    }
}
