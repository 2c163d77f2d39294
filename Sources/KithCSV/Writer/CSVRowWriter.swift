/// Writes CSV rows as RFC 4180 says, with values a spreadsheet would run as a formula
/// neutralized.
///
/// A field is quoted when it holds a comma, a double quote, CR or LF (or always, with
/// `quoteAll`, as Outlook writes); a double quote inside is doubled; rows end with CRLF.
///
/// Formula neutralization follows the OWASP "CSV Injection" guidance: a field that starts with
/// `=`, `+`, `-`, `@`, TAB or CR gets a leading `'` and is quoted, so Excel, LibreOffice and
/// Google Sheets show it as text instead of evaluating it. OWASP asks for this on every such
/// field, and this writer follows it by default even though it also changes harmless data —
/// a phone number `+49 30 1234567` is written `'+49 30 1234567`, and a note starting with `-`
/// gets the apostrophe too. Spreadsheets hide the apostrophe; Google and Outlook imports keep
/// it as part of the value. Turn `neutralizeFormulas` off when the file goes straight into an
/// address book and is never opened in a spreadsheet.
public struct CSVRowWriter: Sendable {
    /// Whether every field is quoted (Outlook does so), not only those that need it.
    public var quoteAll: Bool
    /// Whether fields starting with `=`, `+`, `-`, `@`, TAB or CR get a leading `'`.
    public var neutralizeFormulas: Bool

    /// Creates a row writer.
    ///
    /// - Parameters:
    ///   - quoteAll: quote every field.
    ///   - neutralizeFormulas: prefix formula-like fields with `'` (OWASP); on by default.
    public init(quoteAll: Bool = false, neutralizeFormulas: Bool = true) {
        self.quoteAll = quoteAll
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// Whether a value would start a formula in a spreadsheet.
    ///
    /// - Parameter value: a field value.
    /// - Returns: `true` when the first character is `=`, `+`, `-`, `@`, TAB or CR.
    public static func looksLikeFormula(_ value: String) -> Bool {
        guard let first = value.utf8.first else { return false }
        return first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
    }

    /// One field as it goes between the commas.
    ///
    /// - Parameter value: the value.
    /// - Returns: the value, neutralized and quoted as needed.
    /// - Complexity: O(n) in the length of the value.
    public func field(_ value: String) -> String {
        var value = value
        var quote = quoteAll
        if neutralizeFormulas, Self.looksLikeFormula(value) {
            value = "'" + value
            quote = true
        }
        var hasQuote = false
        if !quote || !hasQuote {
            for byte in value.utf8 {
                switch byte {
                case 0x22:
                    hasQuote = true
                    quote = true
                case 0x2C, 0x0A, 0x0D: quote = true
                default: continue
                }
            }
        }
        guard quote else { return value }
        if hasQuote { value = value.replacingAll("\"", with: "\"\"") }
        return "\"" + value + "\""
    }

    /// A whole row, fields joined by commas, ended by CRLF.
    ///
    /// - Parameter fields: the values.
    /// - Returns: the row's text.
    /// - Complexity: O(n) in the total length of the values.
    public func row(_ fields: [String]) -> String {
        var text = ""
        for (index, value) in fields.enumerated() {
            if index > 0 { text += "," }
            text += field(value)
        }
        return text + "\r\n"
    }
}

extension String {
    /// The string with every occurrence of one scalar replaced (scalar by scalar: a quote
    /// followed by a combining mark is one `Character`, but still a quote to a CSV reader).
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
