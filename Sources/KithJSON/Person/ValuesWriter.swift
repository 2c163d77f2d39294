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
/// - `vCardProps/<n>` entries Kith made from a mapped field: `field` (`gender`, `anniversaries`,
///   `relatedTo`, `members`) and for dates `kind`; unmapped properties: `name` when the
///   upper-case form of the jCard name would not give it back;
/// - name: `raw`, `componentsRule`, `phoneticGiven`, `phoneticSurname`, `phoneticAdditional`,
///   `keys`; email: `raw` (when it differs from the address), `key`; phone: `raw` (when the card
///   shows the E.164 form), `e164`, `extension`, `region`, `regionRule`, `lineType`; address:
///   `raw`, `countryCode` (as given, when the card shows another form or none); organization: `key`, `inferredBy`; date: `raw`, `date` (the full ISO form when it
///   has a time), `rule`; link and online service: `profileKey`; media: `sha256`; related:
///   `isURI`.
///
/// An entry with nothing to say is left out.
enum ValuesWriter {
    static func writeProvenance(_ contact: Contact, plan: CardPlan, into out: inout JSONBuffer) {
        out.key("provenance")
        out.objectStart()
        ValueVisitor.forEach(contact, plan: plan) { path, value in
            guard let meta = value.meta, !meta.from.isEmpty else { return }
            path.writeKey(into: &out)
            out.arrayStart()
            for ref in meta.from { out.recordRef(ref) }
            out.arrayEnd()
        }
        out.objectEnd()
    }

    static func writeValues(_ contact: Contact, plan: CardPlan, into out: inout JSONBuffer) {
        out.key("values")
        out.objectStart()
        ValueVisitor.forEach(contact, plan: plan) { path, value in
            let start = out.checkpoint()
            path.writeKey(into: &out)
            out.objectStart()
            let inner = out.bytes.count
            if let meta = value.meta { writeMeta(meta, into: &out) }
            writeDetails(value, into: &out)
            if out.bytes.count == inner {
                out.rollback(to: start)
            } else {
                out.objectEnd()
            }
        }
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

    /// Writes the members particular to the value's kind.
    static func writeDetails(_ value: VisitedValue, into out: inout JSONBuffer) {
        switch value {
        case .name(let name):
            out.member("raw", name.raw)
            out.member("componentsRule", name.componentsRule)
            out.member("phoneticGiven", name.phoneticGiven)
            out.member("phoneticSurname", name.phoneticSurname)
            out.member("phoneticAdditional", name.phoneticAdditional)
            if let keys = name.keys { writeNameKeys(keys, into: &out) }
        case .text:
            break
        case .email(let email):
            if email.raw != email.address { out.member("raw", email.raw) }
            out.member("key", email.key)
        case .phone(let phone):
            if phone.e164 != nil { out.member("raw", phone.raw) }
            out.member("e164", phone.e164)
            out.member("extension", phone.extension)
            out.member("region", phone.region)
            out.member("regionRule", phone.regionRule)
            out.member("lineType", phone.lineType)
        case .address(let address):
            out.member("raw", address.raw)
            if let code = address.countryCode, CardWriter.countryCode(code) != code { out.member("countryCode", code) }
        case .organization(let organization):
            out.member("key", organization.key)
            out.member("inferredBy", organization.inferredBy)
        case .date(let date, let inCard):
            if !inCard {
                out.key("field")
                out.string("anniversaries")
                out.key("kind")
                out.string(date.kind.rawValue)
            }
            if inCard || (date.date.map(CardPlan.hasDatePart) ?? false) { out.member("raw", date.raw) }
            if let value = date.date, value.hasTime {
                out.key("date")
                out.string(value.description)
            }
            out.member("rule", date.rule)
        case .link(let link):
            out.member("profileKey", link.profileKey)
        case .onlineService(let service):
            out.member("profileKey", service.profileKey)
        case .media(let media):
            out.member("sha256", media.sha256)
        case .related(let related, let inCard):
            if !inCard {
                out.key("field")
                out.string("relatedTo")
            }
            out.flag("isURI", related.isURI)
        case .gender:
            out.key("field")
            out.string("gender")
        case .member:
            out.key("field")
            out.string("members")
        case .unmapped(let property):
            if property.line > 0 {
                out.key("line")
                out.int(Int(property.line))
            }
            // jCard names are lower-case; keep a name whose case the upper-case form loses
            // (`X-CSV-Custom Field`).
            if property.name.uppercased() != property.name { out.member("name", property.name) }
        }
    }

    private static func writeNameKeys(_ keys: NameKeys, into out: inout JSONBuffer) {
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
