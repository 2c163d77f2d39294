internal import KithNormalize

/// The outcome of comparing two records: a level per field, and where the values that agreed
/// exactly are (for term-frequency adjustment).
struct PairComparison: Sendable {
    var vector = ComparisonVector()
    /// The record the agreeing values were read from (the first of the pair), and the
    /// positions of its agreeing email and phone among all records' values: where their
    /// frequencies are looked up.
    var record: Int32 = 0
    var emailSlot: Int32 = -1
    var phoneSlot: Int32 = -1
    /// Whether the names agreed only with given name and surname swapped.
    var swapped = false
    /// Whether both records carry mobile numbers and none is shared.
    var mobilesDiffer = false

    /// Whether a personal identifier agrees: birthday, a personal email, a mobile, a profile.
    var personalAgrees: Bool {
        vector[.birthday] == 1 || vector[.birthday] == 3 || channelAgrees
    }

    /// Whether one of the records' own channels agrees: a personal email, a mobile, a profile.
    var channelAgrees: Bool {
        let v = vector
        return v[.email] == 1 || v[.email] == 2 || v[.phone] == 1 || v[.profile] == 1
    }

    /// Whether the records' own identifiers disagree: emails, mobiles or profiles all differ.
    var personalDiffers: Bool {
        let v = vector
        return v[.email] == MatchField.email.differentLevel || mobilesDiffer
            || v[.profile] == MatchField.profile.differentLevel
    }
}

/// Why two records may never be in the same person, whatever else agrees.
enum Veto: String, Sendable, CaseIterable {
    /// `Jr.` against `Sr.`, `II` against `III`.
    case generation = "generation-conflict"
    /// Two full birth dates that differ by more than a typo.
    case birthday = "birthday-conflict"
    /// Given names that differ and are neither nicknames, typos nor initials of each other.
    case givenName = "given-name-conflict"
    /// The records disagree on so much that they weigh strongly against one person (used
    /// only by the clustering guard, for records that were not compared directly).
    case disagreement = "disagreement"

    /// The sentence used in explanations and review files.
    var reason: String {
        switch self {
        case .generation: "generational suffixes differ (Jr./Sr., II/III)"
        case .birthday: "full birth dates differ"
        case .givenName: "given names differ and are not nicknames or typos of each other"
        case .disagreement: "the records disagree on most fields"
        }
    }
}

/// Compares records field by field into comparison levels.
struct PairComparator: Sendable {
    let features: RecordFeatures
    /// Phone numbers and email keys used by so many records that they identify an
    /// organization or a household rather than a person (a switchboard, `info@`).
    let sharedPhones: Set<UInt64>
    let sharedEmails: Set<UInt64>
    /// For each email (position among all records' emails): a role mailbox or a shared one.
    private let emailIsShared: [Bool]
    /// For each phone (position among all records' phones): a shared number.
    private let phoneIsShared: [Bool]

    init(features: RecordFeatures, sharedPhones: Set<UInt64>, sharedEmails: Set<UInt64>) {
        self.features = features
        self.sharedPhones = sharedPhones
        self.sharedEmails = sharedEmails
        // Looked up once per value here rather than once per agreeing pair (a shared work
        // mailbox agrees in every pair of its holders).
        emailIsShared = features.emails.values.map { $0.isRole || sharedEmails.contains($0.key) }
        phoneIsShared = features.phones.values.map { sharedPhones.contains($0.number) }
    }

    /// Compares records `i` and `j`.
    func compare(_ i: Int, _ j: Int) -> PairComparison {
        var result = compareAllButAddresses(i, j)
        compareAddresses(i, j, into: &result)
        return result
    }

    /// Compares records `i` and `j` on every field but the address ones (street, locality,
    /// postal code, region), which stay `missing`; ``compareAddresses(_:_:into:)`` completes it.
    /// Address fields are household evidence, whose weight is capped: a scorer can tell from
    /// this part alone that some pairs cannot reach its floor, and skip their addresses.
    func compareAllButAddresses(_ i: Int, _ j: Int) -> PairComparison {
        var result = PairComparison()
        result.record = Int32(i)
        compareNames(i, j, into: &result)
        result.vector[.birthday] = compareBirth(features.birth[i], features.birth[j])
        compareEmails(i, j, into: &result)
        comparePhones(i, j, into: &result)
        result.vector[.organization] = compareSets(features.organizations[i], features.organizations[j])
        result.vector[.profile] = compareSets(features.profiles[i], features.profiles[j])
        return result
    }

    /// Whether records `i` and `j` both have an address (else their address fields are `missing`).
    func bothHaveAddresses(_ i: Int, _ j: Int) -> Bool {
        !features.addresses.isEmpty(i) && !features.addresses.isEmpty(j)
    }

    /// The first veto between records `i` and `j`, given their comparison.
    ///
    /// - A generational conflict (`Jr.` against `Sr.`) always vetoes.
    /// - Given names that conflict veto unless a personal identifier agrees (birthday, a
    ///   personal email, a mobile number, a profile) and none disagrees (their emails, mobiles
    ///   or profiles differ: twins share a birthday): household evidence (address, landline,
    ///   surname) can never join two differently named people. When the surnames conflict too,
    ///   nothing overrides the veto.
    /// - Full birth dates that conflict veto unless the names agree and no personal identifier
    ///   disagrees (a data-entry error in the date, not a father and son).
    func veto(_ i: Int, _ j: Int, _ comparison: PairComparison) -> Veto? {
        if Generation.conflict(features.generation[i], features.generation[j]) { return .generation }
        let v = comparison.vector
        let personalDiffers = comparison.personalDiffers
        let register = isRegisterLike(i, j)
        // A shared birthday does not make two given names one when their own numbers or
        // addresses differ: twins, and relatives born on the same day. Nor does a birthday
        // alone where the records carry contact channels ("Jeffrey" and "Elizabeth Jackson",
        // born the same day): there only a shared mailbox, mobile or profile does. In a
        // register (FEBRL) the date is all there is, and a substituted name a typing error.
        if v[.given] == MatchField.given.differentLevel {
            let overridden = comparison.channelAgrees || (comparison.personalAgrees && register)
            if !overridden || personalDiffers { return .givenName }
        }
        // Both the given name and the surname differ in records that carry contact channels: two
        // people, whatever identifiers they share (a colleague's number copied into the wrong
        // card, a shared work phone). Register-like records (FEBRL) are exempt: there a
        // substituted name is a data-entry error and the address and birth date decide.
        if v[.given] == MatchField.given.differentLevel && v[.surname] == MatchField.surname.differentLevel
            && !register
        {
            return .givenName
        }
        if v[.birthday] == MatchField.birthday.differentLevel,
            BirthDate.isComplete(features.birth[i]), BirthDate.isComplete(features.birth[j])
        {
            // A conflicting date is forgiven only as a data-entry error in register-like
            // records (no phone, no email, as in FEBRL) whose names agree. Where a record
            // carries contact channels, it means two people (a father and son).
            let namesAgree = (0...5).contains(v[.given]) && (1...4).contains(v[.surname])
            if !namesAgree || personalDiffers || !register { return .birthday }
        }
        return nil
    }

    /// Whether both records have no phone and no email and come from register-like sources
    /// (as FEBRL), where dates and addresses are all there is to go by. Where either record
    /// carries a contact channel, or comes from an address book (where a record without one is
    /// merely sparse), a lone address or a conflicting date says "another family member".
    func isRegisterLike(_ i: Int, _ j: Int) -> Bool {
        features.phones.isEmpty(i) && features.emails.isEmpty(i) && features.phones.isEmpty(j)
            && features.emails.isEmpty(j) && features.isInRegister(i) && features.isInRegister(j)
    }

    /// Whether two records are certainly two people: a generational conflict, or a conflicting
    /// given name or birth date while their own identifiers (emails, mobiles, profiles) differ
    /// too. A record joined to two such records is ambiguous (the bridge of a chain).
    func isHardConflict(_ i: Int, _ j: Int) -> Bool {
        if Generation.conflict(features.generation[i], features.generation[j]) { return true }
        let comparison = compare(i, j)
        let v = comparison.vector
        guard comparison.personalDiffers else { return false }
        let birthConflict =
            v[.birthday] == MatchField.birthday.differentLevel && BirthDate.isComplete(features.birth[i])
            && BirthDate.isComplete(features.birth[j])
        return birthConflict || v[.given] == MatchField.given.differentLevel
    }

    /// The veto between two records without a prior comparison (used by the clustering guard).
    func veto(_ i: Int, _ j: Int) -> Veto? {
        veto(i, j, compare(i, j))
    }

    // MARK: - Names

    private func compareNames(_ i: Int, _ j: Int, into result: inout PairComparison) {
        let f = features
        let gi = f.givenFirst[i]
        let gj = f.givenFirst[j]
        let si = f.surname[i]
        let sj = f.surname[j]
        // Swapped order ("Smith John" against "John Smith"), as FRITZ!Box and some CSVs write it.
        // One crossed half may differ like a nickname or a typo ("Weber Tom" against "Thomas
        // Weber") when the other half is exact; without an exact half, both must be close.
        if gi != 0, si != 0, gj != 0, sj != 0, gi != gj, si != sj {
            // Similarities are computed only where they can decide (most pairs share no half).
            var givenCross = 1.0
            var surnameCross = 1.0
            let crossed: Bool
            // A half is exact when the hashes agree, or the whole texts ("de la cruz" as a given
            // name hashes its first word only).
            let givenExact = gi == sj || same(f.givenFullSpan[i], f.surnameSpan[j])
            let surnameExact = si == gj || same(f.surnameSpan[i], f.givenFullSpan[j])
            switch (givenExact, surnameExact) {
            case (true, true):
                crossed = true
            case (true, false):
                surnameCross = similarity(f.surnameSpan[i], f.givenFullSpan[j])
                // A nickname ("Taylor Tony" against "Anthony Taylor") counts as a close half.
                if surnameCross < 0.80, nicknames(f.surnameSpan[i], f.givenSpan[j]) { surnameCross = 0.80 }
                crossed = surnameCross >= 0.80
            case (false, true):
                givenCross = similarity(f.givenFullSpan[i], f.surnameSpan[j])
                if givenCross < 0.80, nicknames(f.givenSpan[i], f.surnameSpan[j]) { givenCross = 0.80 }
                crossed = givenCross >= 0.80
            case (false, false):
                givenCross = similarity(f.givenFullSpan[i], f.surnameSpan[j])
                surnameCross = givenCross >= 0.90 ? similarity(f.surnameSpan[i], f.givenFullSpan[j]) : 0
                crossed = givenCross >= 0.90 && surnameCross >= 0.90
            }
            if crossed
                && !(similar(f.givenFullSpan[i], f.givenFullSpan[j]) && similar(f.surnameSpan[i], f.surnameSpan[j]))
            {
                result.vector[.given] = gi == sj ? 1 : givenCross >= 0.92 ? 4 : 5
                result.vector[.surname] = si == gj ? 1 : surnameCross >= 0.92 ? 3 : 4
                result.swapped = true
                return
            }
        }
        result.vector[.given] = compareGiven(i, j, &result)
        if si == 0 || sj == 0 {
            result.vector[.surname] = 0
        } else if si == sj {
            result.vector[.surname] = 1
        } else if f.surnamePhonetic[i] != 0 && f.surnamePhonetic[i] == f.surnamePhonetic[j] {
            result.vector[.surname] = 2
        } else {
            let similarity = JaroWinkler.similarity(f.bytes(f.surnameSpan[i]), f.bytes(f.surnameSpan[j]))
            result.vector[.surname] = similarity >= 0.92 ? 3 : similarity >= 0.80 ? 4 : 5
        }
    }

    private func compareGiven(_ i: Int, _ j: Int, _ result: inout PairComparison) -> Int {
        let f = features
        let gi = f.givenFirst[i]
        let gj = f.givenFirst[j]
        if gi == 0 || gj == 0 { return 0 }
        if gi == gj { return 1 }
        if f.givenIsInitial[i] || f.givenIsInitial[j] {
            return f.givenInitial[i] == f.givenInitial[j] ? 6 : 7
        }
        let ni = f.nicknames[i]
        let nj = f.nicknames[j]
        if !ni.isEmpty, !nj.isEmpty {
            for a in ni where nj.contains(a) { return 2 }
        }
        if f.givenPhonetic[i] != 0 && f.givenPhonetic[i] == f.givenPhonetic[j] { return 3 }
        let similarity = JaroWinkler.similarity(f.bytes(f.givenSpan[i]), f.bytes(f.givenSpan[j]))
        return similarity >= 0.92 ? 4 : similarity >= 0.80 ? 5 : 7
    }

    private func similar(_ a: TextSpan, _ b: TextSpan) -> Bool {
        similarity(a, b) >= 0.90
    }

    /// Whether two folded names are nicknames of each other (`tony`, `anthony`).
    private func nicknames(_ a: TextSpan, _ b: TextSpan) -> Bool {
        guard a.count > 0, b.count > 0 else { return false }
        let x = String(decoding: features.bytes(a), as: UTF8.self)
        let y = String(decoding: features.bytes(b), as: UTF8.self)
        return Nicknames.areEquivalent(x, y)
    }

    /// Whether two texts are the same bytes (and not empty).
    private func same(_ a: TextSpan, _ b: TextSpan) -> Bool {
        a.count > 0 && a.count == b.count && features.bytes(a) == features.bytes(b)
    }

    /// Jaro–Winkler similarity of two texts; 0 when either is empty.
    private func similarity(_ a: TextSpan, _ b: TextSpan) -> Double {
        a.count > 0 && b.count > 0 ? JaroWinkler.similarity(features.bytes(a), features.bytes(b)) : 0
    }

    // MARK: - Dates

    /// Compares packed birth dates.
    func compareBirth(_ a: UInt32, _ b: UInt32) -> Int {
        if a == 0 || b == 0 { return 0 }
        if a == b { return 1 }
        let ya = BirthDate.year(a)
        let yb = BirthDate.year(b)
        let ma = BirthDate.month(a)
        let mb = BirthDate.month(b)
        let da = BirthDate.day(a)
        let db = BirthDate.day(b)
        if ya == 0 || yb == 0 {
            return ma == mb && (da == db || da == 0 || db == 0) ? 2 : 4
        }
        if ma == 0 || mb == 0 || da == 0 || db == 0 { return ya == yb ? 2 : 4 }
        // Day and month swapped (US against European order).
        if ya == yb && ma == db && da == mb { return 3 }
        return TypoDistance.isOneTypo(Self.digits(ya, ma, da)[...], Self.digits(yb, mb, db)[...]) ? 3 : 4
    }

    private static func digits(_ y: Int, _ m: Int, _ d: Int) -> [UInt8] {
        let value = y * 10000 + m * 100 + d
        var out = [UInt8](repeating: 0x30, count: 8)
        var rest = value
        var k = 7
        while k >= 0 {
            out[k] = UInt8(0x30 + rest % 10)
            rest /= 10
            k -= 1
        }
        return out
    }

    // MARK: - Emails and phones

    private func compareEmails(_ i: Int, _ j: Int, into result: inout PairComparison) {
        let a = features.emails[i]
        let b = features.emails[j]
        if a.isEmpty || b.isEmpty {
            result.vector[.email] = 0
            return
        }
        var best = 4
        for k in a.indices {
            let x = a[k]
            for y in b where x.key == y.key {
                let level = emailIsShared[k] ? 3 : (x.address == y.address ? 1 : 2)
                if level < best {
                    best = level
                    result.emailSlot = Int32(k)
                }
            }
        }
        result.vector[.email] = best
    }

    private func comparePhones(_ i: Int, _ j: Int, into result: inout PairComparison) {
        let a = features.phones[i]
        let b = features.phones[j]
        if a.isEmpty || b.isEmpty {
            result.vector[.phone] = 0
            return
        }
        var best = 6
        var mobiles = (false, false, false)  // a has one, b has one, one is shared
        for x in a where x.isMobile { mobiles.0 = true }
        for y in b where y.isMobile { mobiles.1 = true }
        for k in a.indices {
            let x = a[k]
            for y in b {
                if x.isMobile && y.isMobile && x.number == y.number { mobiles.2 = true }
                let level: Int
                if x.number == y.number {
                    if phoneIsShared[k] {
                        level = 3
                    } else {
                        level = (x.isMobile || y.isMobile) ? 1 : 2
                    }
                    if level < best { result.phoneSlot = Int32(k) }
                } else if x.national != 0 && x.national == y.national {
                    level = 4
                } else if x.short != 0 && x.short == y.short {
                    level = 5
                } else {
                    level = 6
                }
                best = min(best, level)
            }
        }
        result.vector[.phone] = best
        result.mobilesDiffer = mobiles.0 && mobiles.1 && !mobiles.2
    }

    // MARK: - Addresses

    /// Sets the address fields of a comparison: the best-agreeing pair of addresses decides them.
    func compareAddresses(_ i: Int, _ j: Int, into result: inout PairComparison) {
        let a = features.addresses[i]
        let b = features.addresses[j]
        if a.isEmpty || b.isEmpty { return }
        var bestScore = -1
        var best = (0, 0, 0, 0)
        for x in a {
            for y in b {
                let levels = (
                    compareText(x.street, y.street, x.streetSpan, y.streetSpan, similar: 0.92, fuzzy: 0.80, fields: 4),
                    compareText(
                        x.locality, y.locality, x.localitySpan, y.localitySpan, similar: 0.90, fuzzy: nil, fields: 3),
                    comparePostal(x, y),
                    x.region == 0 || y.region == 0 ? 0 : (x.region == y.region ? 1 : 2)
                )
                let score = agreement(levels.0, 4) + agreement(levels.1, 3) + agreement(levels.2, 3)
                if score > bestScore {
                    bestScore = score
                    best = levels
                }
            }
        }
        result.vector[.street] = best.0
        result.vector[.locality] = best.1
        result.vector[.postalCode] = best.2
        result.vector[.region] = best.3
    }

    private func agreement(_ level: Int, _ different: Int) -> Int {
        level == 0 ? 0 : (level == different ? -1 : 4 - level)
    }

    private func compareText(
        _ a: UInt64, _ b: UInt64, _ sa: TextSpan, _ sb: TextSpan, similar: Double, fuzzy: Double?, fields: Int
    ) -> Int {
        if a == 0 || b == 0 { return 0 }
        if a == b { return 1 }
        let similarity = JaroWinkler.similarity(features.bytes(sa), features.bytes(sb))
        if similarity >= similar { return 2 }
        if let fuzzy, similarity >= fuzzy { return 3 }
        return fields
    }

    private func comparePostal(_ x: AddressFeature, _ y: AddressFeature) -> Int {
        if x.postalCode == 0 || y.postalCode == 0 { return 0 }
        if x.postalCode == y.postalCode { return 1 }
        return TypoDistance.isOneTypo(features.bytes(x.postalSpan), features.bytes(y.postalSpan)) ? 2 : 3
    }

    private func compareSets(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Int {
        if a.isEmpty || b.isEmpty { return 0 }
        for x in a where b.contains(x) { return 1 }
        return 2
    }
}
