internal import Crypto

/// SHA-256 digests as lower-case hex, for source checksums and media hashes.
public enum ContentHash {
    /// The lower-case hex SHA-256 of bytes.
    ///
    /// - Complexity: O(n).
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        sha256Hex(bytes, prefix: "")
    }

    /// `prefix` followed by the lower-case hex SHA-256 of bytes, made as one string
    /// (`"fp:" + sha256Hex(bytes)` made two).
    ///
    /// - Complexity: O(n).
    public static func sha256Hex(_ bytes: [UInt8], prefix: StaticString) -> String {
        var hasher = SHA256()
        hasher.update(data: bytes)
        return hex(hasher.finalize(), prefix: prefix)
    }

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

    fileprivate static func hex(_ digest: SHA256Digest, prefix: StaticString = "") -> String {
        let digits: StaticString = "0123456789abcdef"
        let lead = prefix.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: lead + 2 * SHA256Digest.byteCount) { out in
            var at = 0
            if lead > 0 {
                for index in 0..<lead where at < out.count {
                    out[at] = prefix.utf8Start[index]
                    at += 1
                }
            }
            // The digest's bytes in place: iterating the digest as a sequence was slower.
            digest.withUnsafeBytes { bytes in
                for byte in bytes where at + 2 <= out.count {
                    out[at] = digits.utf8Start[Int(byte >> 4)]
                    out[at + 1] = digits.utf8Start[Int(byte & 0x0F)]
                    at += 2
                }
            }
            return at
        }
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
        urn(uuid(namespace: namespace, name: name))
    }

    /// The 128 bits of the UUID ``urn(namespace:name:)`` spells, without making its text:
    /// for tables keyed by id and for counting equal names.
    ///
    /// - Complexity: O(length of the name).
    public static func uuid(namespace: String, name: String) -> UUIDBits {
        var hasher = SHA256()
        hasher.update(bytes: "kith:")
        hasher.update(bytes: namespace)
        hasher.update(bytes: ":")
        hasher.update(bytes: name)
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in hasher.finalize().prefix(16).enumerated() {
            var byte = byte
            if index == 6 { byte = (byte & 0x0F) | 0x80 }  // version 8
            if index == 8 { byte = (byte & 0x3F) | 0x80 }  // RFC 9562 variant
            if index < 8 {
                high = high << 8 | UInt64(byte)
            } else {
                low = low << 8 | UInt64(byte)
            }
        }
        return UUIDBits(high: high, low: low)
    }

    /// `urn:uuid:` + the bits in lower-case hex, in the 8-4-4-4-12 form.
    public static func urn(_ bits: UUIDBits) -> String {
        String(unsafeUninitializedCapacity: 45) { out in
            let digits: StaticString = "0123456789abcdef"
            let prefix: StaticString = "urn:uuid:"
            var at = 0
            for index in 0..<prefix.utf8CodeUnitCount {
                out[at] = prefix.utf8Start[index]
                at += 1
            }
            for nibble in 0..<32 {
                if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                    out[at] = UInt8(ascii: "-")
                    at += 1
                }
                let word = nibble < 16 ? bits.high : bits.low
                let value = Int(truncatingIfNeeded: word >> UInt64(60 - (nibble % 16) * 4)) & 0x0F
                out[at] = digits.utf8Start[value]
                at += 1
            }
            return at
        }
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

/// The 128 bits of a UUID, as two big-endian words (`high` holds the first 8 bytes).
public struct UUIDBits: Hashable, Sendable {
    public var high: UInt64
    public var low: UInt64

    /// Creates the bits of a UUID.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }
}

extension SHA256 {
    /// Adds a string's UTF-8 (native strings without a copy).
    fileprivate mutating func update(bytes text: String) {
        var text = text
        text.withUTF8 { update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }
}
