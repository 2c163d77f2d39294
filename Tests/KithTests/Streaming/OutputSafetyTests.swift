import Foundation
import KithTestSupport
import Testing

/// What `-o` does around the edges: a file that standard output was sent to is written through
/// it, and a signal removes the temporary file of an unfinished output.
@Suite struct OutputSafetyTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-edge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func kith() throws -> Process {
        guard let url = KithExecutable.url else { throw KithExecutableMissing() }
        let process = Process()
        process.executableURL = url
        process.currentDirectoryURL = TestPaths.repositoryRoot
        return process
    }

    /// `kith import … -o /dev/stdout >> log.json` appends to the log, as the shell asked: the
    /// path is standard output, which is not opened again (and truncated).
    @Test(arguments: ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
    func standardOutputSentToAFileIsAppendedTo(path: String) throws {
        let (text, files) = try importAppending(to: path, throughStandardError: false)
        #expect(text.hasPrefix("PREVIOUS\n{\"kith\":1,"))
        #expect(files == ["log.json"])
    }

    /// The same for standard error: `-o /dev/stderr 2>> log.json`.
    @Test func standardErrorSentToAFileIsAppendedTo() throws {
        let (text, _) = try importAppending(to: "/dev/stderr", throughStandardError: true)
        #expect(text.hasPrefix("PREVIOUS\n{\"kith\":1,"))
    }

    /// Imports a fixture with `-o path` while standard output (or error) is a log holding
    /// `PREVIOUS`, opened for appending; the log's text afterwards and the folder's files.
    private func importAppending(to path: String, throughStandardError: Bool) throws -> (String, [String]) {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.json")
        try Data("PREVIOUS\n".utf8).write(to: log)
        let fd = open(log.path, O_WRONLY | O_APPEND)
        #expect(fd >= 0)
        let process = try kith()
        process.arguments = ["import", "Fixtures/vcard/iphone-2023.vcf", "--quiet", "-o", path]
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        if throughStandardError { process.standardError = handle } else { process.standardOutput = handle }
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = String(decoding: try Data(contentsOf: log), as: UTF8.self)
        return (text, try FileManager.default.contentsOfDirectory(atPath: folder.path))
    }

    /// Stopped by SIGTERM or SIGINT while it writes (here: while it waits for more input), an
    /// import leaves yesterday's file as it was and no temporary file beside it.
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalLeavesThePreviousFileAndNoTemporary(signal: Int32) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("people.json")
        try Data("yesterday".utf8).write(to: output)
        let input = Pipe()
        let process = try kith()
        process.arguments = ["import", "-", "--no-merge", "--quiet", "-o", output.path]
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half Written\r\n".utf8))
        // The temporary file appears beside the output once the import has started.
        var waited = 0
        while waited < 3000,
            !(try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains(where: { $0.hasPrefix(".") })
        {
            usleep(10_000)
            waited += 10
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        #expect(String(decoding: try Data(contentsOf: output), as: UTF8.self) == "yesterday")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["people.json"])
    }
}
