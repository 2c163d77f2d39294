import KithModel
import Testing

@testable import KithResolve

@Suite struct ValueUnionTests {
    private func email(_ address: String, raw: String? = nil, types: [String] = [], pref: Int? = nil) -> EmailValue {
        EmailValue(raw: raw ?? address, address: address, meta: FieldMeta(types: types, pref: pref))
    }

    /// Past the linear scan (more than 16 keys) a repeated key still finds its value: one value
    /// per key, in first-seen order, with the types, preference and records of both, and the
    /// richer (longer) raw form.
    @Test(arguments: [3, 16, 17, 20])
    func repeatedKeyMergesInPlace(_ distinct: Int) throws {
        var union = ValueUnion<EmailValue> { $0.raw.utf8.count }
        let first = RecordRef(source: 0, index: 0)
        let second = RecordRef(source: 1, index: 4)
        for k in 0..<distinct {
            union.add(email("a\(k)@example.com", types: ["work"]), key: "a\(k)@example.com", from: first)
        }
        union.add(
            email("a2@example.com", raw: "Anna <a2@example.com>", types: ["home"], pref: 1), key: "a2@example.com",
            from: second)
        let result = union.result
        #expect(result.map(\.raw) == (0..<distinct).map { $0 == 2 ? "Anna <a2@example.com>" : "a\($0)@example.com" })
        let merged = try #require(result.dropFirst(2).first)
        #expect(merged.meta.types == ["work", "home"])
        #expect(merged.meta.pref == 1)
        #expect(merged.meta.from == [first, second])
    }

    /// A value given by many records lists each once, in record order, whatever order they come
    /// in (and a repeated record once).
    @Test func recordsOfAValueAreSortedAndUnique() throws {
        var union = ValueUnion<EmailValue> { $0.raw.utf8.count }
        let order = [5, 1, 9, 1, 3, 0, 8, 8, 2, 7, 4, 6] + Array(10..<2_000)
        for index in order {
            union.add(email("a@example.com"), key: "a@example.com", from: RecordRef(source: index % 2, index: index))
        }
        let from = try #require(union.result.first).meta.from
        #expect(from == (0..<2_000).map { RecordRef(source: $0 % 2, index: $0) }.sorted())
    }
}
