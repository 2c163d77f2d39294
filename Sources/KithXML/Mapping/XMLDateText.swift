package import KithModel

/// Reads the date forms XML address books write: ISO 8601 basic and extended, with the
/// vCard 4 truncations (`--0203`, `---15`), optional time and zone, and Unix epoch seconds.
package enum XMLDateText {
    /// Reads a date or date-time.
    ///
    /// - Returns: the date, or `nil` when the text is not one of the known forms.
    package static func parse(_ text: String) -> PartialDate? {
        let bytes = Array(text.utf8)
        var index = 0
        var date = PartialDate()
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            if index < bytes.count, bytes[index] == byte {
                index += 1
                return true
            }
            return false
        }
        let dash = UInt8(ascii: "-")
        if bytes.starts(with: [dash, dash, dash]) {
            index = 3
            guard let day = digits(2) else { return nil }
            date.day = day
        } else if bytes.starts(with: [dash, dash]) {
            index = 2
            guard let month = digits(2) else { return nil }
            date.month = month
            _ = skip(dash)
            if let day = digits(2) { date.day = day }
        } else if bytes.first != UInt8(ascii: "T") {
            guard let year = digits(4) else { return nil }
            date.year = year
            let extended = skip(dash)
            if let month = digits(2) {
                date.month = month
                if extended { _ = skip(dash) }
                if let day = digits(2) { date.day = day }
            }
        }
        if skip(UInt8(ascii: "T")) {
            guard let hour = digits(2) else { return nil }
            date.hour = hour
            _ = skip(UInt8(ascii: ":"))
            date.minute = digits(2) ?? 0
            _ = skip(UInt8(ascii: ":"))
            date.second = digits(2) ?? 0
            if skip(UInt8(ascii: ".")) {
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            }
            if skip(UInt8(ascii: "Z")) {
                date.utcOffsetMinutes = 0
            } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == dash {
                let negative = bytes[index] == dash
                index += 1
                guard let hours = digits(2) else { return nil }
                _ = skip(UInt8(ascii: ":"))
                let minutes = digits(2) ?? 0
                date.utcOffsetMinutes = (negative ? -1 : 1) * (hours * 60 + minutes)
            }
        }
        guard index == bytes.count else { return nil }
        if let month = date.month, !(1...12).contains(month) { return nil }
        if let day = date.day, !(1...31).contains(day) { return nil }
        return date
    }

    /// Reads Unix epoch seconds (FRITZ!Box `mod_time`) as a UTC date-time.
    ///
    /// - Returns: the date-time, or `nil` when the text is not a number of seconds.
    package static func epoch(_ text: String) -> PartialDate? {
        guard let seconds = Int(text), seconds >= 0, seconds < 253_402_300_800 else { return nil }
        let days = seconds / 86_400
        let rest = seconds % 86_400
        // Days to civil date (H. Hinnant's algorithm).
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return PartialDate(
            year: year, month: month, day: day, hour: rest / 3600, minute: (rest % 3600) / 60, second: rest % 60,
            utcOffsetMinutes: 0)
    }
}
