internal import Crypto

/// SHA-256 digests as lower-case hex, for source checksums and media hashes.
public enum ContentHash {
    /// The lower-case hex SHA-256 of bytes.
    ///
    /// - Complexity: O(n).
    public static func sha256Hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        if let contiguous = bytes as? [UInt8] {
            hasher.update(data: contiguous)
        } else {
            hasher.update(data: Array(bytes))
        }
        return hex(hasher.finalize())
    }

    /// The raw 32-byte SHA-256 of bytes.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    /// An incremental SHA-256, for inputs hashed chunk by chunk while they stream.
    public struct Stream {
        private var hasher = SHA256()

        /// Starts an empty digest.
        public init() {}

        /// Adds bytes to the digest.
        ///
        /// - Complexity: O(n) in the number of bytes.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            hasher.update(bufferPointer: bytes)
        }

        /// The lower-case hex SHA-256 of every byte added so far.
        public func finalizeHex() -> String {
            ContentHash.hex(hasher.finalize())
        }
    }

    fileprivate static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Stable, name-based identifiers for people, groups and records.
public enum StableID {
    /// A UUID (RFC 9562 version 8, name-based on SHA-256) from a namespace and a name, as
    /// `urn:uuid:…`. The same inputs always give the same id.
    ///
    /// - Parameters:
    ///   - namespace: what kind of thing is named (`person`, `group`).
    ///   - name: the identifying text (a record key).
    public static func urn(namespace: String, name: String) -> String {
        var digest = ContentHash.sha256(Array("kith:\(namespace):\(name)".utf8))
        digest[6] = (digest[6] & 0x0F) | 0x80  // version 8
        digest[8] = (digest[8] & 0x3F) | 0x80  // RFC 9562 variant
        return urn(uuid: digest.prefix(16))
    }

    /// `urn:uuid:` + the first 16 bytes in lower-case hex, in the 8-4-4-4-12 form.
    ///
    /// - Parameter uuid: the UUID's bytes (missing ones count as zero).
    public static func urn(uuid: some Collection<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = Array("urn:uuid:".utf8)
        var bytes = Array(uuid.prefix(16))
        while bytes.count < 16 { bytes.append(0) }
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
