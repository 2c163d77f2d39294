internal import KithModel

/// A map from UUID bits to small numbers, for the tables that hold one entry per person id
/// (hundreds of thousands on a large import): open addressing in two flat arrays, the slot
/// found from the bits themselves (already uniform: they come from SHA-256) after a
/// multiplicative mix, so that a look-up hashes nothing and allocates nothing. 20 bytes a slot
/// (the key and a plain `Int32`, a free slot marked by a value no caller stores), as much as a
/// `Dictionary` of the same entries takes: the streamed import's memory stays where it was.
///
/// Behaves as `[UUIDBits: Int32]` for ``subscript(_:)`` and ``subscript(_:default:)``, for
/// values that are not negative and without removals.
struct UUIDBitsTable: Sendable {
    /// The keys of the slots; meaningful only where ``values`` is not ``empty``.
    private var keys: [UUIDBits] = []
    /// The values of the slots, ``empty`` for a free slot.
    private var values: [Int32] = []
    /// The number of entries.
    private(set) var count = 0

    /// The value of a free slot: the tables hold counts and person numbers, never negative.
    private static let empty = Int32.min

    /// An empty table.
    init() {}

    /// The value for `key`, `nil` when absent.
    subscript(key: UUIDBits) -> Int32? {
        get {
            guard !values.isEmpty else { return nil }
            let slot = slot(of: key)
            return values[slot] == Self.empty ? nil : values[slot]
        }
        set {
            // Only additions and updates are needed (never removals); a negative value would
            // read as a free slot.
            guard let newValue else { return }
            precondition(newValue >= 0, "UUIDBitsTable holds counts and numbers, never negative")
            set(newValue, for: key)
        }
    }

    /// The value for `key`, `fallback` when absent.
    subscript(key: UUIDBits, default fallback: Int32) -> Int32 {
        self[key] ?? fallback
    }

    /// Stores `value` for `key`.
    private mutating func set(_ value: Int32, for key: UUIDBits) {
        let slot = claim(key, else: value)
        values[slot] = value
    }

    /// Adds one to the count of `key` (0 when absent), with one probe.
    ///
    /// - Returns: the count before.
    mutating func increment(_ key: UUIDBits) -> Int32 {
        let slot = claim(key, else: 0)
        let before = values[slot]
        values[slot] = before + 1
        return before
    }

    /// The value of `key`, storing `value` first when the key is new, with one probe.
    ///
    /// - Returns: the value, and whether the key was new.
    mutating func value(of key: UUIDBits, insertingIfAbsent value: Int32) -> (value: Int32, inserted: Bool) {
        let known = count
        let slot = claim(key, else: value)
        return (values[slot], count > known)
    }

    /// The slot of `key`, which is stored with `initial` when absent (growing first if needed).
    private mutating func claim(_ key: UUIDBits, else initial: Int32) -> Int {
        if (count + 1) * 4 > values.count * 3 { grow() }
        let slot = slot(of: key)
        if values[slot] == Self.empty {
            keys[slot] = key
            values[slot] = initial
            count += 1
        }
        return slot
    }

    /// The slot holding `key`, or the free slot where it would go (the table is never full).
    private func slot(of key: UUIDBits) -> Int {
        let mask = values.count - 1
        var slot = Int(truncatingIfNeeded: ((key.high ^ key.low) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while values[slot] != Self.empty, keys[slot] != key {
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
        values = [Int32](repeating: Self.empty, count: capacity)
        for index in oldValues.indices where oldValues[index] != Self.empty {
            let slot = slot(of: oldKeys[index])
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
    }
}
