/// Turns the bytes of one value into text: the declared charset if any, else UTF-8 when valid,
/// else the legacy fallback.
public struct TextDecoder: Sendable {
    /// The charset for 8-bit text that is not valid UTF-8 and declares nothing.
    public var fallback: Charset

    /// Creates a decoder.
    ///
    /// - Parameter fallback: the legacy charset (Windows-1252 unless the user chose another).
    public init(fallback: Charset = .singleByte(.windows1252)) {
        self.fallback = fallback
    }

    /// The outcome of decoding one value.
    public struct Decoded: Sendable {
        public var text: String
        /// The charset actually used.
        public var charset: Charset
        /// Whether a declared charset was unknown or did not fit, so another was used.
        public var declaredIgnored: Bool
        /// Whether some bytes could not be decoded and became U+FFFD.
        public var lossy: Bool
    }

    /// Decodes bytes.
    ///
    /// - Parameters:
    ///   - bytes: the value's bytes.
    ///   - declared: the charset the producer declared for this value, if any.
    /// - Returns: the text and how it was decoded.
    /// - Complexity: O(n).
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>, declared: Charset? = nil) -> Decoded {
        if let declared, declared != .utf8 {
            let (text, lossy) = declared.decode(bytes)
            if !lossy { return Decoded(text: text, charset: declared, declaredIgnored: false, lossy: false) }
            // A wrong declaration (UTF-8 bytes declared as Shift_JIS, say): prefer valid UTF-8.
            if let utf8 = String(validating: bytes, as: UTF8.self) {
                return Decoded(text: utf8, charset: .utf8, declaredIgnored: true, lossy: false)
            }
            return Decoded(text: text, charset: declared, declaredIgnored: false, lossy: true)
        }
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: utf8, charset: .utf8, declaredIgnored: false, lossy: false)
        }
        let (text, lossy) = fallback.decode(bytes)
        return Decoded(text: text, charset: fallback, declaredIgnored: declared == .utf8, lossy: lossy)
    }

    /// Decodes an array slice; see ``decode(_:declared:)-(UnsafeBufferPointer<UInt8>,_)``.
    public func decode(_ bytes: ArraySlice<UInt8>, declared: Charset? = nil) -> Decoded {
        bytes.withUnsafeBufferPointer { decode($0, declared: declared) }
    }
}
