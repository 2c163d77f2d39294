import Foundation
public import KithModel

/// Options of the normalization stage.
public struct NormalizeOptions: Sendable {
    /// The region (ISO 3166-1 alpha-2) for national phone numbers when neither the record's
    /// address nor its source's international numbers give one (`--default-region`).
    public var defaultRegion: String?

    /// Creates options.
    ///
    /// - Parameter defaultRegion: The fallback region for phone numbers, or `nil`.
    public init(defaultRegion: String? = nil) {
        self.defaultRegion = defaultRegion
    }
}

/// The normalization stage: fills in the normalized members of every value of every contact,
/// keeping the raw text, and marks every derived value with its rule.
///
/// Work is split into contiguous chunks processed concurrently (one per core); each chunk has
/// its own phone-number memo, so no state is shared between threads, and diagnostics are
/// returned in contact order whatever the chunking. Phone numbers kept as written for a reason
/// that holds for a whole source (``KeptPhones``) are told once per source and reason, after
/// that source's other diagnostics.
public struct Normalizer: Sendable {
    public var options: NormalizeOptions

    /// Creates a normalizer.
    ///
    /// - Parameter options: The stage's options.
    public init(options: NormalizeOptions = .init()) {
        self.options = options
    }

    /// Normalizes all contacts in place.
    ///
    /// Two passes: the first normalizes addresses and reads international phone numbers to find
    /// each source's dominant country (and whether the source uses 1900 as a placeholder year);
    /// the second normalizes everything else with that knowledge.
    ///
    /// - Parameter contacts: The contacts of one import, any number of sources, each source's
    ///   contacts all there (a source normalized in parts would be told of in parts).
    /// - Returns: The diagnostics, in contact order; each source's ``KeptPhones`` diagnostics
    ///   after its others.
    /// - Complexity: O(n) in the total size of the values; phone numbers cost about 1 µs each
    ///   (20 µs for shapes the fast path declines), repeated texts are memoized.
    public func normalize(_ contacts: inout [Contact]) -> [Diagnostic] {
        normalize(&contacts) { $0 }
    }

    /// Normalizes contacts in place, letting the caller decide from their survey (the first
    /// pass) which survey the second pass uses. A stream that bets on its first batch and
    /// checks every later one uses ``normalize(_:deciding:then:)``, which hands back the
    /// ``KeptPhones`` of a batch for the caller to add up over the source.
    ///
    /// - Parameters:
    ///   - contacts: the contacts, each source's all there.
    ///   - decide: given the survey of `contacts`, returns the survey to normalize with; what it
    ///     throws is rethrown (the contacts then hold only first-pass changes).
    /// - Returns: The diagnostics, in contact order; each source's ``KeptPhones`` diagnostics
    ///   after its others.
    public func normalize(
        _ contacts: inout [Contact], deciding decide: (SourceSurvey) throws -> SourceSurvey
    ) rethrows -> [Diagnostic] {
        let normalized = try normalize(&contacts, deciding: decide) { _ in () }
        return Self.merging(normalized.diagnostics, normalized.kept.diagnostics())
    }

    /// Places each source's diagnostics of ``KeptPhones`` after its other diagnostics, where a
    /// streamed import writes them (once its last batch is normalized).
    ///
    /// - Parameters:
    ///   - diagnostics: diagnostics in order of source.
    ///   - kept: diagnostics in order of source.
    static func merging(_ diagnostics: [Diagnostic], _ kept: [Diagnostic]) -> [Diagnostic] {
        guard !kept.isEmpty else { return diagnostics }
        var merged: [Diagnostic] = []
        merged.reserveCapacity(diagnostics.count + kept.count)
        var next = kept.startIndex
        for diagnostic in diagnostics {
            let source = diagnostic.source ?? -1
            while next < kept.endIndex, kept[next].source ?? -1 < source {
                merged.append(kept[next])
                next += 1
            }
            merged.append(diagnostic)
        }
        merged.append(contentsOf: kept[next...])
        return merged
    }

    /// ``normalize(_:deciding:)``, then `then` on each contact, on the core that just
    /// normalized it (while its values are in that core's cache): a streamed import identifies
    /// each record there. `then` runs on several threads at once.
    ///
    /// - Returns: the diagnostics in contact order (without those of ``KeptPhones``), what
    ///   `then` returned for each contact, and the numbers kept as written that are told once
    ///   per source (the caller adds up a source's batches and asks for their diagnostics at
    ///   its end).
    public func normalize<Result>(
        _ contacts: inout [Contact], deciding decide: (SourceSurvey) throws -> SourceSurvey,
        then: @Sendable (inout Contact) -> Result
    ) rethrows -> (diagnostics: [Diagnostic], results: [Result], kept: KeptPhones) {
        guard !contacts.isEmpty else { return ([], [], KeptPhones()) }
        var (chunkSize, states) = Self.chunks(for: contacts)
        // Each chunk's phone memo is sized for one parse per phone text up front: growing a
        // dictionary rehashes and moves every entry, which cost more than the look-ups.
        for chunk in states.indices {
            let start = chunk * chunkSize
            let end = min(contacts.count, start + chunkSize)
            guard start < end else { continue }
            var phones = 0
            for index in start..<end { phones += contacts[index].phones.count }
            states[chunk].phoneMemo.reserveCapacity(phones)
        }

        // Pass 1: addresses, international numbers, date styles.
        Self.forEachChunk(&contacts, &states, chunkSize: chunkSize) { _, contact, state in
            state.survey(&contact)
        }
        let survey = try decide(SourceSurvey(states))

        // Pass 2: everything else.
        let context = ContactNormalizer.Context(
            defaultRegion: options.defaultRegion.flatMap {
                PhoneNormalizer.isSupportedRegion($0) ? $0.uppercased() : nil
            },
            sourceRegions: survey.sourceRegions, year1900Sources: survey.year1900Sources)
        let count = contacts.count
        let results = [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            let results = ResultSlots(buffer: buffer)
            Self.forEachChunk(&contacts, &states, chunkSize: chunkSize) { index, contact, state in
                ContactNormalizer.normalize(&contact, context: context, state: &state)
                // Each index is written once, by the chunk that holds it.
                (results.buffer.baseAddress.unsafelyUnwrapped + index).initialize(to: then(&contact))
            }
            initialized = count
        }
        // Survey diagnostics come first in each chunk; order all by record (the sort is stable).
        // The chunks' lists are moved out, not copied; a list already in order (no survey
        // diagnostic, the usual case) is not sorted again (a stable sort would not change it).
        var diagnostics: [Diagnostic] = []
        var kept = KeptPhones()
        for chunk in states.indices {
            kept.add(states[chunk].kept)
            var taken: [Diagnostic] = []
            swap(&taken, &states[chunk].diagnostics)
            if diagnostics.isEmpty {
                swap(&diagnostics, &taken)
            } else {
                diagnostics.append(contentsOf: consume taken)
            }
        }
        func key(_ index: Int) -> (Int32, Int32) { (diagnostics[index].source ?? -1, diagnostics[index].record ?? -1) }
        if diagnostics.indices.dropFirst().allSatisfy({ key($0 - 1) <= key($0) }) {
            return (diagnostics, results, kept)
        }
        let sorted = diagnostics.sorted {
            ($0.source ?? -1, $0.record ?? -1) < ($1.source ?? -1, $1.record ?? -1)
        }
        return (sorted, results, kept)
    }

    /// Adds what a batch of contacts tells about their sources to `survey` (the first pass of
    /// ``normalize(_:)``, for sources normalized batch by batch). The contacts are not changed.
    ///
    /// - Complexity: O(n) in the size of the batch's addresses, phones and dates.
    public func survey(_ contacts: [Contact], into survey: inout SourceSurvey) {
        guard !contacts.isEmpty else { return }
        var (size, states) = Self.chunks(for: contacts)
        // Only the counts: the contacts are read in place, not copied to normalize addresses.
        let count = contacts.count
        let chunkSize = size
        contacts.withUnsafeBufferPointer { buffer in
            states.withUnsafeMutableBufferPointer { chunks in
                let shared = SurveyBuffers(contacts: buffer, states: chunks)
                DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
                    // Each chunk reads its own contacts and writes only its own state.
                    for index in (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize) {
                        shared.states[chunk].count(
                            phones: shared.contacts[index].phones, dates: shared.contacts[index].dates,
                            source: shared.contacts[index].ref.source)
                    }
                }
            }
        }
        survey.add(states)
    }

    /// How `contacts` are split among the cores: the chunk size, and a fresh state per chunk.
    private static func chunks(for contacts: [Contact]) -> (size: Int, states: [ChunkState]) {
        let cores = ActiveCores.count
        let count = max(1, contacts.count)
        let chunkCount = count < 512 ? 1 : min(cores, count / 256)
        return ((count + chunkCount - 1) / chunkCount, [ChunkState](repeating: ChunkState(), count: chunkCount))
    }

    /// Runs `body` over every contact, chunk `i` on its own thread with `states[i]`.
    private static func forEachChunk(
        _ contacts: inout [Contact], _ states: inout [ChunkState], chunkSize: Int,
        _ body: (Int, inout Contact, inout ChunkState) -> Void
    ) {
        let count = contacts.count
        contacts.withUnsafeMutableBufferPointer { buffer in
            states.withUnsafeMutableBufferPointer { chunks in
                let shared = ChunkBuffers(contacts: buffer, states: chunks)
                if chunks.count == 1 {
                    for index in 0..<count { body(index, &shared.contacts[index], &shared.states[0]) }
                    return
                }
                withoutActuallyEscaping(body) { body in
                    let work = UncheckedWork(body: body)
                    DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
                        let start = chunk * chunkSize
                        let end = min(count, start + chunkSize)
                        guard start < end else { return }
                        // Each chunk touches only its own contacts and its own state.
                        for index in start..<end { work.body(index, &shared.contacts[index], &shared.states[chunk]) }
                    }
                }
            }
        }
    }
}

/// What the first pass of normalization learns about each source: the regions of its
/// international phone numbers (the most frequent is the region of its national numbers) and
/// how many of its dates have the year 1900, and how many the years just after it (see
/// ``year1900Sources``).
public struct SourceSurvey: Sendable {
    private var regionCounts: [Int32: [String: Int]] = [:]
    private var year1900Counts: [Int32: Int] = [:]
    private var year1900NeighbourCounts: [Int32: Int] = [:]

    /// An empty survey.
    public init() {}

    init(_ states: [ChunkState]) {
        add(states)
    }

    /// Adds what another survey found.
    public mutating func add(_ other: SourceSurvey) {
        for (source, counts) in other.regionCounts {
            regionCounts[source, default: [:]].merge(counts, uniquingKeysWith: +)
        }
        year1900Counts.merge(other.year1900Counts, uniquingKeysWith: +)
        year1900NeighbourCounts.merge(other.year1900NeighbourCounts, uniquingKeysWith: +)
    }

    mutating func add(_ states: [ChunkState]) {
        for state in states {
            for (source, counts) in state.regionCounts {
                regionCounts[source, default: [:]].merge(counts, uniquingKeysWith: +)
            }
            year1900Counts.merge(state.year1900Counts, uniquingKeysWith: +)
            year1900NeighbourCounts.merge(state.year1900NeighbourCounts, uniquingKeysWith: +)
        }
    }

    /// The dominant region of each source; ties go to the alphabetically first, for determinism.
    var sourceRegions: [Int32: String] {
        var regions: [Int32: String] = [:]
        for (source, counts) in regionCounts {
            if let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { regions[source] = best.key }
        }
        return regions
    }

    /// Whether this survey and `other` decide the same for `source`: the region of its national
    /// phone numbers and whether its year 1900 is a placeholder.
    public func decides(like other: SourceSurvey, source: Int32) -> Bool {
        sourceRegions[source] == other.sourceRegions[source]
            && year1900Sources.contains(source) == other.year1900Sources.contains(source)
    }

    /// Whether what this survey decides for `source` is unlikely to change as more of the source
    /// is surveyed: its international numbers all name one region, or none has any clear
    /// lead (the most frequent region at least twice as frequent as the next); and its year
    /// 1900 is clearly a placeholder or clearly not (no single date in 1900, one short of a
    /// placeholder, and not close to the ratio that decides).
    public func isSettled(source: Int32) -> Bool {
        let counts = (regionCounts[source] ?? [:]).values.sorted(by: >)
        let regionSettled = counts.count < 2 || counts[0] >= 2 * counts[1]
        let in1900 = year1900Counts[source, default: 0]
        let after1900 = year1900NeighbourCounts[source, default: 0]
        let yearSettled = in1900 == 0 || (in1900 >= 2 && (in1900 >= 4 * after1900 || in1900 <= after1900))
        return regionSettled && yearSettled
    }

    /// The sources that use 1900 as a placeholder year: two or more dates in 1900, and at least
    /// twice as many as in all of 1901–1910.
    ///
    /// Phones and address books write 1900 for a birthday without a year, and few living
    /// contacts were born in the years just after it. A register whose dates really reach back
    /// to 1900 (a genealogy, the FEBRL test data) has about ten times as many dates in
    /// 1901–1910 as in 1900 itself, so its 1900 stays a year.
    var year1900Sources: Set<Int32> {
        var sources: Set<Int32> = []
        for (source, in1900) in year1900Counts
        where in1900 >= 2 && in1900 >= 2 * year1900NeighbourCounts[source, default: 0] {
            sources.insert(source)
        }
        return sources
    }
}

/// The buffers shared by the chunk threads; each thread writes a disjoint part.
private struct ChunkBuffers: @unchecked Sendable {
    let contacts: UnsafeMutableBufferPointer<Contact>
    let states: UnsafeMutableBufferPointer<ChunkState>
}

/// What the chunk threads of a survey share: each reads its own contacts and writes its own state.
private struct SurveyBuffers: @unchecked Sendable {
    let contacts: UnsafeBufferPointer<Contact>
    let states: UnsafeMutableBufferPointer<ChunkState>
}

/// The per-contact work, run by one thread per chunk on disjoint data.
private struct UncheckedWork: @unchecked Sendable {
    let body: (Int, inout Contact, inout ChunkState) -> Void
}

/// The result of each contact, written by the chunk thread that holds the contact.
private struct ResultSlots<Result>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result>
}
