import Foundation
import KithModel

extension VCardWriter {
    /// The year Apple writes for a date whose year is unknown, with `X-APPLE-OMIT-YEAR=1604`.
    static let omittedYear = 1604

    /// The property a date of this kind goes to.
    func dateProperty(_ kind: DateValue.Kind) -> String {
        switch (kind, version) {
        case (.birth, _): "BDAY"
        case (.wedding, .v4): "ANNIVERSARY"
        case (.wedding, .v3): "X-ANNIVERSARY"
        case (.death, _): "DEATHDATE"
        case (.other, _): "X-ABDATE"
        }
    }

    /// The line of a date: the date in this version's form, or its raw text as `VALUE=text`
    /// when it could not be read as a date.
    func dateLines(_ value: DateValue) -> [VCardLine] {
        var line = VCardLine(dateProperty(value.kind), value: "")
        if let date = value.date, let written = dateText(date) {
            line.value = written.value
            if written.omitYear { line.add("X-APPLE-OMIT-YEAR", String(Self.omittedYear)) }
        } else {
            line.value = text(value.raw)
            line.add("VALUE", "text")
        }
        addCommon(&line, value.meta, types: value.kind == .other)
        return [line]
    }

    /// A partial date as this version writes it; `nil` when nothing of it is known or the
    /// combination has no form in this version (a time on a date without a day).
    ///
    /// 4.0 uses the basic forms of RFC 6350 §4.3 (`19850412`, `--0412`, `1985-04`, `---12`,
    /// `19850412T102200Z`); 3.0 the extended ISO 8601 form of RFC 2426 (`1985-04-12`,
    /// `1985-04-12T10:22:00Z`), with year 1604 and `omitYear` when the year is unknown.
    func dateText(_ date: PartialDate) -> (value: String, omitYear: Bool)? {
        func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
        func four(_ n: Int) -> String {
            let s = String(n)
            return n >= 0 && s.count < 4 ? String(repeating: "0", count: 4 - s.count) + s : s
        }
        var omitYear = false
        var text: String
        var reduced = false  // no time may follow
        switch version {
        case .v4:
            switch (date.year, date.month, date.day) {
            case (let y?, let m?, let d?): text = four(y) + two(m) + two(d)
            case (let y?, let m?, nil):
                text = four(y) + "-" + two(m)
                reduced = true
            case (let y?, nil, _):
                text = four(y)
                reduced = true
            case (nil, let m?, let d?): text = "--" + two(m) + two(d)
            case (nil, let m?, nil):
                text = "--" + two(m)
                reduced = true
            case (nil, nil, let d?): text = "---" + two(d)
            case (nil, nil, nil): text = ""
            }
        case .v3:
            switch (date.year, date.month, date.day) {
            case (let y?, let m?, let d?): text = four(y) + "-" + two(m) + "-" + two(d)
            case (nil, let m?, let d?):
                text = four(Self.omittedYear) + "-" + two(m) + "-" + two(d)
                omitYear = true
            case (let y?, let m?, nil):
                text = four(y) + "-" + two(m)
                reduced = true
            case (let y?, nil, _):
                text = four(y)
                reduced = true
            default: return nil  // 3.0 has no form for a month or day alone
            }
        }
        if let hour = date.hour {
            if reduced { return nil }
            let separator = version == .v4 ? "" : ":"
            text += "T" + two(hour) + separator + two(date.minute ?? 0) + separator + two(date.second ?? 0)
            if let offset = date.utcOffsetMinutes {
                if offset == 0 {
                    text += "Z"
                } else {
                    text += (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + separator + two(abs(offset) % 60)
                }
            }
        }
        return text.isEmpty ? nil : (text, omitYear)
    }

    /// A `REV` timestamp (`19951031T222710Z` in 4.0, `1995-10-31T22:27:10Z` in 3.0), when the
    /// revision is a complete date.
    func timestamp(_ date: PartialDate) -> String? {
        guard date.isComplete else { return nil }
        return dateText(date)?.value
    }

    // MARK: - Media

    /// PHOTO, LOGO or SOUND: inline bytes as a `data:` URI (4.0) or `ENCODING=b` (3.0), links
    /// as URIs; `nil` when the value has neither.
    func mediaLine(_ value: MediaValue) -> VCardLine? {
        let property = value.kind.rawValue.uppercased()
        var line = VCardLine(property, value: "")
        if let data = value.data {
            let base64 = Data(data).base64EncodedString()
            switch version {
            case .v4:
                line.value = "data:\(value.mediaType ?? "application/octet-stream");base64,\(base64)"
            case .v3:
                line.value = base64
                line.add("ENCODING", "b")
                if let subtype = value.mediaType?.split(separator: "/").last { line.add("TYPE", subtype.uppercased()) }
            }
        } else if let uri = value.uri, !uri.isEmpty {
            // PHOTO, LOGO and SOUND hold a URI (RFC 6350 §6.2.4, §6.6.3, §6.7.5); a value
            // without a scheme (`me.jpg`, a path relative to a file Kith does not have) is set
            // apart as the reader sets it apart.
            guard Self.looksLikeURI(uri) else {
                var kept = VCardLine("X-KITH-UNMAPPED", value: text(uri))
                kept.add("X-PROPERTY", property)
                addCommon(&kept, value.meta, types: true)
                return kept
            }
            line.value = uri
            switch version {
            case .v4: line.add("MEDIATYPE", value.mediaType)
            case .v3:
                line.add("VALUE", "uri")
                if let subtype = value.mediaType?.split(separator: "/").last { line.add("TYPE", subtype.uppercased()) }
            }
        } else {
            return nil
        }
        addCommon(&line, value.meta, types: version == .v4)
        return line
    }
}
