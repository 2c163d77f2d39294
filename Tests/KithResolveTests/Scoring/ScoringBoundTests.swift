import KithModel
import Testing

@testable import KithResolve

/// The scorer skips comparing the addresses of pairs whose weight without them cannot reach
/// its floor. The bound must never be below the real weight, and skipping must not change which
/// pairs are kept or their weights.
@Suite struct ScoringBoundTests {
    /// A population of namesakes and near-namesakes (a deterministic mix of shared and
    /// differing birthdays, mobiles, landlines, emails and addresses), so that every field
    /// takes several levels.
    static func population() -> [Contact] {
        let givens = ["anna", "anne", "hans", "jon", "john"]
        let surnames = ["meyer", "maier", "schmidt"]
        let streets = ["1 main street", "1 main st", "22 oak road", "7 elm lane"]
        let cities = ["bonn", "bonn", "köln", "berlin"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<240).map { index in
            let given = givens[next(givens.count)]
            let surname = surnames[next(surnames.count)]
            let street = next(5)
            return ContactBuilder.person(
                0, index, given: given, surname: surname, givenPhonetic: String(given.prefix(2)).uppercased(),
                surnamePhonetic: String(surname.prefix(1)).uppercased() + "R",
                birthday: next(3) == 0 ? nil : ContactBuilder.date(1960 + next(3), 1 + next(2), 1 + next(2)),
                emails: next(3) == 0 ? [] : ["\(given).\(next(4))@example.com"],
                mobiles: next(3) == 0 ? [] : ["+4915100000\(next(6))"],
                landlines: next(4) == 0 ? ["+49228100\(next(3))"] : [],
                street: street == 4 ? nil : streets[street], city: street == 4 ? "" : cities[street],
                postcode: street == 4 ? "" : "5311\(next(2))",
                organization: next(4) == 0 ? "acme" : nil)
        }
    }

    @Test func boundIsNeverBelowTheWeight() {
        let engine = ScoringEngine(records: Self.population(), options: ResolveOptions())
        var withAddresses = 0
        for pair in engine.candidates.pairs {
            let i = Int(pair >> 32)
            let j = Int(pair & 0xFFFF_FFFF)
            guard engine.comparator.bothHaveAddresses(i, j) else { continue }
            withAddresses += 1
            let partial = engine.comparator.compareAllButAddresses(i, j)
            let full = engine.comparator.compare(i, j)
            #expect(
                engine.model.totalWeightBound(addressesMissing: partial) >= engine.model.totalWeight(full) - 1e-9,
                "records \(i) and \(j)")
        }
        #expect(withAddresses > 100)
    }

    @Test func skippingAddressesKeepsTheSamePairs() {
        let engine = ScoringEngine(records: Self.population(), options: ResolveOptions())
        let threshold = Resolver.defaultThreshold
        let floor = threshold - ResolveOptions().reviewBand
        var expected: [String: Double] = [:]
        for pair in engine.candidates.pairs {
            let i = Int(pair >> 32)
            let j = Int(pair & 0xFFFF_FFFF)
            let comparison = engine.comparator.compare(i, j)
            let weight = engine.model.totalWeight(comparison)
            // Pairs below the band are kept for review when they share a mailbox or a mobile
            // and nothing vetoes them.
            let listed =
                ScoringEngine.sharesIdentifier(comparison) && engine.comparator.veto(i, j, comparison) == nil
            if weight >= floor || listed { expected["\(i)-\(j)"] = weight }
        }
        let scored = engine.scorePairs(threshold: threshold)
        var kept: [String: Double] = [:]
        for pair in scored.strongAndBorderline + scored.nameOnly.map(\.0) { kept["\(pair.i)-\(pair.j)"] = pair.weight }
        #expect(!expected.isEmpty)
        #expect(kept == expected)
    }

    /// Pairs that a name alone joins are kept apart and listed for review ("kept apart: …");
    /// without a review list (when the scorer does not even collect them) the people are the
    /// same.
    @Test func nameOnlyPairsAreCollectedOnlyForReview() {
        // Two namesakes with nothing else (a name alone never merges), and a pair that merges.
        let records = [
            ContactBuilder.person(0, 0, given: "john", surname: "smith"),
            ContactBuilder.person(1, 0, given: "john", surname: "smith"),
            ContactBuilder.person(0, 1, given: "ann", surname: "lee", emails: ["ann@example.org"]),
            ContactBuilder.person(1, 1, given: "ann", surname: "lee", emails: ["ann@example.org"]),
        ]
        let listing = Resolver().resolve(records)
        var silentResolver = Resolver()
        silentResolver.options.listsReview = false
        let silent = silentResolver.resolve(records)
        let namesakes = listing.review.filter { Set([$0.a.description, $0.b.description]) == ["S1#0", "S2#0"] }
        #expect(namesakes.count == 1)
        #expect(namesakes.first?.reason.hasPrefix("kept apart: ") == true)
        #expect(silent.review.isEmpty)
        let people = { (result: ResolveResult) in Set(result.people.map { Set($0.records.map(\.ref.description)) }) }
        #expect(people(listing) == [["S1#0"], ["S2#0"], ["S1#1", "S2#1"]])
        #expect(people(silent) == people(listing))
    }
}
