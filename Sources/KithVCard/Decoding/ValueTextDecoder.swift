import KithIO

/// Turns value bytes into text for one input and remembers which charsets it used, for the
/// report's `encoding`.
///
/// Order (FORMATS.md): a declared `CHARSET=`, else UTF-8 when valid, else the fallback. The
/// fallback is the context's, unless the file is not valid UTF-8 and names a legacy charset
/// somewhere: then that charset, as FolkerKinzel's AnsiFilter does
/// (corpus vcard/folkerkinzel-vcards/MultiAnsiFilterTests-Greek.vcf declares Windows-1253 on
/// one LABEL only, and its FN is Greek too).
struct ValueTextDecoder {
    /// What happened while decoding one value.
    enum Problem {
        /// The declared charset did not fit and the bytes were valid UTF-8.
        case declaredIgnored(Charset)
        /// Some bytes could not be decoded and became U+FFFD.
        case lossy(Charset)
        /// Undeclared 8-bit text was read with the fallback charset.
        case fallback(Charset)
    }

    let decoder: TextDecoder
    /// Whether the whole input is valid UTF-8 (then undeclared values need no checks).
    let inputIsUTF8: Bool
    /// Non-UTF-8 charsets used for values holding non-ASCII bytes.
    private(set) var legacyCharsets: [String] = []
    /// Whether a value with non-ASCII UTF-8 text was seen in a file that is not all UTF-8.
    private(set) var sawUTF8Text = false

    init(decoder: TextDecoder, inputIsUTF8: Bool) {
        self.decoder = decoder
        self.inputIsUTF8 = inputIsUTF8
    }

    /// Decodes bytes that carry no escapes (or whose escapes are kept).
    ///
    /// - Complexity: O(n).
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, declared: Charset?) -> (String, Problem?) {
        if declared == nil || declared == .utf8 {
            if let text = UTF8Text.string(bytes) {
                if !inputIsUTF8, !sawUTF8Text, !ASCII.isASCII(bytes) { sawUTF8Text = true }
                return (text, nil)
            }
        } else if ASCII.isASCII(bytes) {
            return (String(decoding: bytes, as: UTF8.self), nil)
        }
        let decoded = decoder.decode(bytes, declared: declared)
        if decoded.charset == .utf8 {
            sawUTF8Text = true
        } else {
            let name = decoded.charset.description
            if !legacyCharsets.contains(name) { legacyCharsets.append(name) }
        }
        if decoded.lossy { return (decoded.text, .lossy(decoded.charset)) }
        if decoded.declaredIgnored, let declared { return (decoded.text, .declaredIgnored(declared)) }
        if declared == nil || declared == .utf8 { return (decoded.text, .fallback(decoded.charset)) }
        return (decoded.text, nil)
    }

    /// Decodes bytes from an array; see ``decode(_:declared:)``.
    mutating func decode(_ bytes: [UInt8], declared: Charset?) -> (String, Problem?) {
        bytes.withUnsafeBufferPointer { decode($0, declared: declared) }
    }

    /// The encoding for the report: `utf-8`, the one legacy charset used, or `mixed`.
    var reportedEncoding: String {
        switch legacyCharsets.count {
        case 0: return "utf-8"
        case 1 where !sawUTF8Text: return legacyCharsets[0]
        default: return "mixed"
        }
    }

    /// The first legacy charset a `CHARSET=` parameter names in the bytes, if any.
    ///
    /// - Complexity: O(n); only called for inputs that are not valid UTF-8.
    static func firstDeclaredLegacyCharset(in bytes: UnsafeBufferPointer<UInt8>) -> Charset? {
        let key = Array("CHARSET=".utf8)
        var index = 0
        let count = bytes.count
        while index + key.count < count {
            if ASCII.upper(bytes[index]) == key[0] {
                var matches = true
                for offset in 1..<key.count where ASCII.upper(bytes[index + offset]) != key[offset] {
                    matches = false
                    break
                }
                if matches {
                    var end = index + key.count
                    while end < count, bytes[end] != ASCII.semicolon, bytes[end] != ASCII.colon,
                        bytes[end] != ASCII.comma, bytes[end] != ASCII.lineFeed, end - index < 60
                    {
                        end += 1
                    }
                    let name = String(decoding: bytes.slice((index + key.count)..<end), as: UTF8.self)
                        .trimmingQuotes()
                    if let charset = Charset(name: name), charset != .utf8,
                        charset != .singleByte(.windows1252)
                            || name.lowercased().contains("1252")
                    {
                        return charset
                    }
                    index = end
                    continue
                }
            }
            index += 1
        }
        return nil
    }
}

extension String {
    /// The string without surrounding double quotes.
    func trimmingQuotes() -> String { trimmingASCII(where: { $0 == UInt8(ascii: "\"") }) }
}
