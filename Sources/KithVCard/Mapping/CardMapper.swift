import KithIO
import KithModel

/// Maps the properties of a card into a `Contact` (RFC 6350/2426, RFC 9555 for what stays
/// unmapped). One mapper serves a whole input; the per-card state lives in ``CardBuilder``.
struct CardMapper {
    /// The value of one property after transfer decoding.
    struct Value {
        /// The value bytes after quoted-printable or base64 decoding.
        let bytes: UnsafeBufferPointer<UInt8>
        /// The value bytes as written (after unfolding).
        let written: UnsafeBufferPointer<UInt8>
        /// The declared charset, when known.
        let charset: Charset?
        /// Whether the bytes are Shift_JIS, whose trail bytes may be 0x5C.
        let shiftJIS: Bool
    }

    var text: ValueTextDecoder
    let source: Int
    private var reportedFallback = false

    init(text: ValueTextDecoder, source: Int) {
        self.text = text
        self.source = source
    }

    /// Maps one property into the card.
    ///
    /// - Parameters:
    ///   - property: the parsed header.
    ///   - line: the whole unfolded line.
    ///   - card: the card being built.
    mutating func map(_ property: VCardProperty, line: UnsafeBufferPointer<UInt8>, into card: inout CardBuilder) {
        card.markSeen(property.name)
        for problem in property.headerProblems {
            diagnose(&card, property.line, .info, "vcard.parameter.malformed", "\(property.name): \(problem)")
        }
        if !property.hasColon {
            diagnose(
                &card, property.line, .warning, "vcard.property.missing-colon",
                "\(property.name) has no ':' and no value; kept with an empty value")
        }
        let written = line.slice(min(property.valueStart, line.count)..<line.count)
        var charset: Charset?
        if let name = property.parameter("CHARSET")?.first {
            charset = Charset(name: name)
            if charset == nil {
                diagnose(
                    &card, property.line, .warning, "vcard.charset.unknown",
                    "\(property.name) declares the unknown charset '\(name)'; read as UTF-8 or the fallback")
            }
        }
        let shiftJIS = charset == .shiftJIS || (charset == nil && text.decoder.fallback == .shiftJIS)
        let kind = PropertyKind.of(property.name)
        switch property.encoding {
        case .none:
            dispatch(
                kind, property, Value(bytes: written, written: written, charset: charset, shiftJIS: shiftJIS), &card)
        case .quotedPrintable:
            let decoded = QuotedPrintable.decode(written)
            if decoded.hadInvalidEscape {
                diagnose(
                    &card, property.line, .warning, "vcard.qp.invalid-escape",
                    "\(property.name): a '=' not followed by two hex digits was kept as written")
            }
            decoded.bytes.withUnsafeBufferPointer { bytes in
                dispatch(
                    kind, property, Value(bytes: bytes, written: written, charset: charset, shiftJIS: shiftJIS), &card)
            }
        case .base64:
            var isMedia = false
            if case .media(let role)? = kind { isMedia = role != .sound || property.parameter("TYPE") == nil }
            if isMedia || kind == nil {
                dispatch(
                    kind, property, Value(bytes: written, written: written, charset: charset, shiftJIS: shiftJIS), &card
                )
            } else if let decoded = Base64.decode(written) {
                decoded.withUnsafeBufferPointer { bytes in
                    dispatch(
                        kind, property, Value(bytes: bytes, written: written, charset: charset, shiftJIS: shiftJIS),
                        &card)
                }
            } else {
                diagnose(
                    &card, property.line, .warning, "vcard.base64.invalid",
                    "\(property.name) is declared base64 but is not; kept unmapped as written")
                card.keepUnmapped(
                    rawProperty(
                        property, Value(bytes: written, written: written, charset: charset, shiftJIS: shiftJIS), &card))
            }
        case .other(let name):
            diagnose(
                &card, property.line, .info, "vcard.encoding.unknown",
                "\(property.name) declares the encoding '\(name)'; read as plain text")
            dispatch(
                kind, property, Value(bytes: written, written: written, charset: charset, shiftJIS: shiftJIS), &card)
        }
    }

    // MARK: - Text

    /// The value as text, unescaped unless `unescape` is false.
    mutating func string(_ value: Value, unescape: Bool = true, line: Int, _ card: inout CardBuilder) -> String {
        decodeText(value.bytes, value: value, unescape: unescape, line: line, &card)
    }

    /// The value split on an unescaped separator, each part unescaped and decoded.
    mutating func components(_ value: Value, separator: UInt8, line: Int, _ card: inout CardBuilder) -> [String] {
        VCardEscapes.split(value.bytes, on: separator, shiftJIS: value.shiftJIS).map {
            decodeText(value.bytes.slice($0), value: value, unescape: true, line: line, &card)
        }
    }

    /// A structured value (`N`, `ADR`, `ORG`): split on `;`, then each component on `,`.
    mutating func structured(_ value: Value, line: Int, _ card: inout CardBuilder) -> [[String]] {
        VCardEscapes.split(value.bytes, on: ASCII.semicolon, shiftJIS: value.shiftJIS).map { component in
            let bytes = value.bytes.slice(component)
            return VCardEscapes.split(bytes, on: ASCII.comma, shiftJIS: value.shiftJIS).map {
                decodeText(bytes.slice($0), value: value, unescape: true, line: line, &card)
            }
        }
    }

    private mutating func decodeText(
        _ bytes: UnsafeBufferPointer<UInt8>, value: Value, unescape: Bool, line: Int, _ card: inout CardBuilder
    ) -> String {
        let result: (String, ValueTextDecoder.Problem?)
        if unescape, VCardEscapes.hasBackslash(bytes) {
            let plain = VCardEscapes.unescape(bytes, shiftJIS: value.shiftJIS)
            result = text.decode(plain, declared: value.charset)
        } else {
            result = text.decode(bytes, declared: value.charset)
        }
        switch result.1 {
        case nil: break
        case .declaredIgnored(let declared)?:
            diagnose(
                &card, line, .info, "vcard.charset.ignored",
                "the value is valid UTF-8, not \(declared) as declared; read as UTF-8")
        case .lossy(let charset)?:
            diagnose(
                &card, line, .warning, "vcard.charset.undecodable",
                "some bytes are not valid \(charset); they became U+FFFD")
        case .fallback(let charset)?:
            if !reportedFallback {
                reportedFallback = true
                diagnose(
                    &card, line, .info, "vcard.charset.fallback",
                    "8-bit text without a declared charset is not UTF-8; read as \(charset) (first such value)")
            }
        }
        return result.0
    }

    // MARK: - Metadata

    /// Parameters some mappers read themselves, so they are not kept in `meta.parameters`
    /// (static sets: a set literal per value would allocate).
    enum Consumed {
        static let none: Set<String> = []
        static let address: Set<String> = ["LABEL", "GEO", "TZ"]
        static let date: Set<String> = ["X-APPLE-OMIT-YEAR"]
        static let sortAs: Set<String> = ["SORT-AS"]
        static let media: Set<String> = ["MEDIATYPE"]
    }

    /// Type words vCard and its producers define; other TYPE values are custom labels.
    private static let knownTypes: Set<String> = [
        "home", "work", "cell", "mobile", "voice", "fax", "pager", "msg", "pref", "internet", "x400", "video",
        "bbs", "modem", "car", "isdn", "pcs", "text", "textphone", "main", "other", "postal", "parcel", "dom",
        "intl", "iphone", "personal", "business", "uri", "jpeg", "png", "gif", "contact", "acquaintance",
        "friend", "met", "co-worker", "colleague", "co-resident", "neighbor", "child", "parent", "sibling",
        "spouse", "kin", "muse", "crush", "date", "sweetheart", "me", "agent", "emergency", "appleid", "aol",
        "applelink", "attmail", "cis", "eworld", "ibmmail", "mcimail", "powershare", "prodigy", "tlx",
        "x-evolution-ui-slot", "dial", "callback", "company", "assistant", "radio", "telex", "tty",
    ]

    /// The metadata of a value from its property's group and parameters.
    ///
    /// - Parameters:
    ///   - property: the property.
    ///   - consumed: further parameter names the caller maps itself.
    func meta(_ property: VCardProperty, consumed: Set<String> = Consumed.none) -> FieldMeta {
        if let template = property.metaTemplate {
            var meta = template
            meta.line = Int32(truncatingIfNeeded: property.line)
            if meta.group != property.group { meta.group = property.group }
            // The template kept every parameter the switch below does not read; the caller's
            // consumed names only leave some of those out.
            if !consumed.isEmpty, !meta.parameters.isEmpty {
                meta.parameters = meta.parameters.filter { !consumed.contains($0.name) }
            }
            return meta
        }
        var meta = FieldMeta(line: property.line, group: property.group)
        // Kept parameters are collected, then set once (the metadata keeps them out of line).
        var kept: [Parameter] = []
        for parameter in property.parameters {
            switch parameter.name {
            case "TYPE":
                for value in parameter.values { addType(value, to: &meta) }
            case "PREF":
                if let number = parameter.values.first.flatMap({ Int($0.trimmingQuotes()) }) {
                    meta.pref = min(max(number, 1), 100)
                } else if meta.pref == nil {
                    meta.pref = 1
                }
            case "LANGUAGE": meta.language = parameter.values.first
            case "ALTID": meta.altID = parameter.values.first
            case "ENCODING", "CHARSET", "VALUE": break
            default:
                if consumed.isEmpty || !consumed.contains(parameter.name) { kept.append(parameter) }
            }
        }
        if !kept.isEmpty { meta.parameters = kept }
        return meta
    }

    /// Adds one TYPE value: lower-cased; `pref` becomes `pref = 1`; a custom word also becomes
    /// the label (`TEL;X-CuStoMpRop` → label `CuStoMpRop`, corpus vcard/android-aosp/v21_x_param.vcf).
    private func addType(_ value: String, to meta: inout FieldMeta) {
        // `TYPE="voice,home"` (RFC 6350 §8) is a list; `TYPE="COMMA,SEPARATED:INSIDE.DQUOTE"` is one word.
        if value.containsByte(ASCII.comma),
            value.utf8.allSatisfy({ ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == 0x2D || $0 == 0x2C || $0 == 0x20 })
        {
            for word in value.split(separator: ",") { addTypeWord(word.trimmingBlanks, to: &meta) }
        } else {
            addTypeWord(value.trimmingBlanks, to: &meta)
        }
    }

    private func addTypeWord(_ word: String, to meta: inout FieldMeta) {
        guard !word.isEmpty else { return }
        let lower = word.utf8.contains(where: { $0 &- 0x41 < 26 || $0 >= 0x80 }) ? word.lowercased() : word
        if lower == "pref" {
            if meta.pref == nil { meta.pref = 1 }
            return
        }
        if !meta.types.contains(lower) { meta.types.append(lower) }
        if meta.label == nil, !Self.knownTypes.contains(lower) {
            meta.label = lower.hasPrefix("x-") ? String(word.dropFirst(2)) : word
        }
    }

    /// The property kept verbatim: name, group, parameters, value type and the value text
    /// after transfer decoding, escapes kept.
    mutating func rawProperty(_ property: VCardProperty, _ value: Value, _ card: inout CardBuilder) -> RawProperty {
        RawProperty(
            name: property.name, group: property.group, parameters: property.parameters,
            valueType: property.valueType ?? "unknown",
            value: string(value, unescape: false, line: property.line, &card), line: property.line)
    }

    /// Adds a diagnostic located in this source.
    func diagnose(
        _ card: inout CardBuilder, _ line: Int, _ severity: Diagnostic.Severity, _ code: DiagnosticCode,
        _ message: String
    ) {
        card.diagnostics.append(
            Diagnostic(source: source, line: line, severity: severity, code: code, message: message))
    }
}
