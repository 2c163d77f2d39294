#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A streaming RFC 4180 record scanner over bytes.
///
/// It hands out one record at a time as byte ranges, without copying: quoted fields may hold
/// delimiters, doubled quotes and line breaks; records end at CRLF, LF or a bare CR; a quoted
/// empty field (`""`) is told apart from an unquoted empty one. It never fails: a quote left
/// open runs to the end of the input and text after a closing quote is kept verbatim, both
/// flagged on the row so the reader can report them.
///
/// ```swift
/// var scanner = CSVRecordScanner(bytes: Array("a,\"b\nc\"\r\n".utf8))
/// var row = CSVRow()
/// while scanner.next(into: &row) { print(row.fields.map { scanner.string(of: $0) }) }
/// ```
public struct CSVRecordScanner: Sendable {
    /// The bytes being scanned.
    public let bytes: [UInt8]
    /// How fields are separated.
    public var dialect: CSVDialect
    /// The byte offset of the next record.
    public private(set) var offset: Int
    /// The 1-based physical line of the next record.
    public private(set) var line: Int

    /// Creates a scanner.
    ///
    /// - Parameters:
    ///   - bytes: the input, UTF-8 or another ASCII-compatible 8-bit encoding.
    ///   - dialect: the delimiter(s); comma by default.
    ///   - offset: where to start (a byte offset at the beginning of a line).
    ///   - line: the 1-based line number at `offset`.
    public init(bytes: [UInt8], dialect: CSVDialect = .comma, offset: Int = 0, line: Int = 1) {
        self.bytes = bytes
        self.dialect = dialect
        self.offset = offset
        self.line = line
    }

    /// Whether all records have been read.
    public var isAtEnd: Bool { offset >= bytes.count }

    /// Reads the next record into `row`, reusing its storage.
    ///
    /// - Parameter row: receives the record.
    /// - Returns: `false` at the end of the input (then `row` is unchanged).
    /// - Complexity: O(n) in the record's length.
    public mutating func next(into row: inout CSVRow) -> Bool {
        guard offset < bytes.count else { return false }
        let delimiter = dialect.alternatives.isEmpty ? dialect.delimiter : recordDelimiter()
        row.fields.removeAll(keepingCapacity: true)
        row.line = line
        row.offset = offset
        row.hasStrayQuote = false
        row.hasUnterminatedQuote = false
        row.delimiter = delimiter
        var state = ScanState(position: offset, line: line)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            Self.scanRecord(base, count: buffer.count, delimiter: delimiter, state: &state, row: &row)
        }
        offset = state.position
        line = state.line
        return true
    }

    /// Reads the next record.
    ///
    /// - Returns: the record, or `nil` at the end of the input.
    public mutating func next() -> CSVRow? {
        var row = CSVRow()
        return next(into: &row) ? row : nil
    }

    /// The content bytes of a field, doubled quotes undone.
    ///
    /// - Complexity: O(n) in the field's length.
    public func bytes(of field: CSVField) -> [UInt8] {
        guard !field.isEmpty, field.start >= 0, field.end <= bytes.count else { return [] }
        let slice = bytes[field.start..<field.end]
        guard field.hasDoubledQuotes else { return Array(slice) }
        return Self.undoubled(slice)
    }

    /// The text of a field, read as UTF-8 (invalid bytes become U+FFFD).
    ///
    /// Readers that must honour legacy encodings decode ``bytes(of:)`` themselves.
    public func string(of field: CSVField) -> String {
        guard !field.isEmpty, field.start >= 0, field.end <= bytes.count else { return "" }
        if field.hasDoubledQuotes { return String(decoding: Self.undoubled(bytes[field.start..<field.end]), as: UTF8.self) }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[field.start..<field.end]), as: UTF8.self)
        }
    }

    /// Removes every second quote of each `""` pair.
    static func undoubled(_ slice: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var previousWasQuote = false
        for byte in slice {
            if byte == quote, previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = byte == quote
            out.append(byte)
        }
        return out
    }

    // MARK: - Scanning

    static let quote = UInt8(ascii: "\"")
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D

    struct ScanState {
        var position: Int
        var line: Int
    }

    /// For mixed dialects: the candidate occurring most often on the record's first line.
    private func recordDelimiter() -> UInt8 {
        let candidates = [dialect.delimiter] + dialect.alternatives
        var best = dialect.delimiter
        var bestCount = -1
        var counts = [Int](repeating: 0, count: candidates.count)
        var index = offset
        while index < bytes.count, bytes[index] != Self.lf, bytes[index] != Self.cr {
            if let found = candidates.firstIndex(of: bytes[index]) { counts[found] += 1 }
            index += 1
        }
        for (found, count) in counts.enumerated() where count > bestCount {
            best = candidates[found]
            bestCount = count
        }
        return best
    }

    /// Scans one record starting at `state.position`; leaves `state` after its terminator.
    private static func scanRecord(
        _ base: UnsafePointer<UInt8>, count: Int, delimiter: UInt8, state: inout ScanState, row: inout CSVRow
    ) {
        var p = state.position
        var line = state.line
        while true {
            // One field starts at p.
            if p < count, base[p] == quote {
                let open = p
                var doubled = false
                var search = p + 1
                var close = -1
                while search < count {
                    guard let raw = memchr(base + search, Int32(quote), count - search) else { break }
                    let q = base.distance(to: raw.assumingMemoryBound(to: UInt8.self))
                    if q + 1 < count, base[q + 1] == quote {
                        doubled = true
                        search = q + 2
                        continue
                    }
                    close = q
                    break
                }
                if close < 0 {
                    // Unterminated: the field runs to the end of the input.
                    line += lineBreaks(base, from: open + 1, to: count)
                    row.fields.append(CSVField(start: open + 1, end: count, isQuoted: true, hasDoubledQuotes: doubled))
                    row.hasUnterminatedQuote = true
                    p = count
                    break
                }
                line += lineBreaks(base, from: open + 1, to: close)
                p = close + 1
                if p >= count || base[p] == delimiter || base[p] == lf || base[p] == cr {
                    row.fields.append(CSVField(start: open + 1, end: close, isQuoted: true, hasDoubledQuotes: doubled))
                } else {
                    // Text after the closing quote (`"a"b`): keep the whole field verbatim.
                    row.hasStrayQuote = true
                    while p < count, base[p] != delimiter, base[p] != lf, base[p] != cr { p += 1 }
                    row.fields.append(CSVField(start: open, end: p))
                }
            } else {
                let start = p
                while p < count {
                    let byte = base[p]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    p += 1
                }
                row.fields.append(CSVField(start: start, end: p))
            }
            // After a field: delimiter, record end, or input end.
            if p >= count { break }
            let byte = base[p]
            if byte == delimiter {
                p += 1
                if p >= count {
                    // A delimiter right before the end of input: one more empty field.
                    row.fields.append(CSVField(start: p, end: p))
                    break
                }
                continue
            }
            if byte == cr {
                p += 1
                if p < count, base[p] == lf { p += 1 }
            } else {
                p += 1
            }
            line += 1
            break
        }
        state.position = p
        state.line = line
    }

    /// Counts line breaks (CRLF, LF, bare CR) in `base[from..<to]`.
    private static func lineBreaks(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to else { return 0 }
        var breaks = 0
        var index = from
        while index < to {
            guard let raw = memchr(base + index, Int32(lf), to - index) else { break }
            breaks += 1
            index = base.distance(to: raw.assumingMemoryBound(to: UInt8.self)) + 1
        }
        index = from
        while index < to {
            guard let raw = memchr(base + index, Int32(cr), to - index) else { break }
            let at = base.distance(to: raw.assumingMemoryBound(to: UInt8.self))
            // CRLF was counted with its LF.
            if at + 1 >= to || base[at + 1] != lf { breaks += 1 }
            index = at + 1
        }
        return breaks
    }
}
