/// Escaping of vCard property and parameter values on output.
///
/// - TEXT values (RFC 6350 §3.4): backslash, comma and line breaks are escaped (`\\`, `\,`, `\n`);
///   in 3.0 the semicolon too (RFC 2426 §4 `text-value` excludes an unescaped `;`), in 4.0 it is
///   left as is (RFC 6350's `TEXT-CHAR` admits `;` and not `\;`).
/// - Components of structured values (`N`, `ADR`, `ORG`, `GENDER`): backslash, comma, semicolon
///   and line breaks are escaped in both versions.
/// - URIs are never escaped.
/// - Parameter values are quoted when they contain `:`, `;` or `,`; a double quote or line break,
///   which no parameter value may hold, is written with RFC 6868's caret encoding in 4.0 (`^'`,
///   `^n`, `^^`) and replaced by `'` and a space in 3.0, which has no such encoding.
public enum VCardEscaping {
    /// Escapes a TEXT value (or one item of a comma-separated TEXT list).
    ///
    /// - Parameters:
    ///   - text: the value.
    ///   - semicolon: whether `;` is escaped too (3.0 text, and components in both versions).
    /// - Returns: the escaped value.
    /// - Complexity: O(n) in the length of the value.
    public static func text(_ text: String, escapingSemicolon semicolon: Bool) -> String {
        var needs = false
        for byte in text.utf8
        where byte == 0x5C || byte == 0x2C || byte == 0x0A || byte == 0x0D || (semicolon && byte == 0x3B) {
            needs = true
            break
        }
        guard needs else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var previousCR = false
        for byte in text.utf8 {
            switch byte {
            case 0x5C:
                out.append(0x5C)
                out.append(0x5C)
            case 0x2C:
                out.append(0x5C)
                out.append(0x2C)
            case 0x3B where semicolon:
                out.append(0x5C)
                out.append(0x3B)
            case 0x0D:
                out.append(0x5C)
                out.append(0x6E)
            case 0x0A:
                if !previousCR {
                    out.append(0x5C)
                    out.append(0x6E)
                }
            default: out.append(byte)
            }
            previousCR = byte == 0x0D
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes one component of a structured value (`N`, `ADR`, `ORG`).
    ///
    /// - Parameter component: one component (or one item of a component list).
    /// - Returns: the escaped component.
    public static func component(_ component: String) -> String {
        text(component, escapingSemicolon: true)
    }

    /// Undoes ``text(_:escapingSemicolon:)`` and ``component(_:)``: `\n`/`\N` become LF, `\x`
    /// becomes `x`.
    ///
    /// - Parameter escaped: an escaped value.
    /// - Returns: the plain value.
    /// - Complexity: O(n) in the length of the value.
    public static func unescape(_ escaped: String) -> String {
        var out: [UInt8] = []
        var iterator = escaped.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == 0x5C else {
                out.append(byte)
                continue
            }
            guard let next = iterator.next() else {
                out.append(byte)
                break
            }
            out.append(next == 0x6E || next == 0x4E ? 0x0A : next)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Makes a parameter value safe: quoted when it holds `:`, `;` or `,`, with the characters
    /// no parameter value may hold encoded (4.0) or replaced (3.0).
    ///
    /// - Parameters:
    ///   - value: the parameter value.
    ///   - caretEncoding: whether RFC 6868 caret encoding may be used (4.0).
    /// - Returns: the value as it goes between `=` and the next `;`, `,` or `:`.
    public static func parameterValue(_ value: String, caretEncoding: Bool) -> String {
        var needsQuotes = false
        var needsRewrite = false
        for byte in value.utf8 {
            switch byte {
            case 0x3A, 0x3B, 0x2C: needsQuotes = true
            case 0x22, 0x0A, 0x0D: needsRewrite = true
            case 0x5E where caretEncoding: needsRewrite = true
            case 0x00..<0x20 where byte != 0x09: needsRewrite = true
            default: break
            }
        }
        var result = value
        if needsRewrite {
            var out: [UInt8] = []
            var previousCR = false
            for byte in value.utf8 {
                switch byte {
                case 0x5E where caretEncoding: out.append(contentsOf: [0x5E, 0x5E])
                case 0x22: out.append(contentsOf: caretEncoding ? [0x5E, 0x27] : [0x27])
                case 0x0D: out.append(contentsOf: caretEncoding ? [0x5E, 0x6E] : [0x20])
                case 0x0A where previousCR: break
                case 0x0A: out.append(contentsOf: caretEncoding ? [0x5E, 0x6E] : [0x20])
                case 0x00..<0x20 where byte != 0x09: out.append(0x20)
                default: out.append(byte)
                }
                previousCR = byte == 0x0D
            }
            result = String(decoding: out, as: UTF8.self)
        }
        return needsQuotes ? "\"" + result + "\"" : result
    }

    /// Makes a property, parameter or group name valid (`1*(ALPHA / DIGIT / "-")`): other
    /// characters become `-`; letters are upper-cased unless `keepingCase`.
    ///
    /// - Parameters:
    ///   - name: the name as a source gave it (a CSV column header, an XML path).
    ///   - keepingCase: keep the letters' case (for groups such as `item1`).
    /// - Returns: the valid name, `X-` when nothing is left.
    public static func name(_ name: String, keepingCase: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case 0x61...0x7A: out.append(keepingCase ? byte : byte - 0x20)
            case 0x41...0x5A, 0x30...0x39, 0x2D: out.append(byte)
            default: if out.last != 0x2D { out.append(0x2D) }
            }
        }
        return out.isEmpty ? "X-" : String(decoding: out, as: UTF8.self)
    }
}
