import Foundation
import KithIO
import KithModel
import Testing

/// ``ByteOutput`` replaces a regular file only on commit, and writes devices and pipes in place.
@Suite struct ByteOutputTests {
    /// A fresh folder, removed after `body`.
    private func inFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    private func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    private func mode(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode : 0
    }

    @Test func replacesAFileOnlyOnCommitKeepingItsPermissions() throws {
        try inFolder { folder in
            let file = folder.appendingPathComponent("people.json")
            try Data("old".utf8).write(to: file)
            #expect(chmod(file.path, 0o600) == 0)
            var output = try ByteOutput(path: file.path, capacity: 2)
            try output.write("new bytes")
            // Written (past the capacity) but not yet in place: beside it, under a hidden name.
            #expect(try Data(contentsOf: file) == Data("old".utf8))
            let during = try names(folder)
            #expect(during.count == 2)
            #expect(during.contains { $0.hasPrefix(".people.json.kith-") })
            try output.commit()
            #expect(try Data(contentsOf: file) == Data("new bytes".utf8))
            #expect(try names(folder) == ["people.json"])
            #expect(mode(file.path) & 0o777 == 0o600)
            #expect(mode(file.path) & S_IFMT == S_IFREG)
        }
    }

    @Test func anOutputNeverCommittedLeavesTheOldFileAndNoTemporary() throws {
        try inFolder { folder in
            let file = folder.appendingPathComponent("people.json")
            try Data("old".utf8).write(to: file)
            do {
                var output = try ByteOutput(path: file.path, capacity: 2)
                try output.write("half a dataset")
                try output.flush()
            }
            #expect(try Data(contentsOf: file) == Data("old".utf8))
            #expect(try names(folder) == ["people.json"])

            let fresh = folder.appendingPathComponent("new.json")
            do {
                var output = try ByteOutput(path: fresh.path)
                try output.write("x")
            }
            #expect(try names(folder) == ["people.json"])
        }
    }

    @Test func aLinkStaysALinkAndItsFileIsReplaced() throws {
        try inFolder { folder in
            let target = folder.appendingPathComponent("target.json")
            let link = folder.appendingPathComponent("link.json")
            try Data("old".utf8).write(to: target)
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
            var output = try ByteOutput(path: link.path)
            try output.write("new")
            try output.commit()
            #expect(mode(link.path) & S_IFMT == S_IFLNK)
            #expect(try Data(contentsOf: target) == Data("new".utf8))
            #expect(try names(folder) == ["link.json", "target.json"])
        }
    }

    /// A pipe (like `/dev/null`, not a regular file) is written in place and never removed,
    /// committed or not.
    @Test func aPipeIsWrittenInPlaceAndKept() throws {
        try inFolder { folder in
            let fifo = folder.appendingPathComponent("pipe").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            #expect(reader >= 0)
            defer { close(reader) }
            do {
                var output = try ByteOutput(path: fifo)
                try output.write("abandoned ")
                try output.flush()
            }
            do {
                var output = try ByteOutput(path: fifo)
                try output.write("committed")
                try output.commit()
            }
            #expect(mode(fifo) & S_IFMT == S_IFIFO)
            var bytes = [UInt8](repeating: 0, count: 64)
            let count = bytes.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
            #expect(String(decoding: bytes.prefix(max(0, count)), as: UTF8.self) == "abandoned committed")
            #expect(try names(folder) == ["pipe"])
        }
    }

    /// Pieces written behind go out in order with the bytes around them.
    @Test func piecesWrittenBehindKeepTheirOrder() throws {
        try inFolder { folder in
            let file = folder.appendingPathComponent("out.txt")
            var output = try ByteOutput(path: file.path, capacity: 4)
            try output.write("a")
            try output.writeBehind([Array("bc".utf8), Array("d".utf8)])
            try output.write("ef")
            try output.writeBehind([Array(repeating: UInt8(ascii: "g"), count: 100_000)])
            try output.writeBehind([])
            try output.write("h")
            try output.commit()
            let expected = "abcdef" + String(repeating: "g", count: 100_000) + "h"
            #expect(try Data(contentsOf: file) == Data(expected.utf8))
        }
    }

    /// A write that fails behind the caller's back is reported by the next call.
    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full (a device that is always full)"))
    func aFailureBehindIsReportedNext() throws {
        var output = try ByteOutput(path: "/dev/full")
        try output.writeBehind([Array("x".utf8)])
        let error = try #require(throws: KithError.self) { try output.commit() }
        #expect(error.code == .outputFailed)
        #expect(error.path == "/dev/full")
    }

    @Test func aMissingFolderIsAClearError() throws {
        #expect(throws: (any Error).self) {
            _ = try ByteOutput(path: "/nonexistent-kith-folder/people.json")
        }
    }
}
