/// A postal address: components as the source gave them, and a formatted label.
public struct AddressValue: Hashable, Sendable {
    public var poBox: String
    /// Extended address (apartment, suite).
    public var extended: String
    public var street: String
    /// City or locality.
    public var locality: String
    /// State, province or region.
    public var region: String
    public var postalCode: String
    /// The country as written (`Deutschland`, `USA`, `de`).
    public var country: String
    /// ISO 3166-1 alpha-2 code of the country, once normalized or when the source gives one
    /// (Apple `X-ABADR`).
    public var countryCode: String?
    /// A formatted, possibly multi-line form (vCard `LABEL`, CSV "Formatted" columns).
    public var formatted: String?
    /// Geographic position as the source gave it (`geo:` URI).
    public var geo: String? {
        get { rare.fields.geo }
        set { rare.update { $0.geo = newValue } }
    }
    /// Time zone as the source gave it.
    public var timeZone: String? {
        get { rare.fields.timeZone }
        set { rare.update { $0.timeZone = newValue } }
    }
    /// The address text as the source wrote it (the vCard `ADR` value), when it had one.
    public var raw: String?
    /// When the components were derived rather than read (split from `formatted`), the rule that
    /// derived them (`address-from-formatted`).
    public var componentsRule: String? {
        get { rare.fields.componentsRule }
        set { rare.update { $0.componentsRule = newValue } }
    }
    /// The postal code as written, when normalization changed `postalCode`.
    public var postalCodeAsWritten: String? {
        get { rare.fields.postalCodeAsWritten }
        set { rare.update { $0.postalCodeAsWritten = newValue } }
    }
    public var meta: FieldMeta
    /// The members most addresses lack (position, time zone, the rules that changed them), out
    /// of line.
    private var rare = RareMembers<AddressRare>()

    /// Creates an address.
    public init(
        poBox: String = "", extended: String = "", street: String = "", locality: String = "",
        region: String = "", postalCode: String = "", country: String = "", formatted: String? = nil,
        raw: String? = nil, meta: FieldMeta = FieldMeta()
    ) {
        self.poBox = poBox
        self.extended = extended
        self.street = street
        self.locality = locality
        self.region = region
        self.postalCode = postalCode
        self.country = country
        self.formatted = formatted
        self.raw = raw
        self.meta = meta
    }

    /// Whether every component and the formatted form are empty.
    public var isEmpty: Bool {
        poBox.isEmpty && extended.isEmpty && street.isEmpty && locality.isEmpty && region.isEmpty
            && postalCode.isEmpty && country.isEmpty && (formatted ?? "").isEmpty
    }
}

/// The rarely given members of an address.
struct AddressRare: RareFields {
    var geo: String?
    var timeZone: String?
    var componentsRule: String?
    var postalCodeAsWritten: String?

    var isEmpty: Bool { geo == nil && timeZone == nil && componentsRule == nil && postalCodeAsWritten == nil }
}
