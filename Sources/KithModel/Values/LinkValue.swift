/// A web address of a person or organization (vCard `URL`, a "Web Page" column).
public struct LinkValue: Hashable, Sendable {
    /// The address as a URI: as the source wrote it, or once normalized, with `http://` before
    /// a web address the source wrote without a scheme (`www.example.com`, see ``WebAddress``).
    public var uri: String
    /// The address as the source wrote it; equal to `uri` until normalized.
    public var raw: String
    /// A canonical profile form when the link is a known social profile (`linkedin:in/jdoe`),
    /// once normalized.
    public var profileKey: String?
    public var meta: FieldMeta

    /// Creates a link as the source wrote it (`raw` equal to `uri`).
    public init(uri: String, meta: FieldMeta = FieldMeta()) {
        self.init(uri: uri, raw: uri, meta: meta)
    }

    /// Creates a link whose address was written otherwise in its source.
    public init(uri: String, raw: String, meta: FieldMeta = FieldMeta()) {
        self.uri = uri
        self.raw = raw
        self.meta = meta
    }
}

/// An account on an online service: an instant-messaging handle, a SIP address or a social
/// profile (vCard `IMPP`, `X-AIM`, `X-SOCIALPROFILE`, Google `gd:im`).
public struct OnlineServiceValue: Hashable, Sendable {
    /// The service name as the source implies it (`skype`, `xmpp`, `twitter`, `sip`), lower-case.
    public var service: String?
    /// The URI form (`xmpp:alice@example.com`), when the source gave one.
    public var uri: String?
    /// The user name or handle, when the source gave one.
    public var user: String?
    /// A canonical profile form (`twitter:jdoe`), once normalized.
    public var profileKey: String?
    public var meta: FieldMeta

    /// Creates an online service account.
    public init(service: String?, uri: String? = nil, user: String? = nil, meta: FieldMeta = FieldMeta()) {
        self.service = service
        self.uri = uri
        self.user = user
        self.meta = meta
    }
}

/// Another person or group related to this one (vCard `RELATED`, `X-ABRELATEDNAMES`,
/// `X-EVOLUTION-SPOUSE`, Outlook "Spouse").
public struct RelatedValue: Hashable, Sendable {
    /// The related entity: a URI (`urn:uuid:…`) or free text (a name).
    public var value: String
    /// Whether `value` is a URI rather than text.
    public var isURI: Bool
    /// Relation types, lower-case (`spouse`, `child`, `manager`, …); Apple labels are in `meta.label`.
    public var relations: [String]
    public var meta: FieldMeta

    /// Creates a related value.
    public init(value: String, isURI: Bool = false, relations: [String] = [], meta: FieldMeta = FieldMeta()) {
        self.value = value
        self.isURI = isURI
        self.relations = relations
        self.meta = meta
    }
}
