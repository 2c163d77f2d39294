import Foundation
import KithIO
import KithModel
import KithVCard
import Testing

/// Reader throughput on a generated file, not a unit test:
/// `Scripts/gen-vcards /tmp/bench.vcf && KITH_BENCH_VCF=/tmp/bench.vcf swift test -c release
/// -Xswiftc -enable-testing --filter ReaderBenchmark`.
@Suite struct ReaderBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KITH_BENCH_VCF"] != nil))
    func readerThroughput() throws {
        let path = ProcessInfo.processInfo.environment["KITH_BENCH_VCF"] ?? ""
        let input = try InputFile.read(path: path)
        var best = Duration.seconds(1000)
        var cards = 0
        for _ in 0..<3 {
            var count = 0
            let started = ContinuousClock.now
            let report = try VCardReader().read(input, context: ReadContext(source: 0, path: path)) { _ in count += 1 }
            best = min(best, ContinuousClock.now - started)
            cards = report.records
            #expect(count == report.records)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        let megabytes = Double(input.bytes.count) / 1_000_000
        print("vCard reader: \(cards) cards, \(String(format: "%.1f", megabytes)) MB in \(String(format: "%.3f", seconds)) s = \(String(format: "%.0f", megabytes / seconds)) MB/s")
    }
}
