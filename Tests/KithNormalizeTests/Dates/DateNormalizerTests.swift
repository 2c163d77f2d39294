import KithModel
import KithNormalize
import Testing

/// Dates: RFC 6350 §4.3.1 (`--0415`, truncated forms), ISO 8601 calendar rules (Gregorian leap
/// years), the corpus MANIFEST (radicale contact4-with-bday-no-year: `1604` sentinel year; AOSP
/// v21_adr_multiple_line: `BDAY;VALUE=DATE 20081203`).
@Suite struct DateNormalizerTests {
    @Test(arguments: [
        ("1980-04-15", PartialDate(year: 1980, month: 4, day: 15)),
        ("19800415", PartialDate(year: 1980, month: 4, day: 15)),
        ("20081203", PartialDate(year: 2008, month: 12, day: 3)), ("--0415", PartialDate(month: 4, day: 15)),
        ("--04-15", PartialDate(month: 4, day: 15)), ("1980-04", PartialDate(year: 1980, month: 4)),
        ("15.04.1980", PartialDate(year: 1980, month: 4, day: 15)),
        ("1980/04/15", PartialDate(year: 1980, month: 4, day: 15)),
        ("--1231", PartialDate(month: 12, day: 31)), ("1999-12", PartialDate(year: 1999, month: 12)),
        ("1604-04-15", PartialDate(year: 1604, month: 4, day: 15)),
    ])
    func parse(_ text: String, _ expected: PartialDate) {
        #expect(DateNormalizer.parse(text) == expected)
    }

    @Test(arguments: ["April 15th", "", "15/04/80", "abcd-ef-gh"])
    func unparsed(_ text: String) {
        #expect(DateNormalizer.parse(text) == nil)
    }

    @Test(arguments: [
        (PartialDate(year: 2023, month: 2, day: 29), false), (PartialDate(year: 2024, month: 2, day: 29), true),
        (PartialDate(year: 1900, month: 2, day: 29), false), (PartialDate(year: 2000, month: 2, day: 29), true),
        (PartialDate(month: 2, day: 29), true), (PartialDate(month: 2, day: 30), false),
        (PartialDate(month: 4, day: 31), false),
        (PartialDate(month: 13, day: 1), false), (PartialDate(month: 0), false),
        (PartialDate(month: 12, day: 31), true),
        (PartialDate(year: 1980, month: 6, day: 0), false), (PartialDate(day: 31), true),
        (PartialDate(year: 2100, month: 2, day: 29), false), (PartialDate(year: 1600, month: 2, day: 29), true),
        (PartialDate(year: 1980, month: 9, day: 31), false),
    ])
    func possibility(_ date: PartialDate, _ possible: Bool) {
        #expect(DateNormalizer.isPossible(date) == possible)
    }

    @Test func placeholderYears() {
        var apple = DateValue(kind: .birth, date: PartialDate(year: 1604, month: 4, day: 15), raw: "1604-04-15")
        #expect(DateNormalizer.normalize(&apple) == .placeholderYear("placeholder-year-1604"))
        #expect(apple.date == PartialDate(month: 4, day: 15))
        #expect(apple.raw == "1604-04-15")
        var zero = DateValue(kind: .birth, date: PartialDate(year: 0, month: 4, day: 15), raw: "0000-04-15")
        DateNormalizer.normalize(&zero)
        #expect(zero.date?.year == nil)
        var real1900 = DateValue(kind: .birth, date: PartialDate(year: 1900, month: 4, day: 15), raw: "1900-04-15")
        #expect(DateNormalizer.normalize(&real1900) == nil)
        #expect(real1900.date?.year == 1900)
        var style1900 = real1900
        DateNormalizer.normalize(&style1900, year1900IsPlaceholder: true)
        #expect(style1900.date == PartialDate(month: 4, day: 15))
        #expect(style1900.rule == "placeholder-year-1900")
    }

    @Test func impossibleDatesKeepTheirText() {
        var value = DateValue(kind: .birth, date: PartialDate(year: 1980, month: 2, day: 30), raw: "1980-02-30")
        #expect(DateNormalizer.normalize(&value) == .impossible)
        #expect(value.date == nil)
        #expect(value.raw == "1980-02-30")
        #expect(value.rule == "impossible-date")
    }
}
