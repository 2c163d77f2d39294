/// A field the resolver compares, with its comparison levels (level 0 is always `missing`:
/// one side has no value, which counts neither for nor against a match).
enum MatchField: Int, CaseIterable, Sendable {
    case given, surname, birthday, email, phone, street, locality, postalCode, region, organization, profile

    /// The name written in match evidence.
    var name: String {
        switch self {
        case .given: "given-name"
        case .surname: "surname"
        case .birthday: "birthday"
        case .email: "email"
        case .phone: "phone"
        case .street: "street"
        case .locality: "locality"
        case .postalCode: "postal-code"
        case .region: "region"
        case .organization: "organization"
        case .profile: "profile"
        }
    }

    /// The level names, index = level.
    var levels: [String] {
        switch self {
        case .given: ["missing", "exact", "nickname", "phonetic", "similar", "fuzzy", "initial", "different"]
        case .surname: ["missing", "exact", "phonetic", "similar", "fuzzy", "different"]
        case .birthday: ["missing", "exact", "month-day", "typo", "different"]
        case .email: ["missing", "exact", "alias", "shared", "different"]
        case .phone: ["missing", "exact-mobile", "exact", "shared", "national", "short", "different"]
        case .street: ["missing", "exact", "similar", "fuzzy", "different"]
        case .locality: ["missing", "exact", "similar", "different"]
        case .postalCode: ["missing", "exact", "typo", "different"]
        case .region, .organization, .profile: ["missing", "exact", "different"]
        }
    }

    /// Prior probability of each level among true matches, used to start EM and to smooth it.
    var matchPrior: [Double] {
        switch self {
        case .given: [0, 0.80, 0.05, 0.03, 0.05, 0.03, 0.02, 0.02]
        case .surname: [0, 0.85, 0.04, 0.05, 0.03, 0.03]
        case .birthday: [0, 0.85, 0.04, 0.08, 0.03]
        case .email: [0, 0.80, 0.05, 0.05, 0.10]
        case .phone: [0, 0.40, 0.35, 0.05, 0.04, 0.04, 0.12]
        case .street: [0, 0.75, 0.12, 0.05, 0.08]
        case .locality: [0, 0.85, 0.08, 0.07]
        case .postalCode: [0, 0.88, 0.06, 0.06]
        case .region: [0, 0.92, 0.08]
        case .organization: [0, 0.70, 0.30]
        case .profile: [0, 0.95, 0.05]
        }
    }

    /// Whether the field describes the name (a name alone never merges).
    var isName: Bool { self == .given || self == .surname }

    /// Levels that agree (the first `agreeingLevels` after `missing`); the rest disagree.
    var agreeingLevelCount: Int { levels.count - 2 }

    /// The index of the `different` level.
    var differentLevel: Int { levels.count - 1 }

    static let bitsPerField: UInt64 = 4
}

/// The comparison levels of all fields for one pair, 4 bits per field.
struct ComparisonVector: Hashable, Sendable {
    var packed: UInt64 = 0

    @inline(__always)
    subscript(field: MatchField) -> Int {
        get { Int((packed >> (UInt64(field.rawValue) &* MatchField.bitsPerField)) & 0xF) }
        set {
            let shift = UInt64(field.rawValue) &* MatchField.bitsPerField
            packed = (packed & ~(0xF << shift)) | (UInt64(newValue & 0xF) << shift)
        }
    }
}
