import Foundation
import KithModel

/// A buffered byte sink over a file descriptor (a file or standard output).
///
/// Callers append bytes and strings; the buffer is written out when it passes its capacity and
/// on ``flush()``. Not thread-safe: one writer per stream.
public struct ByteOutput: ~Copyable {
    private let fd: Int32
    private let closeOnDeinit: Bool
    private let path: String
    /// The pending bytes.
    public private(set) var buffer: [UInt8]
    private let capacity: Int

    /// Opens a file for writing (created or truncated), or standard output for `-`.
    ///
    /// - Throws: `KithError` `.outputFailed` naming the file.
    public init(path: String, capacity: Int = 1 << 20) throws {
        self.path = path
        self.capacity = capacity
        self.buffer = []
        buffer.reserveCapacity(capacity + 4096)
        if path == "-" {
            fd = 1
            closeOnDeinit = false
        } else {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else {
                throw KithError(
                    .outputFailed, "cannot create the output file", path: path, cause: String(cString: strerror(errno)))
            }
            closeOnDeinit = true
        }
    }

    deinit {
        if closeOnDeinit { close(fd) }
    }

    /// Appends bytes.
    public mutating func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends the UTF-8 of a string.
    public mutating func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out everything pending.
    ///
    /// - Throws: `KithError` `.outputFailed` when the system refuses the write.
    public mutating func flush() throws {
        var offset = 0
        let count = buffer.count
        while offset < count {
            let written = buffer.withUnsafeBufferPointer {
                Foundation.write(fd, $0.baseAddress! + offset, count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw KithError(.outputFailed, "writing failed", path: path, cause: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
