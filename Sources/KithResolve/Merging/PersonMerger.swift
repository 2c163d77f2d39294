internal import KithModel
internal import KithNormalize

/// Merges the records of one cluster into a `Person`.
///
/// Multi-valued fields are unioned by normalized value (email key, E.164 number, folded
/// address, organization key, profile, text): one value per key, keeping every type word,
/// label and source record, and the richest raw form. Single-valued fields (name, birthday,
/// gender) are chosen by a stated policy, in this order:
///
/// 1. the more complete value (more components: a birthday with a year beats one without);
/// 2. the value from the more recently revised record (`REV`, `mod_time`);
/// 3. the value given by more records;
/// 4. the value of the record that comes first in canonical order.
///
/// Every value that loses is kept in `alternates` with the records it came from and the rule
/// that decided. Every value in the card names its records in `meta.from`.
struct PersonMerger {
    /// Builds the person of `members` (indices into `contacts`, in canonical order), copying
    /// their records.
    ///
    /// - Complexity: O(total values of the members).
    func merge(_ members: [Int], of contacts: [Contact], id: String, match: MatchExplanation?) -> Person {
        merge(taking: members.map { contacts[$0] }, id: id, match: match)
    }

    /// Builds the person of `records` (one cluster's records, in canonical order), taking them:
    /// a lone record becomes the card itself, without a copy.
    ///
    /// - Complexity: O(total values of the records).
    func merge(taking records: consuming [Contact], id: String, match: MatchExplanation?) -> Person {
        if records.count == 1, let record = records.popLast() { return Self.single(record, id: id) }
        let refs = records.indices.map { records[$0].ref }
        var card = Contact(ref: refs.min() ?? RecordRef(source: 0, index: 0), kind: Self.kind(records))
        card.uid = id
        var alternates: [Alternate] = []

        // The rare fields are read once, through a record lent in place: their getters (of
        // another module) called on an array element, or on a buffer's, copy the whole record.
        var revisions: [PartialDate?] = []
        var genderValues: [TextValue?] = []
        revisions.reserveCapacity(records.count)
        genderValues.reserveCapacity(records.count)
        for index in records.indices {
            let (revision, gender) = Self.rareFields(of: &records[index])
            revisions.append(revision)
            genderValues.append(gender)
        }

        // Single-valued fields.
        var names = SingleValueChoice<NameValue>(path: "name")
        var genders = SingleValueChoice<TextValue>(path: "gender")
        var births = SingleValueChoice<DateValue>(path: "anniversaries/birth")
        for index in records.indices {
            let revision = revisions[index]
            // Moved out of the record (which is taken, and whose name is not read again).
            if let name = records[index].name.take(), !name.isEmpty {
                names.add(
                    name, key: Self.nameKey(name), completeness: Self.completeness(name), revision: revision,
                    from: records[index].ref)
            }
            if let gender = genderValues[index], !gender.value.isEmpty {
                genders.add(
                    gender, key: gender.value.lowercased(), completeness: 1, revision: revision,
                    from: records[index].ref)
            }
            for date in records[index].dates where date.kind == .birth {
                let parts = date.date.map { [$0.year, $0.month, $0.day].compactMap { $0 }.count } ?? 0
                births.add(
                    date, key: date.date?.description ?? date.raw, completeness: parts, revision: revision,
                    from: records[index].ref)
            }
        }
        if let (name, lost) = names.choose(meta: \.meta) {
            card.name = name
            alternates += lost.map { Alternate(path: "name", value: .name($0.value), from: $0.from, reason: $0.reason) }
        }
        if let (gender, lost) = genders.choose(meta: \.meta) {
            card.gender = gender
            alternates += lost.map {
                Alternate(path: "gender", value: .text($0.value), from: $0.from, reason: $0.reason)
            }
        }
        if let (birth, lost) = births.choose(meta: \.meta) {
            card.dates.append(birth)
            alternates += lost.map {
                Alternate(path: "anniversaries/birth/date", value: .date($0.value), from: $0.from, reason: $0.reason)
            }
        }

        // Multi-valued fields.
        var emails = ValueUnion<EmailValue> { $0.raw.utf8.count }
        var phones = ValueUnion<PhoneValue> { $0.raw.utf8.count }
        var addresses = ValueUnion<AddressValue> { Self.addressRichness($0) }
        var organizations = ValueUnion<OrganizationValue> { $0.name.utf8.count + $0.units.count * 100 }
        var dates = ValueUnion<DateValue> { $0.raw.utf8.count }
        var links = ValueUnion<LinkValue> { $0.uri.utf8.count }
        var services = ValueUnion<OnlineServiceValue> { ($0.uri ?? $0.user ?? "").utf8.count }
        var media = ValueUnion<MediaValue> { $0.data?.count ?? 0 }
        var related = ValueUnion<RelatedValue> { $0.value.utf8.count }
        // The text fields by name (a key path read or compared per value is slow).
        var nicknames = ValueUnion<TextValue> { $0.value.utf8.count }
        var titles = ValueUnion<TextValue> { $0.value.utf8.count }
        var roles = ValueUnion<TextValue> { $0.value.utf8.count }
        var notes = ValueUnion<TextValue> { $0.value.utf8.count }
        var categories = ValueUnion<TextValue> { $0.value.utf8.count }
        var members = ValueUnion<TextValue> { $0.value.utf8.count }
        var unmapped: [RawProperty] = []
        var unmappedSeen = Set<RawProperty>()

        // The multi-valued fields are moved out of the records (which are taken) into the unions:
        // each value changes hands without being copied.
        for index in records.indices {
            let ref = records[index].ref
            Self.drain(&records[index].emails) { value in
                let key = value.key ?? value.address.lowercasedIfNeeded()
                emails.add(value, key: key, from: ref)
            }
            Self.drain(&records[index].phones) { value in
                let key = Self.phoneKey(value)
                phones.add(value, key: key, from: ref)
            }
            Self.drain(&records[index].addresses) { value in
                let key = Self.addressKey(value)
                addresses.add(value, key: key, from: ref)
            }
            Self.drain(&records[index].organizations) { value in
                let key =
                    (value.key ?? NameFolding.fold(value.name)) + "|"
                    + value.units.map(NameFolding.fold).joined(separator: "|")
                organizations.add(value, key: key, from: ref)
            }
            Self.drain(&records[index].dates) { value in
                guard value.kind != .birth else { return }
                let key = "\(value.kind.rawValue):\(value.date?.description ?? value.raw)"
                dates.add(value, key: key, from: ref)
            }
            Self.drain(&records[index].links) { value in
                let key = value.profileKey ?? value.uri.lowercasedIfNeeded()
                links.add(value, key: key, from: ref)
            }
            Self.drain(&records[index].onlineServices) { value in
                let key =
                    value.profileKey ?? value.uri?.lowercasedIfNeeded() ?? "\(value.service ?? ""):\(value.user ?? "")"
                services.add(value, key: key, from: ref)
            }
            Self.drain(&records[index].media) { value in
                let key = value.sha256 ?? value.uri ?? "\(value.kind.rawValue):\(value.data?.count ?? 0)"
                media.add(value, key: key, from: ref)
            }
            Self.drain(&records[index].related) { value in
                let key = NameFolding.fold(value.value) + "|" + value.relations.joined(separator: ",")
                related.add(value, key: key, from: ref)
            }
            Self.drainTexts(&records[index].nicknames, into: &nicknames, folding: true, from: ref)
            Self.drainTexts(&records[index].titles, into: &titles, folding: true, from: ref)
            Self.drainTexts(&records[index].roles, into: &roles, folding: true, from: ref)
            Self.drainTexts(&records[index].notes, into: &notes, folding: false, from: ref)
            Self.drainTexts(&records[index].categories, into: &categories, folding: true, from: ref)
            Self.drainTexts(&records[index].members, into: &members, folding: true, from: ref)
            for property in records[index].unmapped where unmappedSeen.insert(property).inserted {
                unmapped.append(property)
            }
        }
        card.emails = emails.result
        card.phones = phones.result
        card.addresses = addresses.result
        card.organizations = organizations.result
        card.dates += dates.result
        card.links = links.result
        card.onlineServices = services.result
        card.media = media.result
        card.related = related.result
        card.nicknames = nicknames.result
        card.titles = titles.result
        card.roles = roles.result
        card.notes = notes.result
        card.categories = categories.result
        card.members = members.result
        card.unmapped = unmapped
        // The most recently revised record (the smallest reference among equals).
        var newest: Int?
        for index in records.indices {
            guard let date = revisions[index] else { continue }
            if let best = newest, let bestDate = revisions[best] {
                if date > bestDate || (date == bestDate && records[index].ref < records[best].ref) { newest = index }
            } else {
                newest = index
            }
        }
        if let newest {
            card.revision = Self.revision(of: &records[newest])
            card.revisionDate = revisions[newest]
        }

        let memberRecords = records.map { MemberRecord(ref: $0.ref, line: $0.line, uid: $0.uid) }.sorted {
            $0.ref < $1.ref
        }
        return Person(id: id, card: card, records: memberRecords, alternates: alternates, match: match)
    }

    /// The person of one record: the record itself as the card, every value stamped with it
    /// (what ``merge(_:of:id:match:)`` gives for one member).
    ///
    /// - Parameters:
    ///   - contact: the record; taken, so that its values are stamped in place when it is the
    ///     only copy.
    ///   - id: the person id, also the card's `uid`.
    ///   - fingerprint: the record's fingerprint, for its `records` entry.
    /// - Complexity: O(number of values of the record).
    static func single(_ contact: consuming Contact, id: String, fingerprint: String? = nil) -> Person {
        stamp(&contact)
        var person = Person(id: id, card: Contact(ref: contact.ref), records: [], alternates: [], match: nil)
        make(&person, ofStamped: &contact, id: id, fingerprint: fingerprint)
        return person
    }

    /// ``single(_:id:fingerprint:)`` made in place, for a record already stamped with
    /// ``stamp(_:)``: `person` (blank) takes the record, and `contact` is left with the person's
    /// former card.
    static func make(_ person: inout Person, ofStamped contact: inout Contact, id: String, fingerprint: String?) {
        person.records = [
            MemberRecord(ref: contact.ref, line: contact.line, uid: contact.uid, fingerprint: fingerprint)
        ]
        contact.uid = id
        person.id = id
        swap(&person.card, &contact)
    }

    /// Sets `meta.from` of every value of a single record.
    static func stamp(_ contact: inout Contact) {
        let from = [contact.ref]
        contact.name?.meta.from = from
        contact.gender?.meta.from = from
        for i in contact.emails.indices { contact.emails[i].meta.from = from }
        for i in contact.phones.indices { contact.phones[i].meta.from = from }
        for i in contact.addresses.indices { contact.addresses[i].meta.from = from }
        for i in contact.organizations.indices { contact.organizations[i].meta.from = from }
        for i in contact.dates.indices { contact.dates[i].meta.from = from }
        for i in contact.links.indices { contact.links[i].meta.from = from }
        for i in contact.onlineServices.indices { contact.onlineServices[i].meta.from = from }
        for i in contact.media.indices { contact.media[i].meta.from = from }
        for i in contact.related.indices { contact.related[i].meta.from = from }
        for i in contact.nicknames.indices { contact.nicknames[i].meta.from = from }
        for i in contact.titles.indices { contact.titles[i].meta.from = from }
        for i in contact.roles.indices { contact.roles[i].meta.from = from }
        for i in contact.notes.indices { contact.notes[i].meta.from = from }
        for i in contact.categories.indices { contact.categories[i].meta.from = from }
        for i in contact.members.indices { contact.members[i].meta.from = from }
    }

    /// Hands the values of `values` to `body`, first to last, moving each out (`values` is left
    /// empty).
    private static func drain<Value>(_ values: inout [Value], _ body: (consuming Value) -> Void) {
        var taken: [Value] = []
        swap(&taken, &values)
        taken.reverse()
        while let value = taken.popLast() { body(value) }
    }

    /// Moves the texts of one field into its union, by their folded form (`folding`; notes are
    /// kept apart only by their exact text), or their text when that folds to nothing.
    private static func drainTexts(
        _ values: inout [TextValue], into union: inout ValueUnion<TextValue>, folding: Bool, from ref: RecordRef
    ) {
        guard !values.isEmpty else { return }
        drain(&values) { value in
            let folded = folding ? NameFolding.fold(value.value) : value.value
            let key = folded.isEmpty ? value.value : folded
            union.add(value, key: key, from: ref)
        }
    }

    /// A record's revision date and gender, read where it lies (`inout` only for that).
    private static func rareFields(of record: inout Contact) -> (PartialDate?, TextValue?) {
        (record.revisionDate, record.gender)
    }

    /// A record's revision as written, read where it lies.
    private static func revision(of record: inout Contact) -> String? {
        record.revision
    }

    private static func kind(_ records: [Contact]) -> Contact.Kind {
        if records.indices.contains(where: { records[$0].kind == .individual }) { return .individual }
        return records.first?.kind ?? .individual
    }

    static func nameKey(_ name: NameValue) -> String {
        if let keys = name.keys {
            return
                "\(keys.given)|\(keys.additional)|\(keys.surname)|\(keys.generation ?? "")|\(name.prefixes.joined(separator: " ").lowercased())"
        }
        let parts = [name.given, name.additional, name.surname, name.prefixes, name.suffixes].map {
            NameFolding.fold($0.joined(separator: " "))
        }
        let joined = parts.joined(separator: "|")
        return joined.count > 4 ? joined : "full:" + NameFolding.fold(name.full ?? "")
    }

    static func completeness(_ name: NameValue) -> Int {
        // Counted in place: no list of the parts is made.
        func filled(_ part: [String]) -> Int { part.reduce(0) { $0 + ($1.isEmpty ? 0 : 2) } }
        var score =
            filled(name.given) + filled(name.surname) + filled(name.additional) + filled(name.prefixes)
            + filled(name.suffixes)
        // Longer components (a full given name beats an initial) count too.
        score += name.given.first.map { $0.count > 2 ? 1 : 0 } ?? 0
        if let full = name.full, !full.isEmpty { score += 1 }
        if name.phoneticGiven != nil || name.phoneticSurname != nil { score += 1 }
        return score
    }

    /// The union key of a phone number: its E.164 form (with `;ext=` and the extension when it
    /// has one), else its digits, else its text.
    static func phoneKey(_ value: PhoneValue) -> String {
        if let e164 = value.e164 {
            if e164.isEmpty { return value.raw }
            // No new text for a number without an extension (the usual case).
            guard let ext = value.extension, !ext.isEmpty else { return e164 }
            return e164 + ";ext=" + ext
        }
        let digits = String(
            decoding: value.raw.utf8.filter { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2A || $0 == 0x23 }, as: UTF8.self)
        return digits.isEmpty ? value.raw : digits
    }

    private static func addressKey(_ value: AddressValue) -> String {
        let country = value.countryCode?.lowercased() ?? NameFolding.fold(value.country)
        // Joined in place: no list of the folded parts is made.
        var key = NameFolding.fold(value.poBox)
        func append(_ part: String) {
            key += "|"
            key += part
        }
        append(NameFolding.fold(value.extended))
        append(NameFolding.fold(value.street))
        append(NameFolding.fold(value.locality))
        append(NameFolding.fold(value.region))
        append(NameFolding.fold(value.postalCode))
        append(country)
        return key.count > 6 ? key : "formatted:" + NameFolding.fold(value.formatted ?? "")
    }

    private static func addressRichness(_ value: AddressValue) -> Int {
        [value.poBox, value.extended, value.street, value.locality, value.region, value.postalCode, value.country]
            .filter { !$0.isEmpty }.count * 1000 + (value.formatted?.utf8.count ?? 0)
    }
}
