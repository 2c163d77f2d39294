import Foundation
import KithModel
import KithTestSupport
import KithXML
import Testing

/// Broken input never crashes: every prefix of every corpus file either reads (with an error
/// diagnostic when the cut broke the document) or is refused with a `KithError`.
@Suite(requiresCorpus) struct XMLTruncationTests {
    @Test(arguments: TestPaths.corpusFiles(under: "xml", extensions: ["xml"]))
    func everyPrefixReadsOrFailsCleanly(_ url: URL) throws {
        let bytes = try TestPaths.bytes(url)
        let whole = try XMLTestReading.read(bytes: bytes)
        for length in stride(from: 0, to: bytes.count, by: 37) {
            do {
                let read = try XMLTestReading.read(bytes: Array(bytes.prefix(length)))
                // A prefix never invents records: it has at most the whole file's.
                #expect(read.contacts.count <= whole.contacts.count)
                #expect(read.report.records == read.contacts.count)
            } catch let error as KithError {
                #expect(error.code == .invalidInput || error.code == .unknownFormat)
            }
        }
    }
}
