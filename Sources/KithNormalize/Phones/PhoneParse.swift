/// What libphonenumber made of one phone number text.
public struct PhoneParse: Hashable, Sendable {
    /// Why a text could not be read as a number (libphonenumber's `ErrorType`).
    public enum Failure: String, Hashable, Sendable {
        case invalidCountryCode = "invalid-country-code"
        case notANumber = "not-a-number"
        case tooShortAfterIDD = "too-short-after-idd"
        case tooShortNSN = "too-short"
        case tooLongNSN = "too-long"
    }

    /// How the length of the number compares with the lengths its country uses
    /// (libphonenumber's `ValidationResult`).
    public enum Length: String, Hashable, Sendable {
        case possible
        case possibleLocalOnly = "possible-local-only"
        case invalidCountryCode = "invalid-country-code"
        case tooShort = "too-short"
        case invalidLength = "invalid-length"
        case tooLong = "too-long"
    }

    /// Set when the text could not be parsed; every other member is then empty.
    public var failure: Failure?
    /// The number in E.164 form (`+16502530000`), whatever its length.
    public var e164: String?
    public var countryCode: Int
    /// libphonenumber's region for the number: ISO 3166-1 alpha-2, `001` for non-geographic
    /// numbers, `nil` when unknown.
    public var region: String?
    /// The line type in Kith's words (`mobile`, `fixed-line`, `toll-free`, …); `nil` when unknown.
    public var lineType: String?
    public var isValid: Bool
    public var length: Length?
    /// The extension, when the text had one.
    public var `extension`: String?

    /// Creates a parse result.
    public init(
        failure: Failure? = nil, e164: String? = nil, countryCode: Int = 0, region: String? = nil,
        lineType: String? = nil, isValid: Bool = false, length: Length? = nil, extension: String? = nil
    ) {
        self.failure = failure
        self.e164 = e164
        self.countryCode = countryCode
        self.region = region
        self.lineType = lineType
        self.isValid = isValid
        self.length = length
        self.extension = `extension`
    }

    /// Whether the number has a length its country uses for full numbers, the condition for
    /// Kith to store its E.164 form.
    public var isPossible: Bool { failure == nil && length == .possible }
}

/// How closely two phone numbers match (libphonenumber's `MatchType`).
public enum PhoneMatchLevel: String, Hashable, Sendable, Comparable {
    /// At least one text is not a number.
    case invalid
    case none
    /// One national significant number is a suffix of the other (`SHORT_NSN_MATCH`).
    case short
    /// Same national significant number, one side without a country code (`NSN_MATCH`).
    case nationalSignificantNumber = "nsn"
    /// Same country code, national number and extension (`EXACT_MATCH`).
    case exact

    private var rank: Int {
        switch self {
        case .invalid: 0
        case .none: 1
        case .short: 2
        case .nationalSignificantNumber: 3
        case .exact: 4
        }
    }

    public static func < (lhs: PhoneMatchLevel, rhs: PhoneMatchLevel) -> Bool { lhs.rank < rhs.rank }
}
