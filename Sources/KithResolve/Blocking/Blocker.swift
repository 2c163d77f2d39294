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
    var maxBlock = 24
    /// How many neighbours each record of a sub-block still too large is compared with (the
    /// records of one person there are also joined through their other keys, and through
    /// each other: four neighbours chain a run of copies into one person).
    static let window = 4

    /// How many parts the keys are split into by their top bits (blocks never straddle parts),
    /// and the pairs by their first record, so that both are sorted on every core.
    private static let partBits = 6
    private static let partCount = 1 << partBits

    /// - Complexity: O(k·n log(k·n)) for n records with k keys each, plus the pairs; the keys
    ///   are made, sorted and paired, and the pairs sorted, on every core.
    func candidates(_ f: RecordFeatures) -> CandidatePairs {
        // The keys and raw pairs live only inside `rangesOfPairs`; what they took goes back to
        // the system before the list of all pairs is made.
        let (ranges, oversized) = rangesOfPairs(f)
        FreedMemory.release()
        var pairs: [UInt64] = []
        pairs.reserveCapacity(ranges.reduce(0) { $0 + $1.count })
        for range in ranges { pairs += range }
        return CandidatePairs(pairs: pairs, oversized: oversized)
    }

    /// The candidate pairs by range of first record, each range sorted and without duplicates,
    /// and the oversized keys.
    private func rangesOfPairs(_ f: RecordFeatures) -> ([[UInt64]], [BlockingKeyKind: (keys: Int, largest: Int)]) {
        let parts = Self.partCount
        // Each slice of records' keys, split by the keys' top bits.
        var slices = concurrentSlices(count: f.count, minimumPerPart: 8192) { records -> [[BlockEntry]] in
            var byPart = [[BlockEntry]](repeating: [], count: parts)
            var keys: [BlockEntry] = []
            for i in records {
                keys.removeAll(keepingCapacity: true)
                appendKeys(f, i, into: &keys)
                for entry in keys { byPart[Self.part(ofKey: entry.key)].append(entry) }
            }
            // Kept until every part is blocked: without the room left by growing.
            for part in byPart.indices { byPart[part] = byPart[part].trimmed() }
            return byPart
        }
        // Each part's blocks, and their pairs split by first record; each part's keys are
        // freed as soon as they are gathered.
        var byPart = Self.columns(of: slices, count: parts)
        slices = []
        var blocked = Self.joinedColumns(&byPart) { entries in
            entries.sort { ($0.key, $0.record) < ($1.key, $1.record) }
            return blocks(entries, f, recordCount: f.count)
        }
        var oversized: [BlockingKeyKind: (keys: Int, largest: Int)] = [:]
        for part in blocked {
            for (kind, info) in part.oversized {
                let previous = oversized[kind] ?? (0, 0)
                oversized[kind] = (previous.keys + info.keys, max(previous.largest, info.largest))
            }
        }
        // The pairs of each range of first records, sorted and without duplicates; in range
        // order. The raw pairs, duplicates and all, are the largest thing blocking makes: each
        // range's are freed as soon as they are gathered.
        var byRange = Self.columns(of: blocked.map(\.pairs), count: parts)
        blocked = []
        let ranges = Self.joinedColumns(&byRange) { pairs in
            pairs.radixSort()
            pairs.removeAdjacentDuplicates()
            // Without the room the duplicates took (half the pairs or more).
            return pairs.trimmed()
        }
        return (ranges, oversized)
    }

    /// `rows[r][c]` for every row, by column `c` (lists moved, not copied).
    private static func columns<T>(of rows: [[[T]]], count: Int) -> [[[T]]] {
        var columns = [[[T]]](repeating: [], count: count)
        for row in rows {
            for column in 0..<min(count, row.count) { columns[column].append(row[column]) }
        }
        return columns
    }

    /// `body` of each column's lists joined into one, on every core; each column's lists are
    /// freed once joined (`columns` is left empty), before `body` works on them.
    private static func joinedColumns<T, R>(_ columns: inout [[[T]]], _ body: (inout [T]) -> R) -> [R] {
        columns.withUnsafeMutableBufferPointer { buffer in
            // Each core empties only the columns it joins.
            let lists = buffer
            return lists.indices.concurrentMap(minimumPerPart: 1) { column -> R in
                var joined: [T] = []
                joined.reserveCapacity(lists[column].reduce(0) { $0 + $1.count })
                for list in lists[column] { joined += list }
                lists[column] = []
                return body(&joined)
            }
        }
    }

    /// The part of a blocking key: its top bits.
    @inline(__always)
    private static func part(ofKey key: UInt64) -> Int {
        Int(key >> UInt64(64 - partBits))
    }

    /// The pairs of one part's blocks, split by the range of their first record, and the part's
    /// oversized keys.
    private struct BlockedPart: Sendable {
        var pairs: [[UInt64]]
        var oversized: [BlockingKeyKind: (keys: Int, largest: Int)]
    }

    /// Pairs up the records of each block of `entries` (sorted by key, then record).
    private func blocks(_ entries: [BlockEntry], _ f: RecordFeatures, recordCount: Int) -> BlockedPart {
        var pairs = PairSink(parts: Self.partCount, recordCount: recordCount)
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
        // Kept until every part is blocked: without the room left by growing.
        for range in pairs.byRange.indices { pairs.byRange[range] = pairs.byRange[range].trimmed() }
        return BlockedPart(pairs: pairs.byRange, oversized: oversized)
    }

    /// Pairs split by the range of their first record as they are made (no list of all pairs).
    private struct PairSink {
        var byRange: [[UInt64]]
        let parts: UInt64
        let span: UInt64

        init(parts: Int, recordCount: Int) {
            byRange = [[UInt64]](repeating: [], count: parts)
            self.parts = UInt64(parts)
            span = UInt64(max(1, recordCount))
        }

        @inline(__always)
        mutating func append(_ pair: UInt64) {
            byRange[Int((pair >> 32) * parts / span)].append(pair)
        }
    }

    private struct BlockEntry: Sendable {
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

    private func appendAllPairs(_ block: ArraySlice<BlockEntry>, into pairs: inout PairSink) {
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

    private func appendSubBlocked(_ block: ArraySlice<BlockEntry>, _ f: RecordFeatures, into pairs: inout PairSink) {
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
                    for b in (a + 1)..<min(sub.count, a + 1 + Self.window) {
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
