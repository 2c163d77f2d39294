/// Components read from a formatted (one-line or multi-line) address with simple rules, without
/// a statistical parser.
public struct FormattedAddress: Hashable, Sendable {
    public var street = ""
    public var locality = ""
    public var region = ""
    public var postalCode = ""
    public var country = ""

    /// Creates components.
    public init(
        street: String = "", locality: String = "", region: String = "", postalCode: String = "", country: String = ""
    ) {
        self.street = street
        self.locality = locality
        self.region = region
        self.postalCode = postalCode
        self.country = country
    }

    /// Parses a formatted address.
    ///
    /// Parts are separated by line breaks or commas. A last part that `CountryCodes` knows is the
    /// country. The part holding a postal code gives the locality: `80331 München` (code first,
    /// continental Europe), `Springfield, IL 62704` / `Springfield IL 62704` (US: state then ZIP),
    /// `London SW1A 1AA` (GB: code last). The first part is the street.
    ///
    /// - Parameter text: The formatted address.
    /// - Returns: The components found; unparsed text stays in `street`.
    public static func parse(_ text: String) -> FormattedAddress {
        var parts = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "," })
            .map { String($0).trimmed }.filter { !$0.isEmpty }
        var result = FormattedAddress()
        guard !parts.isEmpty else { return result }
        if parts.count > 1, let last = parts.last, CountryCodes.alpha2(for: last) != nil {
            result.country = last
            parts.removeLast()
        }
        // Find the part with a postal code, from the end.
        var codeIndex: Int?
        var cityInPreviousPart = false
        for index in parts.indices.reversed() where index > 0 || parts.count == 1 {
            let words = parts[index].split(separator: " ").map(String.init)
            guard let first = words.first, let last = words.last else { continue }
            if isNumericCode(first), words.count >= 2 {
                // `80331 München`
                result.postalCode = first
                result.locality = words.dropFirst().joined(separator: " ")
            } else if isNumericCode(last) {
                // `Springfield IL 62704`, `IL 62704` after a `Springfield` part
                result.postalCode = last
                var before = Array(words.dropLast())
                if let state = before.last, state.count == 2, state.allSatisfy(\.isUppercase) {
                    result.region = state
                    before.removeLast()
                }
                result.locality = before.joined(separator: " ")
                cityInPreviousPart = result.locality.isEmpty && index > 1
            } else if words.count >= 3, isBritishCode(words.suffix(2).joined(separator: " ")) {
                result.postalCode = words.suffix(2).joined(separator: " ")
                result.locality = words.dropLast(2).joined(separator: " ")
            } else {
                continue
            }
            codeIndex = index
            break
        }
        if let index = codeIndex {
            parts.remove(at: index)
            if cityInPreviousPart { result.locality = parts.remove(at: index - 1) }
            result.street = parts.joined(separator: ", ")
            return result
        }
        result.street = parts.first ?? ""
        if parts.count > 1, result.locality.isEmpty { result.locality = parts[parts.count - 1] }
        if parts.count > 2 { result.street = parts.dropLast().joined(separator: ", ") }
        return result
    }

    private static func isNumericCode(_ word: String) -> Bool {
        let digits = word.filter(\.isNumber).count
        return digits >= 4 && word.count <= 10 && word.allSatisfy { $0.isNumber || $0 == "-" }
    }

    private static func isBritishCode(_ text: String) -> Bool {
        let parts = text.split(separator: " ")
        guard parts.count == 2, (2...4).contains(parts[0].count), parts[1].count == 3 else { return false }
        return parts[0].first?.isLetter == true && parts[1].first?.isNumber == true
            && text.allSatisfy { $0.isUppercase || $0.isNumber || $0 == " " }
    }
}
