/// Email addresses: the cleaned address, a syntax check, and a matching key.
public enum EmailNormalizer {
    /// The result of normalizing one email text.
    public struct Result: Hashable, Sendable {
        /// The address: trimmed, display name and `mailto:` removed, domain lower-cased.
        public var address: String
        /// The matching key: lower-case, ASCII (IDNA) domain, provider aliases folded.
        public var key: String
        /// Whether the address passed the syntax check (RFC 5321 §4.1.2 / RFC 5322 §3.4.1 dot-atom
        /// forms, RFC 6531 UTF-8 allowed).
        public var isValid: Bool
    }

    /// Normalizes an email text as written in an address book.
    ///
    /// - Parameter raw: `John Doe <John.Doe@Example.COM>`, `mailto:jd@example.com?subject=x`, …
    /// - Returns: The cleaned address, its key and the syntax verdict.
    /// - Complexity: O(n) in the length of `raw`.
    public static func normalize(_ raw: String) -> Result {
        let address = clean(raw)
        return Result(address: address, key: key(address), isValid: isValidSyntax(address))
    }

    /// Removes what surrounds an address: white space, quotes, a display name with `<…>`,
    /// a `mailto:` scheme and its query; lower-cases the domain (RFC 5321 §2.4: domains are
    /// case-insensitive, local parts are not).
    ///
    /// - Parameter raw: The text as written.
    /// - Returns: The address.
    /// - Complexity: O(n); a plain ASCII address (nothing around it) takes a byte-level path.
    public static func clean(_ raw: String) -> String {
        cleanPlain(raw) ?? cleanGeneral(raw)
    }

    /// `clean` for any text (the general path, without the byte-level shortcut).
    static func cleanGeneral(_ raw: String) -> String {
        var text = Substring(raw.trimmed)
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            text = text[text.index(after: open)..<close]
        }
        // A whole address in quotes: `"jdoe@example.com"` (but not a quoted local part).
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first,
            !text.dropFirst().dropLast().contains(first)
        {
            text = text.dropFirst().dropLast()
        }
        if text.prefix(7).lowercased() == "mailto:" {
            text = text.dropFirst(7)
            if let query = text.firstIndex(of: "?") { text = text[..<query] }
            if text.contains("%"), let decoded = String(text).removingPercentEncoding { text = Substring(decoded) }
        }
        var address = String(text).trimmed
        while let last = address.last, ",;.'\")".contains(last) { address.removeLast() }
        guard let at = address.lastIndex(of: "@") else { return address }
        let local = address[..<at]
        let domain = address[address.index(after: at)...].lowercased()
        return local + "@" + domain
    }

    /// `clean` of the common case, on bytes: a text with nothing to remove (ASCII and no white
    /// space at the ends, no `<`, no quote first, no `mailto:`, no trailing `,;.'")`) and an
    /// ASCII domain, where cleaning only lower-cases the domain (after the last `@`). The local
    /// part may be UTF-8 (`schröder@work.org`).
    ///
    /// The byte tests decline wherever they could disagree with `cleanGeneral`'s `Character`
    /// tests: a `Character` compared with `"`, `<` or a trailing `,;.'")` is one ASCII scalar,
    /// so a byte that is not one of those rules it out, and a byte that is one declines; the
    /// last `@` must have ASCII on both sides, so that it is a `Character` of its own.
    ///
    /// - Parameter raw: The text as written.
    /// - Returns: `clean(raw)`, or `nil` when the text is not of that case.
    static func cleanPlain(_ raw: String) -> String? {
        let result: String?? = raw.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80,
                first != UInt8(ascii: "\""), first != UInt8(ascii: "'")
            else { return nil }
            switch last {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: "\""),
                UInt8(ascii: ")"):
                return nil
            default: break
            }
            var at: Int?
            var domainHasUpperCase = false
            var domainIsASCII = true
            for (index, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "<") { return nil }
                if byte == UInt8(ascii: "@") {
                    at = index
                    domainHasUpperCase = false
                    domainIsASCII = true
                } else if byte >= 0x80 {
                    domainIsASCII = false
                } else if byte >= 0x41 && byte <= 0x5A {
                    domainHasUpperCase = true
                }
            }
            if bytes.count >= 7, zip(bytes.prefix(7), "mailto:".utf8).allSatisfy({ $0 | 0x20 == $1 }) { return nil }
            guard let at else { return raw }
            guard domainIsASCII, at == 0 || bytes[at - 1] < 0x80 else { return nil }
            guard domainHasUpperCase else { return raw }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (index, byte) in bytes.enumerated() {
                    out[index] = index > at && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
        return result ?? nil
    }

    /// The matching key of a cleaned address.
    ///
    /// The local part is lower-cased (every major provider treats it case-insensitively, though
    /// RFC 5321 §2.4 allows otherwise); the domain is brought to its ASCII (IDNA) form. Aliases
    /// are folded only where the provider documents them:
    /// - Gmail: dots in the user name are ignored and `+anything` is delivered to the same
    ///   inbox ("Dots don't matter in Gmail addresses", support.google.com/mail/answer/7436150;
    ///   plus addressing, support.google.com/a/users/answer/9308648); `googlemail.com` is the
    ///   same service as `gmail.com` (support.google.com/mail/answer/10313).
    /// - Fastmail: `user+anything@` is plus addressing (fastmail.help, "Plus addressing and
    ///   subdomain addressing").
    /// - Proton Mail: `user+anything@` reaches `user@` (proton.me/support/addresses-and-aliases).
    /// Other providers keep dots and `+` parts as they are.
    ///
    /// - Parameter address: A cleaned address (see `clean`).
    /// - Returns: The key.
    public static func key(_ address: String) -> String {
        // Most addresses are their own key; then the address is returned (not rebuilt), so the
        // two share their storage.
        isOwnKey(address) ? address : (keyASCII(address) ?? keyGeneral(address))
    }

    /// `key` for an address of ASCII bytes with an `@`, worked out on its bytes (most addresses
    /// that are not their own key are Gmail ones, or only differ in case); `nil` for any other,
    /// which takes the general path.
    static func keyASCII(_ address: String) -> String? {
        let key: String?? = address.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var at = -1
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "@") { at = index }
            }
            guard at >= 0 else { return nil }
            var local = bytes[..<at].map(lowercasedASCII)
            var domain = bytes[(at + 1)...].map(lowercasedASCII)
            if domain.last == UInt8(ascii: ".") { domain.removeLast() }
            if domain.elementsEqual(googlemailDomain.utf8) { domain = Array("gmail.com".utf8) }
            let plusAddressing = plusAddressingDomainBytes.contains(domain)
            if plusAddressing, let plus = local.firstIndex(of: UInt8(ascii: "+")), plus != 0 {
                local.removeSubrange(plus...)
            }
            if domain.elementsEqual("gmail.com".utf8) { local.removeAll { $0 == UInt8(ascii: ".") } }
            local.append(UInt8(ascii: "@"))
            local += domain
            return String(decoding: local, as: UTF8.self)
        }
        return key ?? nil
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// ``plusAddressingDomains`` as bytes.
    private static let plusAddressingDomainBytes = Set(plusAddressingDomains.map { Array($0.utf8) })

    /// `key` for any address (the general path, without the byte-level shortcut).
    static func keyGeneral(_ address: String) -> String {
        guard let at = lastAtSign(in: address) else { return address.lowercased() }
        var local = address[..<at].lowercased()
        var domain = Punycode.asciiDomain(String(address[address.index(after: at)...]))
        if domain.hasSuffix(".") { domain.removeLast() }
        if domain == googlemailDomain { domain = "gmail.com" }
        if plusAddressingDomains.contains(domain), let plus = local.firstIndex(of: "+"), plus != local.startIndex {
            local = String(local[..<plus])
        }
        if domain == "gmail.com" { local.removeAll { $0 == "." } }
        return local + "@" + domain
    }

    /// Whether an address is its own key, told from its bytes: ASCII without upper case, with
    /// an `@`, not ending in a dot, at a domain whose provider folds no aliases (not Gmail,
    /// Googlemail or a plus-addressing one). Then lower-casing, the IDNA form and alias folding
    /// all leave it as it is.
    static func isOwnKey(_ address: String) -> Bool {
        let answer: Bool? = address.utf8.withContiguousStorageIfAvailable { bytes in
            guard let last = bytes.last, last != UInt8(ascii: ".") else { return false }
            var at = -1
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) { return false }
                if byte == UInt8(ascii: "@") { at = index }
            }
            guard at >= 0 else { return false }
            let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
            return !aliasFoldingDomains.contains { $0.elementsEqual(domain) }
        }
        return answer ?? false
    }

    /// The domains whose addresses `key` folds (see there), as bytes.
    private static let aliasFoldingDomains: [[UInt8]] = (plusAddressingDomains.sorted() + [googlemailDomain])
        .map { Array($0.utf8) }

    /// Google's other domain for Gmail, keyed as `gmail.com` (see `key`).
    static let googlemailDomain = "googlemail.com"

    /// Domains whose providers document `+tag` sub-addressing (see `key`).
    static let plusAddressingDomains: Set<String> = [
        "gmail.com", "fastmail.com", "fastmail.fm", "protonmail.com", "protonmail.ch", "proton.me", "pm.me",
    ]

    /// Checks the syntax of a cleaned address: a dot-atom or quoted local part of at most 64
    /// bytes, `@`, and a domain of dot-separated labels (letters, digits, hyphens or non-ASCII,
    /// 1–63 bytes, no leading or trailing hyphen, at least two labels) or an address literal.
    ///
    /// - Parameter address: A cleaned address.
    /// - Returns: Whether it is well-formed.
    public static func isValidSyntax(_ address: String) -> Bool {
        guard let at = lastAtSign(in: address), address.utf8.count <= 254 else { return false }
        let local = address[..<at].utf8
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty else { return false }
        if local.first == UInt8(ascii: "\"") {
            guard local.count >= 2, local.last == UInt8(ascii: "\"") else { return false }
        } else {
            // RFC 5322 §3.2.3 atext, plus UTF-8 (RFC 6531).
            var previousDot = true
            for byte in local {
                if byte == UInt8(ascii: ".") {
                    if previousDot { return false }
                    previousDot = true
                    continue
                }
                previousDot = false
                let ok =
                    byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                    || isAtextSpecial(byte)
                if !ok { return false }
            }
            if previousDot { return false }
        }
        if domain.first == "[" { return domain.last == "]" }
        // An ASCII domain is split on its bytes; otherwise by `Character`s (a dot followed by a
        // combining mark is no separator).
        let labels: [Substring.UTF8View] =
            domain.utf8.allSatisfy({ $0 < 0x80 })
            ? domain.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            : domain.split(separator: ".", omittingEmptySubsequences: false).map(\.utf8)
        guard labels.count >= 2 else { return false }
        for bytes in labels {
            guard !bytes.isEmpty, bytes.count <= 63, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-")
            else { return false }
            for byte in bytes where byte < 0x80 {
                let ok =
                    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
                    || byte == UInt8(ascii: "-")
                if !ok { return false }
            }
        }
        return true
    }

    /// The index of the last `@` `Character` of an address, `nil` when there is none.
    ///
    /// Found on the bytes when the bytes before and after the last `@` byte are ASCII (no
    /// combining mark or prefix attaches to it then, so it is a `Character` of its own, and the
    /// last one); by `Character`s otherwise.
    ///
    /// - Parameter address: An address.
    /// - Returns: The index of the `@`.
    static func lastAtSign(in address: String) -> String.Index? {
        let utf8 = address.utf8
        guard let at = utf8.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        let next = utf8.index(after: at)
        let isASCIIAround =
            (at == utf8.startIndex || utf8[utf8.index(before: at)] < 0x80)
            && (next == utf8.endIndex || utf8[next] < 0x80)
        return isASCIIAround ? at : address.lastIndex(of: "@")
    }

    /// Whether a byte is one of the specials of RFC 5322 §3.2.3 `atext` (or a dot).
    private static func isAtextSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="),
            UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"),
            UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// The domain of an address, lower-case, `nil` when there is no `@`.
    ///
    /// - Parameter address: An address.
    /// - Returns: The part after the last `@`.
    public static func domain(of address: String) -> String? {
        guard let at = lastAtSign(in: address) else { return nil }
        let domain = address[address.index(after: at)...].lowercased()
        return domain.isEmpty ? nil : domain
    }
}
