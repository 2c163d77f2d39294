import Foundation
import KithModel

/// The bytes of one input (a file or standard input), with the byte-order mark removed and
/// UTF-16 transcoded to UTF-8, so every reader works on 8-bit text.
public struct InputFile: Sendable {
    /// The path as the user gave it; `-` for standard input.
    public var path: String
    /// The text bytes: UTF-8, or 8-bit text in an undeclared charset.
    public var bytes: [UInt8]
    /// What the sniffer found about the encoding.
    public var encoding: DetectedEncoding
    /// Lower-case hex SHA-256 of the original bytes (before any transcoding).
    public var sha256: String

    /// Wraps bytes already in memory.
    ///
    /// - Parameters:
    ///   - path: the name to report.
    ///   - original: the bytes as stored.
    public init(path: String, original: [UInt8]) {
        self.path = path
        self.sha256 = ContentHash.sha256Hex(original)
        let (encoding, text) = EncodingSniffer.prepare(original)
        self.encoding = encoding
        self.bytes = text
    }

    /// Reads a whole file, or standard input for `-`.
    ///
    /// - Parameter path: a file path or `-`.
    /// - Returns: the prepared input.
    /// - Throws: `KithError` `.unreadableInput` naming the file.
    public static func read(path: String) throws -> InputFile {
        InputFile(path: path, original: try readBytes(path: path))
    }

    /// Reads up to `limit` bytes from the start of a file (for sniffing its format before
    /// deciding how to read it), prepared like a whole input.
    ///
    /// - Throws: `KithError` `.unreadableInput` naming the file.
    public static func readHead(path: String, limit: Int = 64 * 1024) throws -> InputFile {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw KithError(
                .unreadableInput, "cannot open the file; check that it exists and is readable", path: path,
                cause: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let count = head.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + filled, limit - filled) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            filled += count
        }
        head.removeLast(limit - filled)
        return InputFile(path: path, original: head)
    }

    /// Reads the raw bytes of a file, or of standard input for `-`.
    ///
    /// - Throws: `KithError` `.unreadableInput` naming the file and the system's reason.
    public static func readBytes(path: String) throws -> [UInt8] {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else {
            throw KithError(
                .unreadableInput, "cannot open the file; check that it exists and is readable", path: path,
                cause: String(cString: strerror(errno)))
        }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw KithError(.unreadableInput, "is a folder; pass its files or let `kith import` walk it", path: path)
        }
        var bytes: [UInt8] = []
        let expected = Int(info.st_size)
        bytes.reserveCapacity(expected > 0 ? expected : 1 << 16)
        // Read in 1 MiB chunks into a scratch buffer and append them: this works for files,
        // pipes and terminals alike, and costs one copy (memcpy) per chunk.
        let chunk = 1 << 20
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { scratch.deallocate() }
        while true {
            let count = Foundation.read(fd, scratch.baseAddress, chunk)
            if count < 0 {
                if errno == EINTR { continue }
                throw KithError(.unreadableInput, "reading failed", path: path, cause: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<count]).bindMemory(to: UInt8.self))
        }
        return bytes
    }
}

/// What the sniffer learned about an input's encoding before any reader looked at it.
public struct DetectedEncoding: Hashable, Sendable, CustomStringConvertible {
    /// The encoding of the stored bytes as found: `utf-8` (valid throughout), `utf-8-bom`,
    /// `utf-16le`, `utf-16be` (with or without BOM), or `8bit` (not valid UTF-8: some values are
    /// in a legacy charset, decided per value by the readers).
    public var name: String
    /// Whether a byte-order mark was present and removed.
    public var hadBOM: Bool
    /// Whether the bytes were transcoded from UTF-16.
    public var transcoded: Bool
    /// Whether the bytes held after preparation are valid UTF-8 throughout.
    public var isValidUTF8: Bool

    public var description: String { name }
}
