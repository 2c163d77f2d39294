public import KithModel

/// Why a phone value was kept as written, without an E.164 form (its `unnormalized`).
enum PhoneKeptReason: Int, Sendable {
    /// No country code, and no region to read it in.
    case noRegion
    /// An internet telephony address (`500@sip.example.net`).
    case sipAddress
    /// An internal or service code of a phone system (`**41`).
    case internalCode
    /// Not a number libphonenumber can read.
    case unparseable
    /// A length its country does not use.
    case impossibleLength

    /// The word in the value's `unnormalized`.
    var word: String {
        switch self {
        case .noRegion: "no-region"
        case .sipAddress: "sip-address"
        case .internalCode: "internal"
        case .unparseable: "unparseable"
        case .impossibleLength: "impossible-length"
        }
    }

    /// Whether the reason holds for a source rather than for a value: a FRITZ!Box phonebook
    /// has no country code on any national number and a SIP address beside many. These are
    /// told once per source and reason (``KeptPhones``); the others, which point at one
    /// value's text, once per value.
    var isTalliedBySource: Bool {
        switch self {
        case .noRegion, .sipAddress, .internalCode: true
        case .unparseable, .impossibleLength: false
        }
    }
}

/// The phone numbers kept as written for a reason that holds for a whole source (no region to
/// read them in, SIP addresses, internal codes), counted by source and reason. A source gets
/// one information diagnostic per reason, at its first such value, instead of one per value:
/// each value says why in its own `unnormalized`.
public struct KeptPhones: Sendable {
    struct Key: Hashable, Sendable {
        var source: Int32
        var reason: PhoneKeptReason
    }

    /// How many, and the first one met.
    struct Tally: Sendable {
        var count: Int
        var record: Int32
        var line: Int32
        var raw: String
    }

    private(set) var tallies: [Key: Tally] = [:]

    public init() {}

    /// Whether nothing was counted.
    public var isEmpty: Bool { tallies.isEmpty }

    /// Counts one value; the first counted of a source and reason is the one the diagnostic
    /// names.
    mutating func add(_ reason: PhoneKeptReason, source: Int32, record: Int32, line: Int32, raw: String) {
        tallies[Key(source: source, reason: reason), default: Tally(count: 0, record: record, line: line, raw: raw)]
            .count += 1
    }

    /// Adds what came after: the values counted here stay first.
    public mutating func add(_ later: KeptPhones) {
        for (key, tally) in later.tallies {
            tallies[key, default: Tally(count: 0, record: tally.record, line: tally.line, raw: tally.raw)].count +=
                tally.count
        }
    }

    /// One information diagnostic per source and reason, by source, then reason (in the
    /// order of ``PhoneKeptReason``), at the first value counted. A single value is told as
    /// it would be alone.
    public func diagnostics() -> [Diagnostic] {
        tallies.sorted { ($0.key.source, $0.key.reason.rawValue) < ($1.key.source, $1.key.reason.rawValue) }.map {
            key, tally in
            Diagnostic(
                source: Int(key.source), line: Int(tally.line), record: Int(tally.record), severity: .info,
                code: Self.code(key.reason), message: Self.message(key.reason, tally))
        }
    }

    /// The code of the diagnostics of a reason, told here or (for the reasons not counted by
    /// source) value by value.
    static func code(_ reason: PhoneKeptReason) -> DiagnosticCode {
        switch reason {
        case .noRegion: .phoneNoRegion
        case .sipAddress: "normalize.phone.sip-address"
        case .internalCode: "normalize.phone.internal"
        case .unparseable: "normalize.phone.unparseable"
        case .impossibleLength: "normalize.phone.impossible-length"
        }
    }

    static func message(_ reason: PhoneKeptReason, _ tally: Tally) -> String {
        let first = Diagnostic.quote(tally.raw)
        let marked = "each marked \"unnormalized\": \"\(reason.word)\" in its values (the first: \(first))"
        switch (reason, tally.count) {
        case (.noRegion, 1):
            return
                "\(first) has no country code and no region could be inferred (address, source, --default-region); kept unnormalized"
        case (.noRegion, let count):
            return
                "\(count) phone numbers have no country code and no region could be inferred (address, source, --default-region); kept unnormalized, \(marked)"
        case (.sipAddress, 1):
            return "\(first) is an internet telephony (SIP) address, not a phone number; kept as written"
        case (.sipAddress, let count):
            return
                "\(count) values are internet telephony (SIP) addresses, not phone numbers; kept as written, \(marked)"
        case (.internalCode, 1):
            return "\(first) is an internal or service code of a phone system, not a public number; kept as written"
        case (.internalCode, let count):
            return
                "\(count) values are internal or service codes of a phone system, not public numbers; kept as written, \(marked)"
        case (.unparseable, _), (.impossibleLength, _):
            // Not counted by source (``PhoneKeptReason/isTalliedBySource``): told value by value.
            return "\(tally.count) phone numbers kept as written, \(marked)"
        }
    }
}
