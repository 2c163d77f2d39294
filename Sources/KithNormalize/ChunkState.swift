import KithModel

/// What one chunk of the normalization stage accumulates: its phone memo, its diagnostics and
/// the statistics of the survey pass. Owned by one thread at a time.
struct ChunkState {
    /// Phone parses by (raw text, region); per call and per chunk, so never shared.
    var phoneMemo: [PhoneMemoKey: PhoneParse] = [:]
    /// Phonetic keys of name words.
    var phonetics = PhoneticMemo()
    var diagnostics: [Diagnostic] = []
    /// Numbers kept as written for a reason told once per source.
    var kept = KeptPhones()
    /// Regions of international numbers, by source.
    var regionCounts: [Int32: [String: Int]] = [:]
    /// Dates with year 1900, by source.
    var year1900Counts: [Int32: Int] = [:]
    /// Dates with a year from 1901 to 1910, by source: a source whose real dates reach back to
    /// 1900 has about a tenth as many dates in 1900 as in these ten years.
    var year1900NeighbourCounts: [Int32: Int] = [:]

    /// A memoized phone parse.
    mutating func phone(_ raw: String, region: String?) -> PhoneParse {
        let key = PhoneMemoKey(raw: raw, region: region ?? "")
        if let known = phoneMemo[key] { return known }
        let parsed = PhoneNormalizer.parse(raw, region: region)
        phoneMemo[key] = parsed
        return parsed
    }

    /// Pass 1: addresses, international numbers, date styles.
    mutating func survey(_ contact: inout Contact) {
        let source = contact.ref.source
        for index in contact.addresses.indices {
            AddressNormalizer.normalize(&contact.addresses[index])
            let address = contact.addresses[index]
            if address.countryCode == nil, !address.country.trimmed.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        source: Int(source), line: Int(address.meta.line), record: Int(contact.ref.index),
                        severity: .info,
                        code: "normalize.address.unknown-country",
                        message:
                            "country \(Diagnostic.quote(address.country)) is not a known country name or code; kept as written"
                    ))
            }
        }
        count(phones: contact.phones, dates: contact.dates, source: source)
    }

    /// The counts of pass 1 (regions of international numbers, dates with year 1900), which
    /// do not depend on its address normalization.
    mutating func count(phones: [PhoneValue], dates: [DateValue], source: Int32) {
        // By index: a `for phone in` loop copies every value (retaining each of its members).
        for index in phones.indices where ContactNormalizer.isInternational(phones[index].raw) {
            let parsed = self.phone(phones[index].raw, region: nil)
            if parsed.isPossible, let region = parsed.region, region.count == 2 {
                regionCounts[source, default: [:]][region, default: 0] += 1
            }
        }
        for index in dates.indices {
            guard let year = dates[index].date?.year, (1900...1910).contains(year) else { continue }
            if year == 1900 {
                year1900Counts[source, default: 0] += 1
            } else {
                year1900NeighbourCounts[source, default: 0] += 1
            }
        }
    }
}

/// The memo key of a phone parse.
struct PhoneMemoKey: Hashable {
    var raw: String
    var region: String
}
