public import KithModel

/// One content line of a card after unfolding: `group.NAME;PARAM=value:value`.
///
/// The header (group, name and parameters) is parsed into strings; the value stays bytes
/// (as offsets into the logical line) until the mapper knows how to decode it.
public struct VCardProperty: Sendable {
    /// How the value bytes are transfer-encoded.
    public enum TransferEncoding: Hashable, Sendable {
        case none, quotedPrintable, base64
        /// An encoding Kith does not decode (`8BIT`, a typo); the value is read as is.
        case other(String)
    }

    /// The group as written (`item1`), when there is one.
    public var group: String?
    /// The property name, upper-cased (`EMAIL`, `X-ABLABEL`).
    public var name: String
    /// The parameters in source order, names upper-cased; 2.1 bare parameters become `TYPE`
    /// (or `ENCODING` for `QUOTED-PRINTABLE`, `BASE64`, `8BIT`, `7BIT`).
    public var parameters: [Parameter]
    /// The 1-based line the property starts on.
    public var line: Int
    /// Whether the line had a `:` at all.
    public var hasColon: Bool
    /// Offset of the value within the logical line.
    var valueStart: Int
    /// Problems seen in the header (an empty parameter, a `,` before the first parameter).
    var headerProblems: [String]
    /// The metadata the parameters give (``CardMapper/meta(_:consumed:)`` without further
    /// consumed names, which only leave parameters out), worked out once for a header kept in
    /// ``PropertyHeaderCache``.
    var metaTemplate: FieldMeta?

    /// The transfer encoding the parameters declare.
    public var encoding: TransferEncoding {
        guard let value = parameter("ENCODING")?.first else { return .none }
        switch value.uppercased() {
        case "QUOTED-PRINTABLE", "QP": return .quotedPrintable
        case "B", "BASE64": return .base64
        case "7BIT", "8BIT", "": return .none
        default: return .other(value)
        }
    }

    /// The values of the first parameter named `name` (upper-case), if present.
    public func parameter(_ name: String) -> [String]? {
        for parameter in parameters where parameter.name == name { return parameter.values }
        return nil
    }

    /// The lower-cased `VALUE=` type, if declared.
    public var valueType: String? { parameter("VALUE")?.first?.lowercased() }
}

/// Parses the header of a logical content line.
enum PropertyHeaderParser {
    /// Parses group, name and parameters, and finds where the value starts.
    ///
    /// The value starts after the first `:` outside double quotes, so quoted parameter values
    /// may hold `:;,` (corpus vcard/android-aosp/v30_comma_separated.vcf).
    ///
    /// - Parameters:
    ///   - bytes: the unfolded line.
    ///   - line: its first line number.
    ///   - decodeText: turns parameter value bytes into text.
    /// - Returns: the property, or `nil` when the line has no name.
    /// - Complexity: O(length of the header).
    static func parse(
        _ line: UnsafeBufferPointer<UInt8>, line number: Int, decodeText: (UnsafeBufferPointer<UInt8>) -> String
    ) -> VCardProperty? {
        let colon = headerEnd(line)
        let bytes = line.slice(0..<(colon ?? line.count))
        let count = bytes.count
        var index = 0
        var groupEnd = -1
        // The name: up to `;`, `:` or a `,` used by mistake for `;` (tine20/HerrFalkMuenchen `LABEL,TYPE=HOME:`).
        while index < count {
            let byte = bytes[index]
            if byte == ASCII.semicolon || byte == ASCII.colon || byte == ASCII.comma { break }
            if byte == ASCII.dot, groupEnd < 0 { groupEnd = index }
            index += 1
        }
        let nameStart = groupEnd >= 0 ? groupEnd + 1 : 0
        var nameEnd = index
        while nameEnd > nameStart, ASCII.isBlank(bytes[nameEnd - 1]) { nameEnd -= 1 }
        var nameFrom = nameStart
        while nameFrom < nameEnd, ASCII.isBlank(bytes[nameFrom]) { nameFrom += 1 }
        guard nameFrom < nameEnd else { return nil }
        var property = VCardProperty(
            group: groupEnd > 0 ? decodeText(bytes.slice(0..<groupEnd)) : nil,
            name: ASCII.upperString(bytes.slice(nameFrom..<nameEnd)),
            parameters: [], line: number, hasColon: colon != nil, valueStart: colon.map { $0 + 1 } ?? line.count,
            headerProblems: [])
        if index < count, bytes[index] == ASCII.comma {
            property.headerProblems.append("a ',' separates the name from the parameters; read as ';'")
        }
        while index < count {
            index += 1  // past `;` (or the stray `,`, or a `:` inside unbalanced quotes)
            parseParameter(bytes, &index, into: &property, decodeText: decodeText)
        }
        return property
    }

    /// Parses one parameter starting at `index`, leaving `index` on the `;` or `:` after it.
    private static func parseParameter(
        _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, into property: inout VCardProperty,
        decodeText: (UnsafeBufferPointer<UInt8>) -> String
    ) {
        let count = bytes.count
        let nameStart = index
        while index < count {
            let byte = bytes[index]
            if byte == ASCII.semicolon || byte == ASCII.colon || byte == ASCII.equals { break }
            if byte == ASCII.quote { break }
            index += 1
        }
        var nameFrom = nameStart
        var nameTo = index
        while nameFrom < nameTo, ASCII.isBlank(bytes[nameFrom]) { nameFrom += 1 }
        while nameTo > nameFrom, ASCII.isBlank(bytes[nameTo - 1]) { nameTo -= 1 }
        if index < count, bytes[index] == ASCII.equals {
            let name = ASCII.upperString(bytes.slice(nameFrom..<nameTo))
            index += 1
            let values = parseValues(bytes, &index, decodeText: decodeText)
            if name.isEmpty {
                property.headerProblems.append("a parameter without a name")
                property.parameters.append(Parameter(name: "TYPE", values: values))
            } else {
                property.parameters.append(Parameter(name: name, values: values))
            }
            return
        }
        if index < count, bytes[index] == ASCII.quote {
            // A quoted bare value (`TEL;"WORK"`): read it as a TYPE.
            let values = parseValues(bytes, &index, decodeText: decodeText)
            property.parameters.append(Parameter(name: "TYPE", values: values))
            return
        }
        guard nameFrom < nameTo else {
            property.headerProblems.append("an empty parameter")
            return
        }
        // A 2.1 bare parameter: `TEL;CELL;PREF`, `NOTE;QUOTED-PRINTABLE`, `PHOTO;JPEG`.
        let word = bytes.slice(nameFrom..<nameTo)
        if ASCII.equalsIgnoringCase(word, "QUOTED-PRINTABLE") || ASCII.equalsIgnoringCase(word, "BASE64")
            || ASCII.equalsIgnoringCase(word, "8BIT") || ASCII.equalsIgnoringCase(word, "7BIT")
        {
            property.parameters.append(Parameter(name: "ENCODING", values: [ASCII.upperString(word)]))
        } else {
            appendType(decodeText(word), to: &property)
        }
    }

    /// Adds a bare value to the property's TYPE parameter, creating it when needed.
    private static func appendType(_ value: String, to property: inout VCardProperty) {
        for index in property.parameters.indices where property.parameters[index].name == "TYPE" {
            property.parameters[index].values.append(value)
            return
        }
        property.parameters.append(Parameter(name: "TYPE", values: [value]))
    }

    /// Parses comma-separated, possibly quoted values, leaving `index` on the `;` or `:` after them.
    private static func parseValues(
        _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, decodeText: (UnsafeBufferPointer<UInt8>) -> String
    ) -> [String] {
        let count = bytes.count
        var values: [String] = []
        while true {
            var value = ""
            if index < count, bytes[index] == ASCII.quote {
                let start = index + 1
                var end = start
                while end < count, bytes[end] != ASCII.quote { end += 1 }
                value = decodeText(bytes.slice(start..<end))
                index = min(end + 1, count)
            }
            let start = index
            while index < count {
                let byte = bytes[index]
                if byte == ASCII.comma || byte == ASCII.semicolon || byte == ASCII.colon { break }
                index += 1
            }
            if index > start { value += decodeText(bytes.slice(start..<index)) }
            values.append(value)
            guard index < count, bytes[index] == ASCII.comma else { break }
            index += 1
        }
        return values
    }

    /// The end of the header in `bytes`: the offset of the first `:` outside quotes, or of the
    /// first `:` at all when quotes are unbalanced; `nil` when there is none.
    static func headerEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var inQuotes = false
        var firstColon: Int?
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte == ASCII.quote {
                inQuotes.toggle()
            } else if byte == ASCII.colon {
                if !inQuotes { return index }
                if firstColon == nil { firstColon = index }
            }
        }
        return firstColon
    }
}
