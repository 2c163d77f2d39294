public import KithModel

/// Checks of dated events: placeholder years, impossible dates, dates still in text form.
public enum DateNormalizer {
    /// What checking a date found.
    public enum Finding: Hashable, Sendable {
        /// The year was a placeholder and was dropped; the associated value is the rule.
        case placeholderYear(String)
        /// The date cannot exist (`Feb 30`, month 13); the date was dropped, the raw text kept.
        case impossible
        /// The date was read from text the reader left unparsed.
        case readFromText
    }

    /// Checks and repairs a date value in place.
    ///
    /// - Year 1604 is Apple's marker for "no year" (corpus `vcard/radicale/
    ///   contact4-with-bday-no-year.vcf`: `BDAY:1604-04-15`); year 0 or 1 (`0000-04-15`) is the
    ///   same idea in other exports. Both are dropped (`placeholder-year-1604`, `placeholder-year-0`).
    /// - Year 1900 is dropped (`placeholder-year-1900`) only when `year1900IsPlaceholder`, i.e.
    ///   when the source uses 1900 for several dates (its style, not a real birth year).
    /// - Month outside 1–12 or a day past the month's end (29 February only in leap years, or
    ///   with an unknown year) makes the date impossible: `date` becomes `nil`, `rule`
    ///   `impossible-date`, `raw` stays.
    /// - A value without `date` whose text is ISO 8601 (`1980-04-15`, `19800415`, `--0415`) or
    ///   `DD.MM.YYYY` is read (`date-from-text`).
    ///
    /// - Parameters:
    ///   - value: The date to check.
    ///   - year1900IsPlaceholder: Whether the source's style makes 1900 a placeholder year.
    /// - Returns: What was found, `nil` when the date was fine.
    @discardableResult
    public static func normalize(_ value: inout DateValue, year1900IsPlaceholder: Bool = false) -> Finding? {
        var finding: Finding?
        if value.date == nil {
            guard let parsed = parse(value.raw) else { return nil }
            value.date = parsed
            value.rule = "date-from-text"
            finding = .readFromText
        }
        guard var date = value.date else { return finding }
        if let year = date.year {
            let rule: String? =
                year == 1604
                ? "placeholder-year-1604"
                : (year == 0 || year == 1)
                    ? "placeholder-year-0"
                    : (year == 1900 && year1900IsPlaceholder && date.month != nil) ? "placeholder-year-1900" : nil
            if let rule {
                date.year = nil
                value.date = date
                value.rule = rule
                finding = .placeholderYear(rule)
            }
        }
        if !isPossible(date) {
            value.date = nil
            value.rule = "impossible-date"
            return .impossible
        }
        return finding
    }

    /// Whether month and day can exist together (in the year, when known).
    ///
    /// - Parameter date: A partial date.
    /// - Returns: `false` for month 0 or 13+, day 0 or past the month's end, 29 Feb of a common year.
    public static func isPossible(_ date: PartialDate) -> Bool {
        if let month = date.month, !(1...12).contains(month) { return false }
        if let day = date.day {
            guard day >= 1 else { return false }
            let limit: Int
            switch date.month {
            case 2?:
                if let year = date.year {
                    limit = (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
                } else {
                    limit = 29
                }
            case 4?, 6?, 9?, 11?: limit = 30
            default: limit = 31
            }
            if day > limit { return false }
        }
        if let hour = date.hour, !(0...24).contains(hour) { return false }
        if let minute = date.minute, !(0...59).contains(minute) { return false }
        return true
    }

    /// Reads the common textual date forms: `YYYY-MM-DD`, `YYYYMMDD`, `--MMDD`, `--MM-DD`,
    /// `YYYY-MM`, `DD.MM.YYYY`, `YYYY/MM/DD`.
    ///
    /// - Parameter text: The text.
    /// - Returns: The date, or `nil` when the text is not one of these forms (out-of-range
    ///   numbers are returned as read, for `isPossible` to judge).
    public static func parse(_ text: String) -> PartialDate? {
        let t = text.trimmed
        let bytes = Array(t.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, !range.isEmpty else { return nil }
            var n = 0
            for i in range {
                let b = bytes[i]
                guard b >= 48 && b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        let dash = UInt8(ascii: "-")
        let dot = UInt8(ascii: ".")
        let slash = UInt8(ascii: "/")
        switch bytes.count {
        case 10 where bytes[4] == dash && bytes[7] == dash, 10 where bytes[4] == slash && bytes[7] == slash:
            if let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) {
                return PartialDate(year: y, month: m, day: d)
            }
        case 10 where bytes[2] == dot && bytes[5] == dot:
            if let d = number(0..<2), let m = number(3..<5), let y = number(6..<10) {
                return PartialDate(year: y, month: m, day: d)
            }
        case 8 where bytes[0] != dash:
            if let y = number(0..<4), let m = number(4..<6), let d = number(6..<8) {
                return PartialDate(year: y, month: m, day: d)
            }
        case 6 where bytes[0] == dash && bytes[1] == dash:
            if let m = number(2..<4), let d = number(4..<6) { return PartialDate(month: m, day: d) }
        case 7 where bytes[0] == dash && bytes[1] == dash && bytes[4] == dash:
            if let m = number(2..<4), let d = number(5..<7) { return PartialDate(month: m, day: d) }
        case 7 where bytes[4] == dash:
            if let y = number(0..<4), let m = number(5..<7) { return PartialDate(year: y, month: m) }
        default:
            break
        }
        return nil
    }
}
