import Foundation
import KithModel

/// Date text of the dataset: RFC 3339 UTC date-times for JSContact `UTCDateTime`, and the ISO 8601
/// forms of `PartialDate.description` (`1980-04-15`, `--04-15`, `1980`, `1980-04-15T10:22:00Z`).
enum DateText {
    /// `YYYY-MM-DDTHH:MM:SSZ` for a complete date-time with a known UTC offset, converted to UTC;
    /// `nil` for anything less.
    static func utc(_ date: PartialDate) -> String? {
        guard let year = date.year, let month = date.month, let day = date.day, let hour = date.hour,
            let offset = date.utcOffsetMinutes, (1...12).contains(month), (1...31).contains(day),
            (0...23).contains(hour), (0...9999).contains(year)
        else { return nil }
        let minute = date.minute ?? 0
        let second = date.second ?? 0
        guard (0...59).contains(minute), (0...60).contains(second) else { return nil }
        var minutes = (daysFromCivil(year, month, day) * 1440) + hour * 60 + minute - offset
        let days = floorDivide(minutes, 1440)
        minutes -= days * 1440
        let (y, m, d) = civilFromDays(days)
        guard (0...9999).contains(y) else { return nil }
        // Every part is in range, so the text has fixed widths: written as bytes, in one piece.
        return String(unsafeUninitializedCapacity: 20) { out in
            var at = 0
            func put(_ value: Int, width: Int) {
                var rest = value
                for position in stride(from: at + width - 1, through: at, by: -1) {
                    out[position] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                    rest /= 10
                }
                at += width
            }
            func put(_ separator: Unicode.Scalar) {
                out[at] = UInt8(ascii: separator)
                at += 1
            }
            put(y, width: 4)
            put("-")
            put(m, width: 2)
            put("-")
            put(d, width: 2)
            put("T")
            put(minutes / 60, width: 2)
            put(":")
            put(minutes % 60, width: 2)
            put(":")
            put(second, width: 2)
            put("Z")
            return at
        }
    }

    /// Reads the forms `PartialDate.description` writes, and RFC 3339 date-times.
    static func parse(_ text: String) -> PartialDate? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        var date = PartialDate()
        let dash = UInt8(ascii: "-")
        if bytes.starts(with: [dash, dash, dash]) {
            index = 3
            guard let day = number(2) else { return nil }
            date.day = day
        } else if bytes.starts(with: [dash, dash]) {
            index = 2
            guard let month = number(2) else { return nil }
            date.month = month
            if skip(dash) {
                guard let day = number(2) else { return nil }
                date.day = day
            }
        } else {
            guard let year = number(4) else { return nil }
            date.year = year
            if skip(dash) {
                guard let month = number(2) else { return nil }
                date.month = month
                if skip(dash) {
                    guard let day = number(2) else { return nil }
                    date.day = day
                }
            }
        }
        if skip(UInt8(ascii: "T")) {
            guard let hour = number(2), skip(UInt8(ascii: ":")), let minute = number(2), skip(UInt8(ascii: ":")),
                let second = number(2)
            else { return nil }
            date.hour = hour
            date.minute = minute
            date.second = second
            if skip(UInt8(ascii: "Z")) {
                date.utcOffsetMinutes = 0
            } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == dash {
                let negative = bytes[index] == dash
                index += 1
                guard let hours = number(2), skip(UInt8(ascii: ":")), let minutes = number(2) else { return nil }
                date.utcOffsetMinutes = (negative ? -1 : 1) * (hours * 60 + minutes)
            }
        }
        return index == bytes.count ? date : nil
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// The grammatical gender RFC 9555 derives from a vCard `GENDER` sex component.
enum GenderText {
    /// `masculine` for `M`, `feminine` for `F`, `animate` for `O`, `common` for `N` (as the
    /// RFC 9555 reference converter does); `nil` for `U`, empty or unknown values. Full words
    /// (`male`, `female`), as CSV exports write them, count as `M` and `F`.
    static func grammaticalGender(_ value: String) -> StaticString? {
        let sex = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        switch sex.trimmingCharacters(in: .whitespaces).lowercased() {
        case "m", "male": return "masculine"
        case "f", "female": return "feminine"
        case "o": return "animate"
        case "n": return "common"
        default: return nil
        }
    }
}
