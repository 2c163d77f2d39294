/// Line folding of vCard content lines (RFC 6350 §3.2, RFC 2426 §2.6).
///
/// A content line longer than 75 octets is split into a first line of at most 75 octets and
/// continuation lines that start with one space and hold at most 74 further octets, so no
/// physical line exceeds 75 octets. A cut never falls inside a UTF-8 sequence: RFC 6350 says
/// multi-octet characters MUST NOT be split, and readers that decode line by line (ownCloud 0.3,
/// corpus `calcard/051`) garble split sequences.
public enum VCardFolding {
    /// The longest physical line, in octets, without its CRLF.
    public static let lineLimit = 75

    /// Appends a content line to `output`, folded, with CRLF after every physical line.
    ///
    /// - Parameters:
    ///   - line: the unfolded content line, UTF-8, without line break; it must not contain CR or LF.
    ///   - output: the bytes to append to.
    /// - Complexity: O(n) in the length of the line.
    public static func appendFolded(_ line: some Collection<UInt8>, to output: inout [UInt8]) {
        var start = line.startIndex
        var limit = lineLimit
        while true {
            let remaining = line.distance(from: start, to: line.endIndex)
            if remaining <= limit {
                output.append(contentsOf: line[start...])
                output.append(0x0D)
                output.append(0x0A)
                return
            }
            var cut = line.index(start, offsetBy: limit)
            // Back off to the first byte of the scalar at the cut (continuation bytes are 10xxxxxx).
            var backed = 0
            while cut > start, line[cut] & 0xC0 == 0x80, backed < 3 {
                cut = line.index(cut, offsetBy: -1)
                backed += 1
            }
            if cut == start { cut = line.index(start, offsetBy: limit) }  // not UTF-8: cut anyway
            output.append(contentsOf: line[start..<cut])
            output.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = cut
            limit = lineLimit - 1
        }
    }

    /// Folds a content line.
    ///
    /// - Parameter line: the unfolded line, without line break.
    /// - Returns: the folded bytes, each physical line ended by CRLF.
    /// - Complexity: O(n) in the length of the line.
    public static func fold(_ line: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(line.utf8.count + line.utf8.count / 70 * 3 + 2)
        appendFolded(Array(line.utf8), to: &output)
        return output
    }

    /// Undoes folding: removes every CRLF (or LF) followed by one space or TAB, and the final
    /// line break.
    ///
    /// - Parameter bytes: folded text.
    /// - Returns: the logical lines, without line breaks.
    /// - Complexity: O(n) in the number of bytes.
    public static func unfold(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                var next = index + 1
                if byte == 0x0D, next < count, bytes[next] == 0x0A { next += 1 }
                if next < count, bytes[next] == 0x20 || bytes[next] == 0x09 {
                    index = next + 1
                    continue
                }
                lines.append(current)
                current = []
                index = next
                continue
            }
            current.append(byte)
            index += 1
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
