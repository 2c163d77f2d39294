import KithModel

/// The path of a value inside its card, a JSON Pointer (RFC 6901) relative to `card`:
/// `name`, `emails/e1`, `keywords/friends`, `vCardProps/0`.
enum ValuePath {
    case name
    /// A map entry with a generated id: the prefix ends with the id's letters (`emails/e`).
    case numbered(StaticString, Int)
    /// A map entry keyed by the value itself (`keywords/`, `relatedTo/`, `members/`).
    case keyed(StaticString, String)
    /// An entry of `vCardProps`, 0-based.
    case prop(Int)

    /// Writes the path as a member name.
    func writeKey(into out: inout JSONBuffer) {
        switch self {
        case .name: out.key("name")
        case .numbered(let prefix, let number): out.key(prefix, number)
        case .keyed(let prefix, let key): out.pointerKey(prefix, key)
        case .prop(let index): out.key("vCardProps/", index)
        }
    }
}

/// What the `provenance` and `values` writers need of a card value.
protocol CardValue {
    /// The records the value came from.
    var provenance: [RecordRef] { get }
    /// Writes the members of the value's `values` entry (none when it has nothing to say).
    func writeEntry(into out: inout JSONBuffer)
}

/// A card value with field metadata: its provenance is the metadata's `from`.
protocol LabelledCardValue: CardValue {
    var meta: FieldMeta { get }
}

extension LabelledCardValue {
    var provenance: [RecordRef] { meta.from }
}

/// Receives every value of a card with its path.
protocol ValueSink {
    static func visit<Value: CardValue>(_ path: ValuePath, _ value: Value, into out: inout JSONBuffer)
}

/// Walks every value of a contact in card order with its path, so that `provenance` and
/// `values` name values exactly as the card does. Generic over the sink so that each walk is
/// specialized and values are passed without copies.
enum ValueVisitor {
    static func forEach<Sink: ValueSink>(
        _ contact: Contact, plan: CardPlan, _ sink: Sink.Type, into out: inout JSONBuffer
    ) {
        if let name = contact.name { Sink.visit(.name, name, into: &out) }
        for index in contact.nicknames.indices {
            Sink.visit(.numbered("nicknames/k", index + 1), contact.nicknames[index], into: &out)
        }
        for index in contact.organizations.indices {
            Sink.visit(.numbered("organizations/o", index + 1), contact.organizations[index], into: &out)
        }
        for index in contact.titles.indices {
            Sink.visit(.numbered("titles/t", index + 1), contact.titles[index], into: &out)
        }
        for index in contact.roles.indices {
            Sink.visit(.numbered("titles/t", contact.titles.count + index + 1), contact.roles[index], into: &out)
        }
        for index in contact.emails.indices {
            Sink.visit(.numbered("emails/e", index + 1), contact.emails[index], into: &out)
        }
        for index in contact.phones.indices {
            Sink.visit(.numbered("phones/p", index + 1), contact.phones[index], into: &out)
        }
        for index in contact.onlineServices.indices {
            Sink.visit(.numbered("onlineServices/s", index + 1), contact.onlineServices[index], into: &out)
        }
        for index in contact.addresses.indices {
            Sink.visit(.numbered("addresses/ad", index + 1), contact.addresses[index], into: &out)
        }
        for index in contact.dates.indices where plan.anniversaryNumbers[index] > 0 {
            Sink.visit(.numbered("anniversaries/a", plan.anniversaryNumbers[index]), contact.dates[index], into: &out)
        }
        for index in contact.links.indices {
            Sink.visit(.numbered("links/l", index + 1), contact.links[index], into: &out)
        }
        for index in contact.media.indices {
            Sink.visit(.numbered("media/m", index + 1), contact.media[index], into: &out)
        }
        for index in contact.notes.indices {
            Sink.visit(.numbered("notes/n", index + 1), contact.notes[index], into: &out)
        }
        for index in plan.keywords {
            Sink.visit(.keyed("keywords/", contact.categories[index].value), contact.categories[index], into: &out)
        }
        for index in plan.related {
            Sink.visit(.keyed("relatedTo/", contact.related[index].value), contact.related[index], into: &out)
        }
        for index in plan.members {
            Sink.visit(.keyed("members/", contact.members[index].value), contact.members[index], into: &out)
        }
        for (position, prop) in plan.props.enumerated() {
            switch prop {
            case .gender:
                if let gender = contact.gender {
                    Sink.visit(.prop(position), MappedProp(value: gender, field: "gender"), into: &out)
                }
            case .date(let index): Sink.visit(.prop(position), DateProp(value: contact.dates[index]), into: &out)
            case .related(let index):
                Sink.visit(.prop(position), MappedProp(value: contact.related[index], field: "relatedTo"), into: &out)
            case .member(let index):
                Sink.visit(.prop(position), MappedProp(value: contact.members[index], field: "members"), into: &out)
            case .unmapped(let index): Sink.visit(.prop(position), contact.unmapped[index], into: &out)
            }
        }
    }
}

/// Writes `provenance`: path → records.
enum ProvenanceSink: ValueSink {
    static func visit<Value: CardValue>(_ path: ValuePath, _ value: Value, into out: inout JSONBuffer) {
        let from = value.provenance
        guard !from.isEmpty else { return }
        path.writeKey(into: &out)
        out.arrayStart()
        for ref in from { out.recordRef(ref) }
        out.arrayEnd()
    }
}

/// Writes `values`: path → entry, leaving out entries with nothing to say.
enum ValuesSink: ValueSink {
    static func visit<Value: CardValue>(_ path: ValuePath, _ value: Value, into out: inout JSONBuffer) {
        let start = out.checkpoint()
        path.writeKey(into: &out)
        out.objectStart()
        let inner = out.bytes.count
        value.writeEntry(into: &out)
        if out.bytes.count == inner {
            out.rollback(to: start)
        } else {
            out.objectEnd()
        }
    }
}

/// A value of a mapped field kept in `vCardProps`: its entry names the field.
struct MappedProp<Value: CardValue>: CardValue {
    let value: Value
    let field: StaticString

    var provenance: [RecordRef] { value.provenance }

    func writeEntry(into out: inout JSONBuffer) {
        value.writeEntry(into: &out)
        out.key("field")
        out.string(field)
    }
}

/// A date kept in `vCardProps` because it has no `Anniversary` form.
struct DateProp: CardValue {
    let value: DateValue

    var provenance: [RecordRef] { value.meta.from }

    func writeEntry(into out: inout JSONBuffer) {
        ValuesWriter.writeMeta(value.meta, into: &out)
        out.key("field")
        out.string("anniversaries")
        out.key("kind")
        out.string(value.kind.rawValue)
        // The vCardProps value is the ISO form of a date, the raw text of an unreadable one.
        if let date = value.date, CardPlan.hasDatePart(date) { out.member("raw", value.raw) }
        ValuesWriter.writeDateDetails(value, into: &out)
    }
}
