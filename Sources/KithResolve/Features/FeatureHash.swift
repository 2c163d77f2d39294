/// 64-bit hashes of normalized values, used as compact keys for blocking, comparison and term
/// frequencies. Two values with equal hashes are treated as equal (a collision among the few
/// million values of an import is about one in a million million).
enum FeatureHash {
    /// The hash of an absent value.
    static let none: UInt64 = 0

    /// FNV-1a over the UTF-8 bytes of `text`, never `none` for non-empty text.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func of(_ text: String) -> UInt64 {
        if text.isEmpty { return none }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash == none ? 1 : hash
    }

    /// FNV-1a over bytes.
    static func of<Bytes: Sequence>(bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var any = false
        for byte in bytes {
            any = true
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        if !any { return none }
        return hash == none ? 1 : hash
    }

    /// Combines a tag and hashes into one key (splitmix64 finalizer), so that keys of different
    /// kinds never collide by construction.
    static func combine(_ tag: UInt64, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 {
        var x = tag &* 0x9E37_79B9_7F4A_7C15 ^ a
        x = mix(x) ^ b
        x = mix(x)
        return x == none ? 1 : x
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A small deterministic pseudo-random generator (SplitMix64) for sampling random pairs: the
/// same records always give the same sample.
struct SampleGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
