#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parsed property headers by their bytes, so that a header a file repeats card after card
/// (`EMAIL;type=INTERNET;type=HOME;type=pref`, `item1.X-ABLabel`) is parsed once.
///
/// A small direct-mapped table: a header's hash picks one entry, which holds the header bytes
/// it was made from and the parsed property; a different header with the same slot replaces
/// it. Parsing depends only on the header bytes and on how parameter text is decoded, which
/// is fixed for one reading session, so a hit gives what parsing would.
struct PropertyHeaderCache {
    private struct Entry {
        var header: [UInt8]
        var property: VCardProperty
    }

    /// Headers longer than this are not kept (they are rare and would hold memory).
    static let maximumHeaderLength = 256
    private static let slotCount = 512
    private var entries = [Entry?](repeating: nil, count: slotCount)

    /// The slot of a header: an FNV-1a hash of its bytes.
    private static func slot(of header: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in header {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash >> 32) & (slotCount - 1)
    }

    /// The property parsed from the same header before, with this line's number and value
    /// offset; `nil` when the header was not seen (or its entry was replaced).
    ///
    /// - Parameters:
    ///   - header: the header bytes, up to the `:` that ends it.
    ///   - line: the line number of the property.
    func property(header: UnsafeBufferPointer<UInt8>, line: Int) -> VCardProperty? {
        guard header.count <= Self.maximumHeaderLength, let base = header.baseAddress else { return nil }
        let slot = Self.slot(of: header)
        guard let entry = entries[slot], entry.header.count == header.count,
            entry.header.withUnsafeBufferPointer({ stored in
                stored.baseAddress.map { memcmp($0, base, header.count) == 0 } ?? false
            })
        else { return nil }
        var property = entry.property
        property.line = line
        property.valueStart = header.count + 1
        return property
    }

    /// Keeps a property parsed from a header that ends at a `:`.
    mutating func store(_ property: VCardProperty, header: UnsafeBufferPointer<UInt8>) {
        guard header.count <= Self.maximumHeaderLength, !header.isEmpty, property.hasColon else { return }
        entries[Self.slot(of: header)] = Entry(header: Array(header), property: property)
    }
}
