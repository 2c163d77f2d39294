internal import KithModel

/// A map from UUID bits (or 64-bit hashes) to small values, for the tables that hold one entry
/// per person id, UID or address (hundreds of thousands on a large import): open addressing in
/// two flat arrays, the slot found from the bits themselves (already uniform: they come from
/// SHA-256 or a feature hash) after a multiplicative mix, so that a look-up hashes nothing and
/// allocates nothing.
///
/// Behaves as `[UUIDBits: Value]` for ``subscript(_:)`` (additions and updates; nothing is
/// ever removed) and ``subscript(_:default:)``.
struct UUIDBitsTable<Value: Sendable>: Sendable {
    /// The keys of the slots; meaningful only where ``values`` holds a value.
    private var keys: [UUIDBits] = []
    /// The values of the slots, `nil` for a free slot.
    private var values: [Value?] = []
    /// The number of entries.
    private(set) var count = 0

    /// An empty table.
    init() {}

    /// The value for `key`, `nil` when absent; setting `nil` does nothing.
    subscript(key: UUIDBits) -> Value? {
        get {
            guard !values.isEmpty else { return nil }
            return values[slot(of: key)]
        }
        set {
            guard let newValue else { return }
            set(newValue, for: key)
        }
    }

    /// The value for `key`, `fallback` when absent.
    subscript(key: UUIDBits, default fallback: Value) -> Value {
        self[key] ?? fallback
    }

    /// The value for a 64-bit hash (a table keyed by hashes of texts).
    subscript(hash: UInt64) -> Value? {
        get { self[UUIDBits(high: 0, low: hash)] }
        set { self[UUIDBits(high: 0, low: hash)] = newValue }
    }

    /// Stores `value` for `key`.
    private mutating func set(_ value: Value, for key: UUIDBits) {
        if (count + 1) * 4 > values.count * 3 { grow() }
        let slot = slot(of: key)
        if values[slot] == nil {
            keys[slot] = key
            count += 1
        }
        values[slot] = value
    }

    /// The slot holding `key`, or the free slot where it would go (the table is never full).
    private func slot(of key: UUIDBits) -> Int {
        let mask = values.count - 1
        var slot = Int(truncatingIfNeeded: ((key.high ^ key.low) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while values[slot] != nil, keys[slot] != key {
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Doubles the slots (1024 at first) and puts every entry back.
    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let capacity = max(1024, values.count * 2)
        keys = [UUIDBits](repeating: UUIDBits(high: 0, low: 0), count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        for index in oldValues.indices {
            guard let value = oldValues[index] else { continue }
            let slot = slot(of: oldKeys[index])
            keys[slot] = oldKeys[index]
            values[slot] = value
        }
    }
}
