import Foundation

/// One physical line of the input: its byte range without the terminator and its number.
struct PhysicalLine {
    /// Offset of the first byte.
    var start: Int
    /// Offset after the last byte, with the line feed and any carriage returns before it removed.
    var end: Int
    /// The 1-based line number.
    var number: Int

    /// Whether the line holds no byte at all.
    var isEmpty: Bool { start == end }
}

/// Splits bytes into physical lines with `memchr`.
///
/// Lines end at LF; carriage returns before the LF are dropped, so CRLF and the CR CR LF of
/// iOS 5/6 exports read alike (corpus vcard/android-aosp/v30_ios_613_multiline.vcf). A bare
/// CR inside a line stays in the value (corpus vcard/thunderbird/export.vcf). Only a file
/// without a single LF is split at CRs (classic Mac OS text).
struct LineScanner {
    let base: UnsafeBufferPointer<UInt8>
    private(set) var position: Int = 0
    private(set) var lineNumber: Int = 0
    private let terminator: Int32

    /// Creates a scanner; `linesBefore` is how many lines precede `base` in the whole input
    /// (when a large input is read in parts), so line numbers stay those of the file.
    init(_ base: UnsafeBufferPointer<UInt8>, linesBefore: Int = 0) {
        self.base = base
        self.lineNumber = linesBefore
        var terminator = Int32(UInt8(ascii: "\n"))
        if let start = base.baseAddress, !base.isEmpty, memchr(start, terminator, base.count) == nil,
            memchr(start, Int32(UInt8(ascii: "\r")), base.count) != nil
        {
            terminator = Int32(UInt8(ascii: "\r"))
        }
        self.terminator = terminator
    }

    /// The next line, or `nil` at the end of the input.
    ///
    /// - Complexity: O(length of the line).
    mutating func next() -> PhysicalLine? {
        guard let address = base.baseAddress, position < base.count else { return nil }
        let start = position
        var end = base.count
        if let found = memchr(address + start, terminator, base.count - start) {
            end = start + (UnsafeRawPointer(found) - UnsafeRawPointer(address + start))
            position = end + 1
        } else {
            position = base.count
        }
        lineNumber += 1
        while end > start, base[end - 1] == 0x0D { end -= 1 }
        return PhysicalLine(start: start, end: end, number: lineNumber)
    }
}
