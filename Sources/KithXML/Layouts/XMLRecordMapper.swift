import KithModel

/// Turns record trees into contacts for one layout, holding the little state some layouts
/// need across records: Grandstream group names, the Snom master waiting for its members.
struct XMLRecordMapper {
    let layout: XMLLayout
    /// The source the records belong to.
    let source: Int
    /// How many records were handed on so far; the next record's index.
    private(set) var records = 0
    /// Grandstream `pbgroup` ids to names.
    private var groupNames: [String: String] = [:]
    /// A Snom MASTER contact and its link key, until an item that is not its member arrives.
    private var pendingMaster: (contact: Contact, key: String)?

    init(layout: XMLLayout, source: Int) {
        self.layout = layout
        self.source = source
    }

    /// Numbers a new contact as the next record, in place. Records are numbered when they are
    /// created, which is also the order they are handed on (a Snom master waits, but nothing is
    /// created before it is handed on).
    private mutating func number(_ contact: inout Contact) {
        contact.ref = RecordRef(source: source, index: records)
        records += 1
    }

    /// Reads document data outside the records (Grandstream `<pbgroup>`).
    mutating func document(_ element: XMLElement) {
        if layout == .grandstream, element.name == "pbgroup", let id = element.childValue("id"),
            let name = element.childValue("name")
        {
            groupNames[id] = name
        }
    }

    /// Maps one record and hands the finished contacts to `emit` (none while a Snom master
    /// waits for members, two when a new record closes a waiting master).
    ///
    /// - Parameters:
    ///   - record: the record's tree.
    ///   - ancestors: the open elements above it, root first.
    mutating func map(_ record: XMLElement, ancestors: [XMLElement], emit: (consuming Contact) throws -> Void) throws {
        var contact: Contact
        switch layout {
        case .xcard: contact = XCardLayout.contact(from: record)
        case .googleAtom: contact = GoogleAtomLayout.contact(from: record)
        case .fritzbox:
            // Filled in place: a contact returned by value was copied whole.
            contact = Contact(ref: RecordRef(source: 0, index: 0), line: record.line)
            FritzBoxLayout.fill(&contact, from: record)
        case .gigaset: contact = GigasetLayout.contact(from: record)
        case .gigasetV1: contact = GigasetLayout.v1Entry(from: record)
        case .ipPhoneDirectory: contact = PhoneDirectoryLayout.directoryEntry(from: record)
        case .yealink:
            switch record.name {
            case "Unit": contact = PhoneDirectoryLayout.yealinkUnit(from: record, menu: ancestors.last)
            case "contact": contact = PhoneDirectoryLayout.yealinkContact(from: record)
            default: contact = PhoneDirectoryLayout.directoryEntry(from: record)
            }
        case .grandstream: contact = PhoneDirectoryLayout.grandstreamContact(from: record, groups: groupNames)
        case .jfritz: contact = JFritzLayout.entry(from: record)
        case .windowsContact: contact = WindowsContactLayout.contact(from: record)
        case .snom:
            if var pending = pendingMaster, SnomLayout.isMember(record, of: pending.key) {
                pendingMaster = nil
                SnomLayout.fold(member: record, into: &pending.contact)
                pendingMaster = pending
                return
            }
            try finish(emit: emit)
            if let key = SnomLayout.masterKey(of: record) {
                var master = SnomLayout.item(from: record)
                number(&master)
                pendingMaster = (master, key)
                return
            }
            contact = SnomLayout.item(from: record)
        }
        number(&contact)
        try emit(consume contact)
    }

    /// Hands over a contact still waiting at the end of the document.
    mutating func finish(emit: (consuming Contact) throws -> Void) throws {
        if let pending = pendingMaster {
            pendingMaster = nil
            try emit(pending.contact)
        }
    }
}
