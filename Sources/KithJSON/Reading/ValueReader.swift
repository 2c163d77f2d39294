import Foundation
import KithModel

/// Reads single values back from their card object (JSContact) and their `values` entry
/// (Kith's source view), the inverse of `CardWriter` and `ValuesWriter`.
enum ValueReader {
    /// The metadata of a value: source members from its `values` entry, parameters from the
    /// card object's `vCardParams`, `from` from `provenance`.
    static func meta(entry: JSONValue?, params: JSONValue?, from: [RecordRef]) -> FieldMeta {
        var meta = FieldMeta(from: from)
        if let entry {
            meta.line = Int32(truncatingIfNeeded: entry["line"]?.int ?? 0)
            meta.types = entry["types"]?.strings ?? []
            meta.label = entry["label"]?.string
            meta.pref = entry["pref"]?.int
            meta.group = entry["group"]?.string
            meta.language = entry["language"]?.string
            meta.altID = entry["altID"]?.string
        }
        if let params { meta.parameters = parameters(params, splitGroup: false).parameters }
        return meta
    }

    /// Reads a jCard parameter object: upper-cased names, values as lists; with `splitGroup`
    /// (vCardProps entries), `group` separately.
    static func parameters(_ object: JSONValue, splitGroup: Bool = true) -> (parameters: [Parameter], group: String?) {
        var result: [Parameter] = []
        var group: String?
        for (name, value) in object.members ?? [] {
            let values: [String]
            switch value {
            case .string(let text): values = [text]
            case .array(let items): values = items.compactMap(\.string)
            default: values = []
            }
            if splitGroup, name == "group", group == nil, let first = values.first {
                // The property group, then the values of a parameter called GROUP, if any.
                group = first
                if values.count > 1 { result.append(Parameter(name: "GROUP", values: Array(values.dropFirst()))) }
                continue
            }
            result.append(Parameter(name: name.uppercased(), values: values))
        }
        return (result, group)
    }

    /// Reads `"S1#17"`.
    static func recordRef(_ text: String) -> RecordRef? {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "S"), let hash = bytes.firstIndex(of: UInt8(ascii: "#")),
            let source = Int(String(decoding: bytes[1..<hash], as: UTF8.self)),
            let index = Int(String(decoding: bytes[(hash + 1)...], as: UTF8.self)), source >= 1
        else { return nil }
        return RecordRef(source: source - 1, index: index)
    }

    /// Reads `"S1"` as source number 0.
    static func sourceNumber(_ text: String) -> Int? {
        guard text.hasPrefix("S"), let number = Int(text.dropFirst()), number >= 1 else { return nil }
        return number - 1
    }

    static func refs(_ value: JSONValue?) -> [RecordRef] {
        (value?.strings ?? []).compactMap(recordRef)
    }

    // MARK: - Values

    static func name(_ object: JSONValue?, entry: JSONValue?, from: [RecordRef]) -> NameValue {
        var name = NameValue(full: object?["full"]?.string)
        for component in object?["components"]?.array ?? [] {
            let value = component["value"]?.string ?? ""
            switch component["kind"]?.string {
            case "title": name.prefixes.append(value)
            case "given": name.given.append(value)
            case "given2": name.additional.append(value)
            case "surname", "surname2": name.surname.append(value)
            case "credential", "generation": name.suffixes.append(value)
            default: break
            }
        }
        name.sortAs = object?["sortAs"]?["surname"]?.string
        name.raw = entry?["raw"]?.string
        name.componentsRule = entry?["componentsRule"]?.string
        name.phoneticGiven = entry?["phoneticGiven"]?.string
        name.phoneticSurname = entry?["phoneticSurname"]?.string
        name.phoneticAdditional = entry?["phoneticAdditional"]?.string
        if let keys = entry?["keys"] {
            name.keys = NameKeys(
                given: keys["given"]?.string ?? "", surname: keys["surname"]?.string ?? "",
                additional: keys["additional"]?.string ?? "", givenPhonetic: keys["givenPhonetic"]?.string ?? "",
                surnamePhonetic: keys["surnamePhonetic"]?.string ?? "",
                givenNicknameKeys: keys["givenNicknameKeys"]?.strings ?? [], generation: keys["generation"]?.string)
        }
        name.meta = meta(entry: entry, params: object?["vCardParams"], from: from)
        return name
    }

    static func email(_ object: JSONValue, entry: JSONValue?, from: [RecordRef]) -> EmailValue {
        let address = object["address"]?.string ?? ""
        var email = EmailValue(raw: entry?["raw"]?.string ?? address, address: address)
        email.key = entry?["key"]?.string
        email.meta = meta(entry: entry, params: object["vCardParams"], from: from)
        return email
    }

    static func phone(_ object: JSONValue, entry: JSONValue?, from: [RecordRef]) -> PhoneValue {
        let number = object["number"]?.string ?? ""
        var phone = PhoneValue(raw: entry?["raw"]?.string ?? number)
        phone.e164 = entry?["e164"]?.string
        phone.extension = entry?["extension"]?.string
        phone.region = entry?["region"]?.string
        phone.regionRule = entry?["regionRule"]?.string
        phone.lineType = entry?["lineType"]?.string
        phone.unnormalized = entry?["unnormalized"]?.string
        phone.meta = meta(entry: entry, params: object["vCardParams"], from: from)
        return phone
    }

    static func address(_ object: JSONValue, entry: JSONValue?, from: [RecordRef]) -> AddressValue {
        var address = AddressValue(formatted: object["full"]?.string, raw: entry?["raw"]?.string)
        for component in object["components"]?.array ?? [] {
            let value = component["value"]?.string ?? ""
            switch component["kind"]?.string {
            case "postOfficeBox": address.poBox = value
            case "apartment": address.extended = value
            case "name": address.street = value
            case "locality": address.locality = value
            case "region": address.region = value
            case "postcode": address.postalCode = value
            case "country": address.country = value
            default: break
            }
        }
        address.countryCode = entry?["countryCode"]?.string ?? object["countryCode"]?.string
        address.geo = object["coordinates"]?.string
        address.timeZone = object["timeZone"]?.string
        address.meta = meta(entry: entry, params: object["vCardParams"], from: from)
        return address
    }

    static func organization(_ object: JSONValue, entry: JSONValue?, from: [RecordRef]) -> OrganizationValue {
        var organization = OrganizationValue(
            name: object["name"]?.string ?? "", units: (object["units"]?.array ?? []).compactMap { $0["name"]?.string })
        organization.key = entry?["key"]?.string
        organization.inferredBy = entry?["inferredBy"]?.string
        organization.meta = meta(entry: entry, params: object["vCardParams"], from: from)
        return organization
    }

    /// A date from its card `Anniversary` (or alternate) object.
    static func date(_ object: JSONValue, entry: JSONValue?, from: [RecordRef]) -> DateValue {
        let kind = DateValue.Kind(rawValue: object["kind"]?.string ?? "") ?? .other
        var date: PartialDate?
        if let text = entry?["date"]?.string {
            date = DateText.parse(text)
        } else if let value = object["date"] {
            date = partialDate(value)
        }
        return DateValue(
            kind: kind, date: date, raw: entry?["raw"]?.string ?? "", rule: entry?["rule"]?.string,
            meta: meta(entry: entry, params: object["vCardParams"], from: from))
    }

    /// Reads a JSContact `PartialDate` or `Timestamp`.
    static func partialDate(_ value: JSONValue) -> PartialDate? {
        switch value["@type"]?.string {
        case "Timestamp": return value["utc"]?.string.flatMap(DateText.parse)
        case "PartialDate":
            return PartialDate(year: value["year"]?.int, month: value["month"]?.int, day: value["day"]?.int)
        default: return nil
        }
    }

    static func link(_ object: JSONValue, entry: JSONValue?, from: [RecordRef]) -> LinkValue {
        let uri = object["uri"]?.string ?? ""
        var link = LinkValue(uri: uri, raw: entry?["raw"]?.string ?? uri)
        link.profileKey = entry?["profileKey"]?.string
        link.meta = meta(entry: entry, params: object["vCardParams"], from: from)
        return link
    }

    static func onlineService(_ object: JSONValue, entry: JSONValue?, from: [RecordRef]) -> OnlineServiceValue {
        var service = OnlineServiceValue(
            service: object["service"]?.string, uri: object["uri"]?.string, user: object["user"]?.string)
        service.profileKey = entry?["profileKey"]?.string
        service.meta = meta(entry: entry, params: object["vCardParams"], from: from)
        return service
    }

    /// A media value; a `data:…;base64,` URI gives back the inline bytes.
    static func media(_ object: JSONValue, entry: JSONValue?, from: [RecordRef]) -> MediaValue {
        let kind = MediaValue.Kind(rawValue: object["kind"]?.string ?? "") ?? .photo
        var media = MediaValue(kind: kind, mediaType: object["mediaType"]?.string, sha256: entry?["sha256"]?.string)
        let uri = object["uri"]?.string ?? ""
        if uri.hasPrefix("data:"), let marker = uri.range(of: ";base64,"),
            let data = Data(base64Encoded: String(uri[marker.upperBound...]))
        {
            media.data = Array(data)
        } else {
            media.uri = uri
        }
        media.meta = meta(entry: entry, params: object["vCardParams"], from: from)
        return media
    }

    static func related(target: String, _ object: JSONValue, entry: JSONValue?, from: [RecordRef]) -> RelatedValue {
        RelatedValue(
            value: target, isURI: entry?["isURI"]?.bool ?? false,
            relations: (object["relation"]?.members ?? []).map(\.0),
            meta: meta(entry: entry, params: object["vCardParams"], from: from))
    }
}
