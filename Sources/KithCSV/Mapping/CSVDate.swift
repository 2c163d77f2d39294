import KithModel

/// Reads the dates CSV producers write: ISO (`1975-12-12`, `--12-12`), numeric with the
/// layout's order (`4/15/1980` US, `15.4.1980` German, `20/01/1991` roundcube), and with English
/// or German month names (`22 Dec 2025`, `Dec 22, 2025`, `15. März 1980`).
enum CSVDate {
    /// What reading a date cell gave.
    enum Outcome: Equatable {
        /// A date (possibly partial), with the rule applied when one was (`two-digit-year`).
        case date(PartialDate, rule: String?)
        /// A placeholder that means "no date": Outlook's `0/0/00`, `0.0.00` and year 4501.
        case empty
        /// Text that is not a date Kith can read (or whose day/month order is ambiguous).
        case unreadable(reason: String)
    }

    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12, "mär": 3, "mai": 5, "okt": 10, "dez": 12, "janv": 1, "févr": 2, "mars": 3,
        "avr": 4, "juin": 6, "juil": 7, "août": 8, "déc": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
    ]

    /// The largest year read: no export writes one of more than four digits (a fuzzer's
    /// `4294967296-1-1` made the matcher trap); a longer one is kept as text.
    static let maxYear = 9999

    /// Reads one date cell.
    ///
    /// - Parameters:
    ///   - text: the cell, as written.
    ///   - order: how the layout writes numeric dates.
    /// - Returns: the outcome.
    static func read(_ text: String, order: CSVLayout.DateOrder) -> Outcome {
        if let iso = isoDate(text) { return iso }
        var numbers: [(value: Int, digits: Int)] = []
        var words: [String] = []
        var separators = Set<Character>()
        var current = ""
        var currentIsDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            if currentIsDigit {
                numbers.append((Int(current) ?? -1, current.count))
            } else {
                words.append(current.lowercased())
            }
            current = ""
        }
        let trimmed = text.trimmingWhitespace()
        // Drop a time part: `1980-04-15T00:00:00Z`, `4/15/1980 0:00:00`.
        var datePart = Substring(trimmed)
        if let t = datePart.firstIndex(where: { $0 == "T" || $0 == " " }), datePart[..<t].contains(where: \.isNumber),
            datePart[datePart.index(after: t)...].contains(":")
        {
            datePart = datePart[..<t]
        }
        let noYearISO = datePart.hasPrefix("--")
        for character in datePart {
            let isDigit = character.isASCII && character.isNumber
            if isDigit || character.isLetter {
                if !current.isEmpty, isDigit != currentIsDigit { flush() }
                currentIsDigit = isDigit
                current.append(character)
            } else {
                flush()
                separators.insert(character)
            }
        }
        flush()
        if numbers.contains(where: { $0.value < 0 }) { return .unreadable(reason: "not a date") }
        if numbers.allSatisfy({ $0.value == 0 }), !numbers.isEmpty, words.isEmpty { return .empty }
        if words.isEmpty {
            return numeric(numbers, noYear: noYearISO, dotted: separators == ["."], order: order)
        }
        guard words.count == 1, let month = monthNumber(words[0]) else { return .unreadable(reason: "not a date") }
        var year: Int?
        var day: Int?
        for number in numbers {
            if number.digits == 4 || number.value > 31 {
                year = number.value
            } else if day == nil {
                day = number.value
            } else {
                return .unreadable(reason: "not a date")
            }
        }
        guard day.map({ (1...31).contains($0) }) ?? true else { return .unreadable(reason: "day out of range") }
        if let year, year > maxYear { return .unreadable(reason: "year out of range") }
        return .date(PartialDate(year: year, month: month, day: day), rule: nil)
    }

    /// `YYYY-MM-DD` and `--MM-DD`, read from bytes: Google writes every birthday this way.
    private static func isoDate(_ text: String) -> Outcome? {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        let year: Int?
        switch bytes.count {
        case 10 where bytes[4] == dash && bytes[7] == dash:
            guard let found = digits(0..<4) else { return nil }
            year = found
        case 7 where bytes[0] == dash && bytes[1] == dash && bytes[4] == dash:
            year = nil
        default:
            return nil
        }
        let offset = bytes.count - 5
        guard let month = digits(offset..<offset + 2), let day = digits(offset + 3..<offset + 5),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return .date(PartialDate(year: year, month: month, day: day), rule: nil)
    }

    private static func monthNumber(_ word: String) -> Int? {
        if let exact = months[word] { return exact }
        for length in [4, 3] where word.count > length {
            if let found = months[String(word.prefix(length))] { return found }
        }
        return nil
    }

    private static func numeric(
        _ numbers: [(value: Int, digits: Int)], noYear: Bool, dotted: Bool, order: CSVLayout.DateOrder
    ) -> Outcome {
        var rule: String?
        func year(_ part: (value: Int, digits: Int)) -> Int {
            guard part.digits <= 2 else { return part.value }
            rule = "two-digit-year"
            return part.value < 30 ? 2000 + part.value : 1900 + part.value
        }
        func make(_ y: Int?, _ m: Int, _ d: Int?) -> Outcome {
            // Outlook writes 1/1/4501 for "no date" in some versions.
            if y == 4501 { return .empty }
            guard (1...12).contains(m), d.map({ (1...31).contains($0) }) ?? true else {
                return .unreadable(reason: "month or day out of range")
            }
            if let y, y > maxYear { return .unreadable(reason: "year out of range") }
            return .date(PartialDate(year: y, month: m, day: d), rule: rule)
        }
        switch numbers.count {
        case 1 where numbers[0].digits == 8:
            let v = numbers[0].value
            return make(v / 10000, v / 100 % 100, v % 100)
        case 1 where numbers[0].digits == 4 && noYear:
            let v = numbers[0].value
            return make(nil, v / 100, v % 100)
        case 1 where numbers[0].digits == 4:
            return .date(PartialDate(year: numbers[0].value), rule: nil)
        case 2 where noYear:
            return make(nil, numbers[0].value, numbers[1].value)
        case 2 where numbers[0].digits == 4:
            return make(numbers[0].value, numbers[1].value, nil)
        case 2:
            let (a, b) = (numbers[0].value, numbers[1].value)
            if dotted || order == .dayMonthYear || a > 12 { return make(nil, b, a) }
            if order == .monthDayYear || b > 12 { return make(nil, a, b) }
            return .unreadable(reason: "day and month order is ambiguous")
        case 3:
            if numbers[0].digits >= 3 { return make(numbers[0].value, numbers[1].value, numbers[2].value) }
            let (a, b) = (numbers[0].value, numbers[1].value)
            let y = year(numbers[2])
            if dotted || a > 12 { return make(y, b, a) }
            if b > 12 { return make(y, a, b) }
            switch order {
            case .dayMonthYear: return make(y, b, a)
            case .monthDayYear: return make(y, a, b)
            case .unknown: return .unreadable(reason: "day and month order is ambiguous")
            }
        default:
            return .unreadable(reason: "not a date")
        }
    }
}
