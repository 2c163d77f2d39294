/// An organization and its units (vCard `ORG`), possibly inferred.
public struct OrganizationValue: Hashable, Sendable {
    public var name: String
    /// Organizational units, outermost first.
    public var units: [String]
    /// A matching key without legal suffixes, once normalized.
    public var key: String?
    /// When the value was derived rather than read, the rule that derived it
    /// (`organization-from-email-domain`).
    public var inferredBy: String?
    public var meta: FieldMeta

    /// Creates an organization.
    public init(name: String, units: [String] = [], meta: FieldMeta = FieldMeta()) {
        self.name = name
        self.units = units
        self.meta = meta
    }
}
