import KithModel

extension CardWriter {
    // MARK: - Communication

    static func writeEmails(_ values: [EmailValue], into out: inout JSONBuffer) {
        writeMapInPlace("emails", prefix: "e", values, into: &out) { writeEmail(at: $0, typed: false, into: &$1) }
    }

    /// Writes one `EmailAddress` object, with its `@type` when `typed` (outside a card).
    static func writeEmail(_ value: EmailValue, typed: Bool, into out: inout JSONBuffer) {
        withUnsafePointer(to: value) { writeEmail(at: $0, typed: typed, into: &out) }
    }

    /// ``writeEmail(_:typed:into:)`` for the address at `value`.
    private static func writeEmail(at value: UnsafePointer<EmailValue>, typed: Bool, into out: inout JSONBuffer) {
        out.objectStart()
        if typed {
            out.key("@type")
            out.string("EmailAddress")
        }
        out.key("address")
        out.string(value.pointee.address)
        writeLabels(value.pointee.meta, into: &out)
        out.objectEnd()
    }

    /// The JSContact `number` of a phone: its E.164 form when normalized (as a `tel:` URI with
    /// `ext=` when it has an extension, RFC 3966), else the text as the source wrote it.
    static func phoneNumber(_ value: borrowing PhoneValue) -> String {
        guard let e164 = value.e164 else { return value.raw }
        return phoneNumber(e164: e164, extension: value.extension)
    }

    /// ``phoneNumber(_:)`` of a phone with an E.164 form.
    static func phoneNumber(e164: String, extension ext: String?) -> String {
        if let ext, !ext.isEmpty { return "tel:\(e164);ext=\(ext)" }
        return e164
    }

    static func writePhones(_ values: [PhoneValue], into out: inout JSONBuffer) {
        writeMapInPlace("phones", prefix: "p", values, into: &out) { writePhone(at: $0, typed: false, into: &$1) }
    }

    /// Writes one `Phone` object, with its `@type` when `typed` (outside a card).
    static func writePhone(_ value: PhoneValue, typed: Bool, into out: inout JSONBuffer) {
        withUnsafePointer(to: value) { writePhone(at: $0, typed: typed, into: &out) }
    }

    /// ``writePhone(_:typed:into:)`` for the phone at `value`.
    private static func writePhone(at value: UnsafePointer<PhoneValue>, typed: Bool, into out: inout JSONBuffer) {
        out.objectStart()
        if typed {
            out.key("@type")
            out.string("Phone")
        }
        out.key("number")
        // Field by field: `phoneNumber(value.pointee)` copied the whole value.
        if let e164 = value.pointee.e164 {
            out.string(phoneNumber(e164: e164, extension: value.pointee.extension))
        } else {
            out.string(value.pointee.raw)
        }
        TypeWords.writeFeatures(value.pointee.meta.types, into: &out)
        writeLabels(value.pointee.meta, into: &out)
        out.objectEnd()
    }

    static func writeOnlineServices(_ values: [OnlineServiceValue], into out: inout JSONBuffer) {
        writeMap("onlineServices", prefix: "s", values, into: &out) { writeOnlineService($0, typed: false, into: &$1) }
    }

    /// Writes one `OnlineService` object, with its `@type` when `typed` (outside a card).
    static func writeOnlineService(_ value: OnlineServiceValue, typed: Bool, into out: inout JSONBuffer) {
        out.objectStart()
        if typed {
            out.key("@type")
            out.string("OnlineService")
        }
        out.member("service", value.service)
        out.member("uri", value.uri)
        out.member("user", value.user)
        writeLabels(value.meta, into: &out)
        out.objectEnd()
    }

    // MARK: - Addresses

    static func writeAddresses(_ values: [AddressValue], into out: inout JSONBuffer) {
        writeMap("addresses", prefix: "ad", values, into: &out) { writeAddress($0, typed: false, into: &$1) }
    }

    /// Writes one `Address` object, with its `@type` when `typed` (outside a card).
    static func writeAddress(_ value: AddressValue, typed: Bool, into out: inout JSONBuffer) {
        out.objectStart()
        if typed {
            out.key("@type")
            out.string("Address")
        }
        // RFC 9555 §2.3.1: ADR components in vCard order; extended address is `apartment`,
        // street address is `name`.
        if !(value.poBox.isEmpty && value.extended.isEmpty && value.street.isEmpty && value.locality.isEmpty
            && value.region.isEmpty && value.postalCode.isEmpty && value.country.isEmpty)
        {
            out.key("components")
            out.arrayStart()
            addressComponent("postOfficeBox", value.poBox, into: &out)
            addressComponent("apartment", value.extended, into: &out)
            addressComponent("name", value.street, into: &out)
            addressComponent("locality", value.locality, into: &out)
            addressComponent("region", value.region, into: &out)
            addressComponent("postcode", value.postalCode, into: &out)
            addressComponent("country", value.country, into: &out)
            out.arrayEnd()
        }
        out.member("full", value.formatted)
        out.member("countryCode", CardWriter.countryCode(value.countryCode))
        out.member("coordinates", value.geo)
        out.member("timeZone", value.timeZone)
        TypeWords.writeContexts(value.meta.types, into: &out)
        writePref(value.meta, into: &out)
        writeParams(value.meta.parameters, into: &out)
        out.objectEnd()
    }

    private static func addressComponent(_ kind: StaticString, _ text: String, into out: inout JSONBuffer) {
        guard !text.isEmpty else { return }
        out.objectStart()
        out.key("kind")
        out.string(kind)
        out.key("value")
        out.string(text)
        out.objectEnd()
    }

    /// The JSContact `countryCode`: the code upper-cased when it is two ASCII letters, else
    /// `nil` (the code as given then stays in the `values` entry).
    static func countryCode(_ code: String?) -> String? {
        guard let code, code.utf8.count == 2,
            code.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        else { return nil }
        return code.uppercased()
    }

    // MARK: - Dates

    static func writeAnniversaries(_ values: [DateValue], plan: CardPlan, into out: inout JSONBuffer) {
        guard plan.anniversaryNumbers.contains(where: { $0 > 0 }) else { return }
        out.key("anniversaries")
        out.objectStart()
        for index in values.indices {
            let number = plan.anniversaryNumbers[index]
            guard number > 0, let date = values[index].date else { continue }
            out.key("a", number)
            out.objectStart()
            out.key("kind")
            out.string(values[index].kind.rawValue)
            out.key("date")
            writeDate(date, into: &out)
            writeParams(values[index].meta.parameters, into: &out)
            out.objectEnd()
        }
        out.objectEnd()
    }

    /// Writes a `Timestamp` when the date is a complete date-time with a known UTC offset, else a
    /// `PartialDate` with the parts that are known.
    static func writeDate(_ date: PartialDate, into out: inout JSONBuffer) {
        out.objectStart()
        if let utc = DateText.utc(date) {
            out.key("@type")
            out.string("Timestamp")
            out.key("utc")
            out.string(utc)
        } else {
            out.key("@type")
            out.string("PartialDate")
            out.member("year", date.year)
            out.member("month", date.month)
            out.member("day", date.day)
        }
        out.objectEnd()
    }

    // MARK: - Resources

    static func writeLinks(_ values: [LinkValue], into out: inout JSONBuffer) {
        writeMap("links", prefix: "l", values, into: &out) { writeLink($0, typed: false, into: &$1) }
    }

    /// Writes one `Link` object, with its `@type` when `typed` (outside a card).
    static func writeLink(_ value: LinkValue, typed: Bool, into out: inout JSONBuffer) {
        out.objectStart()
        if typed {
            out.key("@type")
            out.string("Link")
        }
        out.key("uri")
        out.string(value.uri)
        writeLabels(value.meta, into: &out)
        out.objectEnd()
    }

    /// Writes `media`; inline bytes become a `data:` URI (RFC 2397) with base64 content.
    static func writeMedia(_ values: [MediaValue], into out: inout JSONBuffer) {
        writeMap("media", prefix: "m", values, into: &out) { writeMediaItem($0, typed: false, into: &$1) }
    }

    /// Writes one `Media` object, with its `@type` when `typed` (outside a card).
    static func writeMediaItem(_ value: MediaValue, typed: Bool, into out: inout JSONBuffer) {
        out.objectStart()
        if typed {
            out.key("@type")
            out.string("Media")
        }
        out.key("kind")
        out.string(value.kind.rawValue)
        out.key("uri")
        if let data = value.data {
            out.beginRawString()
            out.bytes.append("data:")
            var mediaType = value.mediaType ?? "application/octet-stream"
            mediaType.withUTF8 { out.appendEscaped($0) }
            out.bytes.append(";base64,")
            out.appendBase64(data)
            out.endRawString()
        } else {
            out.string(value.uri ?? "")
        }
        out.member("mediaType", value.mediaType)
        writeLabels(value.meta, into: &out)
        out.objectEnd()
    }
}
