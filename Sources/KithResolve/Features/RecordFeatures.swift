/// A byte range in `RecordFeatures.arena`.
struct TextSpan: Hashable, Sendable {
    var start: Int32
    var count: Int32
    static let empty = TextSpan(start: 0, count: 0)
}

/// Values of one multi-valued feature for every record, stored flat: record `i`'s values are
/// `values[offsets[i]..<offsets[i + 1]]`.
struct FlatColumn<Value: Sendable>: Sendable {
    private(set) var offsets: [Int32] = [0]
    private(set) var values: [Value] = []

    mutating func append(_ value: Value) { values.append(value) }

    /// Closes the current record's list.
    mutating func endRecord() { offsets.append(Int32(values.count)) }

    func range(_ record: Int) -> Range<Int> { Int(offsets[record])..<Int(offsets[record + 1]) }

    subscript(record: Int) -> ArraySlice<Value> { values[range(record)] }

    func isEmpty(_ record: Int) -> Bool { offsets[record] == offsets[record + 1] }

    /// Appends the records of another column after this one's, changing each value with `shift`.
    mutating func append(_ other: FlatColumn, shift: (Value) -> Value = { $0 }) {
        let base = Int32(values.count)
        offsets.append(contentsOf: other.offsets.dropFirst().lazy.map { $0 + base })
        values.append(contentsOf: other.values.lazy.map(shift))
    }
}

/// The comparable form of one email address.
struct EmailFeature: Sendable {
    /// The matching key (provider aliases folded).
    var key: UInt64
    /// The cleaned address.
    var address: UInt64
    /// Whether the local part is a role (`info@`, `office@`): shared by many people.
    var isRole: Bool
}

/// The comparable form of one telephone number.
struct PhoneFeature: Sendable {
    /// The E.164 form, or the digits when the number could not be normalized.
    var number: UInt64
    /// The last nine digits (national significant number in most plans).
    var national: UInt64
    /// The last seven digits (a subscriber number written without area code).
    var short: UInt64
    /// Whether the line is known to be a mobile line (personal, unlike a landline).
    var isMobile: Bool
}

/// The comparable form of one postal address.
struct AddressFeature: Sendable {
    var street: UInt64
    var streetSpan: TextSpan
    var locality: UInt64
    var localitySpan: TextSpan
    var postalCode: UInt64
    var postalSpan: TextSpan
    var region: UInt64
}

/// The compact, comparable features of every record, column by column.
///
/// Built once from the normalized contacts; the resolver never touches the contacts' text
/// again until merging. Names and address parts are kept as bytes in one arena for the
/// string-similarity comparators; everything else is a 64-bit hash.
struct RecordFeatures: Sendable {
    var count = 0
    var arena: [UInt8] = []
    /// Whether the record comes from a register-like source: one where almost no record has a
    /// phone or an email (FEBRL, a membership list), so that a name, a date and an address
    /// are all its records can be matched on. Set for the whole input, after extraction.
    var inRegister: [Bool] = []

    var givenFirst: [UInt64] = []
    var givenSpan: [TextSpan] = []
    /// All given names, space-joined (for the swapped-order test).
    var givenFullSpan: [TextSpan] = []
    var givenPhonetic: [UInt64] = []
    /// The first letter of the given name (0 when none).
    var givenInitial: [UInt8] = []
    /// The first letter of the full form of the given name (`r` for Bob, Robert).
    var givenCanonicalInitial: [UInt8] = []
    /// Whether the given name is an initial only (`J`, `J.`).
    var givenIsInitial: [Bool] = []
    var surname: [UInt64] = []
    var surnameSpan: [TextSpan] = []
    var surnamePhonetic: [UInt64] = []
    var surnameInitial: [UInt8] = []
    /// Generation code: 0 none, else an index in `Generation.codes`.
    var generation: [UInt8] = []
    var nicknames = FlatColumn<UInt64>()
    /// The birth date packed by `BirthDate.pack`, 0 when unknown.
    var birth: [UInt32] = []
    var emails = FlatColumn<EmailFeature>()
    var phones = FlatColumn<PhoneFeature>()
    var addresses = FlatColumn<AddressFeature>()
    var organizations = FlatColumn<UInt64>()
    var profiles = FlatColumn<UInt64>()

    /// The bytes of a span.
    /// Appends the records of `other` after this one's (text spans moved into this arena).
    mutating func append(_ other: RecordFeatures) {
        let base = Int32(arena.count)
        func moved(_ span: TextSpan) -> TextSpan { TextSpan(start: span.start + base, count: span.count) }
        count += other.count
        arena += other.arena
        givenFirst += other.givenFirst
        givenSpan += other.givenSpan.map(moved)
        givenFullSpan += other.givenFullSpan.map(moved)
        givenPhonetic += other.givenPhonetic
        givenInitial += other.givenInitial
        givenCanonicalInitial += other.givenCanonicalInitial
        givenIsInitial += other.givenIsInitial
        surname += other.surname
        surnameSpan += other.surnameSpan.map(moved)
        surnamePhonetic += other.surnamePhonetic
        surnameInitial += other.surnameInitial
        generation += other.generation
        nicknames.append(other.nicknames)
        birth += other.birth
        emails.append(other.emails)
        phones.append(other.phones)
        addresses.append(other.addresses) { address in
            var address = address
            address.streetSpan = moved(address.streetSpan)
            address.localitySpan = moved(address.localitySpan)
            address.postalSpan = moved(address.postalSpan)
            return address
        }
        organizations.append(other.organizations)
        profiles.append(other.profiles)
    }

    /// Whether record `i` comes from a register-like source; records of features built without
    /// sources (tests) count as such.
    @inline(__always)
    func isInRegister(_ i: Int) -> Bool {
        i < inRegister.count ? inRegister[i] : true
    }

    @inline(__always)
    func bytes(_ span: TextSpan) -> ArraySlice<UInt8> {
        arena[Int(span.start)..<Int(span.start + span.count)]
    }

    /// Whether the record has a usable name (given or surname).
    @inline(__always)
    func hasName(_ record: Int) -> Bool {
        givenFirst[record] != FeatureHash.none || surname[record] != FeatureHash.none
    }
}

/// Generational suffixes, as the normalizer's `NameKeys.generation` writes them.
enum Generation {
    static let codes: [String] = ["", "jr", "sr", "ii", "iii", "iv", "v"]

    static func code(_ text: String?) -> UInt8 {
        guard let text, !text.isEmpty else { return 0 }
        let lower = text.lowercased().filter { $0 != "." }
        let canonical: String
        switch lower {
        case "junior", "jnr": canonical = "jr"
        case "senior", "snr": canonical = "sr"
        case "2nd": canonical = "ii"
        case "3rd": canonical = "iii"
        case "4th": canonical = "iv"
        default: canonical = lower
        }
        if let index = codes.firstIndex(of: canonical) { return UInt8(index) }
        return UInt8(codes.count)  // an unknown generation word: conflicts only with a different one
    }

    /// Whether two generations conflict (`jr` vs `sr`); an absent generation conflicts with none.
    /// `sr` and `i` count as the same generation for this purpose only when identical.
    @inline(__always)
    static func conflict(_ a: UInt8, _ b: UInt8) -> Bool { a != 0 && b != 0 && a != b }
}

/// Birth dates packed into 32 bits: year (0 = unknown) << 9 | month << 5 | day.
enum BirthDate {
    /// The largest year the packing holds (23 bits).
    static let maxYear = (1 << 23) - 1

    /// Packs a date. A part the packing cannot hold (a year before 1 or past ``maxYear``, a
    /// month or day out of range: what a broken export may give) counts as unknown; it made
    /// the import trap before (a CSV birthday of year 4294967296).
    static func pack(_ date: PartialDateParts) -> UInt32 {
        let year = (1...maxYear).contains(date.year) ? UInt32(date.year) : 0
        let month = (1...12).contains(date.month) ? UInt32(date.month) : 0
        let day = (1...31).contains(date.day) ? UInt32(date.day) : 0
        guard month != 0 || year != 0 else { return 0 }
        return year << 9 | month << 5 | day
    }

    static func year(_ packed: UInt32) -> Int { Int(packed >> 9) }
    static func month(_ packed: UInt32) -> Int { Int((packed >> 5) & 0xF) }
    static func day(_ packed: UInt32) -> Int { Int(packed & 0x1F) }
    static func isComplete(_ packed: UInt32) -> Bool { year(packed) != 0 && month(packed) != 0 && day(packed) != 0 }
}

/// The parts of a date used for matching (0 = unknown).
struct PartialDateParts {
    var year: Int
    var month: Int
    var day: Int
}
