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
        var text: [UInt8] = []
        text.reserveCapacity(160)
        text += "n:".utf8
        appendNameKey(contact.name, to: &text)
        if text.count == 2 {
            text += "o:".utf8
            append(contact.organizations.map { $0.key ?? NameFolding.fold($0.name) }.sorted(), to: &text)
        }
        text += "\ne:".utf8
        var emails: [String] = []
        emails.reserveCapacity(contact.emails.count)
        for index in contact.emails.indices {
            emails.append(contact.emails[index].key ?? contact.emails[index].address.lowercasedIfNeeded())
        }
        append(sortedUnique(emails), to: &text)
        text += "\np:".utf8
        var phones: [String] = []
        phones.reserveCapacity(contact.phones.count)
        // By field: passing a whole value would copy it.
        for index in contact.phones.indices {
            phones.append(contact.phones[index].e164 ?? digits(of: contact.phones[index].raw))
        }
        append(sortedUnique(phones), to: &text)
        text += "\nk:".utf8
        text += contact.kind.rawValue.utf8
        return ContentHash.sha256Hex(text, prefix: "fp:")
    }

    /// `Set(texts).sorted()`: for ASCII texts (equal only when their bytes are), sorted and
    /// with repeats dropped, without hashing.
    private static func sortedUnique(_ texts: [String]) -> [String] {
        if texts.count < 2 { return texts }
        // Two (a record's usual most): one comparison, with the order and equality of both
        // ways below, and no new array when they are in order already.
        if texts.count == 2 {
            if texts[0] == texts[1] { return [texts[0]] }
            return texts[0] < texts[1] ? texts : [texts[1], texts[0]]
        }
        guard texts.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return Set(texts).sorted() }
        var sorted = texts.sorted()
        sorted.removeAdjacentDuplicates()
        return sorted
    }

    /// Appends texts joined by commas.
    private static func append(_ texts: [String], to text: inout [UInt8]) {
        for (index, item) in texts.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            text += item.utf8
        }
    }

    /// Appends ``nameKey(_:)`` of a name, without copying the name.
    private static func appendNameKey(_ name: NameValue?, to text: inout [UInt8]) {
        guard let keys = name?.keys else {
            text += nameKey(name).utf8
            return
        }
        // One word each at most (the usual case): the two tokens in order, without splitting;
        // unless the space joining them could be part of a grapheme with its neighbours (a
        // combining mark after it, a prepended mark before it: none is below U+0300), so that
        // `Character` splitting would keep them one token.
        let given = keys.given.utf8
        let surname = keys.surname.utf8
        if !given.contains(UInt8(ascii: " ")), !surname.contains(UInt8(ascii: " ")),
            (given.last ?? 0) < 0x80, (surname.first ?? 0) < 0xCC, !given.isEmpty || !surname.isEmpty
        {
            let (first, second) = keys.surname < keys.given ? (keys.surname, keys.given) : (keys.given, keys.surname)
            text += first.utf8
            if !first.isEmpty, !second.isEmpty { text.append(UInt8(ascii: " ")) }
            text += second.utf8
        } else {
            appendTokens(of: keys, name: name, to: &text)
        }
        if let generation = keys.generation, !generation.isEmpty {
            text.append(UInt8(ascii: "|"))
            text += generation.utf8
        }
    }

    /// Appends the sorted tokens of given name and surname (of the full name without any).
    private static func appendTokens(of keys: NameKeys, name: NameValue?, to text: inout [UInt8]) {
        let joined = keys.given + " " + keys.surname
        var tokens = joined.split(separator: " ")
        if tokens.isEmpty {
            tokens = NameFolding.fold(name?.full ?? "").split(separator: " ")
        }
        tokens.sort()
        for (index, token) in tokens.enumerated() {
            if index > 0 { text.append(UInt8(ascii: " ")) }
            text += token.utf8
        }
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
        phone.e164 ?? digits(of: phone.raw)
    }

    /// The ASCII digits of a text.
    static func digits(of text: String) -> String {
        // Written straight into the string, not gathered in an array first; sized for the
        // digits alone, so that a phone's digits fit in a small string (no allocation).
        let digits = text.utf8.reduce(0) { $0 + ($1 >= 0x30 && $1 <= 0x39 ? 1 : 0) }
        return String(unsafeUninitializedCapacity: digits) { out in
            var count = 0
            for byte in text.utf8 where byte >= 0x30 && byte <= 0x39 && count < out.count {
                out[count] = byte
                count += 1
            }
            return count
        }
    }
}
