import Foundation

extension String {
    /// Unicode NFC.
    var precomposedStringWithCanonicalMappingCompat: String {
        (self as NSString).precomposedStringWithCanonicalMapping
    }

    /// Whether every byte is ASCII.
    var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }

    /// The string without leading and trailing white space (including no-break spaces).
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
