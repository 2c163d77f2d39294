import KithModel

extension VCardWriter {
    /// Writes unmapped properties back as they were read.
    ///
    /// The value is written as kept (escapes included) for vCard sources; for CSV columns and
    /// XML elements (`X-CSV-…`, `X-XML-…`), whose values are plain text, it is escaped as TEXT.
    /// Names that are not valid vCard names (a CSV header with spaces) are made valid, and the
    /// original is kept in `X-KITH-NAME`; a valid name that turns into a property Kith maps is
    /// prefixed `X-KITH-`. A second copy of a property a card holds once (a second `N` or `BDAY`)
    /// is written as `X-KITH-ALTERNATE;X-PROPERTY=N`; a property Kith maps that the reader could
    /// not read (a broken PHOTO) as `X-KITH-UNMAPPED;X-PROPERTY=PHOTO`.
    func writeUnmapped(_ properties: [RawProperty], into buffer: inout VCardCardBuffer) {
        for property in properties {
            let name = VCardEscaping.name(property.name)
            var parameters: [Parameter] = []
            if name != property.name.uppercased() {
                parameters.append(Parameter(name: "X-KITH-NAME", values: [property.name]))
            }
            for parameter in property.parameters {
                let upper = parameter.name.uppercased()
                if upper == "CHARSET" { continue }
                if upper == "ENCODING",
                    parameter.values.contains(where: { ["QUOTED-PRINTABLE", "8BIT", "7BIT"].contains($0.uppercased()) })
                {
                    continue
                }
                parameters.append(parameter)
            }
            let upperName = property.name.uppercased()
            let plain = upperName.hasPrefix("X-CSV-") || upperName.hasPrefix("X-XML-")
            let value = plain ? text(property.value) : property.value
            if Self.writtenOnce.contains(name) {
                // A second N, BDAY, UID… (kept unmapped by the reader) would break the card's
                // cardinality rules: kept beside it as an alternate instead.
                parameters.insert(Parameter(name: "X-PROPERTY", values: [name]), at: 0)
                buffer.raw(property.group, "X-KITH-ALTERNATE", parameters, value)
            } else if PropertyKind.of(upperName) != nil {
                // A property Kith maps that the reader kept unmapped could not be read (a PHOTO
                // whose base64 is broken, a KIND it does not know): written back under a name
                // of its own, so the card stays valid and the value comes back unmapped.
                parameters.insert(Parameter(name: "X-PROPERTY", values: [name]), at: 0)
                // Its ENCODING would make readers decode a value known to be broken.
                for index in parameters.indices where parameters[index].name.uppercased() == "ENCODING" {
                    parameters[index].name = "X-KITH-ENCODING"
                }
                buffer.raw(property.group, "X-KITH-UNMAPPED", parameters, value)
            } else if name != upperName, PropertyKind.of(name) != nil {
                // A name made valid must not become a property Kith maps (`X-GOOGLE TALK`):
                // the value would change meaning on the next import.
                buffer.raw(property.group, "X-KITH-" + name, parameters, value)
            } else {
                buffer.raw(property.group, name, parameters, value)
            }
        }
    }

    /// Properties a card holds at most once (RFC 6350 §6 cardinality `1` or `*1`, and their
    /// 3.0 stand-ins), which the writer writes itself.
    static let writtenOnce: Set<String> = [
        "BEGIN", "END", "VERSION", "PRODID", "UID", "REV", "N", "BDAY", "ANNIVERSARY", "DEATHDATE", "GENDER",
        "KIND", "X-GENDER", "X-ANNIVERSARY", "X-ADDRESSBOOKSERVER-KIND", "X-ABSHOWAS", "SORT-STRING", "PROFILE",
    ]

    /// The lines of an alternate: another value of the property where it may repeat, else an
    /// `X-KITH-ALTERNATE` naming the property, the JSContact path and the reason.
    func alternateLines(_ alternate: Alternate) -> [VCardLine] {
        var lines: [VCardLine]
        var repeatable = true
        switch alternate.value {
        case .name(let name):
            lines = nameLines(name, fallback: name.full ?? "")
            lines = name.hasComponents ? lines.filter { $0.name == "N" } : lines.filter { $0.name == "FN" }
            repeatable = false
        case .text(let value):
            let head = alternate.path.split(separator: "/").first.map(String.init) ?? alternate.path
            switch head {
            case "nicknames": lines = [textLine("NICKNAME", value)]
            case "notes": lines = [textLine("NOTE", value)]
            case "titles": lines = [textLine("TITLE", value)]
            case "roles": lines = [textLine("ROLE", value)]
            case "keywords", "categories": lines = [textLine("CATEGORIES", value)]
            case "gender", "speakToAs":
                lines = [genderLine(value)]
                repeatable = false
            default:
                lines = [textLine("NOTE", value)]
                repeatable = false
            }
        case .email(let value): lines = [emailLine(value)]
        case .phone(let value): lines = [phoneLine(value)]
        case .address(let value): lines = addressLines(value, group: nil).filter { $0.name == "ADR" }
        case .organization(let value): lines = [organizationLine(value)]
        case .date(let value):
            lines = dateLines(value)
            repeatable = value.kind == .other
        case .link(let value): lines = [linkLine(value)]
        case .onlineService(let value): lines = [onlineServiceLine(value)]
        case .media(let value): lines = mediaLine(value).map { [$0] } ?? []
        case .related(let value): lines = [relatedLine(value)]
        }
        guard !repeatable else { return lines }
        return lines.map { original in
            var line = VCardLine("X-KITH-ALTERNATE", value: original.value)
            line.add("X-PROPERTY", original.name)
            line.add("X-PATH", alternate.path)
            if !alternate.reason.isEmpty { line.add("X-REASON", alternate.reason) }
            for parameter in original.parameters where !["X-PROPERTY", "X-PATH", "X-REASON"].contains(parameter.name) {
                line.add(parameter.name, parameter.values)
            }
            return line
        }
    }
}
