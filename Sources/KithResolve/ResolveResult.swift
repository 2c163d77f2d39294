public import KithModel

/// What the resolver produced: people, groups, and what a person may want to check.
public struct ResolveResult: Sendable {
    /// The people, ordered by their first record (source, then position).
    public var people: [Person]
    /// The groups, ordered by their record.
    public var groups: [PersonGroup]
    /// What resolution had to report (oversized blocking keys, unresolved group members).
    public var diagnostics: [Diagnostic]
    /// Borderline pairs, strongest first: pairs just below the threshold and strong pairs that
    /// were kept apart by a veto or as ambiguous.
    public var review: [ReviewPair]
    /// With a previous dataset: what changed per person since it.
    public var changes: [PersonChange]
    /// A stable name for each record of ``review`` (`uid:…`, else `fp:…`), so that an edited
    /// review file still finds its records when the inputs change.
    public var reviewKeys: [RecordRef: String]

    /// Creates a result.
    public init(
        people: [Person], groups: [PersonGroup], diagnostics: [Diagnostic], review: [ReviewPair],
        changes: [PersonChange] = [], reviewKeys: [RecordRef: String] = [:]
    ) {
        self.reviewKeys = reviewKeys
        self.changes = changes
        self.people = people
        self.groups = groups
        self.diagnostics = diagnostics
        self.review = review
    }
}

/// A pair of records whose decision is close enough that a person should look at it.
public struct ReviewPair: Sendable, Hashable {
    /// The two records, `a < b`.
    public var a: RecordRef
    public var b: RecordRef
    /// The people the records ended up in (equal when the pair was joined).
    public var personA: String
    public var personB: String
    /// The total weight in bits, and the probability it stands for.
    public var weight: Double
    public var probability: Double
    /// The weight of each field.
    public var evidence: [MatchEvidence]
    /// Why the pair is listed (`below the threshold by 2.1 bits`, `vetoed: full birth dates differ`).
    public var reason: String

    /// Creates a review pair.
    public init(
        a: RecordRef, b: RecordRef, personA: String, personB: String, weight: Double, probability: Double,
        evidence: [MatchEvidence], reason: String
    ) {
        self.a = a
        self.b = b
        self.personA = personA
        self.personB = personB
        self.weight = weight
        self.probability = probability
        self.evidence = evidence
        self.reason = reason
    }
}
