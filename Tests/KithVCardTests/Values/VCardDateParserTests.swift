import KithModel
import Testing

@testable import KithVCard

/// Dates and date-times: RFC 6350 §4.3.1–4.3.4 examples, vCard 3.0 (ISO 8601 extended) and
/// what producers write.
@Suite struct VCardDateParserTests {
    @Test(arguments: [
        // RFC 6350 §4.3.1 DATE
        ("19850412", PartialDate(year: 1985, month: 4, day: 12)),
        ("1985-04", PartialDate(year: 1985, month: 4)),
        ("1985", PartialDate(year: 1985)),
        ("--0412", PartialDate(month: 4, day: 12)),
        ("---12", PartialDate(day: 12)),
        // RFC 6350 §4.3.3 DATE-TIME
        ("19961022T140000", PartialDate(year: 1996, month: 10, day: 22, hour: 14, minute: 0, second: 0)),
        (
            "19961022T140000Z",
            PartialDate(year: 1996, month: 10, day: 22, hour: 14, minute: 0, second: 0, utcOffsetMinutes: 0)
        ),
        (
            "19961022T140000-05",
            PartialDate(year: 1996, month: 10, day: 22, hour: 14, minute: 0, second: 0, utcOffsetMinutes: -300)
        ),
        (
            "20090808T1430-0500",
            PartialDate(year: 2009, month: 8, day: 8, hour: 14, minute: 30, second: 0, utcOffsetMinutes: -300)
        ),
        // RFC 6350 §6.2.5 BDAY example, RFC 2426 extended forms
        (
            "19531015T231000Z",
            PartialDate(year: 1953, month: 10, day: 15, hour: 23, minute: 10, second: 0, utcOffsetMinutes: 0)
        ),
        (
            "1953-10-15T23:10:00Z",
            PartialDate(year: 1953, month: 10, day: 15, hour: 23, minute: 10, second: 0, utcOffsetMinutes: 0)
        ),
        ("1996-04-15", PartialDate(year: 1996, month: 4, day: 15)),
        ("--04-15", PartialDate(month: 4, day: 15)),
        (
            "1996-04-15T201243+04:00",
            PartialDate(year: 1996, month: 4, day: 15, hour: 20, minute: 12, second: 43, utcOffsetMinutes: 240)
        ),
        (
            "1955-07-19T00:00:00Z",
            PartialDate(year: 1955, month: 7, day: 19, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0)
        ),
        ("2019-02-20T00:00:35", PartialDate(year: 2019, month: 2, day: 20, hour: 0, minute: 0, second: 35)),
        ("24.12.2000", PartialDate(year: 2000, month: 12, day: 24)),
    ])
    func parses(_ text: String, _ expected: PartialDate) throws {
        let parsed = try #require(VCardDateParser.parse(text))
        #expect(parsed.date == expected)
        #expect(parsed.rule == nil)
    }

    @Test(arguments: [
        ("16040415", PartialDate(month: 4, day: 15), "placeholder-year-1604"),
        ("1604-04-15", PartialDate(month: 4, day: 15), "placeholder-year-1604"),
        ("1900-01-31", PartialDate(month: 1, day: 31), "placeholder-year-1900"),
        ("70-7-14", PartialDate(month: 7, day: 14), "two-digit-year-dropped"),
    ])
    func dropsPlaceholderYears(_ text: String, _ expected: PartialDate, _ rule: String) throws {
        let parsed = try #require(VCardDateParser.parse(text))
        #expect(parsed.date == expected)
        #expect(parsed.rule == rule)
    }

    @Test func placeholderYearsKeptForTimestamps() {
        #expect(VCardDateParser.parse("1900-01-01", placeholderYears: false)?.date.year == 1900)
    }

    @Test(arguments: ["circa 1800", "T102200", "", "1985-13-01", "--1301", "19850432", "April 15th", "20090808T2500"])
    func rejects(_ text: String) {
        #expect(VCardDateParser.parse(text) == nil)
    }

    @Test func textDates() throws {
        let declared = try Reading.read("BEGIN:VCARD\nVERSION:4.0\nBDAY;VALUE=text:circa 1800\nEND:VCARD\n")
        #expect(declared.contacts.first?.dates.first?.raw == "circa 1800")
        #expect(declared.contacts.first?.dates.first?.date == nil)
        #expect(!declared.codes.contains("vcard.date.unreadable"))
        let undeclared = try Reading.read("BEGIN:VCARD\nVERSION:4.0\nBDAY:circa 1800\nEND:VCARD\n")
        #expect(undeclared.contacts.first?.dates.first?.date == nil)
        #expect(undeclared.codes.contains("vcard.date.unreadable"))
    }

    @Test func appleOmitYearParameter() throws {
        let result = try Reading.read("BEGIN:VCARD\nVERSION:3.0\nBDAY;X-APPLE-OMIT-YEAR=1972:1972-06-01\nEND:VCARD\n")
        #expect(result.contacts.first?.dates.first?.date == PartialDate(month: 6, day: 1))
        #expect(result.contacts.first?.dates.first?.rule == "placeholder-year-1972")
    }

    @Test func dateKinds() throws {
        let text = """
            BEGIN:VCARD
            VERSION:3.0
            BDAY:1980-04-15
            ANNIVERSARY:2001-06-02
            DEATHDATE:2050-01-01
            X-EVOLUTION-ANNIVERSARY:2002-06-02
            item1.X-ABDATE:2003-06-02
            item1.X-ABLabel:_$!<Anniversary>!$_
            item2.X-ABDATE:2004-06-02
            item2.X-ABLabel:Graduation
            END:VCARD

            """
        let dates = try #require(try Reading.read(text).contacts.first).dates
        #expect(dates.map(\.kind) == [.birth, .wedding, .death, .wedding, .wedding, .other])
        #expect(dates.last?.meta.label == "Graduation")
    }
}
