/// A known XML address-book layout, recognized by its root element and namespace.
public enum XMLLayout: String, CaseIterable, Hashable, Sendable {
    /// xCard, RFC 6351: `<vcards xmlns="urn:ietf:params:xml:ns:vcard-4.0"><vcard>`.
    case xcard
    /// Google Contacts API v3 Atom: `<feed>`/`<entry>` with `gd:` and `gContact:` elements.
    case googleAtom = "google-atom"
    /// AVM FRITZ!Box phonebook: `<phonebooks><phonebook><contact>`.
    case fritzbox
    /// Gigaset local phonebook "XML version 2": `<tbook version="2.0"><contact>`.
    case gigaset
    /// Gigaset's older phonebook: `<list><entry name surname home1 …/>`.
    case gigasetV1 = "gigaset-v1"
    /// Cisco IP phone directory and its clones (Digium, Yeastar, Yealink):
    /// `<CiscoIPPhoneDirectory><DirectoryEntry><Name/><Telephone/>`.
    case ipPhoneDirectory = "ipphone-directory"
    /// Yealink remote phonebook `<YealinkIPPhoneBook><Menu><Unit …/>` and local
    /// `<root_contact><contact …/>`.
    case yealink
    /// Grandstream `<AddressBook><Contact>`.
    case grandstream
    /// Snom `<tbook><item>`: a MASTER item plus member items per multi-number contact.
    case snom
    /// JFritz `<phonebook><entry>`.
    case jfritz
    /// Windows Contacts `.contact`: `<c:contact xmlns:c="http://schemas.microsoft.com/Contact">`.
    case windowsContact = "windows-contact"

    /// The flavor reported in `sources[].flavor`: `xml/fritzbox`.
    public var flavor: String { "xml/\(rawValue)" }

    /// The roots Kith recognizes, for error messages.
    static let supportedRoots =
        "xCard <vcards>/<vcard> (urn:ietf:params:xml:ns:vcard-4.0), Google Contacts Atom <feed>/<entry>, "
        + "FRITZ!Box <phonebooks>, Gigaset <tbook> and <list>, Cisco/Digium/Yeastar/Yealink "
        + "<…IPPhoneDirectory>, Yealink <YealinkIPPhoneBook> and <root_contact>, Grandstream <AddressBook>, "
        + "Snom <tbook>, JFritz <phonebook>, Windows Contacts <c:contact>"

    static let xcardNamespace = "urn:ietf:params:xml:ns:vcard-4.0"
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let windowsContactNamespace = "http://schemas.microsoft.com/Contact"
}

/// What the root element says about the layout; some roots are shared and are settled by
/// the first child element.
enum XMLLayoutGuess: Equatable {
    case known(XMLLayout)
    /// `<tbook>`: Gigaset (`contact` children) or Snom (`item` children).
    case tbook
    /// `<phonebook>`: FRITZ!Box (`contact` children) or JFritz (`entry` children).
    case phonebook
    /// `<list>`: Gigaset v1 when its children are `entry` elements.
    case list

    /// Recognizes a layout from the root element.
    ///
    /// - Returns: the guess, or `nil` for a document Kith does not know.
    static func root(name: String, namespace: String) -> XMLLayoutGuess? {
        switch (name, namespace) {
        case ("vcards", XMLLayout.xcardNamespace), ("vcard", XMLLayout.xcardNamespace): return .known(.xcard)
        case ("feed", XMLLayout.atomNamespace), ("entry", XMLLayout.atomNamespace), ("entry", ""), ("feed", ""):
            // Google's group fixtures declare no namespace at all (corpus
            // xml/google-gdata-libkgapi/contacts_group_1.xml).
            return .known(.googleAtom)
        case ("contact", XMLLayout.windowsContactNamespace): return .known(.windowsContact)
        case ("phonebooks", ""): return .known(.fritzbox)
        case ("phonebook", ""): return .phonebook
        case ("tbook", ""): return .tbook
        case ("list", ""): return .list
        case ("YealinkIPPhoneBook", ""), ("root_contact", ""): return .known(.yealink)
        case ("AddressBook", ""), ("AdressBook", ""):
            // fbcontactconv's grandstream.xsl writes the misspelled "AdressBook".
            return .known(.grandstream)
        default:
            if namespace.isEmpty, name.hasSuffix("IPPhoneDirectory") { return .known(.ipPhoneDirectory) }
            return nil
        }
    }

    /// Settles a shared root from the name of its first child element.
    func settle(firstChild name: String) -> XMLLayout? {
        switch (self, name) {
        case (.known(let layout), _): layout
        case (.tbook, "contact"): .gigaset
        case (.tbook, "item"): .snom
        case (.phonebook, "contact"): .fritzbox
        case (.phonebook, "entry"): .jfritz
        case (.list, "entry"): .gigasetV1
        default: nil
        }
    }

    /// Whether the layout is already certain from the root.
    var layout: XMLLayout? {
        if case .known(let layout) = self { return layout }
        return nil
    }
}

extension XMLLayout {
    /// Whether an element starts a contact record.
    ///
    /// - Parameters:
    ///   - name: the element's local name.
    ///   - depth: its depth (the root is 0).
    ///   - rootName: the root element's local name.
    func isRecord(name: String, depth: Int, rootName: String) -> Bool {
        switch self {
        case .xcard: return name == "vcard" && depth <= 1
        case .googleAtom: return name == "entry" && depth <= 1
        case .fritzbox: return name == "contact" && depth == (rootName == "phonebooks" ? 2 : 1)
        case .gigaset: return name == "contact" && depth == 1
        case .gigasetV1, .jfritz: return name == "entry" && depth == 1
        case .ipPhoneDirectory: return name == "DirectoryEntry" && depth == 1
        case .yealink:
            return (depth == 1 && (name == "contact" || name == "DirectoryEntry")) || (depth == 2 && name == "Unit")
        case .grandstream: return name == "Contact" && depth == 1
        case .snom: return name == "item" && depth == 1
        case .windowsContact: return depth == 0
        }
    }

    /// Whether an element outside the records holds document data a layout needs (Grandstream
    /// group names, Yealink menu names), so the reader builds its tree too.
    func isDocumentData(name: String, depth: Int) -> Bool {
        switch self {
        case .grandstream: return depth == 1 && name == "pbgroup"
        default: return false
        }
    }
}
