import KithModel
import Testing

@testable import KithCSV

@Suite struct CSVDateTests {
    @Test(arguments: [
        ("1975-12-12", CSVLayout.DateOrder.unknown, PartialDate(year: 1975, month: 12, day: 12)),
        ("--12-24", .unknown, PartialDate(month: 12, day: 24)),
        ("--1224", .unknown, PartialDate(month: 12, day: 24)),
        ("19800415", .unknown, PartialDate(year: 1980, month: 4, day: 15)),
        ("4/15/1980", .monthDayYear, PartialDate(year: 1980, month: 4, day: 15)),
        ("15.4.1980", .monthDayYear, PartialDate(year: 1980, month: 4, day: 15)),  // dots are always D.M.Y
        ("20/01/1991", .dayMonthYear, PartialDate(year: 1991, month: 1, day: 20)),
        ("20/01/1991", .unknown, PartialDate(year: 1991, month: 1, day: 20)),  // 20 cannot be a month
        ("22 Dec 2025", .unknown, PartialDate(year: 2025, month: 12, day: 22)),
        ("Dec 22, 2025", .unknown, PartialDate(year: 2025, month: 12, day: 22)),
        ("15. März 1980", .unknown, PartialDate(year: 1980, month: 3, day: 15)),
        ("1980-04-15T00:00:00Z", .unknown, PartialDate(year: 1980, month: 4, day: 15)),
        ("4/15/1980 0:00:00", .monthDayYear, PartialDate(year: 1980, month: 4, day: 15)),
    ])
    func reads(text: String, order: CSVLayout.DateOrder, expected: PartialDate) {
        #expect(CSVDate.read(text, order: order) == .date(expected, rule: nil))
    }

    @Test func twoDigitYearsSayHowTheyWereRead() {
        #expect(
            CSVDate.read("4/15/80", order: .monthDayYear)
                == .date(PartialDate(year: 1980, month: 4, day: 15), rule: "two-digit-year"))
    }

    @Test(arguments: ["0/0/00", "0.0.00", "00.00.0000", "1/1/4501"])
    func outlookEmptyDates(text: String) {
        #expect(CSVDate.read(text, order: .monthDayYear) == .empty)
    }

    @Test(arguments: ["3/4/1980", "soon", "13/13/2000", "1980-13-01"])
    func unreadableOrAmbiguous(text: String) {
        guard case .unreadable = CSVDate.read(text, order: .unknown) else {
            Issue.record("\(text) should not be read")
            return
        }
    }

    /// Years of more than four digits are no export's (a fuzzer's `4294967296-1-1` made the
    /// matcher trap): kept as text, with the reason; the largest four-digit year is still read.
    @Test(arguments: ["4294967296-1-1", "1 Jan 99999999999", "10000-01-01", "1/2/123456"])
    func yearsPastFourDigitsAreKeptAsText(text: String) {
        #expect(CSVDate.read(text, order: .monthDayYear) == .unreadable(reason: "year out of range"))
    }

    @Test func theLargestFourDigitYearIsRead() {
        #expect(
            CSVDate.read("9999-12-31", order: .unknown) == .date(PartialDate(year: 9999, month: 12, day: 31), rule: nil)
        )
    }
}
