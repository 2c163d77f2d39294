import KithModel

/// Writes a card's `vCardProps` (RFC 9555 §3.3): vCard properties in jCard form (RFC 7095
/// §3.3), `[name, parameters, value type, value]`, names lower-case and the property group as
/// the `group` parameter.
///
/// Entries come in ``CardPlan`` order: the gender (`gender`), dates that are no `Anniversary`
/// (`bday`, `deathdate`, `anniversary`, `x-abdate`), related values whose target repeats
/// (`related`), then the contact's unmapped properties as read.
enum VCardPropsWriter {
    static func write(_ contact: Contact, plan: CardPlan, into out: inout JSONBuffer) {
        guard !plan.props.isEmpty else { return }
        out.key("vCardProps")
        out.arrayStart()
        for prop in plan.props {
            out.arrayStart()
            switch prop {
            case .gender:
                let gender = contact.gender ?? TextValue("")
                out.string("gender")
                CardWriter.writeParamObject(gender.meta.parameters, group: nil, into: &out)
                out.string("text")
                out.string(gender.value)
            case .date(let index):
                let date = contact.dates[index]
                out.string(CardPlan.propertyName(of: date.kind))
                CardWriter.writeParamObject(date.meta.parameters, group: nil, into: &out)
                if let value = date.date, CardPlan.hasDatePart(value) {
                    out.string("date-and-or-time")
                    out.string(value.description)
                } else {
                    out.string("text")
                    out.string(date.raw)
                }
            case .related(let index):
                let related = contact.related[index]
                out.string("related")
                var parameters = related.meta.parameters
                if !related.relations.isEmpty {
                    parameters.insert(Parameter(name: "TYPE", values: related.relations), at: 0)
                }
                CardWriter.writeParamObject(parameters, group: nil, into: &out)
                out.string(related.isURI ? "uri" : "text")
                out.string(related.value)
            case .member(let index):
                let member = contact.members[index]
                out.string("member")
                CardWriter.writeParamObject(member.meta.parameters, group: nil, into: &out)
                out.string("uri")
                out.string(member.value)
            case .unmapped(let index):
                let property = contact.unmapped[index]
                out.lowercasedString(property.name)
                CardWriter.writeParamObject(property.parameters, group: property.group, into: &out)
                out.string(property.valueType.isEmpty ? "unknown" : property.valueType)
                out.string(property.value)
            }
            out.arrayEnd()
        }
        out.arrayEnd()
    }
}

extension CardPlan {
    /// Whether a date has a year, month or day.
    static func hasDatePart(_ date: PartialDate) -> Bool {
        date.year != nil || date.month != nil || date.day != nil
    }
}
