import Foundation
import KithIO
import KithJSON
import KithModel
import KithTestSupport
import Testing

/// Throughput of the writer and reader on a large synthetic dataset. Run in release:
/// `KITH_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter WriterBenchmarkTests`.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["KITH_BENCH"] == "1", "set KITH_BENCH=1 (release build) to measure"))
struct WriterBenchmarkTests {
    static func syntheticDataset(people count: Int) -> Dataset {
        let given = ["Anna", "Bernd", "Chloé", "Dmitri", "Émile", "Fatima", "Günter", "Hiroshi", "Ingrid", "José"]
        let surnames = [
            "Müller", "Smith", "García", "Nguyen", "O'Brien", "Kowalski", "Rossi", "Öztürk", "Tanaka", "Dubois",
        ]
        var people: [Person] = []
        people.reserveCapacity(count)
        for index in 0..<count {
            let ref = RecordRef(source: index % 3, index: index)
            let first = given[index % given.count]
            let last = surnames[(index / 10) % surnames.count]
            var contact = Contact(ref: ref, line: index * 14 + 1)
            contact.version = "3.0"
            contact.name = NameValue(
                full: "\(first) \(last)", given: [first], surname: [last], raw: "\(last);\(first);;;",
                meta: FieldMeta(line: index * 14 + 3))
            var work = EmailValue(
                raw: "\(first).\(last)\(index)@example.com".lowercased(),
                meta: FieldMeta(types: ["internet", "work"], pref: 1, line: index * 14 + 4))
            work.key = work.address
            contact.emails = [
                work,
                EmailValue(
                    raw: "\(first)\(index)@mail.example", meta: FieldMeta(types: ["home"], line: index * 14 + 5)),
            ]
            var mobile = PhoneValue(
                raw: "(650) 253-\(1000 + index % 9000)",
                meta: FieldMeta(types: ["cell", "voice"], line: index * 14 + 6))
            mobile.e164 = "+1650253\(1000 + index % 9000)"
            mobile.region = "US"
            mobile.regionRule = "source-dominant"
            mobile.lineType = "mobile"
            contact.phones = [
                mobile,
                PhoneValue(raw: "030 \(100_000 + index)", meta: FieldMeta(types: ["work"], line: index * 14 + 7)),
            ]
            var address = AddressValue(
                street: "\(index % 200) Main Street", locality: "Springfield", region: "IL", postalCode: "62701",
                country: "USA",
                raw: ";;\(index % 200) Main Street;Springfield;IL;62701;USA",
                meta: FieldMeta(types: ["home"], line: index * 14 + 8))
            address.countryCode = "US"
            contact.addresses = [address]
            contact.organizations = [
                OrganizationValue(name: "ACME \(index % 50)", units: ["Sales"], meta: FieldMeta(line: index * 14 + 9))
            ]
            contact.titles = [TextValue("Account manager", meta: FieldMeta(line: index * 14 + 10))]
            contact.dates = [
                DateValue(
                    kind: .birth,
                    date: PartialDate(year: 1950 + index % 50, month: 1 + index % 12, day: 1 + index % 28),
                    raw: "19800415", meta: FieldMeta(line: index * 14 + 11))
            ]
            contact.notes = [
                TextValue(
                    "Met at the \"conference\" in 2019.\nFollow up about the contract; prefers email.",
                    meta: FieldMeta(line: index * 14 + 12))
            ]
            contact.categories = [TextValue("Customers"), TextValue("Region \(index % 7)")]
            contact.links = [
                LinkValue(
                    uri: "https://example.com/people/\(index)", meta: FieldMeta(types: ["work"], line: index * 14 + 13))
            ]
            contact.unmapped = [RawProperty(name: "X-ABUID", value: "\(index)-ABCD-EF", line: index * 14 + 14)]
            people.append(Person.singleton(contact))
        }
        return Dataset(
            generator: "kith 0.1.0", generatedAt: "2026-11-27T10:00:00Z",
            sources: (0..<3).map {
                SourceInfo(
                    number: $0, path: "s\($0).vcf", format: "vcard", flavor: "vcard-3.0", encoding: "utf-8",
                    sha256: String(repeating: "0", count: 64), records: count / 3)
            },
            people: people, groups: [], diagnostics: [])
    }

    /// CPU time of this process, in seconds: the machine is shared, so wall time overstates cost.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test func writerThroughput() throws {
        let people = Int(ProcessInfo.processInfo.environment["KITH_BENCH_PEOPLE"] ?? "") ?? 200_000
        let dataset = Self.syntheticDataset(people: people)
        for format in [DatasetWriter.Format.json, .ndjson] {
            var best = Double.infinity
            var bestCPU = Double.infinity
            var size = 0
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                let cpu = Self.cpuSeconds()
                let bytes = DatasetWriter(format: format).encode(dataset)
                bestCPU = min(bestCPU, Self.cpuSeconds() - cpu)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                size = bytes.count
            }
            let rate = Double(size) / best / 1e6
            print(
                "writer \(format.rawValue): \(size / 1_000_000) MB in \(String(format: "%.3f", best)) s wall = \(String(format: "%.0f", rate)) MB/s; "
                    + "\(String(format: "%.3f", bestCPU)) s CPU = \(String(format: "%.0f", Double(size) / bestCPU / 1e6)) MB/s per CPU second"
            )
            #expect(rate > 0)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kith-bench-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let start = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.cpuSeconds()
        do {
            var output = try ByteOutput(path: url.path)
            try DatasetWriter().write(dataset, to: &output)
            try output.commit()
        }
        let cpuSeconds = Self.cpuSeconds() - cpu
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        print(
            "writer json to file (streaming): \(size / 1_000_000) MB in \(String(format: "%.3f", seconds)) s wall = \(String(format: "%.0f", Double(size) / seconds / 1e6)) MB/s; "
                + "\(String(format: "%.3f", cpuSeconds)) s CPU = \(String(format: "%.0f", Double(size) / cpuSeconds / 1e6)) MB/s per CPU second"
        )

        guard ProcessInfo.processInfo.environment["KITH_BENCH_SKIP_READ"] == nil else { return }
        let bytes = Array(try Data(contentsOf: url))
        let readStart = DispatchTime.now().uptimeNanoseconds
        let readCPU = Self.cpuSeconds()
        let read = try DatasetReader().read(bytes)
        let readCPUSeconds = Self.cpuSeconds() - readCPU
        let readSeconds = Double(DispatchTime.now().uptimeNanoseconds - readStart) / 1e9
        print(
            "reader json: \(String(format: "%.3f", readSeconds)) s wall = \(String(format: "%.0f", Double(bytes.count) / readSeconds / 1e6)) MB/s; "
                + "\(String(format: "%.3f", readCPUSeconds)) s CPU = \(String(format: "%.0f", Double(bytes.count) / readCPUSeconds / 1e6)) MB/s per CPU second"
        )
        #expect(read.people.count == dataset.people.count)
    }
}
