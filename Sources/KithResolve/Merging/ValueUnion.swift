internal import KithModel

/// The union of one multi-valued field over a person's records: values with the same
/// normalized key become one value that keeps every type word and label, the lowest
/// preference, the richest raw form, and every record it came from (`meta.from`).
struct ValueUnion<Value> {
    private var order: [String] = []
    private var values: [String: Value] = [:]
    private let meta: WritableKeyPath<Value, FieldMeta>
    private let richness: (Value) -> Int

    /// - Parameters:
    ///   - meta: where the value keeps its metadata.
    ///   - richness: how much the value's own form says (the longer raw text wins).
    init(meta: WritableKeyPath<Value, FieldMeta>, richness: @escaping (Value) -> Int) {
        self.meta = meta
        self.richness = richness
    }

    /// Adds a value of record `ref` under `key`.
    mutating func add(_ value: Value, key: String, from ref: RecordRef) {
        var incoming = value
        if incoming[keyPath: meta].from.isEmpty { incoming[keyPath: meta].from = [ref] }
        guard var existing = values[key] else {
            order.append(key)
            values[key] = incoming
            return
        }
        let other = incoming[keyPath: meta]
        var merged = existing[keyPath: meta]
        if richness(incoming) > richness(existing) { existing = incoming }
        for type in other.types where !merged.types.contains(type) { merged.types.append(type) }
        if merged.label == nil {
            merged.label = other.label
        } else if let label = other.label, label != merged.label {
            // A second, different label is kept as a parameter so that no label is lost.
            let parameter = Parameter(name: "X-KITH-LABEL", values: [label])
            if !merged.parameters.contains(parameter) { merged.parameters.append(parameter) }
        }
        for parameter in other.parameters where !merged.parameters.contains(parameter) {
            merged.parameters.append(parameter)
        }
        switch (merged.pref, other.pref) {
        case (let a?, let b?): merged.pref = min(a, b)
        case (nil, let b): merged.pref = b
        default: break
        }
        for ref in other.from where !merged.from.contains(ref) { merged.from.append(ref) }
        merged.from.sort()
        existing[keyPath: meta] = merged
        values[key] = existing
    }

    /// The merged values, in first-seen order.
    var result: [Value] { order.compactMap { values[$0] } }
}
