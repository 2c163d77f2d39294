import KithModel

/// Normalization of one contact's values (pass 2 of `Normalizer`).
enum ContactNormalizer {
    /// What pass 1 learned, shared read-only by all chunks.
    struct Context: Sendable {
        var defaultRegion: String?
        var sourceRegions: [Int32: String]
        var year1900Sources: Set<Int32>
    }

    static func normalize(_ contact: inout Contact, context: Context, state: inout ChunkState) {
        let ref = contact.ref
        var found: [Diagnostic] = []
        defer { state.diagnostics.append(contentsOf: found) }
        func report(_ line: Int32, _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String) {
            found.append(
                Diagnostic(
                    source: Int(ref.source), line: Int(line), record: Int(ref.index), severity: severity, code: code,
                    message: message))
        }
        // Taken out of the contact, so the name being normalized is its only copy.
        if var name = contact.name.take() {
            NameNormalizer.normalize(&name, phonetics: &state.phonetics)
            contact.name = name
        }
        for index in contact.emails.indices {
            let raw = contact.emails[index].raw
            let result = EmailNormalizer.normalize(raw)
            contact.emails[index].address = result.address
            contact.emails[index].key = result.key
            if !result.isValid {
                report(
                    contact.emails[index].meta.line, .warning, "normalize.email.invalid",
                    "\(Diagnostic.quote(raw)) is not a well-formed email address; kept as written")
            }
        }
        normalizePhones(&contact, context: context, state: &state, report: report)
        for index in contact.organizations.indices where !contact.organizations[index].name.trimmed.isEmpty {
            contact.organizations[index].key = OrganizationKey.key(contact.organizations[index].name)
        }
        inferOrganization(&contact)
        for index in contact.links.indices {
            normalizeLink(&contact.links[index], report: report)
        }
        for index in contact.onlineServices.indices {
            let service = contact.onlineServices[index]
            var key: String?
            if let user = service.user, let name = service.service { key = ProfileKey.key(handle: user, service: name) }
            if key == nil, let uri = service.uri {
                key = ProfileKey.key(url: uri) ?? service.service.flatMap { ProfileKey.key(handle: uri, service: $0) }
            }
            contact.onlineServices[index].profileKey = key
        }
        let year1900 = context.year1900Sources.contains(ref.source)
        for index in contact.dates.indices {
            let finding = DateNormalizer.normalize(&contact.dates[index], year1900IsPlaceholder: year1900)
            if finding == .impossible {
                report(
                    contact.dates[index].meta.line, .warning, "normalize.date.impossible",
                    "\(Diagnostic.quote(contact.dates[index].raw)) is not a possible date; kept as text")
            }
        }
    }

    /// Makes a link a URI: a web address written without a scheme (`www.example.com`) gets
    /// `http://` (``WebAddress``); the text as written stays in `raw`. Text that is neither a
    /// URI nor a web address is kept as written, with a diagnostic.
    static func normalizeLink(
        _ link: inout LinkValue, report: (Int32, Diagnostic.Severity, DiagnosticCode, String) -> Void
    ) {
        if let uri = WebAddress.uri(for: link.uri) {
            link.uri = uri
        } else if !WebAddress.hasScheme(link.uri) {
            report(
                link.meta.line, .info, "normalize.url.not-a-uri",
                "\(Diagnostic.quote(link.uri)) is neither a URI nor a web address; kept as written")
        }
        link.profileKey = ProfileKey.key(url: link.uri)
    }

    /// What a phone value dials.
    enum Dialling: Equatable {
        /// A number of the public network (or text that may be one).
        case number
        /// An internet telephony address, which routers and IP phones keep among numbers
        /// (FRITZ!Box: `500@hd-telefonie.avm.de`), with or without `sip:`.
        case sipAddress
        /// A code dialled inside a phone system: FRITZ!Box internal numbers (`**41`, `**610`)
        /// and service codes (`*31#`): a star or hash first, at most six digits.
        case internalCode
    }

    /// Tells SIP addresses and internal codes from numbers: no region makes them E.164 numbers.
    static func dialling(_ raw: String) -> Dialling {
        var digits = 0
        var first: UInt8?
        var onlyCodeCharacters = true
        for byte in raw.utf8 {
            if byte == UInt8(ascii: "@") { return .sipAddress }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { continue }
            if first == nil { first = byte }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "*"), UInt8(ascii: "#"): break
            default: onlyCodeCharacters = false
            }
        }
        // A scheme, in any case, with something after it (no lower-cased copy of every number).
        func starts(with scheme: String) -> Bool {
            raw.utf8.count > scheme.utf8.count && zip(raw.utf8, scheme.utf8).allSatisfy { $0 | 0x20 == $1 }
        }
        if first == UInt8(ascii: "s") || first == UInt8(ascii: "S"), starts(with: "sip:") || starts(with: "sips:") {
            return .sipAddress
        }
        if onlyCodeCharacters, digits <= 6, first == UInt8(ascii: "*") || first == UInt8(ascii: "#") {
            return .internalCode
        }
        return .number
    }

    /// Whether a phone text carries its own country code (`+…`, `tel:+…`).
    static func isInternational(_ raw: String) -> Bool {
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "+"): return true
            case UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "t"), UInt8(ascii: "T"): return raw.lowercased().hasPrefix("tel:+")
            default: return false
            }
        }
        return false
    }

    /// The text with `+` for a leading `00` (`0016 17…` → `+16 17…`), or `nil` when it does not
    /// start with `00` (spaces and an opening parenthesis before it are allowed).
    static func withPlusForDoubleZero(_ raw: String) -> String? {
        let utf8 = raw.utf8
        guard
            let start = utf8.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "(") }),
            utf8[start...].starts(with: [UInt8(ascii: "0"), UInt8(ascii: "0")])
        else { return nil }
        let rest = utf8[utf8.index(start, offsetBy: 2)...]
        guard let first = rest.first, first != UInt8(ascii: "0") else { return nil }
        return "+" + String(decoding: rest, as: UTF8.self)
    }

    private static func normalizePhones(
        _ contact: inout Contact, context: Context, state: inout ChunkState,
        report: (Int32, Diagnostic.Severity, DiagnosticCode, String) -> Void
    ) {
        guard !contact.phones.isEmpty else { return }
        // Region inference: the record's own address → the source's dominant country → default.
        var region: String?
        var rule: String?
        if let code = contact.addresses.lazy.compactMap(\.countryCode).first(where: {
            PhoneNormalizer.isSupportedRegion($0)
        }) {
            (region, rule) = (code, "record-address")
        } else if let code = context.sourceRegions[contact.ref.source] {
            (region, rule) = (code, "source-dominant")
        } else if let code = context.defaultRegion {
            (region, rule) = (code, "default")
        }
        let regionCountryCode = region.flatMap { PhoneNormalizer.countryCode(forRegion: $0) }
        for index in contact.phones.indices {
            let raw = contact.phones[index].raw
            let line = contact.phones[index].meta.line
            // Keeps the number as written; a reason that holds for a source is counted for it.
            func keep(_ reason: PhoneKeptReason) {
                contact.phones[index].unnormalized = reason.word
                if reason.isTalliedBySource {
                    state.kept.add(reason, source: contact.ref.source, record: contact.ref.index, line: line, raw: raw)
                }
            }
            switch dialling(raw) {
            case .number: break
            case .sipAddress:
                keep(.sipAddress)
                continue
            case .internalCode:
                keep(.internalCode)
                continue
            }
            let international = isInternational(raw)
            // "0049 30 …" is how most of the world dials abroad. In a region whose own
            // international prefix is another (011 in the US), or with no region at all,
            // libphonenumber cannot read it; it is read as "+49 30 …".
            var parsed: PhoneParse?
            var dialledAbroad = false
            if international {
                var reading = state.phone(raw, region: nil)
                if reading.failure != nil, let region { reading = state.phone(raw, region: region) }
                parsed = reading
            } else {
                if let region { parsed = state.phone(raw, region: region) }
                if parsed.map({ $0.failure != nil || !$0.isPossible }) ?? true, let plus = withPlusForDoubleZero(raw) {
                    let abroad = state.phone(plus, region: nil)
                    if abroad.failure == nil, abroad.isPossible {
                        parsed = abroad
                        dialledAbroad = true
                    }
                }
            }
            guard let parsed else {
                // No region to read it in (its parse would not be used).
                keep(.noRegion)
                continue
            }
            if let failure = parsed.failure {
                keep(.unparseable)
                report(
                    line, .info, KeptPhones.code(.unparseable),
                    "\(Diagnostic.quote(raw)) is not a phone number libphonenumber can read (\(failure.rawValue)); kept as written"
                )
                continue
            }
            guard parsed.isPossible else {
                keep(.impossibleLength)
                report(
                    line, .info, KeptPhones.code(.impossibleLength),
                    "\(Diagnostic.quote(raw)) has a length its country does not use (\(parsed.length?.rawValue ?? "unknown")); kept unnormalized"
                )
                continue
            }
            contact.phones[index].e164 = parsed.e164
            contact.phones[index].extension = parsed.extension
            contact.phones[index].lineType = parsed.lineType
            // A number of another country whose region libphonenumber cannot tell (an unassigned
            // range) has no region, rather than the record's.
            contact.phones[index].region = parsed.region ?? (parsed.countryCode == regionCountryCode ? region : nil)
            contact.phones[index].regionRule =
                (international || dialledAbroad || parsed.countryCode != regionCountryCode) ? "number" : rule
        }
    }

    /// Adds an organization from a work email's domain when the contact has none.
    private static func inferOrganization(_ contact: inout Contact) {
        guard contact.kind == .individual,
            !contact.organizations.contains(where: { !$0.name.trimmed.isEmpty })
        else { return }
        // By index: iterating the emails copied each.
        for index in contact.emails.indices where contact.emails[index].meta.has("work") {
            guard let domain = OrganizationKey.organizationDomain(ofEmail: contact.emails[index].address) else {
                continue
            }
            let line = Int(contact.emails[index].meta.line)
            var organization = OrganizationValue(name: domain, meta: FieldMeta(line: line))
            organization.key = OrganizationKey.key(String(domain.prefix { $0 != "." }))
            organization.inferredBy = "organization-from-email-domain"
            contact.organizations.append(organization)
            return
        }
    }
}
