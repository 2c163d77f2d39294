import KithModel

/// Kith's knowledge of CSV headers: which layout a header row belongs to and what each column
/// means in that layout.
public enum CSVHeaderTable {
    /// The form headers are compared in: lower-case, trimmed, inner whitespace collapsed to one
    /// space, a stray byte-order mark removed.
    ///
    /// - Complexity: O(n) in the header's length.
    public static func normalize(_ header: String) -> String {
        var out = ""
        out.reserveCapacity(header.utf8.count)
        var pendingSpace = false
        for scalar in header.unicodeScalars {
            if scalar == "\u{FEFF}" { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out.lowercased()
    }

    /// Recognizes the layout of a header row.
    ///
    /// Layouts are told apart by headers only their producer writes (FORMATS.md): `Connected On`
    /// (LinkedIn), `Labels`/`E-mail 1 - Label` (Google), `Group Membership`/`E-mail 1 - Type`
    /// (old Google), `Given Yomi` (Outlook.com), `Messenger ID` (Yahoo), `Primary Email`/`Birth
    /// Year` (Thunderbird), `Business Web Page` (Windows Live Mail), `E-mail Type`/`… Country/Region`
    /// (Outlook), `Home Address` beside `E-mail Address` (Google's Outlook export), localized
    /// Outlook and Thunderbird names (at least four matches), else generic.
    ///
    /// - Parameter headers: the header cells as written.
    /// - Returns: the layout, or `nil` when not one header is known.
    /// - Complexity: O(n) in the number of headers.
    public static func layout(of headers: [String]) -> CSVLayout? {
        let keys = headers.map(normalize)
        let set = Set(keys)
        func has(_ key: String) -> Bool { set.contains(key) }
        func grouped(_ suffix: String) -> Bool {
            keys.contains { $0.hasSuffix(suffix) && googleGroup($0) != nil }
        }
        if has("connected on"), has("first name") { return CSVLayout(.linkedin) }
        if has("labels") || grouped(" - label") || has("phonetic first name") || (has("file as") && has("organization name")) {
            return CSVLayout(.google)
        }
        if has("group membership") || grouped(" - type") || (has("given name") && has("family name")) {
            return CSVLayout(.googleLegacy)
        }
        if has("email home") || has("home mobile") || has("im jabber") || has("website blog") {
            return CSVLayout(.roundcubeAll)
        }
        if has("given yomi") || has("surname yomi") || has("imaddress") || has("schools") {
            return CSVLayout(.outlookCom)
        }
        if has("messenger id") || has("alternate email 1") || has("yahoo! phone") || (has("first") && has("last") && has("email")) {
            return CSVLayout(.yahoo)
        }
        if has("primary email") || has("birth year") || has("web page 1") { return CSVLayout(.thunderbird) }
        if has("business web page") { return CSVLayout(.windowsLiveMail) }
        if has("e-mail address"), has("home address") || has("business address") { return CSVLayout(.googleOutlook) }
        if has("e-mail type") || has("e-mail display name") || has("business country/region")
            || has("home country/region") || has("e-mail address") || has("e-mail 2 address")
        {
            return CSVLayout(.outlook)
        }
        var best: (count: Int, layout: CSVLayout)?
        for (kind, tables) in [(CSVLayout.Kind.outlook, outlookLocalized), (.thunderbird, thunderbirdLocalized)] {
            for (language, table) in tables {
                let count = keys.reduce(0) { $0 + (table[$1] != nil ? 1 : 0) }
                if count >= 4, count > (best?.count ?? 0) { best = (count, CSVLayout(kind, language: language)) }
            }
        }
        if let best { return best.layout }
        if keys.contains(where: { english[$0] != nil || aliases[$0] != nil || googleGroup($0) != nil }) {
            return CSVLayout(.generic)
        }
        return nil
    }

    /// How many of the cells are headers Kith knows (or the column map names).
    static func knownCount(_ cells: [String], columnMap: [String: String]) -> Int {
        let mapped = Set(columnMap.keys.map(normalize))
        return cells.reduce(0) { count, cell in
            let key = normalize(cell)
            let known = mapped.contains(key) || english[key] != nil || aliases[key] != nil || googleGroup(key) != nil
                || overrides.values.contains { $0[key] != nil }
                || outlookLocalized.contains { $0.table[key] != nil }
                || thunderbirdLocalized.contains { $0.table[key] != nil }
            return count + (known ? 1 : 0)
        }
    }

    /// The role of every column.
    ///
    /// A column is looked up in the column map (by its header as written or normalized), then in
    /// the layout's own names, the localized table of its language, the English names, the
    /// aliases and Google's numbered groups (`Phone 2 - Value`); what none of them knows is
    /// ``CSVColumnRole/unmapped``.
    ///
    /// - Parameters:
    ///   - headers: the header cells as written.
    ///   - layout: the layout found.
    ///   - columnMap: header → field name, from the user.
    /// - Returns: one role per header.
    /// - Throws: `KithError` `.invalidConfiguration` when the column map names an unknown field.
    public static func roles(
        for headers: [String], layout: CSVLayout, columnMap: [String: String] = [:], path: String? = nil
    ) throws -> [CSVColumnRole] {
        var map: [String: String] = [:]
        for (header, field) in columnMap { map[normalize(header)] = field }
        let localized: [String: String]
        switch layout.kind {
        case .outlook: localized = outlookLocalized.first { $0.language == layout.language }?.table ?? [:]
        case .thunderbird: localized = thunderbirdLocalized.first { $0.language == layout.language }?.table ?? [:]
        default: localized = [:]
        }
        let own = overrides[layout.kind] ?? [:]
        return try headers.map { header in
            let key = normalize(header)
            if let field = map[key] {
                guard let role = CSVColumnRole(fieldName: field) else {
                    throw KithError(
                        .invalidConfiguration,
                        "the column map gives column \"\(header)\" the field \"\(field)\", which Kith does not know; "
                            + "use one of given, surname, full, email, phone:mobile, address:home:street, "
                            + "organization, title, birthday, note, url, category, unmapped…",
                        path: path)
                }
                return role
            }
            let name = own[key] ?? localized[key] ?? english[key] ?? aliases[key] ?? googleGroup(key)
            return name.flatMap(CSVColumnRole.init(fieldName:)) ?? .unmapped
        }
    }

    /// The field name of a Google numbered column (`e-mail 2 - value` → `email#2`), or `nil`.
    static func googleGroup(_ key: String) -> String? {
        guard let dash = key.range(of: " - ") else { return nil }
        let head = key[..<dash.lowerBound]
        let part = String(key[dash.upperBound...])
        guard let space = head.lastIndex(of: " ") else { return nil }
        let number = head[head.index(after: space)...]
        guard !number.isEmpty, number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber) else { return nil }
        let kind = String(head[..<space])
        let isLabel = part == "type" || part == "label"
        switch kind {
        case "e-mail", "phone", "website", "relation", "event":
            let base = ["e-mail": "email", "phone": "phone", "website": "url", "relation": "related", "event": "date"][kind]!
            if isLabel { return "\(base)-type#\(number)" }
            return part == "value" ? "\(base)#\(number)" : "unmapped"
        case "im":
            if isLabel { return "im-type#\(number)" }
            if part == "service" { return "im-service#\(number)" }
            return part == "value" ? "im#\(number)" : "unmapped"
        case "address":
            let parts = [
                "formatted": "formatted", "street": "street", "city": "city", "po box": "pobox", "region": "region",
                "postal code": "postcode", "country": "country", "extended address": "extended",
            ]
            if isLabel { return "address-type#\(number)" }
            return parts[part].map { "address:#\(number):\($0)" } ?? "unmapped"
        case "organization":
            switch part {
            case "type", "label": return "organization-type#\(number)"
            case "name": return "organization#\(number)"
            case "department": return "department#\(number)"
            case "title": return "title"
            case "job description": return "role"
            default: return "unmapped"
            }
        default:
            return "unmapped"
        }
    }
}
