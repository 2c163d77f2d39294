public import KithModel

/// Reads the date and date-time forms of vCard 2.1, 3.0 and 4.0 (RFC 6350 §4.3, ISO 8601
/// basic and extended) and the odd forms producers write.
public enum VCardDateParser {
    /// A date read from text, and the rule applied when part of it was dropped.
    public struct Parsed: Hashable, Sendable {
        public var date: PartialDate
        /// `placeholder-year-1604`, `placeholder-year-1900`, `two-digit-year-dropped`, or `nil`.
        public var rule: String?
    }

    /// Parses a date, a date-time, or a date with unknown parts (`--0415`, `---15`, `1980-04`).
    ///
    /// Years 1604 (Apple, CardBook) and 1900 are placeholders meaning "no year" when
    /// `placeholderYears` is set: the year becomes `nil` and `rule` says why.
    ///
    /// - Parameters:
    ///   - text: the value as written.
    ///   - placeholderYears: whether to treat 1604 and 1900 as "no year" (birthdays, anniversaries).
    /// - Returns: the date, or `nil` when the text is not a date.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, placeholderYears: Bool = true) -> Parsed? {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ commonForm($0) }), var date = fast {
            var rule: String?
            if placeholderYears, let year = date.year, year == 1604 || year == 1900 {
                date.year = nil
                rule = "placeholder-year-\(year)"
            }
            return Parsed(date: date, rule: rule)
        }
        var bytes = Array(text.utf8)
        while let last = bytes.last, ASCII.isBlank(last) || last == ASCII.lineFeed || last == ASCII.carriageReturn {
            bytes.removeLast()
        }
        let leading = bytes.prefix { ASCII.isBlank($0) }.count
        if leading > 0 { bytes.removeFirst(leading) }
        guard !bytes.isEmpty, bytes.count <= 40 else { return nil }
        var datePart = bytes[...]
        var timePart: ArraySlice<UInt8>?
        if let t = bytes.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) {
            guard t > 0 else { return nil }  // a time alone is not a date
            datePart = bytes[..<t]
            timePart = bytes[(t + 1)...]
        } else if let space = bytes.firstIndex(of: ASCII.space), space >= 8 {
            // `1980-04-15 10:22:00`
            datePart = bytes[..<space]
            timePart = bytes[(space + 1)...]
        }
        guard var parsed = parseDate(datePart) else { return nil }
        if let timePart {
            guard applyTime(timePart, to: &parsed.date) else { return nil }
        }
        if placeholderYears, let year = parsed.date.year, year == 1604 || year == 1900 {
            parsed.date.year = nil
            parsed.rule = "placeholder-year-\(year)"
        }
        return parsed
    }

    /// The forms nearly every producer writes, read without allocating: `YYYYMMDD`,
    /// `YYYY-MM-DD`, either followed by `THHMMSS` or `THH:MM:SS` and an optional `Z`.
    private static func commonForm(_ bytes: UnsafeBufferPointer<UInt8>) -> PartialDate? {
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let byte = bytes[index]
                guard ASCII.isDigit(byte) else { return nil }
                value = value * 10 + Int(byte &- 0x30)
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        let count = bytes.count
        var date: PartialDate
        var index: Int
        if count >= 10, bytes[4] == dash, bytes[7] == dash, let year = number(0, 4), let month = number(5, 2),
            let day = number(8, 2)
        {
            date = PartialDate(year: year, month: month, day: day)
            index = 10
        } else if count >= 8, let year = number(0, 4), let month = number(4, 2), let day = number(6, 2) {
            date = PartialDate(year: year, month: month, day: day)
            index = 8
        } else {
            return nil
        }
        guard valid(month: date.month, day: date.day), date.year != 0 else { return nil }
        if index == count { return date }
        guard bytes[index] == UInt8(ascii: "T") else { return nil }
        index += 1
        let extended = count >= index + 8 && bytes[index + 2] == ASCII.colon && bytes[index + 5] == ASCII.colon
        let width = extended ? 8 : 6
        guard count >= index + width, let hour = number(index, 2), let minute = number(index + (extended ? 3 : 2), 2),
            let second = number(index + (extended ? 6 : 4), 2), hour <= 24, minute < 60, second <= 60
        else { return nil }
        index += width
        date.hour = hour
        date.minute = minute
        date.second = second
        if index == count { return date }
        guard index + 1 == count, bytes[index] == UInt8(ascii: "Z") else { return nil }
        date.utcOffsetMinutes = 0
        return date
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func valid(month: Int?, day: Int?) -> Bool {
        if let month, !(1...12).contains(month) { return false }
        if let day, !(1...31).contains(day) { return false }
        return true
    }

    private static func parseDate(_ bytes: ArraySlice<UInt8>) -> Parsed? {
        let dash = UInt8(ascii: "-")
        let count = bytes.count
        let start = bytes.startIndex
        func at(_ offset: Int, _ length: Int) -> Int? { digits(bytes[(start + offset)..<(start + offset + length)]) }
        func make(_ year: Int?, _ month: Int?, _ day: Int?, rule: String? = nil) -> Parsed? {
            guard valid(month: month, day: day), year != nil || month != nil || day != nil else { return nil }
            return Parsed(date: PartialDate(year: year, month: month, day: day), rule: rule)
        }
        // --MMDD, --MM-DD, --MM, ---DD
        if count >= 3, bytes[start] == dash, bytes[start + 1] == dash {
            if bytes[start + 2] == dash {
                guard count == 5, let day = at(3, 2) else { return nil }
                return make(nil, nil, day)
            }
            switch count {
            case 4: return make(nil, at(2, 2), nil)
            case 6: return at(2, 2).flatMap { month in at(4, 2).flatMap { make(nil, month, $0) } }
            case 7 where bytes[start + 4] == dash:
                return at(2, 2).flatMap { month in at(5, 2).flatMap { make(nil, month, $0) } }
            default: return nil
            }
        }
        if digits(bytes) != nil {
            switch count {
            case 8: return make(at(0, 4), at(2 + 2, 2), at(6, 2))
            case 4: return make(at(0, 4), nil, nil)
            case 6: return make(at(0, 4), at(4, 2), nil)  // YYYYMM
            default: return nil
            }
        }
        // Separated forms: YYYY-MM-DD, YYYY-MM, YYYY-M-D, DD.MM.YYYY, YYYY/MM/DD, YY-M-D.
        let separators: Set<UInt8> = [dash, ASCII.dot, UInt8(ascii: "/")]
        let parts = bytes.split(omittingEmptySubsequences: false) { separators.contains($0) }
        guard (2...3).contains(parts.count), let separator = bytes.first(where: { separators.contains($0) }) else {
            return nil
        }
        let numbers = parts.map { digits($0) }
        guard numbers.allSatisfy({ $0 != nil }) else { return nil }
        let values = numbers.compactMap { $0 }
        let widths = parts.map(\.count)
        if separator == ASCII.dot, parts.count == 3, widths[2] == 4, widths[0] <= 2, widths[1] <= 2 {
            return make(values[2], values[1], values[0])  // German DD.MM.YYYY
        }
        guard widths.dropFirst().allSatisfy({ $0 <= 2 }) else { return nil }
        switch widths[0] {
        case 4, 3:
            return make(values[0], values[1], parts.count == 3 ? values[2] : nil)
        case 2 where parts.count == 3:
            // `70-7-14` (corpus vcard/calcard/053.vcf): the century is unknown, keep month and day.
            return make(nil, values[1], values[2], rule: "two-digit-year-dropped")
        default:
            return nil
        }
    }

    /// Reads `HH[MM[SS]]` or `HH:MM[:SS]`, an optional fraction and zone, into `date`.
    private static func applyTime(_ bytes: ArraySlice<UInt8>, to date: inout PartialDate) -> Bool {
        var clock = bytes
        var zone: ArraySlice<UInt8> = []
        if let z = clock.firstIndex(where: {
            $0 == UInt8(ascii: "Z") || $0 == UInt8(ascii: "z") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
        }) {
            zone = clock[z...]
            clock = clock[..<z]
        }
        if let fraction = clock.firstIndex(where: { $0 == ASCII.dot || $0 == ASCII.comma }) {
            clock = clock[..<fraction]
        }
        let compact = clock.filter { $0 != ASCII.colon }
        guard [2, 4, 6].contains(compact.count), let hour = digits(compact[0..<2]), hour <= 24 else { return false }
        let minute = compact.count >= 4 ? digits(compact[2..<4]) : 0
        let second = compact.count == 6 ? digits(compact[4..<6]) : 0
        guard let minute, let second, minute < 60, second <= 60 else { return false }
        date.hour = hour
        date.minute = minute
        date.second = second
        if zone.isEmpty { return true }
        if zone.count == 1, zone.first == UInt8(ascii: "Z") || zone.first == UInt8(ascii: "z") {
            date.utcOffsetMinutes = 0
            return true
        }
        let sign = zone.first == UInt8(ascii: "-") ? -1 : 1
        let offset = zone.dropFirst().filter { $0 != ASCII.colon }
        guard [2, 4].contains(offset.count), let hours = digits(offset[0..<2]), hours <= 14 else { return false }
        let minutes = offset.count == 4 ? digits(offset[2..<4]) : 0
        guard let minutes, minutes < 60 else { return false }
        date.utcOffsetMinutes = sign * (hours * 60 + minutes)
        return true
    }
}
