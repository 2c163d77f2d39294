/// Web addresses written without a scheme (`www.example.com`, `example.de/team`), as address
/// books hold them, and the URI they stand for.
///
/// RFC 3986 §4.3 makes a URI absolute only with a scheme; vCard `URL` (RFC 6350 §6.7.8) and
/// JSContact `Link.uri` (RFC 9553 §2.6.3) need one. A host name followed by an optional port and
/// path is what a browser's address bar reads as a web address, and what a person typed into
/// a "Web Page" field; it stands for `http://` + the text (RFC 9110 §4.2.1: `http` is the
/// scheme of a plain web address; a browser upgrades it to `https` where the site asks).
public enum WebAddress {
    /// Whether text starts with a URI scheme (RFC 3986 §3.1: `ALPHA *( ALPHA / DIGIT / "+" /
    /// "-" / "." ) ":"`), as `https:`, `mailto:`, `urn:` and `data:` do.
    ///
    /// A web address with a port (`www.example.com:8080/`) matches the scheme grammar too;
    /// ``uri(for:)`` reads it as a web address first.
    ///
    /// - Parameter text: the text.
    /// - Returns: whether text starts with `scheme:`.
    /// - Complexity: O(n) in the length of the scheme.
    public static func hasScheme(_ text: String) -> Bool {
        var sawLetter = false
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A: sawLetter = true
            case 0x30...0x39, 0x2B, 0x2D, 0x2E: if !sawLetter { return false }
            case 0x3A: return sawLetter
            default: return false
            }
        }
        return false
    }

    /// The `http:` URI a web address written without a scheme stands for.
    ///
    /// The text (trimmed of blanks) must be a host name of two or more dot-separated labels
    /// (letters, digits, `-` and non-ASCII letters of an internationalized name; the last label
    /// two or more letters) or an IPv4 address, then optionally `:port` (digits) and a path,
    /// query or fragment starting with `/`, `?` or `#`, with no blank or control character.
    ///
    /// - Parameter text: the text of a `URL`, a "Web Page" cell, a link.
    /// - Returns: `http://` + the trimmed text, or `nil` when the text has a scheme already
    ///   (`https://…`, `mailto:…`) or is not a web address (`my homepage`, `a@b.com`).
    /// - Complexity: O(n) in the length of the text.
    public static func uri(for text: String) -> String? {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        var hostEnd = start
        while hostEnd < end, ![0x2F, 0x3F, 0x23, 0x3A].contains(bytes[hostEnd]) { hostEnd += 1 }
        guard isHost(bytes[start..<hostEnd]) else { return nil }
        var index = hostEnd
        if index < end, bytes[index] == 0x3A {
            index += 1
            let digits = index
            while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            guard index - digits >= 1, index - digits <= 5 else { return nil }
            guard index == end || [0x2F, 0x3F, 0x23].contains(bytes[index]) else { return nil }
        }
        for byte in bytes[index..<end] where byte <= 0x20 || byte == 0x7F || byte == 0x5C { return nil }
        return "http://" + String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether bytes are a host name of two or more labels whose last is letters, or an IPv4 address.
    static func isHost(_ bytes: ArraySlice<UInt8>) -> Bool {
        let labels = bytes.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        if labels.count == 4,
            labels.allSatisfy({ label in
                (1...3).contains(label.count) && label.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                    && (Int(String(decoding: label, as: UTF8.self)) ?? 256) <= 255
            })
        {
            return true
        }
        for label in labels {
            guard (1...63).contains(label.count), label.first != 0x2D, label.last != 0x2D else { return false }
            for byte in label {
                let isASCIILetterOrDigit =
                    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                guard isASCIILetterOrDigit || byte == 0x2D || byte >= 0x80 else { return false }
            }
        }
        guard let top = labels.last, top.count >= 2 else { return false }
        return top.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 }
    }
}
