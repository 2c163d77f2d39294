/// A photo, logo or sound: inline bytes (kept, with their hash) or a link.
public struct MediaValue: Hashable, Sendable {
    /// What the media is.
    public enum Kind: String, Hashable, Sendable {
        case photo, logo, sound
    }

    public var kind: Kind
    /// The media type (`image/jpeg`), when known from the source or the bytes.
    public var mediaType: String?
    /// The decoded bytes of inline media.
    public var data: [UInt8]?
    /// Lower-case hex SHA-256 of `data`.
    public var sha256: String?
    /// A link to the media, when it is not inline (`https://…`, a `file:` or `cid:` reference).
    public var uri: String?
    public var meta: FieldMeta

    /// Creates a media value.
    public init(
        kind: Kind, mediaType: String? = nil, data: [UInt8]? = nil, sha256: String? = nil,
        uri: String? = nil, meta: FieldMeta = FieldMeta()
    ) {
        self.kind = kind
        self.mediaType = mediaType
        self.data = data
        self.sha256 = sha256
        self.uri = uri
        self.meta = meta
    }
}
