import KithModel

/// Writes a person's `provenance` and `values`, beside the card.
///
/// `provenance` maps a value's card path to the records it came from (`"emails/e1":
/// ["S1#17","S2#3"]`). `values` maps the same paths to what the card cannot say: the text as
/// the source wrote it, the normalized forms, the rule behind an inferred value, and the
/// value's source metadata. Members, all optional, in this order:
///
/// - every value: `line`, `types` (type words as read), `label`, `pref`, `group`, `language`,
///   `altID`;
/// - `vCardProps/<n>` entries Kith made from a mapped field: `field` (`gender`,
///   `anniversaries`, `relatedTo`, `members`) and for dates `kind`; unmapped properties:
///   `name` when the upper-case form of the jCard name would not give it back;
/// - name: `raw`, `componentsRule`, `phoneticGiven`, `phoneticSurname`, `phoneticAdditional`,
///   `keys`;
/// - email: `raw` (when it differs from the address), `key`;
/// - phone: `raw` (when the card shows the E.164 form), `e164`, `extension`, `region`,
///   `regionRule`, `lineType`, `unnormalized` (why it has no E.164 form);
/// - address: `raw`, `countryCode` (as given, when the card shows another form or none);
/// - organization: `key`, `inferredBy`;
/// - date: `raw`, `date` (the full ISO form when it has a time), `rule`;
/// - link: `raw` (when the card shows the address made a URI), `profileKey`; online service:
///   `profileKey`; media: `sha256`; related: `isURI`.
///
/// An entry with nothing to say is left out.
enum ValuesWriter {
    static func writeProvenance(_ contact: Contact, plan: CardPlan, into out: inout JSONBuffer) {
        out.key("provenance")
        out.objectStart()
        ValueVisitor.forEach(contact, plan: plan, ProvenanceSink.self, into: &out)
        out.objectEnd()
    }

    static func writeValues(_ contact: Contact, plan: CardPlan, into out: inout JSONBuffer) {
        out.key("values")
        out.objectStart()
        ValueVisitor.forEach(contact, plan: plan, ValuesSink.self, into: &out)
        out.objectEnd()
    }

    /// Writes the source metadata members of a value.
    static func writeMeta(_ meta: FieldMeta, into out: inout JSONBuffer) {
        if meta.line > 0 {
            out.key("line")
            out.int(Int(meta.line))
        }
        if !meta.types.isEmpty {
            out.key("types")
            out.arrayStart()
            for type in meta.types { out.string(type) }
            out.arrayEnd()
        }
        out.member("label", meta.label)
        out.member("pref", meta.pref)
        out.member("group", meta.group)
        out.member("language", meta.language)
        out.member("altID", meta.altID)
    }

    /// Writes `date` (the full ISO form, when the date has a time) and `rule`.
    static func writeDateDetails(_ value: DateValue, into out: inout JSONBuffer) {
        if let date = value.date, date.hasTime {
            out.key("date")
            out.string(date.description)
        }
        out.member("rule", value.rule)
    }
}

// MARK: - Entries of each kind of value

extension NameValue: LabelledCardValue {
    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(meta, into: &out)
        out.member("raw", raw)
        out.member("componentsRule", componentsRule)
        out.member("phoneticGiven", phoneticGiven)
        out.member("phoneticSurname", phoneticSurname)
        out.member("phoneticAdditional", phoneticAdditional)
        guard let keys else { return }
        out.key("keys")
        out.objectStart()
        out.key("given")
        out.string(keys.given)
        out.key("surname")
        out.string(keys.surname)
        out.key("additional")
        out.string(keys.additional)
        out.key("givenPhonetic")
        out.string(keys.givenPhonetic)
        out.key("surnamePhonetic")
        out.string(keys.surnamePhonetic)
        out.key("givenNicknameKeys")
        out.arrayStart()
        for key in keys.givenNicknameKeys { out.string(key) }
        out.arrayEnd()
        out.member("generation", keys.generation)
        out.objectEnd()
    }
}

extension TextValue: LabelledCardValue {
    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(meta, into: &out)
    }
}

extension EmailValue: LabelledCardValue {
    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(meta, into: &out)
        if raw != address { out.member("raw", raw) }
        out.member("key", key)
    }
}

extension PhoneValue: LabelledCardValue {
    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(meta, into: &out)
        if e164 != nil { out.member("raw", raw) }
        out.member("e164", e164)
        out.member("extension", self.extension)
        out.member("region", region)
        out.member("regionRule", regionRule)
        out.member("lineType", lineType)
        out.member("unnormalized", unnormalized)
    }
}

extension AddressValue: LabelledCardValue {
    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(meta, into: &out)
        out.member("raw", raw)
        if let countryCode, CardWriter.countryCode(countryCode) != countryCode {
            out.member("countryCode", countryCode)
        }
    }
}

extension OrganizationValue: LabelledCardValue {
    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(meta, into: &out)
        out.member("key", key)
        out.member("inferredBy", inferredBy)
    }
}

/// A date written as an `Anniversary` (in the card, or as an alternate).
extension DateValue: LabelledCardValue {
    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(meta, into: &out)
        out.member("raw", raw)
        ValuesWriter.writeDateDetails(self, into: &out)
    }
}

extension LinkValue: LabelledCardValue {
    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(meta, into: &out)
        if raw != uri { out.member("raw", raw) }
        out.member("profileKey", profileKey)
    }
}

extension OnlineServiceValue: LabelledCardValue {
    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(meta, into: &out)
        out.member("profileKey", profileKey)
    }
}

extension MediaValue: LabelledCardValue {
    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(meta, into: &out)
        out.member("sha256", sha256)
    }
}

extension RelatedValue: LabelledCardValue {
    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(meta, into: &out)
        out.flag("isURI", isURI)
    }
}

/// An unmapped property: no merge provenance, its line, and its name when the jCard name
/// (lower-case) would not give it back.
extension RawProperty: CardValue {
    var provenance: [RecordRef] { [] }

    func writeEntry(into out: inout JSONBuffer) {
        if line > 0 {
            out.key("line")
            out.int(Int(line))
        }
        if RawProperty.hasLowerCase(name) { out.member("name", name) }
    }

    /// `name.uppercased() != name`, without making the upper-case text for ASCII names.
    private static func hasLowerCase(_ name: String) -> Bool {
        // One pass over the bytes in place (`nil`: not ASCII); two walks of the view cost more.
        let ascii: Bool?? = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var lower = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte &- UInt8(ascii: "a") < 26 { lower = true }
            }
            return lower
        }
        if let ascii, let lower = ascii { return lower }
        return name.uppercased() != name
    }
}
