import CLibXML2
import KithModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read in chunks for libxml2, hashed as it passes, with its first bytes held back so
/// the reader can inspect the prolog before libxml2 parses anything.
///
/// A class because the file reader and the pull reader that feeds libxml2 share it (the one
/// checks its failure and hash after the other is done), and it closes its descriptor in
/// `deinit`.
final class XMLFileSource {
    /// The open descriptor; closed in `deinit`.
    private let descriptor: Int32
    /// The first bytes of the file (up to ``headLimit``), served to libxml2 before the rest.
    let head: [UInt8]
    private var headOffset = 0
    /// The SHA-256 of every byte read so far.
    private(set) var digest = ContentHash.Stream()
    /// How many bytes were read so far.
    private(set) var byteCount = 0
    /// The first read error, with the system's reason.
    private(set) var failure: String?

    /// How many bytes are held back for sniffing and the prolog check.
    static let headLimit = 1 << 16

    /// Opens a file and reads its head.
    ///
    /// - Throws: `KithError` `.unreadableInput` when the file cannot be opened or is a folder.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw KithError(
                .unreadableInput, "cannot open the file; check that it exists and is readable", path: path,
                cause: String(cString: strerror(errno)))
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw KithError(.unreadableInput, "is a folder; pass its files or let `kith import` walk it", path: path)
        }
        self.descriptor = descriptor
        var head = [UInt8](repeating: 0, count: Self.headLimit)
        var filled = 0
        while filled < head.count {
            let count = head.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw KithError(.unreadableInput, "reading failed", path: path, cause: reason)
            }
            if count == 0 { break }
            filled += count
        }
        head.removeLast(head.count - filled)
        self.head = head
        head.withUnsafeBytes { digest.update($0) }
        byteCount = filled
    }

    deinit {
        close(descriptor)
    }

    /// Fills a buffer for libxml2: the held-back head first, then the file.
    ///
    /// - Returns: the number of bytes written, 0 at the end, -1 on a read error.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        guard capacity > 0 else { return 0 }
        if headOffset < head.count {
            let count = min(capacity, head.count - headOffset)
            head.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress {
                    UnsafeMutableRawPointer(buffer).copyMemory(from: base + headOffset, byteCount: count)
                }
            }
            headOffset += count
            return Int32(count)
        }
        while true {
            let count = systemRead(descriptor, buffer, capacity)
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                failure = String(cString: strerror(errno))
                return -1
            }
            digest.update(UnsafeRawBufferPointer(start: buffer, count: count))
            byteCount += count
            return Int32(count)
        }
    }

    /// Reads whatever libxml2 left unread (after a fatal error or an early stop), so the
    /// checksum always covers the whole file.
    func drain() {
        var chunk = [CChar](repeating: 0, count: 1 << 16)
        while chunk.withUnsafeMutableBufferPointer({ buffer in
            buffer.baseAddress.map { read(into: $0, capacity: buffer.count) } ?? 0
        }) > 0 {}
    }
}

/// `read(2)`, named apart from the source's own `read(into:capacity:)`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
