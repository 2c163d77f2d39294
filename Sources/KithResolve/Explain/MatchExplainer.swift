public import KithModel

/// `kith explain`: why a person's records were joined, and which near candidates were kept
/// apart and why, in words a person can check.
public enum MatchExplainer {
    /// Explains one person of a dataset.
    ///
    /// The joins come from the person's `match` evidence. Near candidates are found by
    /// comparing the person's merged card with every other person's card of the dataset, with
    /// the same blocking, comparisons and vetoes as the import (weights fitted on the dataset's
    /// people); the closest few are listed with their weight and the reason they stayed apart.
    ///
    /// - Parameters:
    ///   - personID: the person's id (`urn:uuid:…`), or a unique prefix of its hex part.
    ///   - dataset: the dataset the person belongs to.
    ///   - options: the resolver options the dataset was made with (threshold).
    ///   - candidates: how many near candidates to list at most.
    /// - Returns: the explanation as lines of text, or `nil` when no person has that id.
    /// - Complexity: about O(p log p) for p people (blocking and scoring the dataset's people).
    public static func explain(
        personID: String, in dataset: Dataset, options: ResolveOptions = .init(), candidates limit: Int = 5
    ) -> String? {
        let wanted = personID.lowercased()
        let matches = dataset.people.indices.filter {
            dataset.people[$0].id == wanted || dataset.people[$0].id.hasPrefix("urn:uuid:" + wanted)
        }
        guard matches.count == 1, let index = matches.first else { return nil }
        let person = dataset.people[index]
        var paths: [Int32: String] = [:]
        for source in dataset.sources { paths[Int32(source.number)] = source.path }
        func place(_ ref: RecordRef) -> String {
            paths[ref.source].map { "\(ref) (\($0) record \(ref.index))" } ?? ref.description
        }
        var lines: [String] = []
        let name = person.card.displayName
        lines.append("\(person.id)  \(name.isEmpty ? "(no name)" : name)")
        lines.append("records: " + person.records.map { place($0.ref) }.joined(separator: ", "))
        if let match = person.match, !match.pairs.isEmpty {
            lines.append("joined (confidence \(ReviewFile.number(match.confidence))):")
            for pair in match.pairs {
                lines.append("  \(pair.a) + \(pair.b): \(ReviewFile.number(pair.weight)) bits")
                for evidence in pair.evidence {
                    let sign = evidence.weight >= 0 ? "+" : ""
                    lines.append(
                        "      \(evidence.field) \(evidence.level) \(sign)\(ReviewFile.number(evidence.weight))")
                }
            }
        } else {
            lines.append("joined: nothing (a single record)")
        }
        let near = nearCandidates(of: index, in: dataset, options: options, limit: limit)
        if near.isEmpty {
            lines.append("near candidates: none")
        } else {
            lines.append("near candidates kept apart:")
            for candidate in near {
                let other = dataset.people[candidate.person]
                lines.append(
                    "  \(other.id)  \(other.card.displayName): \(ReviewFile.number(candidate.weight)) bits; \(candidate.reason)"
                )
                for evidence in candidate.evidence {
                    let sign = evidence.weight >= 0 ? "+" : ""
                    lines.append(
                        "      \(evidence.field) \(evidence.level) \(sign)\(ReviewFile.number(evidence.weight))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct NearCandidate {
        var person: Int
        var weight: Double
        var reason: String
        var evidence: [MatchEvidence]
    }

    static func nearCandidates(of index: Int, in dataset: Dataset, options: ResolveOptions, limit: Int)
        -> [NearCandidate]
    {
        let cards = dataset.people.map(\.card)
        guard cards.count > 1 else { return [] }
        let engine = ScoringEngine(records: cards, options: options)
        let threshold = options.threshold ?? Resolver.defaultThreshold
        var found: [NearCandidate] = []
        for pair in engine.candidates.pairs {
            let i = Int(pair >> 32)
            let j = Int(pair & 0xFFFF_FFFF)
            guard i == index || j == index else { continue }
            let other = i == index ? j : i
            let comparison = engine.comparator.compare(i, j)
            let weight = engine.model.totalWeight(comparison)
            let reason: String
            if let veto = engine.comparator.veto(i, j, comparison) {
                reason = "vetoed: \(veto.reason)"
            } else if weight < threshold {
                reason = "below the threshold (\(ReviewFile.number(threshold)) bits)"
            } else if engine.model.identifyingWeight(comparison, registerLike: engine.comparator.isRegisterLike(i, j))
                < options.minimumIdentifyingWeight
            {
                reason = engine.keptApartOnName(comparison).agreement
            } else {
                reason = "kept apart by the clustering guard (it conflicts with a member of either person)"
            }
            found.append(
                NearCandidate(
                    person: other, weight: weight, reason: reason, evidence: engine.model.evidence(comparison)))
        }
        return Array(found.sorted { ($0.weight, $1.person) > ($1.weight, $0.person) }.prefix(limit))
    }
}
