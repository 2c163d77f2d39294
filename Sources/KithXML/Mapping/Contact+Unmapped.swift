import KithModel

extension Contact {
    /// Keeps an element the layout does not map, and everything below it, as raw properties
    /// named `X-XML-<path>` (`X-XML-setup/ringTone`), attributes as parameters: nothing of a
    /// known layout is dropped. Elements with no text, no attributes and no children hold
    /// nothing and leave no trace; `xsi:nil` placeholders likewise.
    ///
    /// - Parameters:
    ///   - element: the unmapped element.
    ///   - path: the path of its parent below the record, empty for a child of the record.
    mutating func keepUnmapped(_ element: XMLElement, under path: String = "") {
        if element.isNil { return }
        let name = path.isEmpty ? element.name : "\(path)/\(element.name)"
        let value = element.value
        if !value.isEmpty || !element.attributes.isEmpty {
            unmapped.append(
                RawProperty(
                    name: "X-XML-\(name)", parameters: element.attributes.map(\.parameter), valueType: "text",
                    value: value, line: element.line))
        }
        for child in element.children { keepUnmapped(child, under: name) }
    }

    /// Keeps attributes of a mapped element that the layout does not map, as one raw property
    /// `X-XML-<path>` with the attributes as parameters.
    mutating func keepUnmapped(attributes: [XMLAttribute], of element: XMLElement, path: String) {
        guard !attributes.isEmpty else { return }
        unmapped.append(
            RawProperty(
                name: "X-XML-\(path)", parameters: attributes.map(\.parameter), valueType: "text", value: "",
                line: element.line))
    }
}

extension XMLAttribute {
    /// The attribute as a parameter, name as written.
    var parameter: Parameter { Parameter(name: name, values: [value]) }
}

extension XMLElement {
    /// Metadata for a value read from this element: its line and the attributes not in
    /// `consumed`, kept verbatim as parameters.
    func meta(types: [String] = [], pref: Int? = nil, consuming consumed: [String] = []) -> FieldMeta {
        var meta = Self.blankMeta
        meta.pref = pref
        meta.line = Int32(truncatingIfNeeded: line)
        if Self.areTypeWords(types) {
            // What `addType` would make of them, without building a new array.
            meta.types = types
        } else {
            for type in types { meta.addType(type) }
        }
        guard !attributes.isEmpty else { return meta }
        for attribute in attributes where !consumed.contains(attribute.name) && !attribute.isNamespaceNoise {
            meta.parameters.append(attribute.parameter)
        }
        return meta
    }
}

extension XMLElement {
    /// Empty metadata, copied for each value (KithModel's initializer is not inlined here).
    static let blankMeta = FieldMeta()

    /// Whether `FieldMeta.addType` would keep `types` as they are: ASCII words without
    /// upper-case letters, none empty, none repeated.
    static func areTypeWords(_ types: [String]) -> Bool {
        for (index, type) in types.enumerated() {
            guard !type.isEmpty, type.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) else {
                return false
            }
            if types[..<index].contains(type) { return false }
        }
        return true
    }
}

extension XMLAttribute {
    /// `xsi:type` and similar schema bookkeeping that carries no contact data.
    var isNamespaceNoise: Bool { namespace == "http://www.w3.org/2001/XMLSchema-instance" }
}
