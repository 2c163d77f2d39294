/// A property that Kith does not map to a field, kept verbatim so that nothing is lost
/// (RFC 9555 `vCardProps`). CSV columns and XML elements without a mapping use the same form,
/// named `X-CSV-<column>` or `X-XML-<element path>` by their readers.
public struct RawProperty: Hashable, Sendable {
    /// The property name, upper-cased, without its group.
    public var name: String
    /// The property group, when it had one (`item1`).
    public var group: String?
    /// The parameters as written.
    public var parameters: [Parameter]
    /// The value type (`text`, `uri`, `date`, `unknown`), lower-case.
    public var valueType: String
    /// The value text after unfolding and transfer decoding, escapes kept.
    public var value: String
    /// The 1-based line where it starts, 0 if the format has no lines.
    public var line: Int32

    /// Creates a raw property.
    public init(
        name: String, group: String? = nil, parameters: [Parameter] = [], valueType: String = "unknown",
        value: String, line: Int = 0
    ) {
        self.name = name
        self.group = group
        self.parameters = parameters
        self.valueType = valueType
        self.value = value
        self.line = Int32(truncatingIfNeeded: line)
    }
}
