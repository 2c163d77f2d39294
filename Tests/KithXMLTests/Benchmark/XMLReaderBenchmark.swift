import Foundation
import KithIO
import KithModel
import KithXML
import Testing

/// The reader alone on a big file, run by `Scripts/bench-xml` in a release build with
/// `KITH_BENCH_XML=<file>` (and `KITH_BENCH_XML_MODE=memory` to read through `InputFile`).
/// Disabled in ordinary test runs.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KITH_BENCH_XML"] != nil, "set KITH_BENCH_XML to a file"))
struct XMLReaderBenchmark {
    @Test func readsTheFile() throws {
        let environment = ProcessInfo.processInfo.environment
        let path = try #require(environment["KITH_BENCH_XML"])
        let inMemory = environment["KITH_BENCH_XML_MODE"] == "memory"
        var records = 0
        var phones = 0
        let clock = ContinuousClock()
        let start = clock.now
        let report: ReadReport
        let bytes: Int
        let context = ReadContext(source: 0, path: path)
        if inMemory {
            let input = try InputFile.read(path: path)
            bytes = input.bytes.count
            report = try XMLReader().read(input, context: context) {
                records += 1
                phones += $0.phones.count
            }
        } else {
            let result = try XMLReader().read(path: path, context: context) {
                records += 1
                phones += $0.phones.count
            }
            bytes = result.byteCount
            report = result.report
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "bench-xml reader [\(inMemory ? "in-memory" : "streamed")]: \(report.flavor), \(records) records, "
                + "\(phones) phones, \(String(format: "%.1f", Double(bytes) / 1e6)) MB in \(String(format: "%.2f", seconds)) s = "
                + "\(String(format: "%.1f", Double(bytes) / 1e6 / max(seconds, 1e-9))) MB/s")
        #expect(records == report.records)
        #expect(records > 0)
    }
}
