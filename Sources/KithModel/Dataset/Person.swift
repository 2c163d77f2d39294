/// A person (or organization): the merge of one or more records that describe the same entity.
public struct Person: Hashable, Sendable {
    /// The stable id, `urn:uuid:…`.
    public var id: String
    /// The merged card: values unioned from the members, each value's `meta.from` naming the
    /// records it came from.
    public var card: Contact
    /// The member records, in dataset order.
    public var records: [MemberRecord]
    /// Values that lost to another value of a single-valued field, kept with the reason.
    public var alternates: [Alternate]
    /// Why the members were joined, when there are several.
    public var match: MatchExplanation?
    /// Ids this person replaced (after a merge of earlier people).
    public var aliases: [String]

    /// Creates a person.
    public init(
        id: String, card: Contact, records: [MemberRecord], alternates: [Alternate] = [],
        match: MatchExplanation? = nil, aliases: [String] = []
    ) {
        self.id = id
        self.card = card
        self.records = records
        self.alternates = alternates
        self.match = match
        self.aliases = aliases
    }
}

/// A record that belongs to a person or group.
public struct MemberRecord: Hashable, Sendable {
    public var ref: RecordRef
    /// The 1-based line where the record starts, 0 if the format has no lines.
    public var line: Int32
    /// The record's own UID, when it had one.
    public var uid: String?
    /// `fp:<hex>`: a fingerprint of the record's identifying content that survives re-export,
    /// re-ordering and format changes (see `RecordFingerprint` in KithResolve); `nil` when not
    /// computed.
    public var fingerprint: String?

    /// Creates a member record entry.
    public init(ref: RecordRef, line: Int32, uid: String?, fingerprint: String? = nil) {
        self.ref = ref
        self.line = line
        self.uid = uid
        self.fingerprint = fingerprint
    }
}

/// A value of a single-valued field that was not chosen, kept so nothing is lost.
public struct Alternate: Hashable, Sendable {
    /// The JSContact path of the field it lost to (`name`, `anniversaries/a1/date`, `gender`).
    public var path: String
    public var value: AnyFieldValue
    public var from: [RecordRef]
    /// Why the other value won (`conflicts with S1#17; kept the value with a year`).
    public var reason: String

    /// Creates an alternate.
    public init(path: String, value: AnyFieldValue, from: [RecordRef], reason: String) {
        self.path = path
        self.value = value
        self.from = from
        self.reason = reason
    }
}

/// Any field value, for places that hold values of several kinds (alternates, explanations).
public enum AnyFieldValue: Hashable, Sendable {
    case name(NameValue)
    case text(TextValue)
    case email(EmailValue)
    case phone(PhoneValue)
    case address(AddressValue)
    case organization(OrganizationValue)
    case date(DateValue)
    case link(LinkValue)
    case onlineService(OnlineServiceValue)
    case media(MediaValue)
    case related(RelatedValue)
}

/// The evidence that joined a person's records.
public struct MatchExplanation: Hashable, Sendable {
    /// The probability that all members are one person, 0…1.
    public var confidence: Double
    /// The scored pairs that linked the members (a spanning set, strongest first).
    public var pairs: [MatchPair]

    /// Creates an explanation.
    public init(confidence: Double, pairs: [MatchPair]) {
        self.confidence = confidence
        self.pairs = pairs
    }
}

/// One scored comparison of two records.
public struct MatchPair: Hashable, Sendable {
    public var a: RecordRef
    public var b: RecordRef
    /// The total log-likelihood weight (bits).
    public var weight: Double
    public var evidence: [MatchEvidence]

    /// Creates a scored pair.
    public init(a: RecordRef, b: RecordRef, weight: Double, evidence: [MatchEvidence]) {
        self.a = a
        self.b = b
        self.weight = weight
        self.evidence = evidence
    }
}

/// The contribution of one field's comparison to a pair's weight.
public struct MatchEvidence: Hashable, Sendable {
    /// The field compared (`email`, `phone`, `name`, `birthday`, …).
    public var field: String
    /// The comparison level reached (`exact`, `nickname`, `different`, …).
    public var level: String
    /// The log-likelihood weight of that level (bits; negative against a match).
    public var weight: Double

    /// Creates a piece of evidence.
    public init(field: String, level: String, weight: Double) {
        self.field = field
        self.level = level
        self.weight = weight
    }
}
