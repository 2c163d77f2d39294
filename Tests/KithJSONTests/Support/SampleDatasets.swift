import KithModel
import KithTestSupport

/// Hand-made datasets for the writer, reader and schema tests.
enum SampleDatasets {
    static let personID = "urn:uuid:6f1c2d3e-4a5b-8c6d-9e7f-0123456789ab"
    static let groupID = "urn:uuid:0a1b2c3d-4e5f-8a6b-9c7d-0e1f2a3b4c5d"
    static let sha = String(repeating: "ab", count: 32)

    /// The small dataset whose exact bytes `DatasetWriterTests` states by hand.
    static func handChecked() -> Dataset {
        let s1r0 = RecordRef(source: 0, index: 0)
        let from = [s1r0]
        var contact = Contact(ref: s1r0, line: 1)
        contact.version = "3.0"
        contact.name = NameValue(
            full: "Günter Groß", given: ["Günter"], surname: ["Groß"], raw: "Groß;Günter;;;",
            meta: FieldMeta(line: 3, from: from))
        contact.emails = [
            EmailValue(raw: "gunter@example.de", meta: FieldMeta(types: ["internet", "work"], line: 4, from: from))
        ]
        var phone = PhoneValue(raw: "030 123456", meta: FieldMeta(types: ["cell"], line: 5, from: from))
        phone.e164 = "+4930123456"
        phone.region = "DE"
        phone.regionRule = "record-address"
        contact.phones = [phone]
        contact.dates = [
            DateValue(
                kind: .birth, date: PartialDate(month: 4, day: 15), raw: "--0415", meta: FieldMeta(line: 6, from: from))
        ]
        contact.notes = [TextValue("Said \"hi\"\nthen left\u{1}", meta: FieldMeta(line: 7, from: from))]
        let alternate = Alternate(
            path: "anniversaries/a1",
            value: .date(
                DateValue(
                    kind: .birth, date: PartialDate(year: 1604, month: 4, day: 15), raw: "1604-04-15",
                    rule: "placeholder-year-1604")),
            from: [RecordRef(source: 0, index: 2)],
            reason: "conflicts with S1#0; kept the value without the placeholder year")
        let match = MatchExplanation(
            confidence: 0.997,
            pairs: [
                MatchPair(
                    a: s1r0, b: RecordRef(source: 0, index: 2), weight: 14.2,
                    evidence: [
                        MatchEvidence(field: "email", level: "exact", weight: 9.1),
                        MatchEvidence(field: "name", level: "different", weight: -3.4),
                    ])
            ])
        let person = Person(
            id: personID, card: contact,
            records: [
                MemberRecord(ref: s1r0, line: 1, uid: nil),
                MemberRecord(ref: RecordRef(source: 0, index: 2), line: 12, uid: "abc-1"),
            ],
            alternates: [alternate], match: match)
        var groupCard = Contact(ref: RecordRef(source: 0, index: 1), line: 9, kind: .group)
        groupCard.name = NameValue(full: "Friends")
        let group = PersonGroup(
            id: groupID, card: groupCard, memberIDs: [personID], unresolvedMembers: [],
            records: [MemberRecord(ref: RecordRef(source: 0, index: 1), line: 9, uid: nil)])
        let diagnostic = Diagnostic(
            source: 0, line: 8, record: 0, severity: .warning, code: "vcard.qp.invalid-escape",
            message: "bad escape \"=ZZ\"")
        return Dataset(
            generator: "kith 0.1.0", generatedAt: "2026-11-27T10:00:00Z",
            sources: [
                SourceInfo(
                    number: 0, path: "exports/phone.vcf", format: "vcard", flavor: "vcard-3.0/apple", encoding: "utf-8",
                    sha256: sha, records: 3)
            ],
            people: [person], groups: [group], diagnostics: [diagnostic])
    }

    /// A contact with every field of `Contact` set, several of them in more than one way.
    static func everyField(source: Int = 0, index: Int = 0) -> Contact {
        let ref = RecordRef(source: source, index: index)
        let from = [ref]
        func meta(_ line: Int, _ types: [String] = [], label: String? = nil, pref: Int? = nil) -> FieldMeta {
            FieldMeta(types: types, label: label, pref: pref, line: line, from: from)
        }
        var contact = Contact(ref: ref, line: 10)
        contact.version = "4.0"
        contact.kind = .individual
        var name = NameValue(
            full: "Dr. Maria José de la Cruz Jr.", given: ["Maria"], surname: ["de la Cruz", "Smith"],
            additional: ["José"],
            prefixes: ["Dr."], suffixes: ["Jr.", "PhD"], raw: "de la Cruz,Smith;Maria;José;Dr.;Jr.,PhD",
            meta: FieldMeta(
                line: 11, language: "es", altID: "1", parameters: [Parameter(name: "X-FOO", values: ["bar"])],
                from: from))
        name.phoneticGiven = "ma-ri-a"
        name.phoneticSurname = "de la kruth"
        name.sortAs = "Cruz, Maria"
        name.componentsRule = "name-from-display"
        name.keys = NameKeys(
            given: "maria", surname: "de la cruz smith", additional: "jose", givenPhonetic: "MR",
            surnamePhonetic: "TLKR",
            givenNicknameKeys: ["maria", "mary"], generation: "jr")
        contact.name = name
        contact.nicknames = [TextValue("Mari", meta: meta(12, ["home"], pref: 1))]
        var email = EmailValue(
            raw: "Maria <Maria@Example.COM>", address: "Maria@example.com",
            meta: meta(13, ["internet", "work", "pref"], label: "Office", pref: 1))
        email.key = "maria@example.com"
        email.meta.group = "item1"
        contact.emails = [email, EmailValue(raw: "mj@home.example", meta: meta(14, ["home"]))]
        var mobile = PhoneValue(
            raw: "(650) 253-0000 x12", meta: meta(15, ["cell", "voice", "home", "x-custom"], pref: 2))
        mobile.e164 = "+16502530000"
        mobile.extension = "12"
        mobile.region = "US"
        mobile.regionRule = "record-address"
        mobile.lineType = "mobile"
        var internalCode = PhoneValue(raw: "**41", meta: meta(16, ["fax", "work", "main"], label: "Fritz!Box"))
        internalCode.unnormalized = "internal"
        contact.phones = [mobile, internalCode]
        var address = AddressValue(
            poBox: "PO 7", extended: "Apt 4", street: "1 Main St", locality: "Springfield", region: "IL",
            postalCode: "62701",
            country: "USA", formatted: "1 Main St\nApt 4\nSpringfield IL 62701",
            raw: "PO 7;Apt 4;1 Main St;Springfield;IL;62701;USA",
            meta: meta(17, ["home", "postal"]))
        address.countryCode = "us"
        address.geo = "geo:39.78,-89.65"
        address.timeZone = "America/Chicago"
        var workAddress = AddressValue(
            street: "Unter den Linden 1", locality: "Berlin", country: "Deutschland", meta: meta(18, ["work"]))
        workAddress.countryCode = "Germany"
        contact.addresses = [address, workAddress]
        var inferred = OrganizationValue(name: "Example", meta: meta(0))
        inferred.inferredBy = "organization-from-email-domain"
        inferred.key = "example"
        contact.organizations = [
            OrganizationValue(name: "ACME Corp.", units: ["Research", "Labs"], meta: meta(19, ["work"])), inferred,
        ]
        contact.titles = [TextValue("Chief Scientist", meta: meta(20))]
        contact.roles = [TextValue("Team lead", meta: meta(21))]
        contact.dates = [
            DateValue(kind: .birth, date: PartialDate(year: 1980, month: 4, day: 15), raw: "19800415", meta: meta(22)),
            DateValue(
                kind: .wedding,
                date: PartialDate(
                    year: 2005, month: 6, day: 1, hour: 23, minute: 30, second: 0, utcOffsetMinutes: -300),
                raw: "2005-06-01T23:30:00-05:00", meta: meta(23)),
            DateValue(kind: .death, date: PartialDate(year: 2060), raw: "2060", meta: meta(24)),
            DateValue(kind: .birth, date: nil, raw: "April 15th", rule: "unreadable-date", meta: meta(25)),
            DateValue(
                kind: .other, date: PartialDate(month: 12, day: 24), raw: "--1224",
                meta: meta(26, [], label: "Name day")),
            DateValue(
                kind: .birth, date: PartialDate(year: 1604, month: 4, day: 15, hour: 10, minute: 0, second: 0),
                raw: "1604-04-15T10:00:00", rule: "placeholder-year-1604", meta: meta(27)),
        ]
        // Written without a scheme in the source; normalized to a URI.
        var link = LinkValue(
            uri: "http://www.linkedin.com/in/mjdlc", raw: "www.linkedin.com/in/mjdlc",
            meta: meta(28, ["work"], label: "LinkedIn"))
        link.profileKey = "linkedin:in/mjdlc"
        contact.links = [link]
        var skype = OnlineServiceValue(
            service: "skype", uri: "skype:maria.cruz", user: "maria.cruz", meta: meta(29, ["home"]))
        skype.profileKey = "skype:maria.cruz"
        contact.onlineServices = [
            skype, OnlineServiceValue(service: nil, uri: "xmpp:mj@jabber.example", meta: meta(30)),
        ]
        contact.notes = [TextValue("Line one\r\nLine two \"quoted\" \\ backslash \u{2028} sep\u{7}", meta: meta(31))]
        contact.categories = [
            TextValue("Friends", meta: meta(32)), TextValue("a/b~c", meta: meta(32)),
            TextValue("Friends", meta: meta(33)),
        ]
        contact.media = [
            MediaValue(
                kind: .photo, mediaType: "image/png", data: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00],
                sha256: ContentHash.sha256Hex([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]), meta: meta(34)),
            MediaValue(kind: .logo, uri: "https://example.com/logo.svg", meta: meta(35)),
            MediaValue(kind: .sound, data: [1, 2], meta: meta(36)),
        ]
        contact.related = [
            RelatedValue(
                value: "urn:uuid:11111111-2222-8333-9444-555555555555", isURI: true, relations: ["spouse"],
                meta: meta(37)),
            RelatedValue(value: "Pedro", relations: ["child", "kin"], meta: meta(38, [], label: "son")),
            RelatedValue(value: "Pedro", relations: [], meta: meta(39)),
        ]
        contact.gender = TextValue("F;woman", meta: meta(40))
        contact.members = [TextValue("urn:uuid:99999999-2222-8333-9444-555555555555", meta: meta(41))]
        contact.uid = "urn:uuid:maria-1"
        contact.revision = "20261127T100000Z"
        contact.revisionDate = PartialDate(
            year: 2026, month: 11, day: 27, hour: 10, minute: 0, second: 0, utcOffsetMinutes: 0)
        contact.producer = "-//Apple Inc.//iPhone OS 17.0//EN"
        contact.unmapped = [
            RawProperty(
                name: "X-ABSHOWAS", group: "item2",
                parameters: [Parameter(name: "TYPE", values: ["a", "b"]), Parameter(name: "X-EMPTY", values: [])],
                valueType: "text", value: "COMPANY", line: 42),
            RawProperty(name: "X-CSV-Custom Field", value: "v", line: 0),
        ]
        return contact
    }

    /// A dataset built from `everyField` contacts, with a group whose own members go to vCardProps.
    static func fullCoverage() -> Dataset {
        let first = Person.singleton(everyField())
        var second = Person.singleton(everyField(source: 1, index: 3))
        second.id = "urn:uuid:00000000-0000-8000-8000-000000000002"
        second.card.kind = .org
        second.aliases = ["urn:uuid:00000000-0000-8000-8000-000000000009"]
        second.alternates = [
            Alternate(
                path: "name", value: .name(NameValue(full: "M. Cruz", meta: FieldMeta(line: 5))),
                from: [RecordRef(source: 1, index: 3)], reason: "shorter"),
            Alternate(
                path: "gender", value: .text(TextValue("M")), from: [RecordRef(source: 1, index: 3)], reason: "conflict"
            ),
            Alternate(path: "emails/e1", value: .email(EmailValue(raw: "x@y.z")), from: [], reason: "r"),
            Alternate(path: "phones/p1", value: .phone(PhoneValue(raw: "+1 650")), from: [], reason: "r"),
            Alternate(
                path: "addresses/ad1", value: .address(AddressValue(locality: "Paris", country: "France")), from: [],
                reason: "r"),
            Alternate(
                path: "organizations/o1", value: .organization(OrganizationValue(name: "Org", units: ["U"])), from: [],
                reason: "r"),
            Alternate(path: "links/l1", value: .link(LinkValue(uri: "https://a.example")), from: [], reason: "r"),
            Alternate(
                path: "onlineServices/s1", value: .onlineService(OnlineServiceValue(service: "icq", user: "123")),
                from: [], reason: "r"),
            Alternate(
                path: "media/m1", value: .media(MediaValue(kind: .photo, mediaType: "image/jpeg", data: [0xFF, 0xD8])),
                from: [], reason: "r"),
            Alternate(
                path: "relatedTo/x", value: .related(RelatedValue(value: "x", isURI: true, relations: ["friend"])),
                from: [], reason: "r"),
            Alternate(
                path: "anniversaries/a9", value: .date(DateValue(kind: .other, date: nil, raw: "someday")), from: [],
                reason: "r"),
        ]
        second.match = MatchExplanation(
            confidence: 1,
            pairs: [
                MatchPair(
                    a: RecordRef(source: 0, index: 0), b: RecordRef(source: 1, index: 3), weight: 1e-05, evidence: [])
            ])
        var groupCard = Contact(ref: RecordRef(source: 1, index: 4), line: 50, kind: .group)
        groupCard.name = NameValue(full: "Family", meta: FieldMeta(line: 51, from: [RecordRef(source: 1, index: 4)]))
        groupCard.members = [
            TextValue("urn:uuid:maria-1", meta: FieldMeta(line: 52)),
            TextValue("mailto:unknown@example.com", meta: FieldMeta(line: 53)),
        ]
        groupCard.categories = [TextValue("Family")]
        let group = PersonGroup(
            id: "urn:uuid:00000000-0000-8000-8000-000000000003", card: groupCard, memberIDs: [first.id],
            unresolvedMembers: ["mailto:unknown@example.com"],
            records: [MemberRecord(ref: RecordRef(source: 1, index: 4), line: 50, uid: "group-uid")])
        return Dataset(
            generator: "kith 0.1.0", generatedAt: "2026-11-27T10:00:00Z",
            sources: [
                SourceInfo(
                    number: 0, path: "a.vcf", format: "vcard", flavor: "vcard-4.0", encoding: "utf-8", sha256: sha,
                    records: 1),
                SourceInfo(
                    number: 1, path: "b/c.csv", format: "csv", flavor: "csv/google", encoding: "windows-1252",
                    sha256: sha, records: 5),
            ],
            people: [first, second], groups: [group],
            diagnostics: [
                Diagnostic(
                    source: 1, line: 0, record: 2, severity: .error, code: "csv.row.too-many-fields",
                    message: "row has 12 fields"),
                Diagnostic(line: 0, severity: .info, code: "resolve.note", message: "no source"),
            ])
    }
}
