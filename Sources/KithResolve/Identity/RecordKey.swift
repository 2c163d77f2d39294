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
        return "fp:" + ContentHash.sha256Hex(Array(fingerprintText(contact).utf8))
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
        var text = uid.lowercased()
        if text.hasPrefix("urn:uuid:") { text.removeFirst(9) }
        return text
    }

    /// The content a fingerprint covers: the matching forms of name, emails, phones, birth
    /// date, addresses and organizations, each list sorted, so that re-ordering values or
    /// re-exporting to another format with the same content keeps the key.
    static func fingerprintText(_ contact: Contact) -> String {
        var parts: [String] = []
        if let name = contact.name {
            if let keys = name.keys {
                parts.append("n:\(keys.given)|\(keys.surname)|\(keys.additional)|\(keys.generation ?? "")")
            } else {
                let given = NameFolding.fold(name.given.joined(separator: " "))
                let surname = NameFolding.fold(name.surname.joined(separator: " "))
                let full = given.isEmpty && surname.isEmpty ? NameFolding.fold(name.full ?? "") : ""
                parts.append("n:\(given)|\(surname)|\(full)")
            }
        }
        parts.append("e:" + contact.emails.map { $0.key ?? $0.address.lowercased() }.sorted().joined(separator: ","))
        parts.append(
            "p:"
                + contact.phones.map {
                    $0.e164 ?? String(decoding: $0.raw.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
                }
                .sorted().joined(separator: ","))
        if let birth = contact.dates.first(where: { $0.kind == .birth }) {
            parts.append("b:" + (birth.date?.description ?? birth.raw))
        }
        parts.append(
            "a:"
                + contact.addresses.map {
                    NameFolding.fold("\($0.street) \($0.postalCode) \($0.locality) \($0.countryCode ?? $0.country)")
                }.sorted().joined(separator: ","))
        parts.append(
            "o:" + contact.organizations.map { $0.key ?? NameFolding.fold($0.name) }.sorted().joined(separator: ","))
        parts.append("k:\(contact.kind.rawValue)")
        return parts.joined(separator: "\n")
    }
}
