import Foundation
import KithModel

/// A temporary file that bytes are appended to and later copied out in order: for output
/// that must come after a part not known until the end (the people of a streamed dataset are
/// written before its header, which counts them, can be).
///
/// The file is removed from its folder as soon as it is created, so it disappears with the
/// process whatever happens. Not thread-safe: one writer.
public struct SpillFile: ~Copyable {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    /// The number of bytes appended.
    public private(set) var count = 0

    /// Creates the file in `directory` (default: `TMPDIR`, else `/tmp`).
    ///
    /// - Throws: `KithError` `.outputFailed` when no file can be created there.
    public init(directory: String? = nil) throws {
        let folder = directory ?? ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        var template =
            Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast())
            + Array("kith-spill-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else {
            throw KithError(
                .outputFailed, "cannot create a temporary file", path: folder, cause: String(cString: strerror(errno)))
        }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        fd = descriptor
        buffer.reserveCapacity(capacity + 4096)
    }

    deinit {
        close(fd)
    }

    /// Appends bytes.
    ///
    /// - Throws: `KithError` `.outputFailed` when the system refuses the write.
    public mutating func write(_ bytes: [UInt8]) throws {
        count += bytes.count
        // Large pieces (a batch of encoded people) go to the file as they are: gathering them
        // in the buffer first was one more copy of the whole output.
        if bytes.count >= capacity / 4 {
            try flush()
            try Self.writeAll(fd, bytes)
            return
        }
        buffer += bytes
        if buffer.count >= capacity { try flush() }
    }

    /// Appends pieces of bytes in order, as ``write(_:)`` for each.
    ///
    /// - Throws: `KithError` `.outputFailed` when the system refuses the write.
    public mutating func write(contentsOf pieces: [[UInt8]]) throws {
        for piece in pieces { try write(piece) }
    }

    /// Forgets everything appended after the first `count` bytes.
    ///
    /// - Throws: `KithError` `.outputFailed` when the file cannot be cut.
    public mutating func truncate(to count: Int) throws {
        guard count < self.count else { return }
        try flush()
        guard ftruncate(fd, off_t(count)) == 0, lseek(fd, off_t(count), SEEK_SET) == off_t(count) else {
            throw Self.failure("cutting")
        }
        self.count = count
    }

    /// Copies everything appended, in order, into `output`.
    ///
    /// - Throws: `KithError` `.outputFailed` when reading back or writing fails.
    public mutating func copy(into output: inout ByteOutput) throws {
        try copy(into: &output, droppingFirst: 0)
    }

    /// Copies everything appended but the first `skipped` bytes, in order, into `output`.
    ///
    /// - Throws: `KithError` `.outputFailed` when reading back or writing fails.
    public mutating func copy(into output: inout ByteOutput, droppingFirst skipped: Int) throws {
        try flush()
        guard lseek(fd, off_t(min(skipped, count)), SEEK_SET) == off_t(min(skipped, count)) else {
            throw Self.failure("rewinding")
        }
        var chunk = [UInt8](repeating: 0, count: capacity)
        while true {
            let read = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if read < 0 {
                if errno == EINTR { continue }
                throw Self.failure("reading back")
            }
            if read == 0 { break }
            try output.write(chunk[0..<read])
        }
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try Self.writeAll(fd, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Foundation.write(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("writing")
            }
            offset += written
        }
    }

    private static func failure(_ doing: String) -> KithError {
        KithError(.outputFailed, "\(doing) a temporary file failed", cause: String(cString: strerror(errno)))
    }
}
