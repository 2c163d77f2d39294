import KithModel

/// Writes a `Contact` as a JSContact `Card` (RFC 9553), following the vCard conversion rules of
/// RFC 9555 where Kith's fields come from vCard.
///
/// Member order is fixed: `@type`, `version`, `uid`, `kind`, `prodId`, `updated`, `name`,
/// `nicknames`, `organizations`, `titles`, `speakToAs`, `emails`, `phones`, `onlineServices`,
/// `addresses`, `anniversaries`, `links`, `media`, `notes`, `keywords`, `relatedTo`, `members`,
/// `vCardProps`. Empty members are left out. Map ids are listed in ``CardPlan``.
enum CardWriter {
    /// Writes the card object.
    ///
    /// - Parameters:
    ///   - contact: the values to write.
    ///   - uid: the card's `uid` (the person or group id).
    ///   - members: for a group, the member ids to write as `members` instead of the contact's own.
    ///   - plan: the contact's plan.
    ///   - out: the buffer.
    static func write(
        _ contact: Contact, uid: String, members: [String]? = nil, plan: CardPlan, into out: inout JSONBuffer
    ) {
        out.objectStart()
        out.key("@type")
        out.string("Card")
        out.key("version")
        out.string("1.0")
        out.key("uid")
        out.string(uid)
        if contact.kind != .individual {
            out.key("kind")
            out.string(contact.kind.rawValue)
        }
        out.member("prodId", contact.producer)
        if let revision = contact.revisionDate, let utc = DateText.utc(revision) {
            out.key("updated")
            out.string(utc)
        }
        if let name = contact.name, name.full != nil || CardWriter.hasComponentText(name) {
            out.key("name")
            writeName(name, typed: false, into: &out)
        }
        writeNicknames(contact.nicknames, into: &out)
        writeOrganizations(contact.organizations, into: &out)
        writeTitles(contact, into: &out)
        if let gender = contact.gender, let grammatical = GenderText.grammaticalGender(gender.value) {
            out.key("speakToAs")
            out.objectStart()
            out.key("grammaticalGender")
            out.string(grammatical)
            out.objectEnd()
        }
        writeEmails(contact.emails, into: &out)
        writePhones(contact.phones, into: &out)
        writeOnlineServices(contact.onlineServices, into: &out)
        writeAddresses(contact.addresses, into: &out)
        writeAnniversaries(contact.dates, plan: plan, into: &out)
        writeLinks(contact.links, into: &out)
        writeMedia(contact.media, into: &out)
        writeNotes(contact.notes, into: &out)
        writeKeywords(contact, plan: plan, into: &out)
        writeRelated(contact, plan: plan, into: &out)
        if let members {
            if !members.isEmpty {
                out.key("members")
                out.objectStart()
                for id in members {
                    out.key(id)
                    out.bool(true)
                }
                out.objectEnd()
            }
        } else if !plan.members.isEmpty {
            out.key("members")
            out.objectStart()
            for index in plan.members {
                out.key(contact.members[index].value)
                out.bool(true)
            }
            out.objectEnd()
        }
        VCardPropsWriter.write(contact, plan: plan, into: &out)
        out.objectEnd()
    }

    // MARK: - Shared members

    /// Writes `vCardParams` (RFC 9555 §3.2) for the parameters no other member holds: names
    /// lower-cased, one value as a string, none or several as an array.
    static func writeParams(_ parameters: [Parameter], into out: inout JSONBuffer) {
        guard !parameters.isEmpty else { return }
        out.key("vCardParams")
        writeParamObject(parameters, group: nil, into: &out)
    }

    /// Writes a jCard-style parameter object (`{"group":"item1","type":["work","voice"]}`):
    /// names lower-case, one value as a string, none or several as an array. A name appears
    /// once: the values of a repeated parameter join the first one's, and a parameter called
    /// `group` follows the property group in `group`.
    static func writeParamObject(_ parameters: [Parameter], group: String?, into out: inout JSONBuffer) {
        out.objectStart()
        if parameters.isEmpty {
            if let group {
                out.key("group")
                out.string(group)
            }
            out.objectEnd()
            return
        }
        if group == nil, parameters.count == 1 {
            // One parameter and no group (the usual case): nothing to merge, and the name is
            // lower-cased as it is written.
            parameters.withUnsafeBufferPointer { parameters in
                guard let parameter = parameters.baseAddress else { return }
                out.lowercasedKey(parameter.pointee.name)
                writeParamValues(parameter.pointee.values, into: &out)
            }
            out.objectEnd()
            return
        }
        var merged: [(name: String, values: [String])] = []
        merged.reserveCapacity(parameters.count + 1)
        if let group { merged.append(("group", [group])) }
        for parameter in parameters {
            let name = parameter.name.lowercasedIfNeeded()
            if let index = merged.firstIndex(where: { $0.name == name }) {
                merged[index].values.append(contentsOf: parameter.values)
            } else {
                merged.append((name, parameter.values))
            }
        }
        for (name, values) in merged { writeParamMember(name: name, values: values, into: &out) }
        out.objectEnd()
    }

    /// Writes one parameter member: one value as a string, none or several as an array.
    private static func writeParamMember(name: String, values: [String], into out: inout JSONBuffer) {
        out.key(name)
        writeParamValues(values, into: &out)
    }

    /// Writes a parameter's values: one as a string, none or several as an array.
    private static func writeParamValues(_ values: [String], into out: inout JSONBuffer) {
        if values.count == 1 {
            out.string(values[0])
        } else {
            out.arrayStart()
            for value in values { out.string(value) }
            out.arrayEnd()
        }
    }

    /// Writes a map of values under `name` with ids `prefix1`, `prefix2`, … in value order;
    /// nothing when there are no values.
    @inline(__always)
    static func writeMap<Value>(
        _ name: StaticString, prefix: StaticString, _ values: [Value], into out: inout JSONBuffer,
        entry: (Value, inout JSONBuffer) -> Void
    ) {
        writeMapInPlace(name, prefix: prefix, values, into: &out) { entry($0.pointee, &$1) }
    }

    /// ``writeMap(_:prefix:_:into:entry:)`` handing `entry` each value where it lies, for values
    /// whose copy costs (every reference they hold retained and released again).
    static func writeMapInPlace<Value>(
        _ name: StaticString, prefix: StaticString, _ values: [Value], into out: inout JSONBuffer,
        entry: (UnsafePointer<Value>, inout JSONBuffer) -> Void
    ) {
        guard !values.isEmpty else { return }
        out.key(name)
        out.objectStart()
        values.withUnsafeBufferPointer { values in
            guard let first = values.baseAddress else { return }
            for index in values.indices {
                out.key(prefix, index + 1)
                entry(first + index, &out)
            }
        }
        out.objectEnd()
    }

    /// Writes what every labelled value carries: contexts, preference, label and parameters.
    static func writeLabels(_ meta: borrowing FieldMeta, into out: inout JSONBuffer) {
        TypeWords.writeContexts(meta.types, into: &out)
        writePref(meta, into: &out)
        out.member("label", meta.label)
        writeParams(meta.parameters, into: &out)
    }

    /// Writes `pref` when the value has one (1–100).
    static func writePref(_ meta: FieldMeta, into out: inout JSONBuffer) {
        writePref(pref: meta.pref, into: &out)
    }

    /// Writes `pref` when it is 1–100.
    static func writePref(pref: Int?, into out: inout JSONBuffer) {
        if let pref, (1...100).contains(pref) {
            out.key("pref")
            out.int(pref)
        }
    }

    // MARK: - Name

    /// Writes one `Name` object, with its `@type` when `typed` (outside a card).
    static func writeName(_ name: NameValue, typed: Bool, into out: inout JSONBuffer) {
        out.objectStart()
        if typed {
            out.key("@type")
            out.string("Name")
        }
        if hasComponentText(name) {
            out.key("components")
            out.arrayStart()
            var phoneticGiven = name.phoneticGiven
            var phoneticSurname = name.phoneticSurname
            var phoneticAdditional = name.phoneticAdditional
            for value in name.prefixes where !value.isEmpty { component("title", value, nil, into: &out) }
            for value in name.given where !value.isEmpty {
                component("given", value, phoneticGiven, into: &out)
                phoneticGiven = nil
            }
            for value in name.additional where !value.isEmpty {
                component("given2", value, phoneticAdditional, into: &out)
                phoneticAdditional = nil
            }
            for value in name.surname where !value.isEmpty {
                component("surname", value, phoneticSurname, into: &out)
                phoneticSurname = nil
            }
            for value in name.suffixes where !value.isEmpty {
                component(GenerationSuffix.isGeneration(value) ? "generation" : "credential", value, nil, into: &out)
            }
            out.arrayEnd()
        }
        out.member("full", name.full)
        if let sortAs = name.sortAs {
            out.key("sortAs")
            out.objectStart()
            out.key("surname")
            out.string(sortAs)
            out.objectEnd()
        }
        writeParams(name.meta.parameters, into: &out)
        out.objectEnd()
    }

    /// Whether any name component has text (empty components are not written).
    static func hasComponentText(_ name: NameValue) -> Bool {
        // Without gathering the lists into an array (a copy and an allocation per name).
        func hasText(_ list: [String]) -> Bool { list.contains { !$0.isEmpty } }
        return hasText(name.given) || hasText(name.surname) || hasText(name.prefixes) || hasText(name.additional)
            || hasText(name.suffixes)
    }

    private static func component(
        _ kind: StaticString, _ value: String, _ phonetic: String?, into out: inout JSONBuffer
    ) {
        out.objectStart()
        out.key("kind")
        out.string(kind)
        out.key("value")
        out.string(value)
        out.member("phonetic", phonetic)
        out.objectEnd()
    }

    // MARK: - Identity

    private static func writeNicknames(_ values: [TextValue], into out: inout JSONBuffer) {
        writeMap("nicknames", prefix: "k", values, into: &out) { value, out in
            out.objectStart()
            out.key("name")
            out.string(value.value)
            TypeWords.writeContexts(value.meta.types, into: &out)
            writePref(value.meta, into: &out)
            writeParams(value.meta.parameters, into: &out)
            out.objectEnd()
        }
    }

    private static func writeOrganizations(_ values: [OrganizationValue], into out: inout JSONBuffer) {
        writeMap("organizations", prefix: "o", values, into: &out) { writeOrganization($0, typed: false, into: &$1) }
    }

    /// Writes one `Organization` object, with its `@type` when `typed` (outside a card).
    static func writeOrganization(_ value: OrganizationValue, typed: Bool, into out: inout JSONBuffer) {
        out.objectStart()
        if typed {
            out.key("@type")
            out.string("Organization")
        }
        out.key("name")
        out.string(value.name)
        if !value.units.isEmpty {
            out.key("units")
            out.arrayStart()
            for unit in value.units {
                out.objectStart()
                out.key("name")
                out.string(unit)
                out.objectEnd()
            }
            out.arrayEnd()
        }
        TypeWords.writeContexts(value.meta.types, into: &out)
        writeParams(value.meta.parameters, into: &out)
        out.objectEnd()
    }

    private static func writeTitles(_ contact: Contact, into out: inout JSONBuffer) {
        guard !contact.titles.isEmpty || !contact.roles.isEmpty else { return }
        out.key("titles")
        out.objectStart()
        for index in contact.titles.indices {
            writeTitle(contact.titles[index], number: index + 1, kind: "title", into: &out)
        }
        for index in contact.roles.indices {
            writeTitle(contact.roles[index], number: contact.titles.count + index + 1, kind: "role", into: &out)
        }
        out.objectEnd()
    }

    private static func writeTitle(_ value: TextValue, number: Int, kind: StaticString, into out: inout JSONBuffer) {
        out.key("t", number)
        out.objectStart()
        out.key("name")
        out.string(value.value)
        out.key("kind")
        out.string(kind)
        writeParams(value.meta.parameters, into: &out)
        out.objectEnd()
    }

    private static func writeNotes(_ values: [TextValue], into out: inout JSONBuffer) {
        writeMap("notes", prefix: "n", values, into: &out) { value, out in
            out.objectStart()
            out.key("note")
            out.string(value.value)
            writeParams(value.meta.parameters, into: &out)
            out.objectEnd()
        }
    }

    private static func writeKeywords(_ contact: Contact, plan: CardPlan, into out: inout JSONBuffer) {
        guard !plan.keywords.isEmpty else { return }
        out.key("keywords")
        out.objectStart()
        for index in plan.keywords {
            out.key(contact.categories[index].value)
            out.bool(true)
        }
        out.objectEnd()
    }

    private static func writeRelated(_ contact: Contact, plan: CardPlan, into out: inout JSONBuffer) {
        guard !plan.related.isEmpty else { return }
        out.key("relatedTo")
        out.objectStart()
        for index in plan.related {
            let value = contact.related[index]
            out.key(value.value)
            out.objectStart()
            out.key("relation")
            out.objectStart()
            for (position, relation) in value.relations.enumerated()
            where !value.relations[..<position].contains(relation) {
                out.key(relation)
                out.bool(true)
            }
            out.objectEnd()
            writeParams(value.meta.parameters, into: &out)
            out.objectEnd()
        }
        out.objectEnd()
    }
}

/// Generational name suffixes, which RFC 9554 gives their own component kind.
enum GenerationSuffix {
    /// Whether a suffix is generational (`Jr.`, `Sr`, `II`, `III`, `IV`, `V`).
    static func isGeneration(_ suffix: String) -> Bool {
        switch suffix.lowercased() {
        case "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "vi": true
        default: false
        }
    }
}
