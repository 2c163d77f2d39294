public import KithModel

/// Postal addresses: the country code, postal code clean-up, and components from a one-line
/// formatted address.
public enum AddressNormalizer {
    /// Normalizes an address in place.
    ///
    /// - Sets `countryCode` from `country` (any of the names `CountryCodes` knows) when absent.
    /// - Cleans the postal code (`PostalCode.clean`).
    /// - When every component is empty but `formatted` is set, reads components from it
    ///   (`FormattedAddress.parse`) and records the rule in `componentsRule`.
    ///
    /// - Parameter address: The address to normalize.
    public static func normalize(_ address: inout AddressValue) {
        let componentsEmpty =
            address.poBox.isEmpty && address.extended.isEmpty && address.street.isEmpty
            && address.locality.isEmpty && address.region.isEmpty && address.postalCode.isEmpty
            && address.country.isEmpty
        if componentsEmpty, let formatted = address.formatted, !formatted.trimmed.isEmpty {
            let parsed = FormattedAddress.parse(formatted)
            address.street = parsed.street
            address.locality = parsed.locality
            address.region = parsed.region
            address.postalCode = parsed.postalCode
            address.country = parsed.country
            address.componentsRule = "address-from-formatted"
        }
        if address.countryCode == nil, !address.country.isEmpty {
            address.countryCode = CountryCodes.alpha2(for: address.country)
        } else if let code = address.countryCode {
            address.countryCode = CountryCodes.alpha2(for: code) ?? code.uppercased()
        }
        if !address.postalCode.isEmpty {
            let cleaned = PostalCode.clean(address.postalCode, country: address.countryCode)
            if cleaned != address.postalCode {
                address.postalCodeAsWritten = address.postalCode
                address.postalCode = cleaned
            }
        }
    }
}

/// Postal code clean-up.
public enum PostalCode {
    /// Cleans a postal code: trims, collapses spaces, upper-cases letters, removes a country
    /// prefix written before it (`D-80331`, `CH-8001`, `F-75001`, the old European style), and
    /// puts the space where the country's format has one (GB/CA `SW1A 1AA`, NL `1234 AB`,
    /// SE `123 45`, …, per the Universal Postal Union's addressing pages).
    ///
    /// - Parameters:
    ///   - text: The code as written.
    ///   - country: The alpha-2 country code, when known.
    /// - Returns: The cleaned code.
    public static func clean(_ text: String, country: String?) -> String {
        var code = text.trimmed.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        // `D-80331`, `CH-8001`, `A-1010`
        if let dash = code.firstIndex(of: "-"), code.distance(from: code.startIndex, to: dash) <= 2 {
            let prefix = String(code[..<dash])
            let rest = String(code[code.index(after: dash)...])
            if prefix.allSatisfy(\.isLetter), rest.first?.isNumber == true { code = rest }
        }
        let compact = withoutSpaces(code)
        switch country {
        case "GB"?, "CA"?:
            let cut = country == "CA" ? 3 : compact.count - 3
            if compact.count >= 5, compact.count <= 7, cut > 0 {
                return String(compact.prefix(cut)) + " " + String(compact.dropFirst(cut))
            }
        case "NL"?:
            if compact.count == 6, compact.prefix(4).allSatisfy(\.isNumber) {
                return String(compact.prefix(4)) + " " + String(compact.dropFirst(4))
            }
        case "SE"?, "CZ"?, "SK"?, "GR"?:
            if compact.count == 5, compact.allSatisfy(\.isNumber) {
                return String(compact.prefix(3)) + " " + String(compact.dropFirst(3))
            }
        case "PL"?:
            if compact.count == 5, compact.allSatisfy(\.isNumber) {
                return String(compact.prefix(2)) + "-" + String(compact.dropFirst(2))
            }
        case "US"?:
            if compact.count == 9, compact.allSatisfy(\.isNumber) {
                return String(compact.prefix(5)) + "-" + String(compact.dropFirst(5))
            }
        case "DE"?, "FR"?, "IT"?, "ES"?, "AT"?, "CH"?, "BE"?, "DK"?, "NO"?, "FI"?:
            if compact.allSatisfy(\.isNumber) { return compact }
        default:
            break
        }
        return code
    }

    /// `code.replacingOccurrences(of: " ", with: "")`, on bytes for ASCII codes (Foundation's
    /// replacement bridges through NSString on Linux).
    static func withoutSpaces(_ code: String) -> String {
        let utf8 = code.utf8
        guard utf8.contains(UInt8(ascii: " ")) else { return code }
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return code.replacingOccurrences(of: " ", with: "") }
        return String(decoding: utf8.filter { $0 != UInt8(ascii: " ") }, as: UTF8.self)
    }
}
