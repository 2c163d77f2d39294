/// One input of a dataset: a file (or standard input) and what was read from it.
public struct SourceInfo: Hashable, Sendable {
    /// The 0-based source number; the dataset id is `S\(number + 1)`.
    public var number: Int
    /// The path as the user gave it (`-` for standard input).
    public var path: String
    /// The format family: `vcard`, `csv`, `xml`.
    public var format: String
    /// The producer or layout: `vcard-3.0/apple`, `csv/google`, `xml/fritzbox`.
    public var flavor: String
    /// The text encoding found or assumed (`utf-8`, `utf-16le`, `windows-1252`, `mixed`).
    public var encoding: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    /// How many records the source yielded.
    public var records: Int

    /// Creates a source description.
    public init(
        number: Int, path: String, format: String, flavor: String, encoding: String, sha256: String,
        records: Int
    ) {
        self.number = number
        self.path = path
        self.format = format
        self.flavor = flavor
        self.encoding = encoding
        self.sha256 = sha256
        self.records = records
    }

    /// `S1` for source 0.
    public var id: String { "S\(number + 1)" }
}
