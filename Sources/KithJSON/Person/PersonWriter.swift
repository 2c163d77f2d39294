import KithModel

/// Writes the entries of `people` and `groups`: the card and, beside it, what Kith knows about
/// it.
///
/// A person is `{"id", "card", "records", "origin", "provenance", "values", "alternates",
/// "match"?, "aliases"?}`; a group is `{"id", "card", "records", "origin", "provenance",
/// "values", "unresolvedMembers"?}`. `origin` describes the contact the card was written from:
/// its record (`ref`), `line`, declared `version`, own `uid` and `revision` as written.
enum PersonWriter {
    static func writePerson(_ person: Person, into out: inout JSONBuffer) {
        let plan = CardPlan(person.card)
        out.objectStart()
        out.key("id")
        out.string(person.id)
        out.key("card")
        CardWriter.write(person.card, uid: person.id, plan: plan, into: &out)
        writeRecords(person.records, into: &out)
        writeOrigin(person.card, into: &out)
        ValuesWriter.writeProvenance(person.card, plan: plan, into: &out)
        ValuesWriter.writeValues(person.card, plan: plan, into: &out)
        out.key("alternates")
        out.arrayStart()
        for alternate in person.alternates { writeAlternate(alternate, into: &out) }
        out.arrayEnd()
        if let match = person.match { writeMatch(match, into: &out) }
        if !person.aliases.isEmpty {
            out.key("aliases")
            out.arrayStart()
            for alias in person.aliases { out.string(alias) }
            out.arrayEnd()
        }
        out.objectEnd()
    }

    static func writeGroup(_ group: PersonGroup, into out: inout JSONBuffer) {
        let plan = CardPlan(group.card, membersAsProps: true)
        out.objectStart()
        out.key("id")
        out.string(group.id)
        out.key("card")
        CardWriter.write(group.card, uid: group.id, members: group.memberIDs, plan: plan, into: &out)
        writeRecords(group.records, into: &out)
        writeOrigin(group.card, into: &out)
        ValuesWriter.writeProvenance(group.card, plan: plan, into: &out)
        ValuesWriter.writeValues(group.card, plan: plan, into: &out)
        if !group.unresolvedMembers.isEmpty {
            out.key("unresolvedMembers")
            out.arrayStart()
            for member in group.unresolvedMembers { out.string(member) }
            out.arrayEnd()
        }
        out.objectEnd()
    }

    /// `records`: `{"source":"S1","index":17,"line":233,"uid":"…"}`, `line` left out when the
    /// format has no lines, `uid` when the record had none.
    static func writeRecords(_ records: [MemberRecord], into out: inout JSONBuffer) {
        out.key("records")
        out.arrayStart()
        for record in records {
            out.objectStart()
            out.key("source")
            out.sourceID(Int(record.ref.source))
            out.key("index")
            out.int(Int(record.ref.index))
            if record.line > 0 {
                out.key("line")
                out.int(Int(record.line))
            }
            out.member("uid", record.uid)
            out.member("fingerprint", record.fingerprint)
            out.objectEnd()
        }
        out.arrayEnd()
    }

    static func writeOrigin(_ contact: Contact, into out: inout JSONBuffer) {
        out.key("origin")
        out.objectStart()
        out.key("ref")
        out.recordRef(contact.ref)
        if contact.line > 0 {
            out.key("line")
            out.int(Int(contact.line))
        }
        out.member("version", contact.version)
        out.member("uid", contact.uid)
        out.member("revision", contact.revision)
        out.objectEnd()
    }

    // MARK: - Alternates and match

    static func writeAlternate(_ alternate: Alternate, into out: inout JSONBuffer) {
        out.objectStart()
        out.key("path")
        out.string(alternate.path)
        out.key("value")
        let visited = writeAlternateValue(alternate.value, into: &out)
        let start = out.checkpoint()
        out.key("detail")
        out.objectStart()
        let inner = out.bytes.count
        visited.writeEntry(into: &out)
        if out.bytes.count == inner {
            out.rollback(to: start)
        } else {
            out.objectEnd()
        }
        out.key("from")
        out.arrayStart()
        for ref in alternate.from { out.recordRef(ref) }
        out.arrayEnd()
        out.key("reason")
        out.string(alternate.reason)
        out.objectEnd()
    }

    /// Writes the JSContact form of a value outside a card, with `@type`; text values are plain
    /// strings. Returns the value, whose `values` entry is the alternate's `detail`.
    private static func writeAlternateValue(_ value: AnyFieldValue, into out: inout JSONBuffer) -> any CardValue {
        switch value {
        case .name(let name):
            CardWriter.writeName(name, typed: true, into: &out)
            return name
        case .text(let text):
            out.string(text.value)
            return text
        case .email(let email):
            CardWriter.writeEmail(email, typed: true, into: &out)
            return email
        case .phone(let phone):
            CardWriter.writePhone(phone, typed: true, into: &out)
            return phone
        case .address(let address):
            CardWriter.writeAddress(address, typed: true, into: &out)
            return address
        case .organization(let organization):
            CardWriter.writeOrganization(organization, typed: true, into: &out)
            return organization
        case .date(let date):
            out.objectStart()
            out.key("@type")
            out.string("Anniversary")
            out.key("kind")
            out.string(date.kind.rawValue)
            if let value = date.date, CardPlan.hasDatePart(value) {
                out.key("date")
                CardWriter.writeDate(value, into: &out)
            }
            CardWriter.writeParams(date.meta.parameters, into: &out)
            out.objectEnd()
            // `raw` always goes to `detail`, as for a date in the card.
            return date
        case .link(let link):
            CardWriter.writeLink(link, typed: true, into: &out)
            return link
        case .onlineService(let service):
            CardWriter.writeOnlineService(service, typed: true, into: &out)
            return service
        case .media(let media):
            CardWriter.writeMediaItem(media, typed: true, into: &out)
            return media
        case .related(let related):
            out.objectStart()
            out.key("@type")
            out.string("Relation")
            out.key("target")
            out.string(related.value)
            out.key("relation")
            out.objectStart()
            for (position, relation) in related.relations.enumerated()
            where !related.relations[..<position].contains(relation) {
                out.key(relation)
                out.bool(true)
            }
            out.objectEnd()
            CardWriter.writeParams(related.meta.parameters, into: &out)
            out.objectEnd()
            return related
        }
    }

    static func writeMatch(_ match: MatchExplanation, into out: inout JSONBuffer) {
        out.key("match")
        out.objectStart()
        out.key("confidence")
        out.double(match.confidence)
        out.key("pairs")
        out.arrayStart()
        for pair in match.pairs {
            out.objectStart()
            out.key("a")
            out.recordRef(pair.a)
            out.key("b")
            out.recordRef(pair.b)
            out.key("weight")
            out.double(pair.weight)
            out.key("evidence")
            out.arrayStart()
            for evidence in pair.evidence {
                out.objectStart()
                out.key("field")
                out.string(evidence.field)
                out.key("level")
                out.string(evidence.level)
                out.key("weight")
                out.double(evidence.weight)
                out.objectEnd()
            }
            out.arrayEnd()
            out.objectEnd()
        }
        out.arrayEnd()
        out.objectEnd()
    }
}
