import KithModel

/// An attribute as the document wrote it: local name, namespace URI (empty when none), value.
struct XMLAttribute: Hashable, Sendable {
    /// The local name, without prefix.
    var name: String
    /// The namespace URI, empty when the attribute has none.
    var namespace: String
    /// The attribute value, entity and character references resolved.
    var value: String

    /// Creates an attribute.
    init(name: String, namespace: String = "", value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}

/// One element of a contact record with everything below it: the small tree a layout maps
/// to a `Contact`. Only one record's tree exists at a time, so memory stays bounded.
struct XMLElement: Hashable, Sendable {
    /// The local name, without prefix.
    var name: String
    /// The namespace URI, empty when the element has none.
    var namespace: String
    var attributes: [XMLAttribute]
    /// The element's own text (text and CDATA children joined), whitespace-only runs between
    /// child elements left out.
    var text: String
    var children: [XMLElement]
    /// The 1-based line of the start tag.
    var line: Int

    /// Creates an element.
    init(
        name: String, namespace: String = "", attributes: [XMLAttribute] = [], text: String = "",
        children: [XMLElement] = [], line: Int = 0
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.text = text
        self.children = children
        self.line = line
    }

    /// The text with leading and trailing white space removed.
    var value: String { text.trimmedXMLSpace }

    /// The first child with a local name.
    func child(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// The trimmed text of the first child with a local name, `nil` when absent or empty.
    func childValue(_ name: String) -> String? {
        guard let child = child(name) else { return nil }
        let value = child.value
        return value.isEmpty ? nil : value
    }

    /// The value of an attribute by local name (any namespace).
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Whether the element is `xsi:nil="true"`: a placeholder that holds no value.
    var isNil: Bool {
        attributes.contains {
            $0.name == "nil" && $0.namespace == "http://www.w3.org/2001/XMLSchema-instance"
                && ($0.value == "true" || $0.value == "1")
        }
    }
}

extension String {
    /// The string without leading and trailing XML white space (space, tab, CR, LF).
    var trimmedXMLSpace: String {
        trimmingASCII(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
    }
}
