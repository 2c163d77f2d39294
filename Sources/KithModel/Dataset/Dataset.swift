/// A group of people (vCard `KIND:group`, an Apple group card, a Google group).
public struct PersonGroup: Hashable, Sendable {
    /// The stable id, `urn:uuid:…`.
    public var id: String
    /// The group's own card (name, notes, …), `kind` `.group`.
    public var card: Contact
    /// Person ids of the members that could be resolved, sorted.
    public var memberIDs: [String]
    /// Member references that did not resolve to a person, as written.
    public var unresolvedMembers: [String]
    public var records: [MemberRecord]

    /// Creates a group.
    public init(id: String, card: Contact, memberIDs: [String], unresolvedMembers: [String], records: [MemberRecord]) {
        self.id = id
        self.card = card
        self.memberIDs = memberIDs
        self.unresolvedMembers = unresolvedMembers
        self.records = records
    }
}

/// The counts at the end of a dataset.
public struct DatasetSummary: Hashable, Sendable {
    public var records: Int
    public var people: Int
    public var groups: Int
    public var mergedRecords: Int
    public var diagnostics: Int

    /// Creates a summary.
    public init(records: Int, people: Int, groups: Int, mergedRecords: Int, diagnostics: Int) {
        self.records = records
        self.people = people
        self.groups = groups
        self.mergedRecords = mergedRecords
        self.diagnostics = diagnostics
    }
}

/// The whole output of an import: sources, people, groups and diagnostics (dataset contract v1).
public struct Dataset: Hashable, Sendable {
    /// The contract version written as `kith`.
    public static let contractVersion = 1

    public var generator: String
    /// ISO 8601 UTC time of generation.
    public var generatedAt: String
    public var sources: [SourceInfo]
    public var people: [Person]
    public var groups: [PersonGroup]
    public var diagnostics: [Diagnostic]
    /// What changed per person since the previous dataset (`--previous`); empty otherwise.
    public var changes: [PersonChange]

    /// Creates a dataset.
    public init(
        generator: String, generatedAt: String, sources: [SourceInfo], people: [Person],
        groups: [PersonGroup], diagnostics: [Diagnostic], changes: [PersonChange] = []
    ) {
        self.changes = changes
        self.generator = generator
        self.generatedAt = generatedAt
        self.sources = sources
        self.people = people
        self.groups = groups
        self.diagnostics = diagnostics
    }

    /// The counts of the dataset.
    public var summary: DatasetSummary {
        let records = sources.reduce(0) { $0 + $1.records }
        let inPeople = people.reduce(0) { $0 + $1.records.count }
        return DatasetSummary(
            records: records, people: people.count, groups: groups.count,
            mergedRecords: inPeople - people.count, diagnostics: diagnostics.count)
    }
}
