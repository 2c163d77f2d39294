import Foundation
import KithIO
import KithModel
import Testing

@testable import KithCSV

/// A speed harness for `Scripts/bench-csv`: with `KITH_CSV_BENCH=<file>` it reads the file with
/// the scanner alone and with the whole reader, and prints MB/s. Without the variable it does
/// nothing (it is not a test of behaviour).
@Suite struct CSVReaderBenchmark {
    /// CPU time of the calling thread: the machine is shared, so wall time overstates the cost.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test func measure() throws {
        guard let path = ProcessInfo.processInfo.environment["KITH_CSV_BENCH"] else { return }
        let clock = ContinuousClock()
        let loadStart = clock.now
        let input = try InputFile.read(path: path)
        let load = clock.now - loadStart
        let megabytes = Double(input.bytes.count) / 1_000_000
        func rate(_ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(format: "%.3f s, %.0f MB/s", seconds, megabytes / seconds)
        }
        var scanner = CSVRecordScanner(bytes: input.bytes, dialect: CSVDialect.sniff(input.bytes.prefix(65536)))
        var row = CSVRow()
        var fields = 0
        let scanStart = clock.now
        while scanner.next(into: &row) { fields += row.fields.count }
        let scan = clock.now - scanStart
        var decoder = CSVCellDecoder(mode: .utf8, decoder: TextDecoder())
        var scanner2 = CSVRecordScanner(bytes: input.bytes, dialect: CSVDialect.sniff(input.bytes.prefix(65536)))
        var characters = 0
        let decodeStart = clock.now
        while scanner2.next(into: &row) {
            for field in row.fields where !field.isEmpty { characters += decoder.text(of: field, in: scanner2).utf8.count }
        }
        let decode = clock.now - decodeStart
        let contactsStart = clock.now
        var made = 0
        for index in 0..<100_000 {
            var contact = Contact(ref: RecordRef(source: 0, index: index), line: index)
            contact.emails.append(EmailValue(raw: "a@b.example"))
            contact.phones.append(PhoneValue(raw: "+1 555"))
            made += contact.emails.count
        }
        let contacts = clock.now - contactsStart
        var records = 0
        var values = 0
        let readStart = clock.now
        let cpuStart = Self.threadCPUSeconds()
        let report = try CSVReader().read(input, context: ReadContext(source: 0, path: path)) { contact in
            records += 1
            values += contact.emails.count + contact.phones.count
        }
        let cpu = Self.threadCPUSeconds() - cpuStart
        let read = clock.now - readStart
        print(String(format: "bench-csv: %.1f MB, %d records, %d fields, flavor %@", megabytes, records, fields, report.flavor))
        print("bench-csv: load+sniff encoding \(rate(load))")
        print("bench-csv: scanner \(rate(scan))")
        print("bench-csv: scanner+strings \(rate(decode)) (\(characters) bytes)")
        print("bench-csv: 100k bare contacts \(contacts) (\(made))")
        print(String(format: "bench-csv: reader CPU time %.3f s, %.0f MB/s", cpu, megabytes / cpu))
        print("bench-csv: reader \(rate(read)) (\(values) emails+phones, \(report.diagnostics.count) diagnostics)")
    }
}
