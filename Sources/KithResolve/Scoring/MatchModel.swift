internal import Foundation
internal import KithModel

/// A Fellegi–Sunter model: for each field and comparison level, the probability of the level
/// among true matches (`m`) and among random pairs (`u`), and the log-likelihood weights
/// log₂(m/u) in bits that follow from them.
///
/// `u` is measured on random pairs of the input; `m` is estimated by expectation–maximization
/// over candidate pairs, with `u` held fixed. Exact agreement on a name, email or phone is
/// adjusted by the value's own frequency, so that a rare surname counts more than "Smith".
struct MatchModel: Sendable {
    var m: [[Double]]
    var u: [[Double]]
    /// The estimated share of true matches among candidate pairs.
    var lambda: Double
    var weights: [[Double]] { didSet { addressWeightBound = Self.addressWeightBound(weights) } }
    /// The most the address fields together can weigh: each field's best level (they carry no
    /// term-frequency adjustment).
    private(set) var addressWeightBound = 0.0
    var frequencies: TermFrequencies

    /// Probability of each level among random pairs, before any data is seen; blended with the
    /// sample so that small inputs still get sensible weights.
    static let randomPrior: [[Double]] = [
        [0, 0.004, 0.002, 0.004, 0.004, 0.02, 0.004, 0.962],
        [0, 0.002, 0.002, 0.004, 0.02, 0.972],
        [0, 0.0001, 0.0003, 0.0005, 0.9991],
        [0, 0.00001, 0.00001, 0.0001, 0.99988],
        [0, 0.00001, 0.00001, 0.0001, 0.00005, 0.0001, 0.99973],
        [0, 0.0002, 0.0005, 0.002, 0.9973],
        [0, 0.005, 0.002, 0.993],
        [0, 0.003, 0.01, 0.987],
        [0, 0.2, 0.8],
        [0, 0.005, 0.995],
        [0, 0.00001, 0.99999],
    ]

    /// Pseudo-counts of the priors.
    static let randomPriorWeight = 2_000.0
    static let matchPriorWeight = 30.0

    /// Builds a model from priors only (used for explanations without data).
    init(frequencies: TermFrequencies) {
        self.m = MatchField.allCases.map(\.matchPrior)
        self.u = Self.randomPrior
        self.lambda = 0.5
        self.weights = []
        self.frequencies = frequencies
        computeWeights()
    }

    /// Estimates `u` from a deterministic sample of random pairs and `m` by EM over a sample of
    /// candidate pairs.
    ///
    /// - Complexity: O(s) comparisons for s = sample sizes, plus O(p·i) for p distinct patterns
    ///   and i iterations.
    init(
        comparator: PairComparator, candidates: [UInt64], frequencies: TermFrequencies,
        randomSample: Int = 200_000, candidateSample: Int = 400_000
    ) {
        self.init(frequencies: frequencies)
        let n = comparator.features.count
        estimateU(comparator: comparator, records: n, sampleSize: randomSample)
        // Every step-th candidate, compared on every core; the counts are sums, so the
        // histogram does not depend on how the work was split.
        let step = max(1, candidates.count / max(1, candidateSample))
        let sampled = (candidates.count + step - 1) / step
        let parts = concurrentSlices(count: sampled, minimumPerPart: 8192) { range in
            var counts: [UInt64: Double] = [:]
            for sample in range {
                let pair = candidates[sample * step]
                counts[comparator.compare(Int(pair >> 32), Int(pair & 0xFFFF_FFFF)).vector.packed, default: 0] += 1
            }
            return counts
        }
        var histogram: [UInt64: Double] = [:]
        for part in parts { histogram.merge(part, uniquingKeysWith: +) }
        if !histogram.isEmpty { expectationMaximization(histogram) }
        computeWeights()
    }

    private mutating func estimateU(comparator: PairComparator, records n: Int, sampleSize: Int) {
        var counts = MatchField.allCases.map { [Double](repeating: 0, count: $0.levels.count) }
        if n >= 2 {
            let all = n * (n - 1) / 2
            var generator = SampleGenerator(seed: 0x6B69_7468)
            if all <= sampleSize {
                for i in 0..<n {
                    for j in (i + 1)..<n { Self.count(comparator.compare(i, j).vector, into: &counts) }
                }
            } else {
                // Draw the pairs first (one seeded sequence, so the sample is the same on every
                // run), then compare them on every core; counts are sums, so the result does not
                // depend on how the work was split.
                var pairs: [(Int, Int)] = []
                pairs.reserveCapacity(sampleSize)
                while pairs.count < sampleSize {
                    let i = Int(generator.next() % UInt64(n))
                    let j = Int(generator.next() % UInt64(n))
                    if i != j { pairs.append((i, j)) }
                }
                let sample = pairs
                let empty = counts
                let partial = concurrentSlices(count: sample.count, minimumPerPart: 4096) { range in
                    var local = empty
                    for (i, j) in sample[range] { Self.count(comparator.compare(i, j).vector, into: &local) }
                    return local
                }
                for local in partial {
                    for f in counts.indices {
                        for level in counts[f].indices { counts[f][level] += local[f][level] }
                    }
                }
            }
        }
        for field in MatchField.allCases {
            let f = field.rawValue
            let observed = counts[f].dropFirst().reduce(0, +)
            for level in 1..<field.levels.count {
                u[f][level] =
                    (counts[f][level] + Self.randomPriorWeight * Self.randomPrior[f][level])
                    / (observed + Self.randomPriorWeight)
            }
        }
    }

    /// Counts a random pair's levels, unless the pair is a copy of one record (see
    /// ``isCopy(_:)``).
    private static func count(_ vector: ComparisonVector, into counts: inout [[Double]]) {
        if isCopy(vector) { return }
        for field in MatchField.allCases {
            let level = vector[field]
            if level != 0 { counts[field.rawValue][level] += 1 }
        }
    }

    /// Whether two records agree exactly on every field both have, a field other than the name
    /// among them: copies of one card (a phone that synced the address book into itself twenty
    /// times), not a random pair of two people. `u` is the chance that two *different* people
    /// agree; where few people are copied many times, such pairs are most random pairs, and
    /// counting them made exact agreement look common and worthless, so that twenty copies of
    /// five cards stayed a hundred people. Two bare namesakes (a name and nothing else) are
    /// still counted: they are how common a name is; so are namesakes who share only what many
    /// share (a region, a town, a postal code: "Anna" in DE and "Anna Müller" in DE).
    static func isCopy(_ vector: ComparisonVector) -> Bool {
        var pinned = false
        for field in MatchField.allCases {
            let level = vector[field]
            if level == 0 { continue }
            // A landline is `exact` at level 2 (level 1 is a shared mobile).
            guard level == 1 || (field == .phone && level == 2) else { return false }
            switch field {
            case .given, .surname, .region, .locality, .postalCode: break
            case .birthday, .email, .phone, .street, .organization, .profile: pinned = true
            }
        }
        return pinned
    }

    /// Two-class EM over the candidate patterns. Both classes are fitted (candidates that are
    /// not matches still agree on a blocking key, so random-pair `u` cannot explain them); only
    /// `m` is kept: the weights use `u` from random pairs.
    private mutating func expectationMaximization(_ histogram: [UInt64: Double]) {
        let patterns = histogram.sorted { $0.key < $1.key }
        let fields = MatchField.allCases
        var uc = u
        lambda = 0.1
        for _ in 0..<40 {
            var mCounts = fields.map { field in field.matchPrior.map { $0 * Self.matchPriorWeight } }
            var uCounts = fields.map { field in Self.randomPrior[field.rawValue].map { $0 * Self.matchPriorWeight } }
            var matches = 0.0
            var total = 0.0
            for (packed, count) in patterns {
                let vector = ComparisonVector(packed: packed)
                var logRatio = 0.0
                for field in fields {
                    let level = vector[field]
                    if level == 0 { continue }
                    logRatio += log2(m[field.rawValue][level] / uc[field.rawValue][level])
                }
                let odds = lambda / (1 - lambda) * exp2(min(max(logRatio, -200), 200))
                let posterior = odds / (1 + odds)
                matches += posterior * count
                total += count
                for field in fields {
                    let level = vector[field]
                    if level != 0 {
                        mCounts[field.rawValue][level] += posterior * count
                        uCounts[field.rawValue][level] += (1 - posterior) * count
                    }
                }
            }
            for field in fields {
                let f = field.rawValue
                let mSum = mCounts[f].dropFirst().reduce(0, +)
                let uSum = uCounts[f].dropFirst().reduce(0, +)
                for level in 1..<field.levels.count {
                    if mSum > 0 { m[f][level] = max(mCounts[f][level] / mSum, 1e-6) }
                    if uSum > 0 { uc[f][level] = max(uCounts[f][level] / uSum, 1e-6) }
                }
            }
            lambda = min(max(matches / max(total, 1), 1e-6), 1 - 1e-6)
        }
    }

    private mutating func computeWeights() {
        weights = MatchField.allCases.map { field in
            (0..<field.levels.count).map { level -> Double in
                if level == 0 { return 0 }
                let w = log2(m[field.rawValue][level] / u[field.rawValue][level])
                var clamped = min(max(w, -16), 24)
                if level == 1 { clamped = max(clamped, 0.5) }
                // A switchboard or role mailbox shared by several people says little about one of them.
                if (field == .phone || field == .email) && level == 3 { clamped = min(clamped, Self.sharedCap) }
                if level == field.differentLevel { clamped = min(clamped, 0) }
                return clamped
            }
        }
    }

    /// The weight of one field's level for a comparison, with term-frequency adjustment of exact
    /// agreement.
    func weight(_ field: MatchField, _ comparison: PairComparison) -> Double {
        let level = comparison.vector[field]
        if level == 0 { return 0 }
        let base = weights[field.rawValue][level]
        guard let frequency = frequencies.frequency(field, level: level, comparison) else { return base }
        let adjustment = log2(u[field.rawValue][level] / frequency)
        return max(0.5, base + min(max(adjustment, -8), 6))
    }

    /// The most that household evidence (street, locality, postal code, region, and a landline
    /// or shared number) may add, in bits: a family shares all of it.
    static let householdCap = 12.0
    /// The household cap when the records' own identifiers (emails, mobiles, profiles) differ and
    /// none agrees: then the shared address and landline are all that is left, as for a family.
    static let householdCapWhenPersonalDiffers = 3.0
    /// The most a shared number or role mailbox may weigh.
    static let sharedCap = 2.0

    /// Whether a field's level describes a household rather than a person.
    @inline(__always)
    static func isHousehold(_ field: MatchField, _ level: Int) -> Bool {
        switch field {
        case .street, .locality, .postalCode, .region: true
        case .phone: level >= 2
        default: false
        }
    }

    /// The total weight of a comparison, in bits, with household evidence capped.
    func totalWeight(_ comparison: PairComparison) -> Double {
        let (total, household) = sums(comparison)
        return total + min(household, householdCap(comparison))
    }

    /// The most `comparison`'s total weight can become once its address fields (street,
    /// locality, postal code, region, all `missing` in it) are compared: address evidence is
    /// household evidence and only adds up to the household cap, and a disagreeing address only
    /// subtracts. Used to skip comparing the addresses of pairs that cannot reach a floor.
    func totalWeightBound(addressesMissing comparison: PairComparison) -> Double {
        let (total, household) = sums(comparison)
        return total + min(household + addressWeightBound, householdCap(comparison))
    }

    /// The weights of a comparison summed in two parts: household evidence that weighs for a
    /// match (to be capped), and everything else.
    @inline(__always)
    private func sums(_ comparison: PairComparison) -> (total: Double, household: Double) {
        var total = 0.0
        var household = 0.0
        for field in MatchField.allCases {
            let w = weight(field, comparison)
            if w > 0 && Self.isHousehold(field, comparison.vector[field]) { household += w } else { total += w }
        }
        return (total, household)
    }

    private static func addressWeightBound(_ weights: [[Double]]) -> Double {
        [MatchField.street, .locality, .postalCode, .region].reduce(0) { sum, field in
            guard weights.indices.contains(field.rawValue) else { return sum }
            return sum + max(0, weights[field.rawValue].dropFirst().max() ?? 0)
        }
    }

    /// The household cap that applies to a comparison.
    func householdCap(_ comparison: PairComparison) -> Double {
        comparison.personalDiffers && !comparison.personalAgrees
            ? Self.householdCapWhenPersonalDiffers : Self.householdCap
    }

    /// The weight of the evidence that identifies a person rather than a name or a household:
    /// birthday, a personal email, a mobile number, a profile, an employer. A name alone never
    /// merges, and neither does a name with household evidence (address, landline), since a
    /// father and son share all of it. In register-like data (neither record has a phone or an
    /// email, as in FEBRL) the address is all there is, and counts, capped.
    func identifyingWeight(_ comparison: PairComparison, registerLike: Bool) -> Double {
        var total = 0.0
        var household = 0.0
        // In a register, a birthday with half the name different (another given name, another
        // surname) is two people who share a date, unless the address agrees too.
        let nameHalfDiffers =
            comparison.vector[.given] == MatchField.given.differentLevel
            || comparison.vector[.surname] == MatchField.surname.differentLevel
        for field in MatchField.allCases where !field.isName {
            let level = comparison.vector[field]
            let w = weight(field, comparison)
            guard w > 0 else { continue }
            switch field {
            // A shared birthday identifies nobody when the surnames differ: thousands of people
            // share each date.
            case .birthday where comparison.vector[.surname] == MatchField.surname.differentLevel && !registerLike:
                break
            case .birthday where registerLike && nameHalfDiffers && !addressAgrees(comparison):
                break
            // A day and month without a year is shared by one person in 365: with a common
            // name, a namesake's.
            case .birthday where level == 2:
                break
            // Another surname (a marriage) is one person only on personal evidence: an
            // employer, an office number or a household says nothing about who married whom.
            case .organization where comparison.vector[.surname] == MatchField.surname.differentLevel:
                break
            case .birthday, .profile, .organization: total += w
            case .email where level == 1 || level == 2: total += w
            case .phone where level == 1: total += w
            case .street, .locality, .postalCode, .region: household += w
            default: break
            }
        }
        return total + (registerLike ? min(household, householdCap(comparison)) : 0)
    }

    /// Whether the street, locality or postal code weighs for a match.
    private func addressAgrees(_ comparison: PairComparison) -> Bool {
        weight(.street, comparison) > 0 || weight(.locality, comparison) > 0 || weight(.postalCode, comparison) > 0
    }

    /// The posterior probability of a match for a total weight.
    func probability(_ weight: Double) -> Double {
        let odds = lambda / (1 - lambda) * exp2(min(max(weight, -200), 200))
        return odds / (1 + odds)
    }

    /// The evidence of a comparison, field by field, in field order (missing fields left out).
    func evidence(_ comparison: PairComparison) -> [MatchEvidence] {
        var out: [MatchEvidence] = []
        for field in MatchField.allCases {
            let level = comparison.vector[field]
            if level == 0 { continue }
            var name = field.levels[level]
            if comparison.swapped && field.isName { name = "swapped" }
            out.append(
                MatchEvidence(field: field.name, level: name, weight: (weight(field, comparison) * 100).rounded() / 100)
            )
        }
        return out
    }
}

/// How often each name, email key and phone number occurs among the records, kept for each
/// record and value (so that scoring reads it next to the record instead of looking it up).
struct TermFrequencies: Sendable {
    /// How many records share record i's given name (0 for an initial or none) and surname.
    private var givenCount: [Int32] = []
    private var surnameCount: [Int32] = []
    /// How many values share each email key and phone number, by position among all records'
    /// values (``RecordFeatures/emails``, ``RecordFeatures/phones``).
    private var emailCount: [Int32] = []
    private var phoneCount: [Int32] = []
    private var totals = [Double](repeating: 1, count: 4)

    init() {}

    /// Counts the values of `features`.
    ///
    /// - Complexity: O(n) expected.
    init(features: RecordFeatures) {
        var given: [UInt64: Int32] = [:]
        var surname: [UInt64: Int32] = [:]
        var email: [UInt64: Int32] = [:]
        var phone: [UInt64: Int32] = [:]
        for i in 0..<features.count {
            if features.givenFirst[i] != 0 && !features.givenIsInitial[i] {
                given[features.givenFirst[i], default: 0] += 1
            }
            if features.surname[i] != 0 { surname[features.surname[i], default: 0] += 1 }
        }
        for value in features.emails.values { email[value.key, default: 0] += 1 }
        for value in features.phones.values { phone[value.number, default: 0] += 1 }
        totals = [given, surname, email, phone].map { Double(max(1, $0.values.reduce(0) { $0 + Int($1) })) }
        givenCount = (0..<features.count).map { i in
            features.givenIsInitial[i] ? 0 : given[features.givenFirst[i]] ?? 0
        }
        surnameCount = features.surname.map { surname[$0] ?? 0 }
        emailCount = features.emails.values.map { email[$0.key] ?? 0 }
        phoneCount = features.phones.values.map { phone[$0.number] ?? 0 }
    }

    /// The relative frequency of the value a comparison agrees on exactly in `field` (at
    /// `level`), when counted.
    func frequency(_ field: MatchField, level: Int, _ comparison: PairComparison) -> Double? {
        let count: Int32
        let total: Double
        switch field {
        case .given where level == 1:
            (count, total) = (Self.count(givenCount, comparison.record), totals[0])
        case .surname where level == 1:
            (count, total) = (Self.count(surnameCount, comparison.record), totals[1])
        case .email where level == 1 || level == 2:
            (count, total) = (Self.count(emailCount, comparison.emailSlot), totals[2])
        case .phone where level <= 2:
            (count, total) = (Self.count(phoneCount, comparison.phoneSlot), totals[3])
        default: return nil
        }
        guard count > 0, total >= 50 else { return nil }
        return Double(count) / total
    }

    private static func count(_ counts: [Int32], _ index: Int32) -> Int32 {
        counts.indices.contains(Int(index)) ? counts[Int(index)] : 0
    }
}
