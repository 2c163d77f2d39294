internal import KithModel
internal import KithNormalize

extension RecordFeatures {
    /// Local parts of role mailboxes, read by many people (`info@`, `office@`).
    static let roleLocalParts: Set<String> = [
        "info", "office", "contact", "kontakt", "sales", "support", "admin", "hello", "team",
        "mail", "post", "service", "enquiries", "inquiries", "reception", "billing", "accounts",
        "hr", "jobs", "careers", "press", "marketing", "help", "noreply", "no-reply", "webmaster",
        "buero", "verwaltung", "empfang", "zentrale", "sekretariat", "bureau", "secretariat",
    ]

    /// Extracts the features of `contacts`, in their order.
    ///
    /// Reads the members the normalizer fills (`NameValue.keys`, `EmailValue.key`,
    /// `PhoneValue.e164`, `OrganizationValue.key`, `profileKey`); where a contact was not
    /// normalized, falls back to lower-cased raw forms so that resolution still works.
    ///
    /// Large inputs are split into runs extracted on every core and joined in order; the
    /// result is the same as extracting them one by one.
    ///
    /// - Complexity: O(total size of the contacts' matching values).
    init(contacts: [Contact]) {
        self.init(
            joining: concurrentSlices(count: contacts.count, minimumPerPart: 4096) { range in
                RecordFeatures(run: contacts[range])
            })
        inRegister = contacts.withUnsafeBufferPointer { Self.registerRecords($0) }
    }

    /// Extracts the features of the records in `slots`, as ``init(contacts:)`` does, reading
    /// each record lent out of its slot (reading records out of an array copies each one).
    init(lending slots: RecordSlots) {
        self.init(
            joining: concurrentSlices(count: slots.buffer.count, minimumPerPart: 4096) { range in
                RecordFeatures(run: range, slots)
            })
        inRegister = Self.registerRecords(UnsafeBufferPointer(slots.buffer))
    }

    /// The runs' features, one after another (`concurrentSlices` gives at least one run).
    private init(joining runs: [RecordFeatures]) {
        var runs = runs[...]
        self = runs.popFirst() ?? RecordFeatures()
        for run in runs { append(run) }
    }

    /// The share of a source's records with a phone or an email below which the source is a
    /// register: address books carry channels in most records, registers in none.
    static let registerChannelShare = 0.05

    /// Whether each record's source is register-like (see ``inRegister``).
    static func registerRecords(_ contacts: UnsafeBufferPointer<Contact>) -> [Bool] {
        var totals: [Int32: (records: Int, withChannels: Int)] = [:]
        // By index and field: binding each record would copy it.
        for index in contacts.indices {
            let hasChannel = !contacts[index].phones.isEmpty || !contacts[index].emails.isEmpty
            let source = contacts[index].ref.source
            let previous = totals[source] ?? (0, 0)
            totals[source] = (previous.records + 1, previous.withChannels + (hasChannel ? 1 : 0))
        }
        let registers = Set(
            totals.filter { Double($0.value.withChannels) < registerChannelShare * Double($0.value.records) }.keys)
        return contacts.indices.map { registers.contains(contacts[$0].ref.source) }
    }

    /// Extracts the features of a run of contacts on the calling thread.
    private init(run contacts: ArraySlice<Contact>) {
        self.init()
        reserve(contacts.count)
        for index in contacts.indices { appendRecord(contacts[index]) }
    }

    /// Extracts the features of the records `range` of `slots` on the calling thread.
    private init(run range: Range<Int>, _ slots: RecordSlots) {
        self.init()
        reserve(range.count)
        for index in range { slots.lend(index) { appendRecord($0) } }
    }

    private mutating func reserve(_ n: Int) {
        count = n
        givenFirst.reserveCapacity(n)
        givenSpan.reserveCapacity(n)
        givenPhonetic.reserveCapacity(n)
        givenInitial.reserveCapacity(n)
        givenIsInitial.reserveCapacity(n)
        surname.reserveCapacity(n)
        surnameSpan.reserveCapacity(n)
        surnamePhonetic.reserveCapacity(n)
        surnameInitial.reserveCapacity(n)
        generation.reserveCapacity(n)
        birth.reserveCapacity(n)
        arena.reserveCapacity(n * 24)
    }

    /// Appends the features of one record.
    private mutating func appendRecord(_ contact: Contact) {
        appendName(contact.name)
        appendBirth(contact.dates)
        appendEmails(contact.emails)
        appendPhones(contact.phones)
        appendAddresses(contact.addresses)
        for organization in contact.organizations {
            let key = organization.key ?? NameFolding.fold(organization.name)
            let hash = FeatureHash.of(key)
            if hash != FeatureHash.none { organizations.append(hash) }
        }
        organizations.endRecord()
        for link in contact.links {
            if let key = link.profileKey { profiles.append(FeatureHash.of(key)) }
        }
        for service in contact.onlineServices {
            if let key = service.profileKey { profiles.append(FeatureHash.of(key)) }
        }
        profiles.endRecord()
    }

    private mutating func store(_ text: Substring) -> TextSpan {
        let start = Int32(arena.count)
        arena.append(contentsOf: text.utf8)
        return TextSpan(start: start, count: Int32(arena.count) - start)
    }

    private mutating func store(_ text: String) -> TextSpan { store(text[...]) }

    private mutating func appendName(_ name: NameValue?) {
        var given = ""
        var family = ""
        var givenPhoneticKey = ""
        var familyPhoneticKey = ""
        var nicknameKeys: [String] = []
        var generationText: String?
        if let name {
            if let keys = name.keys {
                given = keys.given
                family = keys.surname
                givenPhoneticKey = keys.givenPhonetic
                familyPhoneticKey = keys.surnamePhonetic
                nicknameKeys = keys.givenNicknameKeys
                generationText = keys.generation
            } else {
                given = NameFolding.fold(name.given.joined(separator: " "))
                family = NameFolding.fold(name.surname.joined(separator: " "))
                generationText = name.suffixes.first
            }
        }
        let first = given.split(separator: " ", maxSplits: 1).first ?? ""
        let firstSpan = store(first)
        givenSpan.append(firstSpan)
        givenFullSpan.append(given.contains(" ") ? store(given) : firstSpan)
        givenFirst.append(FeatureHash.of(bytes: first.utf8))
        givenPhonetic.append(FeatureHash.of(givenPhoneticKey))
        givenInitial.append(first.utf8.first ?? 0)
        let fullForm = nicknameKeys.filter { $0 != String(first) }.max() ?? String(first)
        givenCanonicalInitial.append(fullForm.utf8.first ?? 0)
        givenIsInitial.append(first.utf8.count == 1)
        surnameSpan.append(store(family))
        surname.append(FeatureHash.of(family))
        surnamePhonetic.append(FeatureHash.of(familyPhoneticKey))
        surnameInitial.append(family.utf8.first ?? 0)
        generation.append(Generation.code(generationText))
        for key in nicknameKeys {
            let hash = FeatureHash.of(key)
            if hash != FeatureHash.none { nicknames.append(hash) }
        }
        nicknames.endRecord()
    }

    private mutating func appendBirth(_ dates: [DateValue]) {
        for value in dates where value.kind == .birth {
            if let date = value.date, date.month != nil || date.year != nil {
                birth.append(
                    BirthDate.pack(PartialDateParts(year: date.year ?? 0, month: date.month ?? 0, day: date.day ?? 0)))
                return
            }
        }
        birth.append(0)
    }

    /// The emails, and the phones, of a record compared with another's: the first this many.
    /// Comparing two records' lists takes the product of their lengths, and five cards that
    /// each carried the same 10,000 numbers took minutes; no person has this many, and every
    /// value is still kept and merged.
    static let maxChannels = 64

    private mutating func appendEmails(_ values: [EmailValue]) {
        var kept = 0
        for value in values where kept < Self.maxChannels {
            let address = value.address.lowercased()
            guard !address.isEmpty else { continue }
            let key = value.key ?? address
            let local = address.split(separator: "@", maxSplits: 1).first.map(String.init) ?? ""
            emails.append(
                EmailFeature(
                    key: FeatureHash.of(key), address: FeatureHash.of(address),
                    isRole: Self.roleLocalParts.contains(local)))
            kept += 1
        }
        emails.endRecord()
    }

    /// Line types that belong to a place or an organization, whatever the label says.
    private static let sharedLineTypes: Set<String> = [
        "fixed-line", "toll-free", "premium-rate", "shared-cost", "uan", "voicemail",
    ]

    /// Whether a number is one person's line (a mobile, a pager, a personal number) rather than
    /// a household's or an office's. The numbering plan decides where it says so; where it
    /// cannot (North America has one range for both, `fixed-line-or-mobile`), or the number did
    /// not parse, or its type is personal-ish (VoIP), a Mobile label decides.
    static func isPersonalLine(_ value: PhoneValue) -> Bool {
        switch value.lineType {
        case "mobile", "pager", "personal-number": return true
        case let type? where sharedLineTypes.contains(type): return false
        default: return value.meta.has("cell") || value.meta.has("mobile")
        }
    }

    private mutating func appendPhones(_ values: [PhoneValue]) {
        var kept = 0
        for value in values where kept < Self.maxChannels {
            var digits: [UInt8] = []
            for byte in (value.e164 ?? value.raw).utf8 where byte >= 0x30 && byte <= 0x39 { digits.append(byte) }
            guard digits.count >= 3 else { continue }
            let number = value.e164.map { FeatureHash.of($0) } ?? FeatureHash.of(bytes: digits)
            let national = digits.count >= 9 ? FeatureHash.of(bytes: digits.suffix(9)) : FeatureHash.none
            let short = digits.count >= 7 ? FeatureHash.of(bytes: digits.suffix(7)) : FeatureHash.none
            let isMobile = Self.isPersonalLine(value)
            phones.append(PhoneFeature(number: number, national: national, short: short, isMobile: isMobile))
            kept += 1
        }
        phones.endRecord()
    }

    private mutating func appendAddresses(_ values: [AddressValue]) {
        for value in values {
            let street = NameFolding.fold(value.street)
            let locality = NameFolding.fold(value.locality)
            let postal = NameFolding.fold(value.postalCode).filter { $0 != " " }
            let region = NameFolding.fold(value.region)
            guard !(street.isEmpty && locality.isEmpty && postal.isEmpty) else { continue }
            addresses.append(
                AddressFeature(
                    street: FeatureHash.of(street), streetSpan: store(street),
                    locality: FeatureHash.of(locality), localitySpan: store(locality),
                    postalCode: FeatureHash.of(postal), postalSpan: store(postal),
                    region: FeatureHash.of(region)))
        }
        addresses.endRecord()
    }
}
