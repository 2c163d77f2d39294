import KithModel
import Testing

@testable import KithJSON

@Suite struct DateTextTests {
    @Test(arguments: [
        (
            PartialDate(year: 2005, month: 6, day: 1, hour: 23, minute: 30, second: 0, utcOffsetMinutes: -300),
            "2005-06-02T04:30:00Z"
        ),
        (
            PartialDate(year: 2020, month: 12, day: 31, hour: 23, minute: 0, second: 5, utcOffsetMinutes: -120),
            "2021-01-01T01:00:05Z"
        ),
        (
            PartialDate(year: 2024, month: 2, day: 28, hour: 23, minute: 0, second: 0, utcOffsetMinutes: -60),
            "2024-02-29T00:00:00Z"
        ),
        (
            PartialDate(year: 2020, month: 1, day: 1, hour: 0, minute: 10, second: 0, utcOffsetMinutes: 330),
            "2019-12-31T18:40:00Z"
        ),
        (
            PartialDate(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0),
            "1970-01-01T00:00:00Z"
        ),
        (PartialDate(year: 1900, month: 3, day: 1, hour: 0, utcOffsetMinutes: 60), "1900-02-28T23:00:00Z"),
        // RFC 3339 §5.6: four-digit year, two-digit parts, zero-padded; a leap second is kept.
        (
            PartialDate(year: 987, month: 1, day: 2, hour: 3, minute: 4, second: 60, utcOffsetMinutes: 0),
            "0987-01-02T03:04:60Z"
        ),
    ])
    func utc(date: PartialDate, expected: String) {
        #expect(DateText.utc(date) == expected)
    }

    @Test(arguments: [
        PartialDate(year: 2005, month: 6, day: 1, hour: 23),  // floating time
        PartialDate(year: 2005, month: 6, day: 1),  // no time
        PartialDate(month: 6, day: 1, hour: 1, utcOffsetMinutes: 0),  // no year
        PartialDate(year: 2005, month: 13, day: 1, hour: 1, utcOffsetMinutes: 0),  // no such month
    ])
    func noUTCForm(date: PartialDate) {
        #expect(DateText.utc(date) == nil)
    }

    @Test(arguments: [
        PartialDate(year: 1980, month: 4, day: 15), PartialDate(month: 4, day: 15), PartialDate(year: 1980, month: 4),
        PartialDate(year: 1980), PartialDate(day: 15), PartialDate(month: 4),
        PartialDate(year: 1980, month: 4, day: 15, hour: 10, minute: 22, second: 0, utcOffsetMinutes: 0),
        PartialDate(year: 1980, month: 4, day: 15, hour: 10, minute: 22, second: 7, utcOffsetMinutes: -330),
        PartialDate(year: 1604, month: 4, day: 15, hour: 10, minute: 0, second: 0),
    ])
    func parsesWhatDescriptionWrites(date: PartialDate) {
        #expect(DateText.parse(date.description) == date)
    }

    @Test(arguments: ["", "April", "1980-4-15", "19800415", "1980-04-15T10", "--0415", "1980-04-15Z"])
    func refusesOtherText(text: String) {
        #expect(DateText.parse(text) == nil)
    }
}
