import Foundation
import KithModel

/// A buffered byte sink over a file descriptor (a file or standard output).
///
/// Callers append bytes and strings; the buffer is written out when it passes its capacity and
/// on ``flush()``. The output counts only once ``commit()`` is called: a regular file is written
/// beside its place under a hidden temporary name and put in place (renamed over the old file,
/// whose permissions it takes) by ``commit()``, so an import that fails half-way leaves the
/// previous file as it was, and no partial one. A device or a pipe (`/dev/null`, a FIFO) and
/// standard output are written directly, and never removed or replaced. Not thread-safe: one
/// writer per stream.
public struct ByteOutput: ~Copyable {
    private let fd: Int32
    private let closeOnDeinit: Bool
    private let path: String
    /// The temporary file written instead of `path` until ``commit()``, and the file it then
    /// replaces (`path`, or the file a symbolic link at `path` points to).
    private let staged: (temporary: String, destination: String)?
    private var committed = false
    /// The pending bytes.
    public private(set) var buffer: [UInt8]
    private let capacity: Int

    /// Opens a file for writing, or standard output for `-`. A regular file (new or existing)
    /// is replaced only by ``commit()``; a device, a pipe or a socket is written in place.
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
            staged = nil
            return
        }
        closeOnDeinit = true
        if let staging = Self.stage(path) {
            fd = staging.fd
            staged = (staging.temporary, staging.destination)
            return
        }
        // A device, a pipe, or a folder where no temporary file can be made: written in place.
        staged = nil
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw KithError(
                .outputFailed, "cannot create the output file", path: path, cause: String(cString: strerror(errno)))
        }
    }

    deinit {
        if closeOnDeinit { close(fd) }
        // Never committed (the writer failed or gave up): the temporary file goes, the old file
        // stays.
        if let staged, !committed { unlink(staged.temporary) }
    }

    /// Writes out what is pending and puts the output in its place: the temporary file of a
    /// regular file is renamed over it. Writing after this is a programming error.
    ///
    /// - Throws: `KithError` `.outputFailed` when the last write or the rename fails (the old
    ///   file is then left as it was).
    public mutating func commit() throws {
        try flush()
        guard let staged, !committed else {
            committed = true
            return
        }
        guard rename(staged.temporary, staged.destination) == 0 else {
            throw KithError(
                .outputFailed, "cannot put the output file in place", path: path,
                cause: String(cString: strerror(errno)))
        }
        committed = true
    }

    /// A temporary file beside the regular file that `path` names (or will name), created with
    /// the old file's permissions (new files: 0644 less the umask); nil when `path` is a device,
    /// a pipe or a socket, or when its folder takes no new file.
    private static func stage(_ path: String) -> (fd: Int32, temporary: String, destination: String)? {
        var destination = path
        var status = stat()
        var exists = false
        if lstat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK {
                // A link is kept: the file it points to is replaced (a dangling link is written
                // through, as before).
                guard let resolved = realpath(path, nil) else { return nil }
                destination = String(cString: resolved)
                free(resolved)
                guard stat(destination, &status) == 0 else { return nil }
            }
            guard status.st_mode & S_IFMT == S_IFREG else { return nil }
            exists = true
        }
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        for _ in 0..<8 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporary = (folder as NSString).appendingPathComponent(".\(name).kith-\(suffix)")
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                return nil
            }
            if exists { _ = fchmod(fd, status.st_mode & 0o7777) }
            return (fd, temporary, destination)
        }
        return nil
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
            let written = buffer.withUnsafeBufferPointer { bytes in
                bytes.baseAddress.map { Foundation.write(fd, $0 + offset, count - offset) } ?? 0
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
