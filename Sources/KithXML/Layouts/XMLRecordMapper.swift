import KithModel

/// Turns record trees into contacts for one layout, holding the little state some layouts
/// need across records: Grandstream group names, the Snom master waiting for its members.
struct XMLRecordMapper {
    let layout: XMLLayout
    /// Grandstream `pbgroup` ids to names.
    private var groupNames: [String: String] = [:]
    /// A Snom MASTER contact and its link key, until an item that is not its member arrives.
    private var pendingMaster: (contact: Contact, key: String)?

    init(layout: XMLLayout) {
        self.layout = layout
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
    mutating func map(_ record: XMLElement, ancestors: [XMLElement], emit: (Contact) throws -> Void) throws {
        switch layout {
        case .xcard: try emit(XCardLayout.contact(from: record))
        case .googleAtom: try emit(GoogleAtomLayout.contact(from: record))
        case .fritzbox: try emit(FritzBoxLayout.contact(from: record))
        case .gigaset: try emit(GigasetLayout.contact(from: record))
        case .gigasetV1: try emit(GigasetLayout.v1Entry(from: record))
        case .ipPhoneDirectory: try emit(PhoneDirectoryLayout.directoryEntry(from: record))
        case .yealink:
            switch record.name {
            case "Unit": try emit(PhoneDirectoryLayout.yealinkUnit(from: record, menu: ancestors.last))
            case "contact": try emit(PhoneDirectoryLayout.yealinkContact(from: record))
            default: try emit(PhoneDirectoryLayout.directoryEntry(from: record))
            }
        case .grandstream: try emit(PhoneDirectoryLayout.grandstreamContact(from: record, groups: groupNames))
        case .jfritz: try emit(JFritzLayout.entry(from: record))
        case .windowsContact: try emit(WindowsContactLayout.contact(from: record))
        case .snom:
            if var pending = pendingMaster, SnomLayout.isMember(record, of: pending.key) {
                SnomLayout.fold(member: record, into: &pending.contact)
                pendingMaster = pending
                return
            }
            try finish(emit: emit)
            if let key = SnomLayout.masterKey(of: record) {
                pendingMaster = (SnomLayout.item(from: record), key)
            } else {
                try emit(SnomLayout.item(from: record))
            }
        }
    }

    /// Hands over a contact still waiting at the end of the document.
    mutating func finish(emit: (Contact) throws -> Void) throws {
        if let pending = pendingMaster {
            pendingMaster = nil
            try emit(pending.contact)
        }
    }
}
