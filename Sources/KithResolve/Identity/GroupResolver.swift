internal import KithModel

/// Turns group records into `PersonGroup`s whose members point at person ids.
///
/// Members are written as `urn:uuid:<uid>` (vCard 4 `MEMBER`, Apple
/// `X-ADDRESSBOOKSERVER-MEMBER`), as a bare UID, or as `mailto:<address>`; each is looked up
/// among the records' UIDs and email addresses.
struct GroupResolver {
    /// The namespace of group ids in `StableID.urn`.
    static let namespace = "group"

    private var personByUID: [String: String] = [:]
    private var personByEmail: [String: Set<String>] = [:]

    init(records: [Contact], personOfRecord: [String]) {
        for (index, record) in records.enumerated() {
            let person = personOfRecord[index]
            if let uid = record.uid, !uid.isEmpty { personByUID[RecordKey.normalizedUID(uid)] = person }
            for email in record.emails {
                personByEmail[email.address.lowercased(), default: []].insert(person)
            }
        }
    }

    /// The group of a group record, and diagnostics for members that did not resolve.
    func group(_ record: Contact) -> (PersonGroup, [Diagnostic]) {
        var memberIDs = Set<String>()
        var unresolved: [String] = []
        var diagnostics: [Diagnostic] = []
        for member in record.members {
            let text = member.value.trimmingWhitespace()
            if let person = resolve(text) {
                memberIDs.insert(person)
            } else {
                unresolved.append(member.value)
                diagnostics.append(
                    Diagnostic(
                        source: Int(record.ref.source), line: Int(record.line), record: Int(record.ref.index), severity: .info,
                        code: "resolve.group.unresolved-member",
                        message: "group member \(member.value) matches no record; kept as written"))
            }
        }
        var card = record
        let id = StableID.urn(namespace: Self.namespace, name: RecordKey.of(record))
        card.uid = id
        let group = PersonGroup(
            id: id, card: card, memberIDs: memberIDs.sorted(), unresolvedMembers: unresolved,
            records: [MemberRecord(ref: record.ref, line: record.line, uid: record.uid)])
        return (group, diagnostics)
    }

    private func resolve(_ text: String) -> String? {
        let lower = text.lowercased()
        if lower.hasPrefix("mailto:") {
            let address = String(lower.dropFirst(7))
            if let people = personByEmail[address], people.count == 1 { return people.first }
            return nil
        }
        return personByUID[RecordKey.normalizedUID(text)]
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
