import Foundation
import KithModel
import KithResolve
import Testing

/// Accuracy and speed on pre-normalized benchmark files (`KITH_BENCH=1`,
/// `KITH_BENCH_TSV=a.tsv,b.tsv`; each file is resolved on its own). Prints the figures;
/// `KITH_BENCH_MIN_F1` makes it fail below a target F1.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KITH_BENCH"] == "1", "set KITH_BENCH=1 to run benchmarks"))
struct PrenormalizedBenchTests {
    @Test func accuracyOnPrenormalizedFiles() throws {
        let env = ProcessInfo.processInfo.environment
        let paths = (env["KITH_BENCH_TSV"] ?? "").split(separator: ",").map(String.init)
        let minimumF1 = Double(env["KITH_BENCH_MIN_F1"] ?? "") ?? 0
        var options = ResolveOptions()
        if let threshold = Double(env["KITH_BENCH_THRESHOLD"] ?? "") { options.threshold = threshold }
        for path in paths {
            let records = try PrenormalizedTSV.read(path)
            let contacts = records.map(\.contact)
            let before = Self.memory("VmRSS")
            let start = ContinuousClock.now
            let result = Resolver(options: options).resolve(contacts)
            let elapsed = ContinuousClock.now - start
            print("BENCH memory: \(before / 1024) MB resident before resolve, peak \(Self.memory("VmHWM") / 1024) MB")
            let score = PairwiseScore(people: result.people, records: records)
            print(
                "BENCH \(path): \(records.count) records in \(elapsed): \(score); review pairs \(result.review.count)")
            for diagnostic in result.diagnostics { print("  \(diagnostic)") }
            if env["KITH_BENCH_ERRORS"] == "1" { printErrors(result, records) }
            #expect(score.f1 >= minimumF1)
            #expect(score.familyFalseMerges == 0)
            #expect(score.generationFalseMerges == 0)
        }
    }

    /// A `/proc/self/status` value in kB (0 where there is none).
    static func memory(_ key: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            return Int(line.split(separator: " ").dropFirst().first { Int($0) != nil } ?? "") ?? 0
        }
        return 0
    }

    private func printErrors(_ result: ResolveResult, _ records: [PrenormalizedRecord]) {
        var byRef: [RecordRef: PrenormalizedRecord] = [:]
        for record in records { byRef[record.contact.ref] = record }
        var personOf: [RecordRef: String] = [:]
        for person in result.people { for member in person.records { personOf[member.ref] = person.id } }
        var byTruth: [String: [PrenormalizedRecord]] = [:]
        for record in records { byTruth[record.truth, default: []].append(record) }
        var reviewOf: [RecordRef: [ReviewPair]] = [:]
        for pair in result.review { reviewOf[pair.a, default: []].append(pair) }
        var shown = 0
        for (truth, members) in byTruth.sorted(by: { $0.key < $1.key })
        where Set(members.map { personOf[$0.contact.ref] }).count > 1 {
            print(
                "SPLIT \(truth): "
                    + members.map { describe($0.contact) + " -> " + String((personOf[$0.contact.ref] ?? "").suffix(6)) }
                    .joined(separator: " || "))
            for member in members {
                for pair in reviewOf[member.contact.ref] ?? []
                where members.contains(where: { $0.contact.ref == pair.b }) {
                    print(
                        "   review \(pair.a)-\(pair.b) \(pair.weight) \(pair.reason) "
                            + pair.evidence.map { "\($0.field)=\($0.level):\($0.weight)" }.joined(separator: " "))
                }
            }
            shown += 1
            if shown > 25 { break }
        }
        shown = 0
        for person in result.people {
            let truths = Set(person.records.compactMap { byRef[$0.ref]?.truth })
            if truths.count > 1 {
                print(
                    "MERGED \(truths.sorted()): "
                        + person.records.compactMap { byRef[$0.ref].map { describe($0.contact) } }.joined(
                            separator: " || "))
                for pair in person.match?.pairs ?? [] {
                    print(
                        "   \(pair.a)-\(pair.b) \(pair.weight) "
                            + pair.evidence.map { "\($0.field)=\($0.level):\($0.weight)" }.joined(separator: " "))
                }
                shown += 1
                if shown > 25 { break }
            }
        }
    }

    private func describe(_ c: Contact) -> String {
        let name =
            c.name.map { "\($0.keys?.given ?? "") \($0.keys?.surname ?? "") \($0.keys?.generation ?? "")" } ?? "-"
        let birth = c.dates.first?.raw ?? ""
        let address = c.addresses.first.map { "\($0.street), \($0.locality) \($0.postalCode)" } ?? ""
        let phones = c.phones.map(\.raw).joined(separator: ",")
        let emails = c.emails.map(\.address).joined(separator: ",")
        return "[\(c.ref)] \(name) b=\(birth) a=\(address) p=\(phones) e=\(emails)"
    }
}
