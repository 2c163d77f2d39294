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

/// A value of a contact, as the visitor hands it out.
enum VisitedValue {
    case name(NameValue)
    case text(TextValue)
    case email(EmailValue)
    case phone(PhoneValue)
    case address(AddressValue)
    case organization(OrganizationValue)
    /// A date; `inCard` is false when it is kept in `vCardProps`.
    case date(DateValue, inCard: Bool)
    case link(LinkValue)
    case onlineService(OnlineServiceValue)
    case media(MediaValue)
    case related(RelatedValue, inCard: Bool)
    case gender(TextValue)
    /// A group's own member reference, kept in `vCardProps`.
    case member(TextValue)
    case unmapped(RawProperty)
}

/// Walks every value of a contact in card order with its path, so that `provenance` and
/// `values` name values exactly as the card does.
enum ValueVisitor {
    static func forEach(_ contact: Contact, plan: CardPlan, _ body: (ValuePath, VisitedValue) -> Void) {
        if let name = contact.name { body(.name, .name(name)) }
        for (index, value) in contact.nicknames.enumerated() { body(.numbered("nicknames/k", index + 1), .text(value)) }
        for (index, value) in contact.organizations.enumerated() {
            body(.numbered("organizations/o", index + 1), .organization(value))
        }
        for (index, value) in contact.titles.enumerated() { body(.numbered("titles/t", index + 1), .text(value)) }
        for (index, value) in contact.roles.enumerated() {
            body(.numbered("titles/t", contact.titles.count + index + 1), .text(value))
        }
        for (index, value) in contact.emails.enumerated() { body(.numbered("emails/e", index + 1), .email(value)) }
        for (index, value) in contact.phones.enumerated() { body(.numbered("phones/p", index + 1), .phone(value)) }
        for (index, value) in contact.onlineServices.enumerated() {
            body(.numbered("onlineServices/s", index + 1), .onlineService(value))
        }
        for (index, value) in contact.addresses.enumerated() {
            body(.numbered("addresses/ad", index + 1), .address(value))
        }
        for (index, value) in contact.dates.enumerated() where plan.anniversaryNumbers[index] > 0 {
            body(.numbered("anniversaries/a", plan.anniversaryNumbers[index]), .date(value, inCard: true))
        }
        for (index, value) in contact.links.enumerated() { body(.numbered("links/l", index + 1), .link(value)) }
        for (index, value) in contact.media.enumerated() { body(.numbered("media/m", index + 1), .media(value)) }
        for (index, value) in contact.notes.enumerated() { body(.numbered("notes/n", index + 1), .text(value)) }
        for index in plan.keywords {
            body(.keyed("keywords/", contact.categories[index].value), .text(contact.categories[index]))
        }
        for index in plan.related {
            body(.keyed("relatedTo/", contact.related[index].value), .related(contact.related[index], inCard: true))
        }
        for index in plan.members {
            body(.keyed("members/", contact.members[index].value), .text(contact.members[index]))
        }
        for (position, prop) in plan.props.enumerated() {
            switch prop {
            case .gender:
                if let gender = contact.gender { body(.prop(position), .gender(gender)) }
            case .date(let index): body(.prop(position), .date(contact.dates[index], inCard: false))
            case .related(let index): body(.prop(position), .related(contact.related[index], inCard: false))
            case .member(let index): body(.prop(position), .member(contact.members[index]))
            case .unmapped(let index): body(.prop(position), .unmapped(contact.unmapped[index]))
            }
        }
    }
}

extension VisitedValue {
    /// The value's metadata; `nil` for unmapped properties, which have none.
    var meta: FieldMeta? {
        switch self {
        case .name(let value): value.meta
        case .text(let value), .gender(let value), .member(let value): value.meta
        case .email(let value): value.meta
        case .phone(let value): value.meta
        case .address(let value): value.meta
        case .organization(let value): value.meta
        case .date(let value, _): value.meta
        case .link(let value): value.meta
        case .onlineService(let value): value.meta
        case .media(let value): value.meta
        case .related(let value, _): value.meta
        case .unmapped: nil
        }
    }
}
