import CKithCleanup
import Foundation
import KithModel
import Synchronization

/// A buffered byte sink over a file descriptor (a file or standard output).
///
/// Callers append bytes and strings; the buffer is written out when it passes its capacity and
/// on ``flush()``. The output counts only once ``commit()`` is called: a regular file is written
/// beside its place under a hidden temporary name and put in place (renamed over the old file,
/// whose permissions it takes) by ``commit()``, so an import that fails half-way leaves the
/// previous file as it was, and no partial one; the temporary file is removed if the output is
/// abandoned, and if a signal (Ctrl-C, `kill`) stops the process. A device or a pipe
/// (`/dev/null`, a FIFO), standard output or error (however named: `/dev/stdout`, or the file
/// the shell sent it to), anything else under `/dev/` or `/proc/`, a file the user may not
/// write (which fails, as it did in place) and a file in a folder that takes no new file are
/// written directly, and never removed or replaced. Not thread-safe: one writer per stream.
public struct ByteOutput: ~Copyable {
    private let fd: Int32
    private let closeOnDeinit: Bool
    private let path: String
    /// The temporary file written instead of `path` until ``commit()``, and the file it then
    /// replaces (`path`, or the file a symbolic link at `path` points to).
    private let staged: (temporary: String, destination: String)?
    /// The temporary file's slot among the files a signal removes (-1: none).
    private let cleanupSlot: Int32
    private var committed = false
    /// Large pieces written on another thread while the caller makes the next ones.
    private let behind = WriteBehind()
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
            cleanupSlot = -1
            return
        }
        closeOnDeinit = true
        if let standardStream = Self.standardStream(at: path) {
            // `-o /dev/stdout >> log`: written through standard output's own open file (which
            // appends), not opened again and truncated.
            fd = standardStream
            staged = nil
            cleanupSlot = -1
            return
        }
        if let staging = Self.stage(path) {
            fd = staging.fd
            staged = (staging.temporary, staging.destination)
            cleanupSlot = kith_cleanup_register(staging.temporary)
            return
        }
        // A device, a pipe, or a folder where no temporary file can be made: written in place.
        staged = nil
        cleanupSlot = -1
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw KithError(
                .outputFailed, "cannot create the output file", path: path, cause: String(cString: strerror(errno)))
        }
    }

    deinit {
        // Pieces still being written go out first (or fail): the file is closed after them.
        try? behind.wait()
        if closeOnDeinit { close(fd) }
        // Never committed (the writer failed or gave up): the temporary file goes, the old file
        // stays.
        if let staged, !committed { unlink(staged.temporary) }
        kith_cleanup_unregister(cleanupSlot)
    }

    /// Writes out what is pending and puts the output in its place: the temporary file of a
    /// regular file is synced to disk and renamed over it (then the folder is synced), so that
    /// a crash of the machine leaves the old file or the new one, not an empty one. Writing
    /// after this is a programming error.
    ///
    /// - Throws: `KithError` `.outputFailed` when the last write, the sync or the rename fails
    ///   (the old file is then left as it was).
    public mutating func commit() throws {
        try flush()
        guard let staged, !committed else {
            committed = true
            return
        }
        guard fsync(fd) == 0 else {
            throw KithError(
                .outputFailed, "cannot write the output file to disk", path: path,
                cause: String(cString: strerror(errno)))
        }
        guard rename(staged.temporary, staged.destination) == 0 else {
            throw KithError(
                .outputFailed, "cannot put the output file in place", path: path,
                cause: String(cString: strerror(errno)))
        }
        committed = true
        // The rename itself reaches the disk with its folder (best effort: the file is in place).
        let folder = open(URL(fileURLWithPath: staged.destination).deletingLastPathComponent().path, O_RDONLY)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }

    /// A duplicate of standard output (or error) when `path` leads to its file: `/dev/stdout`,
    /// `/dev/fd/1`, `/proc/self/fd/2`, a link to one of them, or the file the shell sent it to.
    private static func standardStream(at path: String) -> Int32? {
        var named = stat()
        guard stat(path, &named) == 0 else { return nil }
        for stream: Int32 in [1, 2] {
            var open = stat()
            guard fstat(stream, &open) == 0, named.st_dev == open.st_dev, named.st_ino == open.st_ino else {
                continue
            }
            let fd = dup(stream)
            return fd >= 0 ? fd : nil
        }
        return nil
    }

    /// A temporary file beside the regular file that `path` names (or will name), created with
    /// the old file's permissions (new files: 0644 less the umask); nil when `path` is a device,
    /// a pipe or a socket, or when its folder takes no new file.
    private static func stage(_ path: String) -> (fd: Int32, temporary: String, destination: String)? {
        // What lies under /dev and /proc (a descriptor of this process, a device) is written in
        // place, never replaced.
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") { return nil }
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
            // A file the user may not write is not replaced behind its back: opened in place,
            // it fails as it always did.
            guard access(destination, W_OK) == 0 else { return nil }
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

    /// Writes pieces after everything appended so far, on another thread: the call returns at
    /// once, and the pieces are written while the caller makes the next ones (the next call
    /// waits for them). Large pieces only (a batch of encoded people): they are not copied.
    ///
    /// - Throws: `KithError` `.outputFailed` when an earlier write failed.
    public mutating func writeBehind(_ pieces: [[UInt8]]) throws {
        try flush()
        behind.start(pieces, fd: fd, path: path)
    }

    /// Writes out everything pending (and waits for pieces written behind).
    ///
    /// - Throws: `KithError` `.outputFailed` when the system refuses the write.
    public mutating func flush() throws {
        try behind.wait()
        try Self.writeAll(buffer, to: fd, path: path)
        buffer.removeAll(keepingCapacity: true)
    }

    fileprivate static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        var offset = 0
        let count = bytes.count
        while offset < count {
            let written = bytes.withUnsafeBufferPointer { bytes in
                bytes.baseAddress.map { Foundation.write(fd, $0 + offset, count - offset) } ?? 0
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw KithError(.outputFailed, "writing failed", path: path, cause: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

/// The thread of ``ByteOutput/writeBehind(_:)``: one batch of pieces in flight at a time.
private final class WriteBehind: Sendable {
    private let queue = DispatchQueue(label: "kith.output.write-behind")
    private let group = DispatchGroup()
    private let failure = Mutex<KithError?>(nil)

    /// Starts writing `pieces` (the caller has waited for the batch before).
    func start(_ pieces: [[UInt8]], fd: Int32, path: String) {
        queue.async(group: group) { [self] in
            do {
                for piece in pieces { try ByteOutput.writeAll(piece, to: fd, path: path) }
            } catch {
                let error =
                    error as? KithError
                    ?? KithError(.outputFailed, "writing failed", path: path, cause: KithError.cause(of: error))
                failure.withLock { $0 = $0 ?? error }
            }
        }
    }

    /// Waits for the batch in flight.
    ///
    /// - Throws: the first failure of a batch, again at every later call.
    func wait() throws {
        group.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
