import Testing

@testable import KithResolve

/// Birth dates packed for matching: year << 9 | month << 5 | day, 0 for unknown parts.
@Suite struct BirthDatePackTests {
    @Test func datesRoundTrip() {
        let packed = BirthDate.pack(PartialDateParts(year: 1980, month: 4, day: 15))
        #expect(BirthDate.year(packed) == 1980)
        #expect(BirthDate.month(packed) == 4)
        #expect(BirthDate.day(packed) == 15)
        #expect(BirthDate.isComplete(packed))
        #expect(BirthDate.pack(PartialDateParts(year: 0, month: 0, day: 15)) == 0)
    }

    /// Parts the 32 bits cannot hold count as unknown: a vCard year of nine digits or a
    /// negative one trapped the import before.
    @Test(arguments: [4_294_967_296, 999_999_999, 8_388_608, -44, Int.max, Int.min])
    func yearsOutOfRangeAreUnknown(year: Int) {
        let packed = BirthDate.pack(PartialDateParts(year: year, month: 4, day: 15))
        #expect(BirthDate.year(packed) == 0)
        #expect(BirthDate.month(packed) == 4)
        #expect(BirthDate.day(packed) == 15)
    }

    @Test func theLargestYearAndOddMonthsAndDays() {
        #expect(BirthDate.year(BirthDate.pack(PartialDateParts(year: 8_388_607, month: 1, day: 1))) == 8_388_607)
        let odd = BirthDate.pack(PartialDateParts(year: 1980, month: 13, day: 40))
        #expect(BirthDate.year(odd) == 1980 && BirthDate.month(odd) == 0 && BirthDate.day(odd) == 0)
    }
}
