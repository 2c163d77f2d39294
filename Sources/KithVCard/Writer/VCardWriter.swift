public import KithIO
public import KithModel

/// Writes people and groups as vCard 4.0 (RFC 6350) or 3.0 (RFC 2426) cards.
///
/// Every card has `UID` equal to the person's id, `PRODID` ``productID``, CRLF line ends and
/// lines folded at 75 octets without splitting a UTF-8 sequence. Every field of the merged
/// `Contact` is written; what each version lacks goes where the big producers put it:
///
/// | field | 4.0 | 3.0 |
/// | --- | --- | --- |
/// | preference | `PREF=n` | `TYPE=pref` when `pref` is 1 |
/// | label | `itemN.X-ABLabel` | `itemN.X-ABLabel` |
/// | date without year | `--0415` | `X-APPLE-OMIT-YEAR=1604` with year 1604 |
/// | wedding date | `ANNIVERSARY` | `X-ANNIVERSARY` |
/// | death date | `DEATHDATE` (RFC 6474) | `DEATHDATE` |
/// | other dates | `itemN.X-ABDATE` | `itemN.X-ABDATE` |
/// | inline photo | `data:` URI | `ENCODING=b;TYPE=JPEG` |
/// | formatted address | `LABEL` parameter | `LABEL` property in the address's group |
/// | country code | `CC` parameter (RFC 9554) | `itemN.X-ABADR` |
/// | related | `RELATED` | `itemN.X-ABRELATEDNAMES` |
/// | gender | `GENDER` | `X-GENDER` |
/// | organization card | `KIND:org` | `X-ABShowAs:COMPANY` |
/// | group | `KIND:group`, `MEMBER` | `X-ADDRESSBOOKSERVER-KIND:group`, `-MEMBER` |
/// | member of a card not a group, or not a URI | `X-KITH-MEMBER` | `X-ADDRESSBOOKSERVER-MEMBER` |
/// | web address without a scheme | `URL:http://…` | `URL:http://…` |
/// | link that is not an address | `X-KITH-URL` | `X-KITH-URL` |
/// | photo, logo, sound that is not a URI | `X-KITH-UNMAPPED;X-PROPERTY=PHOTO` | the same |
///
/// Unmapped properties are written back verbatim (name, group, parameters, value), except that
/// `CHARSET` and a quoted-printable `ENCODING` are dropped (the kept value is already decoded)
/// and a line break in the value is written as `\n`.
///
/// Alternates (values that lost to another of a single-valued field) are written as extra values
/// where the property may repeat (emails, phones, addresses, notes, nicknames, titles, URLs,
/// dates other than birth, wedding and death, …); for single-valued properties (`N`/`FN`,
/// `BDAY`, `ANNIVERSARY`, `DEATHDATE`, `GENDER`) they are written as
/// `X-KITH-ALTERNATE;X-PROPERTY=BDAY;X-PATH=…;X-REASON=…:<the value as BDAY would hold it>`,
/// which other programs keep as an unknown property.
///
/// Not written: the source record's own `UID` and `PRODID` (the card's are Kith's),
/// organizations inferred from email domains (`inferredBy` set: derived, not user data), and
/// the normalized forms (E.164, matching keys), which readers derive again.
public struct VCardWriter: Sendable {
    /// The vCard version written.
    public enum Version: String, Hashable, Sendable {
        /// vCard 4.0, RFC 6350.
        case v4 = "4.0"
        /// vCard 3.0, RFC 2426.
        case v3 = "3.0"
    }

    /// The `PRODID` of every card.
    public static let productID = "-//Kith//Kith 0.1.0//EN"

    public var version: Version

    /// Creates a writer.
    ///
    /// - Parameter version: `.v4` or `.v3`.
    public init(version: Version) {
        self.version = version
    }

    /// Writes one person as one card.
    ///
    /// - Parameter person: the person; `person.id` becomes the `UID`.
    /// - Returns: the card's bytes, UTF-8, from `BEGIN:VCARD` to `END:VCARD` and its CRLF.
    /// - Complexity: O(n) in the size of the person's values.
    public func write(person: Person) -> [UInt8] {
        var buffer = VCardCardBuffer(version: version, usedGroups: Self.groups(of: person.card))
        begin(&buffer, kind: person.card.kind, uid: person.id)
        writeFields(of: person.card, into: &buffer)
        for alternate in person.alternates {
            for line in alternateLines(alternate) { buffer.emit(line) }
        }
        writeUnmapped(person.card.unmapped, into: &buffer)
        buffer.raw(nil, "END", [], "VCARD")
        return buffer.bytes
    }

    /// Writes one group as one card: `KIND:group` with `MEMBER`s in 4.0, an Apple group card in 3.0.
    ///
    /// - Parameter group: the group; its member ids become `urn:uuid:` member references, and
    ///   members that did not resolve are written as they were given.
    /// - Returns: the card's bytes.
    /// - Complexity: O(n) in the number of members and values.
    public func write(group: PersonGroup) -> [UInt8] {
        var buffer = VCardCardBuffer(version: version, usedGroups: Self.groups(of: group.card))
        begin(&buffer, kind: .group, uid: group.id)
        var card = group.card
        card.kind = .group
        card.members = []  // written from the resolved lists below
        writeFields(of: card, into: &buffer)
        let memberName = version == .v4 ? "MEMBER" : "X-ADDRESSBOOKSERVER-MEMBER"
        for member in group.memberIDs { buffer.raw(nil, memberName, [], member) }
        for member in group.unresolvedMembers {
            if Self.looksLikeURI(member) {
                buffer.raw(nil, memberName, [], member)
            } else {
                // MEMBER holds a URI; a member given only by name is kept as text beside it.
                buffer.raw(nil, "X-KITH-MEMBER", [], VCardEscaping.text(member, escapingSemicolon: version == .v3))
            }
        }
        writeUnmapped(group.card.unmapped, into: &buffer)
        buffer.raw(nil, "END", [], "VCARD")
        return buffer.bytes
    }

    /// Writes every person, then every group, of a dataset.
    ///
    /// - Parameters:
    ///   - dataset: the dataset.
    ///   - output: the byte sink (a file or standard output).
    /// - Throws: `KithError` `.outputFailed` when writing fails.
    /// - Complexity: O(n) in the size of the dataset.
    public func write(dataset: Dataset, to output: inout ByteOutput) throws {
        for person in dataset.people { try output.write(write(person: person)) }
        for group in dataset.groups { try output.write(write(group: group)) }
        try output.flush()
    }

    // MARK: - Card skeleton

    private func begin(_ buffer: inout VCardCardBuffer, kind: Contact.Kind, uid: String) {
        buffer.raw(nil, "BEGIN", [], "VCARD")
        buffer.raw(nil, "VERSION", [], version.rawValue)
        switch (version, kind) {
        case (_, .individual): break
        case (.v4, _): buffer.raw(nil, "KIND", [], kind.rawValue)
        case (.v3, .group): buffer.raw(nil, "X-ADDRESSBOOKSERVER-KIND", [], "group")
        case (.v3, .org): buffer.raw(nil, "X-ABShowAs", [], "COMPANY")
        case (.v3, _): buffer.raw(nil, "KIND", [], kind.rawValue)
        }
        buffer.raw(nil, "PRODID", [], VCardEscaping.text(Self.productID, escapingSemicolon: version == .v3))
        buffer.raw(nil, "UID", [], uid)
    }

    /// The property groups the card's values and unmapped properties use, lower-cased.
    static func groups(of card: Contact) -> Set<String> {
        var metas: [FieldMeta] = []
        metas += card.emails.map(\.meta)
        metas += card.phones.map(\.meta)
        metas += card.addresses.map(\.meta)
        metas += card.links.map(\.meta)
        metas += card.onlineServices.map(\.meta)
        metas += card.dates.map(\.meta)
        metas += card.related.map(\.meta)
        metas += card.organizations.map(\.meta)
        metas += (card.nicknames + card.titles + card.roles + card.notes + card.categories).map(\.meta)
        metas += card.media.map(\.meta)
        var groups = Set(metas.compactMap { $0.group?.lowercased() })
        for raw in card.unmapped {
            if let group = raw.group { groups.insert(group.lowercased()) }
        }
        return groups
    }

    /// Whether text starts with a URI scheme (`urn:`, `https:`, `mailto:`).
    static func looksLikeURI(_ text: String) -> Bool { WebAddress.hasScheme(text) }
}
