public import KithModel
internal import KithNormalize

/// A fingerprint of what identifies a record — its name, email addresses and phone numbers in
/// their matching forms — that stays the same when the record is re-exported in another order,
/// by another app or in another format (vCard → CSV), and when it gains or loses fields such as
/// addresses, notes or photos.
///
/// Written into the dataset as `records[].fingerprint` so that a later run with `--previous`
/// recognizes records that have no UID (or lost it on re-export).
public enum RecordFingerprint {
    /// `fp:<sha-256 hex>` of the record's identifying content.
    ///
    /// The name is taken from its normalized keys (given and surname tokens sorted, so swapped
    /// order matches; the generation suffix kept, so Jr. and Sr. differ); emails by their key,
    /// phones by their E.164 form (digits otherwise), each list sorted and de-duplicated. When
    /// a record has no name, its organization stands in.
    ///
    /// - Complexity: O(size of the record's names, emails and phones).
    public static func of(_ contact: Contact) -> String {
        var text = "n:" + nameKey(contact.name)
        if text == "n:" {
            text +=
                "o:" + contact.organizations.map { $0.key ?? NameFolding.fold($0.name) }.sorted().joined(separator: ",")
        }
        text += "\ne:" + Set(contact.emails.map { $0.key ?? $0.address.lowercased() }).sorted().joined(separator: ",")
        text += "\np:" + Set(contact.phones.map(phoneKey)).sorted().joined(separator: ",")
        text += "\nk:" + contact.kind.rawValue
        return "fp:" + ContentHash.sha256Hex(text.utf8)
    }

    /// The name as sorted folded tokens of given name and surname, plus the generation suffix.
    static func nameKey(_ name: NameValue?) -> String {
        guard let name else { return "" }
        let given: String
        let surname: String
        var generation = ""
        if let keys = name.keys {
            given = keys.given
            surname = keys.surname
            generation = keys.generation ?? ""
        } else {
            given = NameFolding.fold(name.given.joined(separator: " "))
            surname = NameFolding.fold(name.surname.joined(separator: " "))
        }
        var tokens = (given + " " + surname).split(separator: " ").map(String.init)
        if tokens.isEmpty { tokens = NameFolding.fold(name.full ?? "").split(separator: " ").map(String.init) }
        return tokens.sorted().joined(separator: " ") + (generation.isEmpty ? "" : "|" + generation)
    }

    /// An E.164 number, else the digits as written.
    static func phoneKey(_ phone: PhoneValue) -> String {
        phone.e164 ?? String(decoding: phone.raw.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
    }
}
