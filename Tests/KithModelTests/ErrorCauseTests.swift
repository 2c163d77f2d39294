import Foundation
import KithModel
import Testing

/// Errors of the system and of Foundation are told by their reason, not dumped.
@Suite struct ErrorCauseTests {
    @Test func aSystemErrorIsItsMessage() {
        #expect(KithError.cause(of: POSIXError(.ENOENT)) == "No such file or directory")
    }

    @Test func aFoundationErrorOverASystemErrorIsTheSystemMessage() {
        // What FileManager throws for a folder where a file is.
        do {
            try FileManager.default.createDirectory(atPath: "/dev/null", withIntermediateDirectories: true)
            Issue.record("a folder was made over /dev/null")
        } catch {
            #expect(KithError.cause(of: error) == "File exists")
        }
        do {
            _ = try Data(contentsOf: URL(fileURLWithPath: "/nonexistent-kith-\(UUID().uuidString)"))
            Issue.record("a missing file was read")
        } catch {
            #expect(KithError.cause(of: error) == "No such file or directory")
        }
    }

    @Test func aParseErrorIsWhatItSays() {
        do {
            _ = try JSONSerialization.jsonObject(with: Data("{bad".utf8))
            Issue.record("bad JSON was read")
        } catch {
            let cause = KithError.cause(of: error)
            #expect(cause.contains("character"))
            #expect(!cause.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func aKithErrorIsItsCause() {
        #expect(
            KithError.cause(of: KithError(.outputFailed, "writing failed", cause: "No space left on device"))
                == "No space left on device")
    }
}
