internal import KithModel

/// The scored candidate pairs of an input.
struct ScoredPairs: Sendable {
    /// Pairs at or above `threshold − reviewBand` whose non-name fields carry enough weight,
    /// and (when borderline pairs are listed) pairs further below that share an email address
    /// or a mobile number.
    var strongAndBorderline: [ScoredPair]
    /// Pairs at or above the threshold on the strength of the name alone (or the name and a
    /// household), with which of the two; collected only when borderline pairs are listed
    /// (`ResolveOptions.listsReview`), the only use of them.
    var nameOnly: [(ScoredPair, KeptApart)]
}

/// Features, blocking and the fitted model of one input, and the scoring built on them.
struct ScoringEngine: Sendable {
    let features: RecordFeatures
    let comparator: PairComparator
    private(set) var candidates: CandidatePairs
    let model: MatchModel
    let options: ResolveOptions

    /// Extracts features, blocks, and fits the model.
    init(records: [Contact], options: ResolveOptions) {
        var clock = StageClock("resolve.engine")
        let features = RecordFeatures(contacts: records)
        clock.lap("features")
        self.init(features: features, options: options, clock: clock)
    }

    /// Extracts features from records lent out of their array (which ends as it began),
    /// blocks, and fits the model.
    init(lending records: inout [Contact], options: ResolveOptions) {
        var clock = StageClock("resolve.engine")
        let features = records.withUnsafeMutableBufferPointer { RecordFeatures(lending: RecordSlots(buffer: $0)) }
        clock.lap("features")
        self.init(features: features, options: options, clock: clock)
    }

    /// Blocks and fits the model on extracted features.
    private init(features: RecordFeatures, options: ResolveOptions, clock: StageClock) {
        var clock = clock
        self.options = options
        self.features = features
        let (sharedPhones, sharedEmails) = Self.sharedValues(features)
        let comparator = PairComparator(features: features, sharedPhones: sharedPhones, sharedEmails: sharedEmails)
        self.comparator = comparator
        var blocker = Blocker()
        blocker.maxBlock = options.maxBlockSize
        clock.lap("shared")
        FreedMemory.release()
        let candidates = blocker.candidates(features)
        clock.lap("blocking")
        self.candidates = candidates
        self.model = MatchModel(
            comparator: comparator, candidates: candidates.pairs, frequencies: TermFrequencies(features: features))
        clock.lap("model")
    }

    /// Phones and email keys that at least three differently named records carry: a
    /// switchboard, a household landline, a role mailbox.
    static func sharedValues(_ f: RecordFeatures) -> (Set<UInt64>, Set<UInt64>) {
        func shared(_ pairs: [(UInt64, UInt64)], atLeast: Int) -> Set<UInt64> {
            let sorted = pairs.sorted { $0 < $1 }
            var result = Set<UInt64>()
            var index = 0
            while index < sorted.count {
                var end = index + 1
                var distinct = 1
                while end < sorted.count && sorted[end].0 == sorted[index].0 {
                    if sorted[end].1 != sorted[end - 1].1 { distinct += 1 }
                    end += 1
                }
                if distinct >= atLeast { result.insert(sorted[index].0) }
                index = end
            }
            return result
        }
        var phonePairs: [(UInt64, UInt64)] = []
        var emailPairs: [(UInt64, UInt64)] = []
        for i in 0..<f.count {
            // Who holds the value, robust to typos, nicknames and swapped order: the unordered
            // initials of surname and given name.
            let a = UInt64(f.givenCanonicalInitial[i])
            let b = UInt64(f.surnameInitial[i])
            let person = min(a, b) << 8 | max(a, b)
            for phone in f.phones[i] { phonePairs.append((phone.number, person)) }
            for email in f.emails[i] { emailPairs.append((email.key, person)) }
        }
        return (shared(phonePairs, atLeast: 3), shared(emailPairs, atLeast: 3))
    }

    /// The diagnostics of blocking (keys too common to compare all-against-all) and a summary
    /// of the fitted model.
    var blockingDiagnostics: [Diagnostic] {
        var summary =
            "match weights fitted on \(features.count) records, \(candidates.pairs.count) candidate pairs (λ=\((model.lambda * 1000).rounded() / 1000)):"
        for field in MatchField.allCases {
            let levels = (1..<field.levels.count).map {
                "\(field.levels[$0]) \((model.weights[field.rawValue][$0] * 10).rounded() / 10)"
            }
            summary += " \(field.name)[" + levels.joined(separator: ", ") + "]"
        }
        let fitted = Diagnostic(line: 0, severity: .info, code: "resolve.model", message: summary)
        return [fitted]
            + candidates.oversized.sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, info in
                Diagnostic(
                    line: 0, severity: .info, code: "resolve.blocking.oversized-key",
                    message:
                        "\(info.keys) \(kind.name) key(s) were shared by more than \(options.maxBlockSize) records (largest: \(info.largest)); their records were compared within sub-blocks by surname sound and given initial only (in a sub-block still that large, each with its \(Blocker.window) nearest)"
                )
            }
    }

    /// Frees the candidate pairs once they are scored (their count, and the blocking
    /// diagnostics, are taken before). Scoring again finds no pairs.
    mutating func releaseCandidates() {
        candidates.pairs = []
    }

    /// Scores every candidate pair and keeps those near or above the threshold.
    ///
    /// - Complexity: O(p) comparisons for p candidate pairs.
    func scorePairs(threshold: Double) -> ScoredPairs {
        let pairs = candidates.pairs
        var parts = concurrentSlices(count: pairs.count, minimumPerPart: 4096, runsPerCore: 8) { range in
            scorePairs(pairs[range], threshold: threshold)
        }
        guard parts.count > 1 else { return parts.first ?? ScoredPairs(strongAndBorderline: [], nameOnly: []) }
        // The first run's lists grow to take the others', each freed once appended.
        let total = parts.reduce(0) { $0 + $1.strongAndBorderline.count }
        var all = ScoredPairs(strongAndBorderline: [], nameOnly: [])
        swap(&all, &parts[0])
        all.strongAndBorderline.reserveCapacity(total)
        for index in parts.indices.dropFirst() {
            all.strongAndBorderline += parts[index].strongAndBorderline
            all.nameOnly += parts[index].nameOnly
            parts[index] = ScoredPairs(strongAndBorderline: [], nameOnly: [])
        }
        return all
    }

    /// Scores a run of candidate pairs (``scorePairs(threshold:)`` runs several per core, the
    /// pairs of some blocks being dearer to compare than others).
    private func scorePairs(_ pairs: ArraySlice<UInt64>, threshold: Double) -> ScoredPairs {
        var kept: [ScoredPair] = []
        var nameOnly: [(ScoredPair, KeptApart)] = []
        let floor = threshold - options.reviewBand
        for pair in pairs {
            let i = Int(pair >> 32)
            let j = Int(pair & 0xFFFF_FFFF)
            var comparison = comparator.compareAllButAddresses(i, j)
            // Two cards that share an email address or a mobile number are listed for review
            // however far their names differ ("Mum" and "Maria Schmidt").
            let listedAnyway = options.listsReview && Self.sharesIdentifier(comparison)
            if comparator.bothHaveAddresses(i, j) {
                // Most candidates (namesakes, a shared surname) are settled before their
                // addresses, the dearest fields to compare, are read.
                if !listedAnyway && model.totalWeightBound(addressesMissing: comparison) < floor { continue }
                comparator.compareAddresses(i, j, into: &comparison)
            }
            let weight = model.totalWeight(comparison)
            if weight < floor && !listedAnyway { continue }
            let scored = ScoredPair(i: Int32(i), j: Int32(j), weight: weight, veto: comparator.veto(i, j, comparison))
            // Below the band, only a pair that may be one person is worth listing.
            if weight < floor && scored.veto != nil { continue }
            if weight >= threshold && scored.veto == nil
                && model.identifyingWeight(comparison, registerLike: comparator.isRegisterLike(i, j))
                    < options.minimumIdentifyingWeight
            {
                // Pairs that a name alone joins stay apart; they are listed only for review
                // (millions of namesake pairs in a large input).
                if options.listsReview { nameOnly.append((scored, keptApartOnName(comparison))) }
            } else {
                kept.append(scored)
            }
        }
        return ScoredPairs(strongAndBorderline: kept, nameOnly: nameOnly)
    }

    /// The match explanation of a cluster from the pairs that joined it.
    func explanation(of pairs: [ScoredPair], refs: [RecordRef]) -> MatchExplanation {
        var confidence = 1.0
        var out: [MatchPair] = []
        for pair in pairs.sorted(by: { $0.weight > $1.weight }) {
            let comparison = comparator.compare(Int(pair.i), Int(pair.j))
            confidence *= model.probability(pair.weight)
            let a = refs[Int(pair.i)]
            let b = refs[Int(pair.j)]
            out.append(
                MatchPair(
                    a: min(a, b), b: max(a, b), weight: (pair.weight * 100).rounded() / 100,
                    evidence: model.evidence(comparison)))
        }
        return MatchExplanation(confidence: (confidence * 10000).rounded() / 10000, pairs: out)
    }

    /// Whether a pair shares an address of one person's own: an email address (exactly or as an
    /// alias) or a mobile number. Shared mailboxes and landlines are a household's or an
    /// office's, not one person's.
    static func sharesIdentifier(_ comparison: PairComparison) -> Bool {
        let email = comparison.vector[.email]
        return email == 1 || email == 2 || comparison.vector[.phone] == 1
    }

    /// Why a pair that only its name (and perhaps a household) joins is kept apart: whether its
    /// household fields (address, a landline) weigh for a match as well.
    func keptApartOnName(_ comparison: PairComparison) -> KeptApart {
        let household = MatchField.allCases.contains { field in
            MatchModel.isHousehold(field, comparison.vector[field]) && model.weight(field, comparison) > 0
        }
        return household ? .nameAndHousehold : .nameOnly
    }

    /// Borderline pairs for review: strong pairs kept apart, and pairs just below the
    /// threshold between different people, but for pairs a decision already keeps apart;
    /// strongest first, at most `limit` of them, with how many there were.
    func reviewPairs(
        _ clustering: Clustering, scored: [ScoredPair], threshold: Double, personOf: [String], refs: [RecordRef],
        decided: ClusterConstraints = ClusterConstraints(), limit: Int
    ) -> (pairs: [ReviewPair], found: Int) {
        // Why each pair is listed, kept small: the sentences are written for the pairs the
        // review lists only (a large input has millions of candidates).
        enum Why {
            case keptApart(KeptApart)
            case below
            case sharesLittle
        }
        // A pair kept apart by a decision, directly or because it would join people a decision
        // separates, has had its answer.
        var listed: [(ScoredPair, Why)] = clustering.keptApart.compactMap { pair, why in
            if case .decided = why { return nil }
            return decided.keepsApart(pair.i, pair.j) ? nil : (pair, .keptApart(why))
        }
        let floor = threshold - options.reviewBand
        for pair in scored where pair.weight < threshold && pair.veto == nil {
            guard clustering.clusterOf[Int(pair.i)] != clustering.clusterOf[Int(pair.j)],
                !decided.keepsApart(pair.i, pair.j)
            else { continue }
            listed.append((pair, pair.weight >= floor ? .below : .sharesLittle))
        }
        listed.sort { ($0.0.weight, $1.0.i, $1.0.j) > ($1.0.weight, $0.0.i, $0.0.j) }
        let pairs = listed.prefix(limit).map { pair, why in
            let i = Int(pair.i)
            let j = Int(pair.j)
            let comparison = comparator.compare(i, j)
            let below = "below the threshold by \(((threshold - pair.weight) * 10).rounded() / 10) bits"
            let reason =
                switch why {
                case .keptApart(let why): why.reason
                case .below: below
                case .sharesLittle:
                    "shares \(comparison.vector[.phone] == 1 ? "a mobile number" : "an email address") but little else; \(below)"
                }
            let (a, b) = refs[i] < refs[j] ? (i, j) : (j, i)
            return ReviewPair(
                a: refs[a], b: refs[b], personA: personOf[a], personB: personOf[b],
                weight: (pair.weight * 100).rounded() / 100,
                probability: (model.probability(pair.weight) * 10000).rounded() / 10000,
                evidence: model.evidence(comparison), reason: reason)
        }
        return (pairs, listed.count)
    }
}
