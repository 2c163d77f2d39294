public import KithModel

// Test support: building a person from one record without running the resolver, for tests of
// the writers and readers. The pipeline itself always goes through `KithResolve.Resolver`.

extension Person {
    /// A person made of one record alone.
    ///
    /// The id is `StableID.urn(namespace: "person", name: key)` where `key` is `uid:<UID>` when
    /// the record has a UID, else `content:<sha256>` of ``Contact/canonicalContent`` — the
    /// record's values without its source number, index or lines, so adding or removing another
    /// source leaves the id unchanged. Two records with identical values and no UID get the same
    /// id (they describe the same person; the resolver merges them).
    ///
    /// Every value's `meta.from` is set to the record's reference.
    ///
    /// - Parameter contact: the record.
    /// - Returns: the person, with the record as its only member.
    /// - Complexity: O(n) in the size of the record.
    public static func singleton(_ contact: Contact) -> Person {
        let key: String
        if let uid = contact.uid, !uid.isEmpty {
            key = "uid:" + uid
        } else {
            key = "content:" + ContentHash.sha256Hex(contact.canonicalContent)
        }
        var card = contact
        let from = [contact.ref]
        card.name?.meta.from = from
        func mark<Value>(_ values: inout [Value], _ meta: WritableKeyPath<Value, FieldMeta>) {
            for index in values.indices { values[index][keyPath: meta].from = from }
        }
        mark(&card.nicknames, \.meta)
        mark(&card.emails, \.meta)
        mark(&card.phones, \.meta)
        mark(&card.addresses, \.meta)
        mark(&card.organizations, \.meta)
        mark(&card.titles, \.meta)
        mark(&card.roles, \.meta)
        mark(&card.dates, \.meta)
        mark(&card.links, \.meta)
        mark(&card.onlineServices, \.meta)
        mark(&card.notes, \.meta)
        mark(&card.categories, \.meta)
        mark(&card.media, \.meta)
        mark(&card.related, \.meta)
        mark(&card.members, \.meta)
        card.gender?.meta.from = from
        return Person(
            id: StableID.urn(namespace: "person", name: key), card: card,
            records: [MemberRecord(ref: contact.ref, line: contact.line, uid: contact.uid)])
    }
}

extension Contact {
    /// A canonical byte serialization of the record's values, for content-derived ids.
    ///
    /// It holds every value with its labels and parameters, in field order, each text
    /// length-prefixed; it leaves out where the record was read (`ref`, `line`, each value's
    /// `meta.line`) and `meta.from`, so the same record read from another file or position
    /// serializes the same.
    ///
    /// - Complexity: O(n) in the size of the record.
    public var canonicalContent: [UInt8] {
        var out = CanonicalBytes()
        out.text(kind.rawValue)
        out.optional(version)
        out.optional(uid)
        out.optional(revision)
        out.optional(producer)
        out.tag(1)
        if let name {
            out.optional(name.full)
            for list in [name.given, name.surname, name.additional, name.prefixes, name.suffixes] { out.texts(list) }
            out.optional(name.phoneticGiven)
            out.optional(name.phoneticSurname)
            out.optional(name.phoneticAdditional)
            out.optional(name.sortAs)
            out.optional(name.raw)
            out.meta(name.meta)
        }
        out.list(2, nicknames) {
            $0.text($1.value)
            $0.meta($1.meta)
        }
        out.list(3, emails) {
            $0.text($1.raw)
            $0.text($1.address)
            $0.meta($1.meta)
        }
        out.list(4, phones) {
            $0.text($1.raw)
            $0.meta($1.meta)
        }
        out.list(5, addresses) { out, value in
            for part in [
                value.poBox, value.extended, value.street, value.locality, value.region, value.postalCode,
                value.country,
            ] {
                out.text(part)
            }
            for part in [value.countryCode, value.formatted, value.geo, value.timeZone, value.raw] {
                out.optional(part)
            }
            out.meta(value.meta)
        }
        out.list(6, organizations) {
            $0.text($1.name)
            $0.texts($1.units)
            $0.meta($1.meta)
        }
        out.list(7, titles) {
            $0.text($1.value)
            $0.meta($1.meta)
        }
        out.list(8, roles) {
            $0.text($1.value)
            $0.meta($1.meta)
        }
        out.list(9, dates) {
            $0.text($1.kind.rawValue)
            $0.text($1.raw)
            $0.meta($1.meta)
        }
        out.list(10, links) {
            $0.text($1.uri)
            $0.meta($1.meta)
        }
        out.list(11, onlineServices) {
            $0.optional($1.service)
            $0.optional($1.uri)
            $0.optional($1.user)
            $0.meta($1.meta)
        }
        out.list(12, notes) {
            $0.text($1.value)
            $0.meta($1.meta)
        }
        out.list(13, categories) {
            $0.text($1.value)
            $0.meta($1.meta)
        }
        out.list(14, media) { out, value in
            out.text(value.kind.rawValue)
            out.optional(value.mediaType)
            out.optional(value.sha256 ?? value.data.map { ContentHash.sha256Hex($0) })
            out.optional(value.uri)
            out.meta(value.meta)
        }
        out.list(15, related) {
            $0.text($1.value)
            $0.text($1.isURI ? "uri" : "text")
            $0.texts($1.relations)
            $0.meta($1.meta)
        }
        out.tag(16)
        if let gender {
            out.text(gender.value)
            out.meta(gender.meta)
        }
        out.list(17, members) {
            $0.text($1.value)
            $0.meta($1.meta)
        }
        out.list(18, unmapped) { out, property in
            out.text(property.name)
            out.optional(property.group)
            out.parameters(property.parameters)
            out.text(property.valueType)
            out.text(property.value)
        }
        return out.bytes
    }
}

/// A length-prefixed byte writer: every text is its UTF-8 length (4 bytes) then its bytes, so
/// no two different value sequences serialize alike.
private struct CanonicalBytes {
    var bytes: [UInt8] = []

    mutating func tag(_ tag: UInt8) { bytes.append(tag) }

    mutating func count(_ count: Int) {
        let value = UInt32(truncatingIfNeeded: count)
        bytes.append(contentsOf: [
            UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF),
        ])
    }

    mutating func text(_ text: String) {
        count(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func optional(_ text: String?) {
        if let text {
            bytes.append(1)
            self.text(text)
        } else {
            bytes.append(0)
        }
    }

    mutating func texts(_ texts: [String]) {
        count(texts.count)
        for text in texts { self.text(text) }
    }

    mutating func parameters(_ parameters: [Parameter]) {
        count(parameters.count)
        for parameter in parameters {
            text(parameter.name)
            texts(parameter.values)
        }
    }

    mutating func meta(_ meta: FieldMeta) {
        texts(meta.types)
        optional(meta.label)
        optional(meta.pref.map(String.init))
        optional(meta.group)
        optional(meta.language)
        optional(meta.altID)
        parameters(meta.parameters)
    }

    mutating func list<Value>(_ tag: UInt8, _ values: [Value], _ body: (inout CanonicalBytes, Value) -> Void) {
        self.tag(tag)
        count(values.count)
        for value in values { body(&self, value) }
    }
}
