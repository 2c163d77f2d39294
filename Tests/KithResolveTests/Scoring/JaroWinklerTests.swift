import Testing

@testable import KithResolve

@Suite struct JaroWinklerTests {
    private func similarity(_ a: String, _ b: String) -> Double {
        JaroWinkler.similarity(Array(a.utf8)[...], Array(b.utf8)[...])
    }

    /// Values published with the measure (Winkler 1990; the usual worked examples).
    @Test(arguments: [
        ("MARTHA", "MARHTA", 0.9611), ("DWAYNE", "DUANE", 0.8400), ("DIXON", "DICKSONX", 0.8133),
        ("JELLYFISH", "SMELLYFISH", 0.8963),
    ])
    func publishedValues(_ a: String, _ b: String, _ expected: Double) {
        #expect(abs(similarity(a, b) - expected) < 0.00005)
        #expect(abs(similarity(b, a) - expected) < 0.00005)
    }

    @Test func edgeCases() {
        #expect(similarity("", "") == 1)
        #expect(similarity("a", "") == 0)
        #expect(similarity("abc", "abc") == 1)
        #expect(similarity("abc", "xyz") == 0)
    }

    /// The textbook algorithm, written out as it is usually given, for comparison.
    private func textbook(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let a = Array(a.prefix(64))
        let b = Array(b.prefix(64))
        if a.isEmpty || b.isEmpty { return a.count == b.count ? 1 : 0 }
        if a == b { return 1 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var matchedA = [Bool](repeating: false, count: a.count)
        var matchedB = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            let lo = max(0, i - window)
            let hi = min(b.count - 1, i + window)
            guard lo <= hi else { continue }
            for j in lo...hi where !matchedB[j] && a[i] == b[j] {
                matchedA[i] = true
                matchedB[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        let fromA = a.indices.filter { matchedA[$0] }.map { a[$0] }
        let fromB = b.indices.filter { matchedB[$0] }.map { b[$0] }
        let transpositions = zip(fromA, fromB).filter { $0 != $1 }.count
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, min(a.count, b.count)) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// The bit-parallel matcher agrees with the textbook loop on random strings over small
    /// alphabets (many repeated letters, and bytes that share a table entry), of lengths up to
    /// past the 64-byte cut.
    @Test func agreesWithTheTextbookAlgorithm() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for round in 0..<1500 {
            let alphabet = UInt64(2 + round % 6)
            // Letters and the bytes 128 above them, which share a table entry.
            func byte() -> UInt8 { UInt8(97 + next() % alphabet) | (next() % 3 == 0 ? 0x80 : 0) }
            let a = (0..<Int(next() % 70)).map { _ in byte() }
            let b = (0..<Int(next() % 70)).map { _ in byte() }
            let fast = JaroWinkler.similarity(a[...], b[...])
            #expect(
                fast == textbook(a, b), "\(String(decoding: a, as: UTF8.self)) / \(String(decoding: b, as: UTF8.self))")
        }
    }
}
