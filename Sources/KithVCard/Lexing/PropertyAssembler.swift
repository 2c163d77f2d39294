import Foundation

/// Joins the physical lines of one property into its logical line.
///
/// What continues a property, in this order:
/// - after a quoted-printable value ending in `=`, the next line whatever it holds (a 2.1 soft
///   break, corpus vcard/android-aosp/v21_invalid_comment_line.vcf keeps a `#` line that way);
/// - a line starting with a space or TAB (folding; one blank is removed, the rest is kept, so
///   base64 indented by two spaces still decodes);
/// - for base64 values, lines without `:` (2.1 base64 is not folded; a blank line ends it,
///   corpus vcard/android-aosp/v21_complicated.vcf, and a line with `:` ends it too, which
///   is all the KitKat export gives, corpus vcard/android-aosp/v21_x_android_custom_after_photo.vcf);
/// - a line without `:` that cannot be a property (it has a space or `\` before any `;`, or
///   starts with a digit): a continuation written without the leading blank
///   (corpus vcard/tine20/HerrFalkMuenchen.vcf), joined with a line feed and reported.
struct PropertyAssembler {
    /// How the property's value is transfer-encoded, as far as continuation rules care.
    private enum Hint { case plain, quotedPrintable, base64 }

    private(set) var lines: LineScanner
    private var pending: PhysicalLine?
    /// The logical line when it spans several physical lines.
    private(set) var scratch: [UInt8] = []

    init(_ base: UnsafeBufferPointer<UInt8>, linesBefore: Int = 0) {
        lines = LineScanner(base, linesBefore: linesBefore)
        scratch.reserveCapacity(1 << 16)
    }

    var base: UnsafeBufferPointer<UInt8> { lines.base }

    /// The next physical line.
    mutating func next() -> PhysicalLine? {
        if let line = pending {
            pending = nil
            return line
        }
        return lines.next()
    }

    private mutating func peek() -> PhysicalLine? {
        if pending == nil { pending = lines.next() }
        return pending
    }

    /// Assembles the property that starts with `first`.
    ///
    /// - Parameters:
    ///   - first: the property's first line.
    ///   - unindented: receives the numbers of continuation lines written without a leading blank.
    /// - Returns: `nil` when the property is the single line `first` (read it from the input),
    ///   or the joined line in ``scratch``.
    /// - Complexity: O(total length of the lines joined).
    mutating func assemble(_ first: PhysicalLine, unindented: inout [Int]) -> Bool {
        let base = self.base
        var joined = false
        var hint: Hint?
        func ensureScratch(_ scratch: inout [UInt8]) {
            if !joined {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: base.slice(first.start..<first.end))
                joined = true
            }
        }
        while let next = peek() {
            let length = next.end - next.start
            let lastByte: UInt8? = joined ? scratch.last : (first.end > first.start ? base[first.end - 1] : nil)
            if lastByte == ASCII.equals, !isCardBoundary(next) {
                if hint == nil { hint = computeHint(first, joined: joined) }
                if hint == .quotedPrintable {
                    ensureScratch(&scratch)
                    scratch.removeLast()
                    scratch.append(contentsOf: base.slice(next.start..<next.end))
                    pending = nil
                    continue
                }
            }
            if length > 0, ASCII.isBlank(base[next.start]) {
                ensureScratch(&scratch)
                scratch.append(contentsOf: base.slice((next.start + 1)..<next.end))
                pending = nil
                continue
            }
            if length == 0 {
                if hint == nil { hint = computeHint(first, joined: joined) }
                if hint == .base64 { pending = nil }  // the 2.1 blank line after base64
                break
            }
            guard !containsColon(next) else { break }
            if hint == nil { hint = computeHint(first, joined: joined) }
            if hint == .base64 {
                ensureScratch(&scratch)
                scratch.append(contentsOf: base.slice(next.start..<next.end))
                pending = nil
                continue
            }
            guard base[next.start] != ASCII.hash, !couldBeProperty(next) else { break }
            ensureScratch(&scratch)
            scratch.append(ASCII.lineFeed)
            scratch.append(contentsOf: base.slice(next.start..<next.end))
            unindented.append(next.number)
            pending = nil
        }
        return joined
    }

    private func containsColon(_ line: PhysicalLine) -> Bool {
        guard let address = base.baseAddress, line.end > line.start else { return false }
        return memchr(address + line.start, Int32(ASCII.colon), line.end - line.start) != nil
    }

    /// Whether a line is `BEGIN:VCARD` or `END:VCARD` (any case, trailing blanks allowed).
    func isCardBoundary(_ line: PhysicalLine) -> Bool {
        CardBoundary.of(base.slice(line.start..<line.end)) != nil
    }

    /// Whether a line without `:` looks like a property name (`FN`, `X-FOO;TYPE=a`), which a
    /// continuation line cannot be told apart from.
    private func couldBeProperty(_ line: PhysicalLine) -> Bool {
        guard ASCII.isLetter(base[line.start]) else { return false }
        var index = line.start
        while index < line.end {
            let byte = base[index]
            if byte == ASCII.semicolon { return true }
            guard ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == 0x2D || byte == 0x5F || byte == ASCII.dot
            else {
                return false
            }
            index += 1
        }
        return true
    }

    private func computeHint(_ first: PhysicalLine, joined: Bool) -> Hint {
        let line = joined ? nil : base.slice(first.start..<first.end)
        if let line { return Self.hint(line) }
        return scratch.withUnsafeBufferPointer { Self.hint($0) }
    }

    /// The transfer encoding the header of `line` names, read loosely (tokens between `;`).
    private static func hint(_ line: UnsafeBufferPointer<UInt8>) -> Hint {
        guard let end = PropertyHeaderParser.headerEnd(line) else { return .plain }
        let header = line.slice(0..<end)
        var tokenStart = 0
        for index in 0...header.count where index == header.count || header[index] == ASCII.semicolon {
            let token = header.slice(tokenStart..<index)
            tokenStart = index + 1
            if ASCII.equalsIgnoringCase(token, "QUOTED-PRINTABLE")
                || ASCII.equalsIgnoringCase(token, "ENCODING=QUOTED-PRINTABLE")
            {
                return .quotedPrintable
            }
            if ASCII.equalsIgnoringCase(token, "BASE64") || ASCII.equalsIgnoringCase(token, "ENCODING=BASE64")
                || ASCII.equalsIgnoringCase(token, "ENCODING=B")
            {
                return .base64
            }
        }
        return .plain
    }
}

/// `BEGIN:VCARD` and `END:VCARD` lines.
enum CardBoundary {
    case begin, end

    /// Which boundary the line is, if any: case-insensitive, blanks allowed at the end.
    static func of(_ line: UnsafeBufferPointer<UInt8>) -> CardBoundary? {
        var count = line.count
        while count > 0, ASCII.isBlank(line[count - 1]) { count -= 1 }
        guard count == 9 || count == 11 else { return nil }
        let trimmed = line.slice(0..<count)
        if count == 11, ASCII.equalsIgnoringCase(trimmed, "BEGIN:VCARD") { return .begin }
        if count == 9, ASCII.equalsIgnoringCase(trimmed, "END:VCARD") { return .end }
        return nil
    }
}
