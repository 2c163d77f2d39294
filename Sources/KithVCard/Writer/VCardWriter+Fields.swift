import KithModel

extension VCardWriter {
    private var isV3: Bool { version == .v3 }

    /// Escapes a TEXT value for this version.
    func text(_ value: String) -> String {
        VCardEscaping.text(value, escapingSemicolon: isV3)
    }

    /// Joins component lists of a structured value: items by `,`, components by `;`.
    func structured(_ components: [[String]]) -> String {
        components.map { $0.map(VCardEscaping.component).joined(separator: ",") }.joined(separator: ";")
    }

    /// Writes every field of a card after `UID`, in the order RFC 6350 §6 lists the properties.
    func writeFields(of card: Contact, into buffer: inout VCardCardBuffer) {
        for line in nameLines(card.name, fallback: card.displayName) { buffer.emit(line) }
        for value in card.nicknames { buffer.emit(textLine("NICKNAME", value)) }
        for value in card.media where value.kind == .photo { if let line = mediaLine(value) { buffer.emit(line) } }
        for value in Self.sharingAltID(card.dates, when: !isV3) { buffer.emit(contentsOf: dateLines(value)) }
        if let gender = card.gender { buffer.emit(genderLine(gender)) }
        for value in card.addresses {
            var group = value.meta.group
            if group == nil, isV3, value.countryCode != nil || !(value.formatted ?? "").isEmpty {
                group = buffer.newGroup()
            }
            buffer.emit(contentsOf: addressLines(value, group: group))
        }
        for value in card.phones { buffer.emit(phoneLine(value)) }
        for value in card.emails { buffer.emit(emailLine(value)) }
        for value in card.onlineServices { buffer.emit(onlineServiceLine(value)) }
        for value in card.titles { buffer.emit(textLine("TITLE", value)) }
        for value in card.roles { buffer.emit(textLine("ROLE", value)) }
        for value in card.media where value.kind == .logo { if let line = mediaLine(value) { buffer.emit(line) } }
        for value in card.organizations where value.inferredBy == nil { buffer.emit(organizationLine(value)) }
        for value in card.members { buffer.emit(memberLine(value, kind: card.kind)) }
        for value in card.related { buffer.emit(relatedLine(value)) }
        if !card.categories.isEmpty {
            var line = VCardLine("CATEGORIES", value: card.categories.map { text($0.value) }.joined(separator: ","))
            addCommon(&line, card.categories[0].meta, types: false)
            buffer.emit(line)
        }
        for value in card.notes { buffer.emit(textLine("NOTE", value)) }
        for value in card.media where value.kind == .sound { if let line = mediaLine(value) { buffer.emit(line) } }
        for value in card.links { buffer.emit(linkLine(value)) }
        if let revision = card.revisionDate, let value = timestamp(revision) {
            buffer.emit(VCardLine("REV", value: value))
        }
    }

    /// Several birthdays (or wedding or death dates) in one card: RFC 6350 §6.2.5 allows one
    /// `BDAY`, or several that share an `ALTID` (alternative forms of one value, §5.4), so in
    /// 4.0 they are given the same `ALTID`.
    static func sharingAltID(_ dates: [DateValue], when enabled: Bool) -> [DateValue] {
        guard enabled else { return dates }
        var result = dates
        for kind in [DateValue.Kind.birth, .wedding, .death] {
            let indices = result.indices.filter { result[$0].kind == kind }
            guard indices.count > 1 else { continue }
            let shared = indices.lazy.compactMap { result[$0].meta.altID }.first ?? "1"
            for index in indices { result[index].meta.altID = shared }
        }
        return result
    }

    // MARK: - Parameters

    /// Adds the parameters a value's metadata implies: TYPE, PREF (4.0) or `TYPE=pref` (3.0),
    /// LANGUAGE, ALTID (4.0), the label, the group, and the source's other parameters.
    func addCommon(_ line: inout VCardLine, _ meta: FieldMeta, types: Bool = true, extraTypes: [String] = []) {
        var preferred = meta.pref
        if meta.has("pref"), preferred == nil { preferred = 1 }
        if types {
            var words = extraTypes
            for type in meta.types where type != "pref" && !words.contains(type) { words.append(type) }
            if isV3 {
                words = words.map { $0.uppercased() }
                if preferred == 1 { words.append("pref") }
            }
            line.add("TYPE", words)
        }
        if !isV3, let preferred { line.add("PREF", String(preferred)) }
        line.add("LANGUAGE", meta.language)
        if !isV3 { line.add("ALTID", meta.altID) }
        if line.group == nil { line.group = meta.group }
        if line.label == nil { line.label = meta.label }
        for parameter in meta.parameters {
            let name = parameter.name.uppercased()
            if Self.managedParameters.contains(name) { continue }
            line.add(name, parameter.values)
        }
    }

    /// Parameters the writer sets itself, or that describe an encoding the written card does not use.
    /// (Other parameters the writer sets, such as `LABEL`, `CC` or `SORT-AS`, are written from
    /// the source's parameters only when the value does not provide them.)
    static let managedParameters: Set<String> = [
        "TYPE", "PREF", "VALUE", "ENCODING", "CHARSET", "LANGUAGE", "ALTID", "MEDIATYPE", "X-APPLE-OMIT-YEAR",
    ]

    // MARK: - Lines per value

    /// `FN` (required in both versions), `N` (required in 3.0), sort and phonetic forms.
    func nameLines(_ name: NameValue?, fallback: String) -> [VCardLine] {
        var lines: [VCardLine] = []
        let full = name?.full.flatMap { $0.isEmpty ? nil : $0 } ?? fallback
        var fn = VCardLine("FN", value: text(full))
        if let meta = name?.meta {
            fn.add("LANGUAGE", meta.language)
            if !isV3 { fn.add("ALTID", meta.altID) }
        }
        lines.append(fn)
        if let name, name.hasComponents || isV3 {
            var n = VCardLine(
                "N", value: structured([name.surname, name.given, name.additional, name.prefixes, name.suffixes]))
            if !isV3, let sortAs = name.sortAs { n.add("SORT-AS", sortAs) }
            addCommon(&n, name.meta, types: false)
            n.label = nil
            lines.append(n)
        } else if isV3 {
            lines.append(VCardLine("N", value: ";;;;"))
        }
        if isV3, let sortAs = name?.sortAs { lines.append(VCardLine("SORT-STRING", value: text(sortAs))) }
        let phonetic: [(String, String?)] = [
            ("X-PHONETIC-FIRST-NAME", name?.phoneticGiven), ("X-PHONETIC-MIDDLE-NAME", name?.phoneticAdditional),
            ("X-PHONETIC-LAST-NAME", name?.phoneticSurname),
        ]
        for (property, value) in phonetic {
            if let value, !value.isEmpty { lines.append(VCardLine(property, value: text(value))) }
        }
        return lines
    }

    /// A plain TEXT property (NICKNAME, TITLE, ROLE, NOTE).
    func textLine(_ property: String, _ value: TextValue) -> VCardLine {
        var line = VCardLine(property, value: text(value.value))
        addCommon(&line, value.meta)
        return line
    }

    func emailLine(_ value: EmailValue) -> VCardLine {
        var line = VCardLine("EMAIL", value: text(value.address))
        // Apple, Google and Evolution mark 3.0 emails INTERNET; 4.0 dropped the type.
        addCommon(&line, value.meta, extraTypes: isV3 && !value.meta.has("internet") ? ["internet"] : [])
        return line
    }

    func phoneLine(_ value: PhoneValue) -> VCardLine {
        // 4.0 TEL is free text by default (RFC 6350 §6.4.1); a `tel:` URI is marked as one.
        let isURI = value.raw.lowercased().hasPrefix("tel:")
        var line = VCardLine("TEL", value: isURI ? value.raw : text(value.raw))
        if isURI { line.add("VALUE", "uri") }
        addCommon(&line, value.meta)
        return line
    }

    /// `ADR` and, in 3.0, the `LABEL` and `X-ABADR` properties in the same group.
    func addressLines(_ value: AddressValue, group: String?) -> [VCardLine] {
        let components: [[String]] = [
            [value.poBox], [value.extended], [value.street], [value.locality], [value.region], [value.postalCode],
            [value.country],
        ]
        var line = VCardLine("ADR", group: group, value: structured(components))
        if !isV3 {
            line.add("LABEL", value.formatted)
            line.add("CC", value.countryCode)
            line.add("GEO", value.geo)
            line.add("TZ", value.timeZone)
        } else {
            line.add("GEO", value.geo)
            line.add("TZ", value.timeZone)
        }
        addCommon(&line, value.meta)
        guard isV3 else { return [line] }
        var lines = [line]
        if let formatted = value.formatted, !formatted.isEmpty {
            var label = VCardLine("LABEL", group: line.group, value: text(formatted))
            label.add("TYPE", line.parameters.first { $0.name == "TYPE" }?.values ?? [])
            lines.append(label)
        }
        if let code = value.countryCode {
            lines.append(VCardLine("X-ABADR", group: line.group, value: text(code)))
        }
        return lines
    }

    func organizationLine(_ value: OrganizationValue) -> VCardLine {
        var line = VCardLine("ORG", value: structured([[value.name]] + value.units.map { [$0] }))
        addCommon(&line, value.meta, types: !isV3)
        return line
    }

    /// `URL`, whose value is a URI (RFC 6350 §6.7.8, RFC 2426 §3.6.8): a web address written
    /// without a scheme gets `http://` as normalizing gives it (``WebAddress``); text that is
    /// no address at all is written as `X-KITH-URL`, which the reader reads back as a link.
    func linkLine(_ value: LinkValue) -> VCardLine {
        var line: VCardLine
        if let uri = WebAddress.uri(for: value.uri) {
            line = VCardLine("URL", value: uri)
        } else if WebAddress.hasScheme(value.uri) {
            line = VCardLine("URL", value: value.uri)
        } else {
            line = VCardLine("X-KITH-URL", value: text(value.uri))
        }
        addCommon(&line, value.meta)
        return line
    }

    /// `MEMBER` (4.0) holds a URI and belongs on a group card only (RFC 6350 §6.6.5): a member
    /// of another kind of card, or one given as text, is written as `X-KITH-MEMBER`, which the
    /// reader reads back as a member. 3.0 has Apple's `X-ADDRESSBOOKSERVER-MEMBER`, with no
    /// such rule.
    func memberLine(_ value: TextValue, kind: Contact.Kind) -> VCardLine {
        if isV3 { return VCardLine("X-ADDRESSBOOKSERVER-MEMBER", value: value.value) }
        if kind == .group, Self.looksLikeURI(value.value) { return VCardLine("MEMBER", value: value.value) }
        return VCardLine("X-KITH-MEMBER", value: text(value.value))
    }

    /// `IMPP` with `X-SERVICE-TYPE`; a web profile (`https:`) as `SOCIALPROFILE` (4.0, RFC 9554)
    /// or Apple's `X-SOCIALPROFILE` (3.0).
    func onlineServiceLine(_ value: OnlineServiceValue) -> VCardLine {
        let uri: String
        if let given = value.uri, !given.isEmpty {
            uri = given
        } else {
            uri = "\(Self.scheme(value.service ?? "x-im")):\(value.user ?? "")"
        }
        let lower = uri.lowercased()
        let isWeb = lower.hasPrefix("http:") || lower.hasPrefix("https:")
        var line: VCardLine
        if isWeb {
            line = VCardLine(isV3 ? "X-SOCIALPROFILE" : "SOCIALPROFILE", value: uri)
            if let service = value.service { line.add(isV3 ? "TYPE" : "SERVICE-TYPE", service) }
        } else {
            line = VCardLine("IMPP", value: uri)
            if let service = value.service { line.add("X-SERVICE-TYPE", service) }
        }
        if let user = value.user, !user.isEmpty, value.uri != nil { line.add("X-USER", user) }
        addCommon(&line, value.meta)
        return line
    }

    /// `RELATED` (4.0) or Apple's `X-ABRELATEDNAMES` with a label (3.0).
    func relatedLine(_ value: RelatedValue) -> VCardLine {
        var line: VCardLine
        if isV3 {
            line = VCardLine("X-ABRELATEDNAMES", value: text(value.value))
            if value.meta.label == nil, let first = value.relations.first {
                line.label = AppleLabelWrapping.relation(first) ?? first
            }
            addCommon(&line, value.meta, extraTypes: value.relations)
        } else {
            line = VCardLine("RELATED", value: value.isURI ? value.value : text(value.value))
            if !value.isURI { line.add("VALUE", "text") }
            addCommon(&line, value.meta, extraTypes: value.relations)
        }
        return line
    }

    /// `GENDER` (4.0: `sex;identity`, a free text kept as the identity when it is not in that
    /// form) or `X-GENDER` (3.0, which has no gender property).
    func genderLine(_ value: TextValue) -> VCardLine {
        guard !isV3 else {
            var line = VCardLine("X-GENDER", value: text(value.value))
            addCommon(&line, value.meta)
            return line
        }
        let text = value.value
        let parts = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        let sex = parts.first.map(String.init) ?? ""
        let written: String
        if ["", "M", "F", "O", "N", "U"].contains(sex.uppercased()) {
            let identity = parts.count > 1 ? VCardEscaping.component(String(parts[1])) : nil
            written = sex.uppercased() + (identity.map { ";" + $0 } ?? "")
        } else {
            written = ";" + VCardEscaping.component(text)
        }
        var line = VCardLine("GENDER", value: written)
        addCommon(&line, value.meta)
        return line
    }

    /// A URI scheme made from a service name (`Google Talk` → `google-talk`).
    static func scheme(_ service: String) -> String {
        var out = ""
        for scalar in service.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "+", ".", "-": out.unicodeScalars.append(scalar)
            default: if !out.hasSuffix("-") { out += "-" }
            }
        }
        if let first = out.unicodeScalars.first, !("a"..."z").contains(first) { out = "x-" + out }
        return out.isEmpty ? "x-im" : out
    }
}

extension VCardCardBuffer {
    /// Writes several lines.
    mutating func emit(contentsOf lines: [VCardLine]) {
        for line in lines { emit(line) }
    }
}
