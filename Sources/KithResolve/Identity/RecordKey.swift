internal import Foundation
internal import KithModel
internal import KithNormalize

/// The identity of one record, independent of where it sits in its source: its UID when it has
/// one, else a fingerprint of its content. Person ids derive from the smallest key among their
/// records, so they do not depend on source numbering, file order or unrelated sources.
enum RecordKey {
    /// `uid:<uid>` (lower-case, without `urn:uuid:`) or `fp:<sha-256 of the content>`.
    ///
    /// - Complexity: O(size of the contact's values).
    static func of(_ contact: Contact) -> String {
        if let uid = contact.uid.map(trimmed), !uid.isEmpty {
            return "uid:" + normalizedUID(uid)
        }
        return ContentHash.sha256Hex(fingerprintText(contact), prefix: "fp:")
    }

    /// A UID without surrounding white space and line breaks, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it; without calling it when the
    /// first and last bytes are ASCII other than white space (all other characters it trims
    /// are outside ASCII).
    private static func trimmed(_ uid: String) -> String {
        func kept(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
        }
        if kept(uid.utf8.first), kept(uid.utf8.last) { return uid }
        return uid.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A UID as a comparable form: lower-case, without `urn:uuid:`.
    static func normalizedUID(_ uid: String) -> String {
        var text = uid.lowercasedIfNeeded()
        if text.hasPrefix("urn:uuid:") { text.removeFirst(9) }
        return text
    }

    /// The content a fingerprint covers: the matching forms of name, emails, phones, birth
    /// date, addresses and organizations, each list sorted, so that re-ordering values or
    /// re-exporting to another format with the same content keeps the key. Lines of
    /// `n:given|surname|additional|generation` (or `n:given|surname|full` without keys),
    /// `e:`, `p:`, `b:`, `a:`, `o:` and `k:kind`, as UTF-8.
    static func fingerprintText(_ contact: Contact) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(256)
        if let keys = contact.name?.keys {
            text += "n:".utf8
            text += keys.given.utf8
            text.append(UInt8(ascii: "|"))
            text += keys.surname.utf8
            text.append(UInt8(ascii: "|"))
            text += keys.additional.utf8
            text.append(UInt8(ascii: "|"))
            text += (keys.generation ?? "").utf8
            text.append(UInt8(ascii: "\n"))
        } else if let name = contact.name {
            let given = NameFolding.fold(name.given.joined(separator: " "))
            let surname = NameFolding.fold(name.surname.joined(separator: " "))
            let full = given.isEmpty && surname.isEmpty ? NameFolding.fold(name.full ?? "") : ""
            text += "n:\(given)|\(surname)|\(full)\n".utf8
        }
        // Values are reached by field: passing a whole value would copy it.
        var list: [String] = []
        list.reserveCapacity(4)
        for index in contact.emails.indices {
            list.append(contact.emails[index].key ?? contact.emails[index].address.lowercasedIfNeeded())
        }
        append("e:", &list, to: &text)
        for index in contact.phones.indices {
            list.append(contact.phones[index].e164 ?? RecordFingerprint.digits(of: contact.phones[index].raw))
        }
        append("\np:", &list, to: &text)
        if let birth = contact.dates.firstIndex(where: { $0.kind == .birth }) {
            text += "\nb:".utf8
            text += (contact.dates[birth].date?.description ?? contact.dates[birth].raw).utf8
        }
        for index in contact.addresses.indices {
            let address = contact.addresses[index]
            list.append(
                NameFolding.fold(
                    "\(address.street) \(address.postalCode) \(address.locality) \(address.countryCode ?? address.country)"
                ))
        }
        append("\na:", &list, to: &text)
        for index in contact.organizations.indices {
            list.append(contact.organizations[index].key ?? NameFolding.fold(contact.organizations[index].name))
        }
        append("\no:", &list, to: &text)
        text += "\nk:".utf8
        text += contact.kind.rawValue.utf8
        return text
    }

    /// Appends `label` and the texts of `list` sorted and joined by commas, and empties `list`.
    private static func append(_ label: StaticString, _ list: inout [String], to text: inout [UInt8]) {
        text += UnsafeBufferPointer(start: label.utf8Start, count: label.utf8CodeUnitCount)
        if list.count > 1 { list.sort() }
        for (index, item) in list.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            text += item.utf8
        }
        list.removeAll(keepingCapacity: true)
    }
}
