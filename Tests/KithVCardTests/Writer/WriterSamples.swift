import KithModel

/// People built by hand from the examples of RFC 6350 and RFC 2426, for the writer tests.
enum WriterSamples {
    static let simonID = "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"

    /// The card of RFC 6350 §8 ("Example: Author's vCard"), as readers map it.
    static var simon: Person {
        var card = Contact(ref: RecordRef(source: 0, index: 0), line: 1)
        card.version = "4.0"
        card.name = NameValue(
            full: "Simon Perreault", given: ["Simon"], surname: ["Perreault"], suffixes: ["ing. jr", "M.Sc."])
        card.dates = [
            DateValue(kind: .birth, date: PartialDate(month: 2, day: 3), raw: "--0203"),
            DateValue(
                kind: .wedding,
                date: PartialDate(year: 2009, month: 8, day: 8, hour: 14, minute: 30, utcOffsetMinutes: -300),
                raw: "20090808T1430-0500"),
        ]
        card.gender = TextValue("M")
        card.organizations = [OrganizationValue(name: "Viagenie", meta: FieldMeta(types: ["work"]))]
        card.addresses = [
            AddressValue(
                extended: "Suite D2-630", street: "2875 Laurier", locality: "Quebec", region: "QC",
                postalCode: "G1V 2M2", country: "Canada", meta: FieldMeta(types: ["work"]))
        ]
        card.phones = [
            PhoneValue(raw: "tel:+1-418-656-9254;ext=102", meta: FieldMeta(types: ["work", "voice"], pref: 1)),
            PhoneValue(raw: "tel:+1-418-262-6501", meta: FieldMeta(types: ["work", "cell", "voice", "video", "text"])),
        ]
        card.emails = [EmailValue(raw: "simon.perreault@viagenie.ca", meta: FieldMeta(types: ["work"]))]
        card.links = [LinkValue(uri: "http://nomis80.org", meta: FieldMeta(types: ["home"]))]
        card.unmapped = [
            RawProperty(name: "LANG", parameters: [Parameter(name: "PREF", values: ["1"])], value: "fr"),
            RawProperty(name: "LANG", parameters: [Parameter(name: "PREF", values: ["2"])], value: "en"),
            RawProperty(
                name: "GEO", parameters: [Parameter(name: "TYPE", values: ["work"])], value: "geo:46.772673,-71.282945"),
            RawProperty(
                name: "KEY",
                parameters: [Parameter(name: "TYPE", values: ["work"]), Parameter(name: "VALUE", values: ["uri"])],
                value: "http://www.viagenie.ca/simon.perreault/simon.asc"),
            RawProperty(name: "TZ", value: "-0500"),
        ]
        return Person(id: simonID, card: card, records: [MemberRecord(ref: card.ref, line: 1, uid: nil)])
    }

    /// A person exercising what 3.0 writes differently: labels, an inline photo, escapes,
    /// non-ASCII text long enough to fold, a related name and an alternate birthday.
    static var frank: Person {
        var card = Contact(ref: RecordRef(source: 0, index: 1), line: 20)
        card.name = NameValue(full: "Frank Dawson, Jr.", given: ["Frank"], surname: ["Dawson"], suffixes: ["Jr."])
        card.nicknames = [TextValue("Frankie")]
        card.emails = [
            EmailValue(raw: "fdawson@earthlink.net", meta: FieldMeta(types: ["internet", "home"], pref: 1)),
            EmailValue(raw: "Frank_Dawson@Lotus.com", meta: FieldMeta(types: ["internet"], label: "Old school")),
        ]
        card.phones = [PhoneValue(raw: "+1-919-676-9515", meta: FieldMeta(types: ["voice", "msg", "work"]))]
        card.addresses = [
            AddressValue(
                street: "6544 Battleford Drive", locality: "Raleigh", region: "NC", postalCode: "27613-3502",
                country: "U.S.A.", formatted: "6544 Battleford Drive\nRaleigh, NC 27613-3502",
                meta: FieldMeta(types: ["work"]))
        ]
        card.organizations = [OrganizationValue(name: "Lotus Development Corporation", units: ["R&D; Kith, Inc."])]
        card.titles = [TextValue("Software Engineer")]
        card.dates = [DateValue(kind: .birth, date: PartialDate(month: 4, day: 15), raw: "1604-04-15")]
        card.notes = [TextValue("Größe; Straße, Köln — 日本語のメモ 🎉 with a comma, a semicolon; and\na second line")]
        card.categories = [TextValue("Friends"), TextValue("Work, Old")]
        card.media = [MediaValue(kind: .photo, mediaType: "image/jpeg", data: [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10])]
        card.related = [RelatedValue(value: "Jane Dawson", relations: ["spouse"])]
        card.links = [
            LinkValue(uri: "http://www.example.com/dir_photos/my_photo.gif", meta: FieldMeta(label: "HomePage"))
        ]
        card.onlineServices = [OnlineServiceValue(service: "xmpp", uri: "xmpp:frank@example.com")]
        let alternates = [
            Alternate(
                path: "anniversaries/a1/date",
                value: .date(
                    DateValue(kind: .birth, date: PartialDate(year: 1970, month: 4, day: 16), raw: "1970-04-16")),
                from: [RecordRef(source: 1, index: 3)], reason: "conflicts with S1#1; kept the first"),
            Alternate(
                path: "emails/e3", value: .email(EmailValue(raw: "frank@old.example")),
                from: [RecordRef(source: 1, index: 3)],
                reason: "other"),
        ]
        return Person(
            id: "urn:uuid:0e7602cc-443e-4b82-b4a1-90f62f99a199", card: card,
            records: [MemberRecord(ref: card.ref, line: 20, uid: "abc")], alternates: alternates)
    }

    /// A group of both samples and one member that did not resolve.
    static var group: PersonGroup {
        var card = Contact(ref: RecordRef(source: 0, index: 2), line: 40, kind: .group)
        card.name = NameValue(full: "Authors")
        return PersonGroup(
            id: "urn:uuid:a4b3b7a3-3c8e-4c7c-9d0c-6c1bd1e3b0f2", card: card,
            memberIDs: [simonID, "urn:uuid:0e7602cc-443e-4b82-b4a1-90f62f99a199"],
            unresolvedMembers: ["urn:uuid:11111111-2222-3333-4444-555555555555"], records: [])
    }
}
