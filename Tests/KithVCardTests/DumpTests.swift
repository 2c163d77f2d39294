import Foundation
import Testing
import KithTestSupport

/// Prints what the reader made of a file: `KITH_DUMP=vcard/… swift test --filter DumpTests`.
@Suite struct DumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KITH_DUMP"] != nil))
    func dump() throws {
        let path = ProcessInfo.processInfo.environment["KITH_DUMP"] ?? ""
        let result = try Reading.corpus(path)
        for contact in result.contacts { print(contact) }
        print(result.report.flavor, result.report.encoding, result.report.records)
        for diagnostic in result.report.diagnostics { print(diagnostic) }
    }
}
