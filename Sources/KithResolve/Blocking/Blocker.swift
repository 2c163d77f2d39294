internal import KithModel

/// The kinds of blocking key: cheap keys that records of one person are likely to share.
enum BlockingKeyKind: UInt64, CaseIterable, Sendable {
    case email = 1
    case phone, nationalPhone, profile, namePair, nicknameSurname, organizationSurname
    case birthdayGiven, birthdaySurname, postcodeSurname, postcodeGiven, streetPostcode
    case birthdayPostcode, birthdayLocality, streetGiven, streetSurname

    var name: String {
        switch self {
        case .email: "email"
        case .phone: "phone"
        case .nationalPhone: "national-phone"
        case .profile: "profile"
        case .namePair: "name"
        case .nicknameSurname: "nickname+surname"
        case .organizationSurname: "organization+surname"
        case .birthdayGiven: "birthday+given-initial"
        case .birthdaySurname: "birthday+surname-initial"
        case .postcodeSurname: "postcode+surname"
        case .postcodeGiven: "postcode+given-name"
        case .streetPostcode: "street+postcode"
        case .birthdayPostcode: "birthday+postcode"
        case .birthdayLocality: "birthday+locality"
        case .streetGiven: "street+given-name"
        case .streetSurname: "street+surname"
        }
    }
}

/// The candidate pairs of an input and what blocking had to skip.
struct CandidatePairs: Sendable {
    /// Pairs `i << 32 | j` with `i < j`, sorted, without duplicates.
    var pairs: [UInt64]
    /// Keys shared by more records than a block may hold, per kind: how many, and the largest.
    var oversized: [BlockingKeyKind: (keys: Int, largest: Int)]
}

/// Groups records by blocking keys and lists the pairs worth comparing.
///
/// Every record gets several keys (email, phone, profile, name keys that survive nicknames,
/// typos and swapped order, organization + surname, birthday + initial, postcode + name).
/// A key shared by more than `maxBlock` records (a switchboard, `info@`, "John Smith") is not
/// compared all-against-all: its records are sub-blocked by surname sound and given initial,
/// and within a sub-block that is still too large, only neighbours in that order are
/// compared. The number of pairs therefore grows about linearly with the records.
struct Blocker: Sendable {
    var maxBlock = 40
    var window = 8

    /// - Complexity: O(k·n log(k·n)) for n records with k keys each, plus the pairs.
    func candidates(_ f: RecordFeatures) -> CandidatePairs {
        var entries: [BlockEntry] = []
        entries.reserveCapacity(f.count * 10)
        for i in 0..<f.count { appendKeys(f, i, into: &entries) }
        entries.sort { ($0.key, $0.record) < ($1.key, $1.record) }
        var pairs: [UInt64] = []
        pairs.reserveCapacity(f.count * 4)
        var oversized: [BlockingKeyKind: (keys: Int, largest: Int)] = [:]
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].key == entries[start].key { end += 1 }
            let size = end - start
            if size > 1 {
                if size <= maxBlock {
                    appendAllPairs(entries[start..<end], into: &pairs)
                } else {
                    let kind = entries[start].kind
                    let previous = oversized[kind] ?? (0, 0)
                    oversized[kind] = (previous.keys + 1, max(previous.largest, size))
                    appendSubBlocked(entries[start..<end], f, into: &pairs)
                }
            }
            start = end
        }
        pairs.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last != pair { unique.append(pair) }
        return CandidatePairs(pairs: unique, oversized: oversized)
    }

    private struct BlockEntry {
        var key: UInt64
        var record: Int32
        var kind: BlockingKeyKind
    }

    private func appendKeys(_ f: RecordFeatures, _ i: Int, into entries: inout [BlockEntry]) {
        let record = Int32(i)
        func add(_ kind: BlockingKeyKind, _ a: UInt64, _ b: UInt64 = 0) {
            guard a != 0 else { return }
            entries.append(BlockEntry(key: FeatureHash.combine(kind.rawValue, a, b), record: record, kind: kind))
        }
        for email in f.emails[i] { add(.email, email.key) }
        for phone in f.phones[i] {
            add(.phone, phone.number)
            add(.nationalPhone, phone.national)
        }
        for profile in f.profiles[i] { add(.profile, profile) }
        let givenSound = f.givenPhonetic[i] != 0 ? f.givenPhonetic[i] : f.givenFirst[i]
        let surnameSound = f.surnamePhonetic[i] != 0 ? f.surnamePhonetic[i] : f.surname[i]
        let givenInitial = UInt64(f.givenInitial[i])
        let surnameInitial = UInt64(f.surnameInitial[i])
        if givenSound != 0 && surnameSound != 0 && !f.givenIsInitial[i] {
            // Unordered, so that "Smith John" meets "John Smith".
            add(.namePair, min(givenSound, surnameSound), max(givenSound, surnameSound))
        }
        if surnameSound != 0 {
            for nickname in f.nicknames[i] { add(.nicknameSurname, nickname, surnameSound) }
            for organization in f.organizations[i] { add(.organizationSurname, organization, surnameSound) }
        }
        let birth = f.birth[i]
        if BirthDate.isComplete(birth) {
            if givenInitial != 0 { add(.birthdayGiven, UInt64(birth), givenInitial) }
            if surnameInitial != 0 { add(.birthdaySurname, UInt64(birth), surnameInitial) }
        }
        for address in f.addresses[i] {
            if address.postalCode != 0 {
                add(.postcodeSurname, address.postalCode, surnameSound)
                if !f.givenIsInitial[i] { add(.postcodeGiven, address.postalCode, givenSound) }
                add(.streetPostcode, address.street, address.postalCode)
                if BirthDate.isComplete(birth) { add(.birthdayPostcode, UInt64(birth), address.postalCode) }
            }
            if address.street != 0 {
                if givenSound != 0 && !f.givenIsInitial[i] { add(.streetGiven, address.street, givenSound) }
                if surnameSound != 0 { add(.streetSurname, address.street, surnameSound) }
            }
            if address.locality != 0 && BirthDate.isComplete(birth) {
                add(.birthdayLocality, UInt64(birth), address.locality)
            }
        }
    }

    private func appendAllPairs(_ block: ArraySlice<BlockEntry>, into pairs: inout [UInt64]) {
        var a = block.startIndex
        while a < block.endIndex {
            var b = a + 1
            while b < block.endIndex {
                let i = UInt64(block[a].record)
                let j = UInt64(block[b].record)
                if i != j { pairs.append(i < j ? i << 32 | j : j << 32 | i) }
                b += 1
            }
            a += 1
        }
    }

    private func appendSubBlocked(_ block: ArraySlice<BlockEntry>, _ f: RecordFeatures, into pairs: inout [UInt64]) {
        var members = block.map { entry -> (UInt64, BlockEntry) in
            let i = Int(entry.record)
            let surnameSound = f.surnamePhonetic[i] != 0 ? f.surnamePhonetic[i] : f.surname[i]
            return (FeatureHash.combine(99, surnameSound, UInt64(f.givenInitial[i])), entry)
        }
        members.sort { ($0.0, $0.1.record) < ($1.0, $1.1.record) }
        var start = 0
        while start < members.count {
            var end = start + 1
            while end < members.count && members[end].0 == members[start].0 { end += 1 }
            let sub = members[start..<end].map(\.1)
            if sub.count <= maxBlock {
                appendAllPairs(sub[...], into: &pairs)
            } else {
                for a in 0..<sub.count {
                    for b in (a + 1)..<min(sub.count, a + 1 + window) {
                        let i = UInt64(sub[a].record)
                        let j = UInt64(sub[b].record)
                        if i != j { pairs.append(i < j ? i << 32 | j : j << 32 | i) }
                    }
                }
            }
            start = end
        }
    }
}
