import KithNormalize

/// Generated phone numbers for the agreement tests and the benchmark: libphonenumber's example
/// number of every type for every region, with the last digits varied, written the ways address
/// books write them.
enum PhoneCorpus {
    /// A number text and the region to read it in.
    struct Sample: Hashable, Sendable {
        var raw: String
        var region: String
    }

    /// A small deterministic generator (SplitMix64), so runs are repeatable.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let lineTypes = [
        "fixed-line", "mobile", "toll-free", "premium-rate", "shared-cost", "voip", "personal-number", "uan",
    ]

    /// Example numbers (E.164) with their regions, for the given regions (all when `nil`).
    static func examples(regions: [String]? = nil) -> [(e164: String, region: String)] {
        var found: [(String, String)] = []
        for region in regions ?? PhoneNormalizer.supportedRegions {
            for type in lineTypes {
                if let e164 = PhoneNormalizer.exampleNumber(region: region, lineType: type) {
                    found.append((e164, region))
                }
            }
        }
        return found
    }

    /// Varies the last `count` digits of an E.164 number.
    static func vary(_ e164: String, count: Int, _ generator: inout Generator) -> String {
        var bytes = Array(e164.utf8)
        let digits = bytes.count - 1
        for index in bytes.indices.suffix(min(count, max(0, digits - 3))) {
            bytes[index] = UInt8(48 + generator.below(10))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The ways one number is written: E.164, international, national, dialled from abroad
    /// with an IDD, digits only, and a separator variant of the national form.
    static func writings(of e164: String, region: String, abroad: String) -> [Sample] {
        var samples = [Sample(raw: e164, region: region)]
        if let text = PhoneNormalizer.format(e164, style: "international") {
            samples.append(Sample(raw: text, region: abroad))
        }
        if let text = PhoneNormalizer.format(e164, style: "national") {
            samples.append(Sample(raw: text, region: region))
            samples.append(Sample(raw: text.replacingOccurrences(of: " ", with: "-"), region: region))
            samples.append(Sample(raw: String(text.filter(\.isNumber)), region: region))
        }
        if let text = PhoneNormalizer.format(e164, style: "e164", callingFrom: abroad) {
            samples.append(Sample(raw: text, region: abroad))
        }
        return samples
    }
}
