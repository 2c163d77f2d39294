import Foundation
import KithModel
import KithNormalize
import Testing

/// The normalization benchmark, run by `Scripts/bench-normalize` (release build, `KITH_BENCH=1`).
///
/// Realistic exports: 200,000 contacts in 4 sources, 1–3 phones each (≈ 400,000 numbers, about
/// half of them distinct, as when the same people appear in a phone, a mail and a CRM export),
/// from 20 countries weighted like a European/US address book, written the ways exporters write
/// them (national with spaces or dashes, international, E.164, `00` prefix, extensions);
/// 70% of contacts have an address country, the others rely on the source's dominant country.
/// Reports numbers/s and names/s, and checks every stored E.164 against libphonenumber.
@Suite(
    .enabled(if: ProcessInfo.processInfo.environment["KITH_BENCH"] == "1", "set KITH_BENCH=1 (Scripts/bench-normalize)")
)
struct NormalizeBenchmarkTests {
    /// CPU time of the whole process (all threads), in seconds: on a shared machine the wall
    /// clock measures the other processes too.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func report(_ what: String, count: Int, wall: Double, cpu: Double) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print(
            "bench-normalize: \(count) \(what) in \(String(format: "%.3f", wall)) s wall = \(Int(Double(count) / wall)) \(what)/s; "
                + "\(String(format: "%.3f", cpu)) s CPU = \(String(format: "%.2f", cpu / Double(count) * 1e6)) µs CPU each "
                + "= \(Int(Double(count) / cpu * Double(cores))) \(what)/s on \(cores) idle cores")
    }

    static let countries: [(String, Int)] = [
        ("US", 22), ("DE", 14), ("GB", 10), ("FR", 8), ("IT", 6), ("ES", 5), ("NL", 4), ("CH", 4), ("AT", 3),
        ("CA", 3), ("AU", 3), ("SE", 2), ("PL", 2), ("BE", 2), ("IE", 2), ("JP", 2), ("BR", 2), ("IN", 2),
        ("MX", 2), ("CN", 2),
    ]

    @Test func phonesAndNames() throws {
        var generator = PhoneCorpus.Generator(state: 2026)
        let weighted = Self.countries.flatMap { Array(repeating: $0.0, count: $0.1) }
        var pool: [String: [String]] = [:]
        for (country, _) in Self.countries {
            pool[country] = ["mobile", "fixed-line"].compactMap {
                PhoneNormalizer.exampleNumber(region: country, lineType: $0)
            }
        }
        // 200k distinct numbers, each written in one style per occurrence.
        var distinct: [(e164: String, region: String)] = []
        for _ in 0..<200_000 {
            let country = weighted[generator.below(weighted.count)]
            guard let examples = pool[country], !examples.isEmpty else { continue }
            distinct.append(
                (PhoneCorpus.vary(examples[generator.below(examples.count)], count: 6, &generator), country))
        }
        func writing(_ number: (e164: String, region: String), _ g: inout PhoneCorpus.Generator) -> String {
            switch g.below(20) {
            case 0..<8: return PhoneNormalizer.format(number.e164, style: "national") ?? number.e164
            case 8..<13: return PhoneNormalizer.format(number.e164, style: "international") ?? number.e164
            case 13..<16: return number.e164
            case 16..<18:
                return (PhoneNormalizer.format(number.e164, style: "national") ?? number.e164).replacingOccurrences(
                    of: " ", with: "-")
            case 18:
                return PhoneNormalizer.format(
                    number.e164, style: "e164", callingFrom: number.region == "US" ? "DE" : "US") ?? number.e164
            default:
                return (PhoneNormalizer.format(number.e164, style: "international") ?? number.e164) + " ext. "
                    + String(10 + g.below(900))
            }
        }
        var contacts: [Contact] = []
        var phoneCount = 0
        var index = 0
        while phoneCount < 400_000 {
            var contact = Contact(ref: RecordRef(source: index % 4, index: index))
            let home = distinct[generator.below(distinct.count)]
            if generator.below(10) < 7 { contact.addresses = [AddressValue(locality: "X", country: home.region)] }
            for _ in 0..<(1 + generator.below(3)) {
                let number = generator.below(4) == 0 ? distinct[generator.below(distinct.count)] : home
                contact.phones.append(PhoneValue(raw: writing(number, &generator)))
            }
            phoneCount += contact.phones.count
            contacts.append(contact)
            index += 1
        }
        let distinctTexts = Set(contacts.flatMap { $0.phones.map(\.raw) }).count

        let normalizer = Normalizer(options: NormalizeOptions(defaultRegion: "US"))
        // The stage gets the array as the pipeline hands it over: uniquely owned.
        var phoneContacts = contacts
        contacts = []
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = Self.cpuSeconds()
        _ = normalizer.normalize(&phoneContacts)
        let cpu = Self.cpuSeconds() - cpuStart
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("bench-normalize: \(distinctTexts) distinct number texts of \(phoneCount)")
        Self.report("numbers", count: phoneCount, wall: seconds, cpu: cpu)

        // Agreement: every stored value equals libphonenumber's for the region the stage used.
        var checked = 0
        var fast = 0
        var mismatches: [String] = []
        for contact in phoneContacts {
            for phone in contact.phones {
                guard let rule = phone.regionRule else { continue }
                let region: String? = phone.raw.hasPrefix("+") ? nil : (rule == "number" ? nil : phone.region)
                if region == nil, !phone.raw.hasPrefix("+") { continue }
                let reference = PhoneNormalizer.parseWithLibphonenumber(phone.raw, region: region)
                if PhoneNormalizer.parseFast(phone.raw, region: region) != nil { fast += 1 }
                checked += 1
                if reference.e164 != phone.e164 || reference.lineType != phone.lineType
                    || reference.extension != phone.extension
                {
                    mismatches.append(phone.raw)
                }
            }
        }
        let normalized = phoneContacts.reduce(0) { $0 + $1.phones.filter { $0.e164 != nil }.count }
        print(
            "bench-normalize: \(normalized) numbers normalized; \(checked) re-checked with libphonenumber, \(mismatches.count) disagreements; fast path took \(fast) of them"
        )
        #expect(mismatches.isEmpty)

        // Names.
        let given = [
            "ROBERT", "María", "jean-luc", "Günter", "O'NEIL", "Anne-Marie", "mcdonald", "Søren", "Владимир", "李",
        ]
        let surnames = [
            "SMITH", "de la Cruz", "van der Berg", "Müller", "MACARTHUR", "García López", "o'brien", "Иванов", "Dupont",
            "Nguyen",
        ]
        var nameContacts: [Contact] = []
        for i in 0..<200_000 {
            var contact = Contact(ref: RecordRef(source: 0, index: i))
            let full: String
            switch i % 3 {
            case 0: full = "\(given[generator.below(10)]) \(surnames[generator.below(10)])"
            case 1: full = "\(surnames[generator.below(10)]), \(given[generator.below(10)])"
            default:
                full =
                    "Dr. \(given[generator.below(10)]) \(given[generator.below(10)]) \(surnames[generator.below(10)]) Jr."
            }
            contact.name = NameValue(full: full)
            nameContacts.append(contact)
        }
        let nameStart = DispatchTime.now().uptimeNanoseconds
        let nameCPUStart = Self.cpuSeconds()
        _ = normalizer.normalize(&nameContacts)
        let nameCPU = Self.cpuSeconds() - nameCPUStart
        let nameSeconds = Double(DispatchTime.now().uptimeNanoseconds - nameStart) / 1e9
        Self.report("names", count: nameContacts.count, wall: nameSeconds, cpu: nameCPU)
        #expect(nameContacts.allSatisfy { $0.name?.keys != nil })
    }
}
