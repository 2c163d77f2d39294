/// One imported record, as its source had it, mapped to Kith's common field model.
///
/// Every value keeps its raw text, its labels and the line it was read from; properties Kith
/// does not map are kept verbatim in `unmapped`. A contact is a value: readers build it, the
/// normalizer fills in normalized forms, the resolver groups contacts into people.
public struct Contact: Hashable, Sendable {
    /// What the record describes.
    public enum Kind: String, Hashable, Sendable {
        case individual, group, org, location, application, device
    }

    /// Where the record came from.
    public var ref: RecordRef
    /// The 1-based line where the record starts, 0 if the format has no lines.
    public var line: Int32
    /// The format version the record declares (`2.1`, `3.0`, `4.0`), when it declares one.
    public var version: String?
    public var kind: Kind

    public var name: NameValue?
    public var nicknames: [TextValue]
    public var emails: [EmailValue]
    public var phones: [PhoneValue]
    public var addresses: [AddressValue]
    public var organizations: [OrganizationValue]
    public var titles: [TextValue]
    public var roles: [TextValue]
    public var dates: [DateValue]
    public var links: [LinkValue]
    public var onlineServices: [OnlineServiceValue]
    public var notes: [TextValue]
    /// Categories, tags and group labels (vCard `CATEGORIES`, Google `Labels`).
    public var categories: [TextValue]
    public var media: [MediaValue]
    public var related: [RelatedValue]
    /// Gender as the source gave it (vCard 4 `GENDER` value, a CSV "Gender" column).
    public var gender: TextValue? {
        get { rare.fields.gender }
        set { rare.update { $0.gender = newValue } }
    }
    /// Members of a group record (`MEMBER`, `X-ADDRESSBOOKSERVER-MEMBER` values), as URIs or text.
    public var members: [TextValue]
    /// The record's own unique id (`UID`, a `uniqueid` element), as written.
    public var uid: String?
    /// The record's revision or modification time as written (`REV`, `mod_time`).
    public var revision: String? {
        get { rare.fields.revision }
        set { rare.update { $0.revision = newValue } }
    }
    /// `revision` read as a date-time, when it could be.
    public var revisionDate: PartialDate? {
        get { rare.fields.revisionDate }
        set { rare.update { $0.revisionDate = newValue } }
    }
    /// The producer (`PRODID`), when the record names it.
    public var producer: String? {
        get { rare.fields.producer }
        set { rare.update { $0.producer = newValue } }
    }
    /// Properties, columns and elements Kith does not map, verbatim.
    public var unmapped: [RawProperty]
    /// The members most records lack (gender, revision, producer), out of line.
    private var rare = RareMembers<ContactRare>()

    /// Creates an empty contact for record `ref`.
    public init(ref: RecordRef, line: Int = 0, kind: Kind = .individual) {
        self.ref = ref
        self.line = Int32(truncatingIfNeeded: line)
        self.kind = kind
        self.nicknames = []
        self.emails = []
        self.phones = []
        self.addresses = []
        self.organizations = []
        self.titles = []
        self.roles = []
        self.dates = []
        self.links = []
        self.onlineServices = []
        self.notes = []
        self.categories = []
        self.media = []
        self.related = []
        self.members = []
        self.unmapped = []
    }

    /// Moves the record out, leaving an empty record with the same reference: a record passed
    /// on from an array or a builder changes hands without a copy (which would retain every
    /// value it holds, and the emptied original release them all again).
    public mutating func take() -> Contact {
        var taken = Contact(ref: ref)
        swap(&taken, &self)
        return taken
    }

    /// Whether the record carries no value at all.
    public var isEmpty: Bool {
        (name?.isEmpty ?? true) && nicknames.isEmpty && emails.isEmpty && phones.isEmpty
            && addresses.isEmpty && organizations.isEmpty && titles.isEmpty && roles.isEmpty
            && dates.isEmpty && links.isEmpty && onlineServices.isEmpty && notes.isEmpty
            && categories.isEmpty && media.isEmpty && related.isEmpty && gender == nil
            && members.isEmpty && uid == nil && unmapped.isEmpty
    }

    /// Whether the record is a group of other records rather than a person or organization.
    public var isGroup: Bool { kind == .group }

    /// A display name for messages: the formatted name, else the joined components, else the
    /// first organization, email or phone.
    public var displayName: String {
        if let full = name?.full, !full.isEmpty { return full }
        if let name, name.hasComponents {
            return (name.prefixes + name.given + name.additional + name.surname + name.suffixes)
                .filter { !$0.isEmpty }.joined(separator: " ")
        }
        if let org = organizations.first, !org.name.isEmpty { return org.name }
        if let email = emails.first { return email.address }
        if let phone = phones.first { return phone.raw }
        return ""
    }
}

/// The rarely given members of a contact.
struct ContactRare: RareFields {
    var gender: TextValue?
    var revision: String?
    var revisionDate: PartialDate?
    var producer: String?

    var isEmpty: Bool { gender == nil && revision == nil && revisionDate == nil && producer == nil }
}
