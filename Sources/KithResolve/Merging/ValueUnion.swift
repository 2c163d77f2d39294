internal import KithModel

/// A value that carries its own metadata (types, label, preference, source records).
protocol MetaCarrying {
    var meta: FieldMeta { get set }
}

extension EmailValue: MetaCarrying {}
extension PhoneValue: MetaCarrying {}
extension AddressValue: MetaCarrying {}
extension OrganizationValue: MetaCarrying {}
extension DateValue: MetaCarrying {}
extension LinkValue: MetaCarrying {}
extension OnlineServiceValue: MetaCarrying {}
extension MediaValue: MetaCarrying {}
extension RelatedValue: MetaCarrying {}
extension TextValue: MetaCarrying {}

/// The union of one multi-valued field over a person's records: values with the same
/// normalized key become one value that keeps every type word and label, the lowest
/// preference, the richest raw form, and every record it came from (`meta.from`).
///
/// A person has a handful of values per field, so keys are found by a linear scan; a table
/// takes over for the rare field with many values.
struct ValueUnion<Value: MetaCarrying> {
    private var keys: [String] = []
    private var values: [Value] = []
    private var table: [String: Int] = [:]
    private let richness: (Value) -> Int

    /// Keys scanned linearly before the table is built.
    private static var linearLimit: Int { 16 }

    /// - Parameter richness: how much the value's own form says (the longer raw text wins).
    init(richness: @escaping (Value) -> Int) {
        self.richness = richness
    }

    /// Adds a value of record `ref` under `key`.
    mutating func add(_ value: consuming Value, key: String, from ref: RecordRef) {
        var incoming = value
        if incoming.meta.from.isEmpty { incoming.meta.from = [ref] } else { incoming.meta.from.sort() }
        guard let index = position(of: key) else {
            if keys.count == Self.linearLimit {
                for (k, existing) in keys.enumerated() { table[existing] = k }
            }
            if keys.count >= Self.linearLimit { table[key] = keys.count }
            keys.append(key)
            values.append(incoming)
            return
        }
        let other = incoming.meta
        // The records list is taken out first, so that adding to it copies nothing: a value
        // given by every one of fifty thousand copies of a card is one list, grown in place.
        var from = values[index].meta.from
        values[index].meta.from = []
        var merged = values[index].meta
        if richness(incoming) > richness(values[index]) { values[index] = incoming }
        for type in other.types where !merged.types.contains(type) { merged.types.append(type) }
        // Parameters are collected, then set once (the metadata keeps them out of line).
        var parameters = merged.parameters
        if merged.label == nil {
            merged.label = other.label
        } else if let label = other.label, label != merged.label {
            // A second, different label is kept as a parameter so that no label is lost.
            let parameter = Parameter(name: "X-KITH-LABEL", values: [label])
            if !parameters.contains(parameter) { parameters.append(parameter) }
        }
        for parameter in other.parameters where !parameters.contains(parameter) {
            parameters.append(parameter)
        }
        if parameters != merged.parameters { merged.parameters = parameters }
        switch (merged.pref, other.pref) {
        case (let a?, let b?): merged.pref = min(a, b)
        case (nil, let b): merged.pref = b
        default: break
        }
        // Kept sorted; records mostly come in order, and then each is appended.
        for ref in other.from {
            if let last = from.last, ref > last {
                from.append(ref)
                continue
            }
            var low = 0
            var high = from.count
            while low < high {
                let middle = (low + high) / 2
                if from[middle] < ref { low = middle + 1 } else { high = middle }
            }
            if low == from.count || from[low] != ref { from.insert(ref, at: low) }
        }
        merged.from = from
        values[index].meta = merged
    }

    private func position(of key: String) -> Int? {
        if keys.count > Self.linearLimit { return table[key] }
        return keys.firstIndex(of: key)
    }

    /// The merged values, in first-seen order.
    var result: [Value] { values }
}
