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
        // CPU time of this thread: the machine is shared, wall time says more about the neighbours.
        func cpuSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        var bestCPU = Double.infinity
        var bestWall = Double.infinity
        var cards = 0
        for _ in 0..<3 {
            var count = 0
            let started = ContinuousClock.now
            let cpuStarted = cpuSeconds()
            let report = try VCardReader().read(input, context: ReadContext(source: 0, path: path)) { _ in count += 1 }
            bestCPU = min(bestCPU, cpuSeconds() - cpuStarted)
            let wall = ContinuousClock.now - started
            bestWall = min(bestWall, Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18)
            cards = report.records
            #expect(count == report.records)
        }
        let megabytes = Double(input.bytes.count) / 1_000_000
        print(
            "vCard reader: \(cards) cards, \(String(format: "%.1f", megabytes)) MB: CPU \(String(format: "%.2f", bestCPU)) s"
                + " = \(String(format: "%.0f", megabytes / bestCPU)) MB/s; wall \(String(format: "%.2f", bestWall)) s"
                + " = \(String(format: "%.0f", megabytes / bestWall)) MB/s")
    }
}
