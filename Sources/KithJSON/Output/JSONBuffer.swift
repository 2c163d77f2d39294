import Foundation
import KithModel

/// A growing buffer of JSON text, written token by token with a fixed member order.
///
/// The buffer tracks only whether the next value needs a separating comma: opening a container
/// clears the flag, finishing any value sets it, and a member key writes the comma before itself.
/// No nesting stack is needed because the JSON grammar never needs more than that one bit.
/// Strings are escaped per RFC 8259; U+2028 and U+2029 are escaped too so that the output is
/// also safe to embed in JavaScript.
struct JSONBuffer: ~Copyable {
    /// The text written so far, UTF-8.
    var bytes: ByteStore
    /// Whether the next value or key must be preceded by a comma.
    private var needsComma = false

    /// Creates an empty buffer with room for `capacity` bytes.
    init(capacity: Int = 1 << 16) {
        bytes = ByteStore(capacity: capacity)
    }

    /// Whether a comma is due before the next value.
    var commaPending: Bool { needsComma }

    mutating func setCommaPending(_ pending: Bool) { needsComma = pending }

    /// Opens a string value whose content the caller appends unescaped (ASCII only).
    mutating func beginRawString() {
        separate()
        bytes.append(UInt8(ascii: "\""))
    }

    /// Closes a string opened with ``beginRawString()``.
    mutating func endRawString() {
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Opens a member name whose content the caller appends (escaped as needed).
    mutating func beginKey() {
        separate()
        bytes.append(UInt8(ascii: "\""))
    }

    /// Closes a member name opened with ``beginKey()`` and writes the colon.
    mutating func endKey() {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Forgets the text written so far, keeping the storage.
    mutating func reset() {
        bytes.truncate(to: 0)
        needsComma = false
    }

    // MARK: - Structure

    @inline(__always)
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func objectStart() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func objectEnd() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func arrayStart() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func arrayEnd() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes a line feed between top-level entries (no comma logic involved).
    mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Starts the next top-level line of NDJSON: no comma before it.
    mutating func clearSeparator() {
        needsComma = false
    }

    /// Writes a member name known at compile time (ASCII, needs no escaping) and its colon.
    @inline(__always)
    mutating func key(_ name: StaticString) {
        assert(JSONBuffer.isPlain(name), "a literal key must need no escaping")
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a member name from data (escaped) and its colon.
    ///
    /// Disfavored so that a literal key picks the `StaticString` overload, appended as it is
    /// rather than scanned for escapes (a literal's default type is `String`).
    @_disfavoredOverload
    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a member name from data lower-cased as `String.lowercased()` does, and its colon:
    /// an ASCII name that needs no escaping is lower-cased as it is copied, with no new string.
    mutating func lowercasedKey(_ name: String) {
        separate()
        if !appendLowercasedQuoted(name) { appendQuoted(name.lowercased()) }
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string value from data lower-cased, as ``lowercasedKey(_:)`` writes a name.
    mutating func lowercasedString(_ value: String) {
        separate()
        if !appendLowercasedQuoted(value) { appendQuoted(value.lowercased()) }
        needsComma = true
    }

    /// Appends `"…"` with an ASCII text lower-cased, when it needs no escaping; `false` (and
    /// nothing appended) otherwise.
    private mutating func appendLowercasedQuoted(_ text: String) -> Bool {
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }) else { return false }
            bytes.reserve(utf8.count + 2)
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 { bytes.append(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte) }
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        return done == true
    }

    /// Writes a member name made of an ASCII prefix and a 1-based number (`e1`, `p12`).
    mutating func key(_ prefix: StaticString, _ number: Int) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(prefix)
        appendDecimal(number)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: - Values

    /// Writes a string value from data (escaped). Disfavored, as the `String` key is, so that a
    /// literal picks the `StaticString` overload.
    @_disfavoredOverload
    mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// Writes a string value known at compile time (ASCII, needs no escaping).
    mutating func string(_ value: StaticString) {
        assert(JSONBuffer.isPlain(value), "a literal string must need no escaping")
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(value)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes raw, already valid JSON text (used for ASCII fragments such as `S1#17`).
    mutating func rawValue(_ text: [UInt8]) {
        separate()
        bytes.append(contentsOf: text)
        needsComma = true
    }

    mutating func int(_ value: Int) {
        separate()
        appendDecimal(value)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        if value {
            bytes.append("true")
        } else {
            bytes.append("false")
        }
        needsComma = true
    }

    mutating func null() {
        separate()
        bytes.append("null")
        needsComma = true
    }

    /// Writes a number in its shortest form that reads back to the same `Double` (`14.2`,
    /// `0.997`, `1e-05`); integral values keep Swift's `.0` (`5.0`). Non-finite values, which
    /// JSON cannot express, are written as `null`.
    mutating func double(_ value: Double) {
        guard value.isFinite else {
            null()
            return
        }
        separate()
        var text = value.description
        text.withUTF8 { bytes.append(contentsOf: $0) }
        needsComma = true
    }

    // MARK: - Members with optional values

    /// Writes `"name":"value"` when `value` is present.
    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes `"name":value` when `value` is present.
    mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    /// Writes `"name":true` when `flag` is set.
    mutating func flag(_ name: StaticString, _ flag: Bool) {
        guard flag else { return }
        key(name)
        bool(true)
    }

    // MARK: - Text

    /// Appends a decimal integer.
    @inline(__always)
    mutating func appendDecimal(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            var end = 20
            repeat {
                end -= 1
                scratch[end] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[end..<20]))
        }
    }

    /// Appends `"…"` with the text escaped.
    mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(text)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a string's UTF-8 with JSON escapes (native strings without a copy).
    @inline(__always)
    mutating func appendEscaped(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if done == nil {
            var copy = text
            copy.withUTF8 { appendEscaped($0) }
        }
    }

    /// Appends UTF-8 text with JSON escapes, copying unescaped runs in one piece.
    mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Bytes that need a look: control characters, `"`, `\` and 0xE2 (the lead byte of
        // U+2028/U+2029).
        var runStart = 0
        var index = 0
        let count = utf8.count
        let base = utf8.baseAddress
        while index < count {
            // Skip eight plain bytes at a time (SWAR: no control byte, `"`, `\` or 0xE2).
            if let base {
                while index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if JSONBuffer.needsLook(word) { break }
                    index += 8
                }
                if index >= count { break }
            }
            let byte = utf8[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 else {
                index += 1
                continue
            }
            if byte == 0xE2 {
                // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR are E2 80 A8/A9.
                if index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] & 0xFE == 0xA8 {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    bytes.append(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    index += 3
                    runStart = index
                } else {
                    index += 1
                }
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            switch byte {
            case UInt8(ascii: "\""): bytes.append("\\\"")
            case UInt8(ascii: "\\"): bytes.append("\\\\")
            case 0x0A: bytes.append("\\n")
            case 0x0D: bytes.append("\\r")
            case 0x09: bytes.append("\\t")
            case 0x08: bytes.append("\\b")
            case 0x0C: bytes.append("\\f")
            default:
                bytes.append("\\u00")
                bytes.append(JSONBuffer.hexDigit(byte >> 4))
                bytes.append(JSONBuffer.hexDigit(byte & 0x0F))
            }
            index += 1
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
    }

    /// Whether any byte of `word` is below 0x20 or is 0x22, 0x5C or 0xE2 (bit tricks after
    /// "Bit Twiddling Hacks", has-less and has-zero-byte).
    @inline(__always)
    private static func needsLook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let below = (word &- ones &* 0x20) & ~word & highs
        return below | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) | hasZero(word ^ (ones &* 0xE2))
            != 0
    }

    /// Whether a literal is ASCII text that JSON takes as it is (no control character, `"` or
    /// `\\`): what the `StaticString` writers assume, checked in debug builds.
    static func isPlain(_ text: StaticString) -> Bool {
        guard text.hasPointerRepresentation else { return false }
        return UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount).allSatisfy {
            $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }

    // MARK: - Base64

    /// Appends the standard base64 (RFC 4648 §4, with padding) of `data`.
    ///
    /// - Complexity: O(n).
    mutating func appendBase64(_ data: [UInt8]) {
        let alphabet = JSONBuffer.base64Alphabet
        let count = data.count
        bytes.reserve((count + 2) / 3 * 4)
        data.withUnsafeBufferPointer { input in
            var index = 0
            while index + 3 <= count {
                let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                bytes.append(alphabet[Int(chunk >> 18 & 0x3F)])
                bytes.append(alphabet[Int(chunk >> 12 & 0x3F)])
                bytes.append(alphabet[Int(chunk >> 6 & 0x3F)])
                bytes.append(alphabet[Int(chunk & 0x3F)])
                index += 3
            }
            let rest = count - index
            if rest == 1 {
                let chunk = UInt32(input[index]) << 16
                bytes.append(alphabet[Int(chunk >> 18 & 0x3F)])
                bytes.append(alphabet[Int(chunk >> 12 & 0x3F)])
                bytes.append("==")
            } else if rest == 2 {
                let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
                bytes.append(alphabet[Int(chunk >> 18 & 0x3F)])
                bytes.append(alphabet[Int(chunk >> 12 & 0x3F)])
                bytes.append(alphabet[Int(chunk >> 6 & 0x3F)])
                bytes.append(UInt8(ascii: "="))
            }
        }
    }

    static let base64Alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
}

// MARK: - Kith fragments

extension JSONBuffer {
    /// A position to roll back to when an optional object turns out empty.
    struct Checkpoint {
        fileprivate let count: Int
        fileprivate let needsComma: Bool
    }

    /// The current position.
    func checkpoint() -> Checkpoint { Checkpoint(count: bytes.count, needsComma: commaPending) }

    /// Removes everything written since `checkpoint`.
    mutating func rollback(to checkpoint: Checkpoint) {
        bytes.truncate(to: checkpoint.count)
        setCommaPending(checkpoint.needsComma)
    }

    /// Writes a record reference as the string `"S1#17"`.
    mutating func recordRef(_ ref: RecordRef) {
        beginRawString()
        bytes.append(UInt8(ascii: "S"))
        appendDecimal(Int(ref.source) + 1)
        bytes.append(UInt8(ascii: "#"))
        appendDecimal(Int(ref.index))
        endRawString()
    }

    /// Writes a source id as the string `"S1"` for source number 0.
    mutating func sourceID(_ number: Int) {
        beginRawString()
        bytes.append(UInt8(ascii: "S"))
        appendDecimal(number + 1)
        endRawString()
    }

    /// Writes a member name that is a JSON Pointer path: an ASCII prefix (`keywords/`) and a
    /// map key escaped per RFC 6901 (`~` → `~0`, `/` → `~1`).
    mutating func pointerKey(_ prefix: StaticString, _ mapKey: String) {
        var escaped = mapKey
        if mapKey.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
            escaped = escaped.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }
        beginKey()
        bytes.append(prefix)
        appendEscaped(escaped)
        endKey()
    }
}
