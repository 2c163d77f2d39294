import KithModel
import Testing

@testable import KithResolve

/// The open-addressing table answers as a `[UUIDBits: Int32]` would.
@Suite struct UUIDBitsTableTests {
    /// Keys whose mixed bits collide (equal `high ^ low`), spread ones, and repeats, through
    /// several growths: counts and first-stored values match a dictionary's.
    @Test func answersAsADictionary() {
        var table = UUIDBitsTable()
        var counts: [UUIDBits: Int32] = [:]
        var firsts: [UUIDBits: Int32] = [:]
        var numbers = UUIDBitsTable()
        var keys: [UUIDBits] = []
        for index in 0..<3000 {
            let value = UInt64(index)
            // Same high ^ low for every key of this run: they all start at one slot.
            keys.append(UUIDBits(high: value, low: value))
            keys.append(UUIDBits(high: value &* 0x9E37_79B9_7F4A_7C15, low: ~value))
        }
        // Every key twice, the second time after all the others: repeats meet a grown table.
        for (step, key) in (keys + keys.prefix(500) + keys).enumerated() {
            let before = table.increment(key)
            #expect(before == counts[key, default: 0])
            counts[key, default: 0] += 1

            let (number, inserted) = numbers.value(of: key, insertingIfAbsent: Int32(step))
            #expect(inserted == (firsts[key] == nil))
            if firsts[key] == nil { firsts[key] = Int32(step) }
            #expect(number == firsts[key])
        }
        #expect(table.count == counts.count)
        for (key, count) in counts {
            #expect(table[key] == count)
            #expect(numbers[key] == firsts[key])
        }
        #expect(table[UUIDBits(high: 1, low: 2)] == nil)
        #expect(table[UUIDBits(high: 1, low: 2), default: 7] == 7)
    }

    /// Values set through the subscript read back; an empty table finds nothing.
    @Test func storesAndUpdatesValues() {
        var table = UUIDBitsTable()
        let key = UUIDBits(high: 0xDEAD, low: 0xBEEF)
        #expect(table[key] == nil)
        table[key] = 5
        #expect(table[key] == 5)
        table[key] = 9
        #expect(table[key] == 9)
        #expect(table.count == 1)
    }
}
