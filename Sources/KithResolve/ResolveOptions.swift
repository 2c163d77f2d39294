/// How the resolver decides that records are the same person.
public struct ResolveOptions: Sendable, Hashable {
    /// The weight a pair needs to be joined, in bits of log-likelihood ratio (log₂ of how much
    /// more likely the agreement pattern is among records of one person than among random
    /// pairs); `nil` uses ``Resolver/defaultThreshold``. Higher merges less.
    public var threshold: Double?
    /// Whether records are merged at all; `false` (`--no-merge`) makes every record its own
    /// person, with the same stable ids.
    public var merge: Bool
    /// How far below the threshold (bits) a pair still counts as borderline and is listed for
    /// review.
    public var reviewBand: Double
    /// The largest block compared all-against-all; larger blocks are sub-blocked.
    ///
    /// 24: on the synthetic 996k-record population, 40 gave 20.1M candidate pairs and 24 gives
    /// 13.0M (scoring 9.3 s → 5.4 s), for 0.0002 less F1 at 10k and 100k people and the same on
    /// FEBRL1 and FEBRL2.
    public var maxBlockSize: Int
    /// The minimum weight (bits) that fields other than the name must contribute: a name alone
    /// never merges.
    public var minimumIdentifyingWeight: Double
    /// Whether to list borderline pairs (`ResolveResult.review`, `--review`); listing them
    /// compares each pair again and costs time on large imports.
    public var listsReview = true
    /// The most pairs the review lists (the strongest); when there are more, a
    /// `resolve.review.truncated` note (information, not a problem) says how many.
    public var reviewLimit = 100_000

    /// Creates options.
    ///
    /// - Parameters:
    ///   - threshold: the join threshold in bits, or `nil` for the default.
    ///   - merge: `false` keeps every record as its own person.
    public init(
        threshold: Double? = nil, merge: Bool = true, reviewBand: Double = 6, maxBlockSize: Int = 24,
        minimumIdentifyingWeight: Double = 2
    ) {
        self.threshold = threshold
        self.merge = merge
        self.reviewBand = reviewBand
        self.maxBlockSize = maxBlockSize
        self.minimumIdentifyingWeight = minimumIdentifyingWeight
    }
}
