import KithModel
import KithNormalize
import Testing

/// Expected values are libphonenumber's own documented examples: its README ("Quick Examples":
/// `044 668 18 00` in CH → `+41446681800`) and the numbers of its `PhoneNumberUtilTest`
/// (US `650 253 0000`, GB `020 7031 3000`, DE `030 123456`, IT `02 3661 8300`, AU
/// `02 3661 8300`, NZ `03 331 6005`, AR, MX, JP, …), plus the E.164 rules of ITU-T E.164.
@Suite struct PhoneNormalizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let raw: String
        let region: String?
        let e164: String?
        var ext: String? = nil
        var type: String? = nil
        var testDescription: String { "\(raw) [\(region ?? "-")]" }
    }

    static let cases: [Case] = [
        Case(raw: "044 668 18 00", region: "CH", e164: "+41446681800", type: "fixed-line"),
        Case(raw: "+41 44 668 18 00", region: nil, e164: "+41446681800"),
        Case(raw: "650 253 0000", region: "US", e164: "+16502530000"),
        Case(raw: "(650) 253-0000", region: "US", e164: "+16502530000"),
        Case(raw: "1-650-253-0000", region: "US", e164: "+16502530000"),
        Case(raw: "+1 650 253 0000", region: "DE", e164: "+16502530000"),
        Case(raw: "011 1 650 253 0000", region: "US", e164: "+16502530000"),
        Case(raw: "0016502530000", region: "DE", e164: "+16502530000"),
        Case(raw: "tel:+1-650-253-0000", region: nil, e164: "+16502530000"),
        Case(raw: "650-253-0000 ext. 1234", region: "US", e164: "+16502530000", ext: "1234"),
        Case(raw: "+1 650 253 0000 x1234", region: nil, e164: "+16502530000", ext: "1234"),
        Case(raw: "tel:+1-650-253-0000;ext=1234", region: nil, e164: "+16502530000", ext: "1234"),
        Case(raw: "800 253 0000", region: "US", e164: "+18002530000", type: "toll-free"),
        Case(raw: "900 253 0000", region: "US", e164: "+19002530000", type: "premium-rate"),
        Case(raw: "020 7031 3000", region: "GB", e164: "+442070313000", type: "fixed-line"),
        Case(raw: "+44 (0) 20 7031 3000", region: nil, e164: "+442070313000"),
        Case(raw: "07912 345678", region: "GB", e164: "+447912345678", type: "mobile"),
        Case(raw: "030 123456", region: "DE", e164: "+4930123456", type: "fixed-line"),
        Case(raw: "+49 30/123456", region: nil, e164: "+4930123456"),
        Case(raw: "0049 30 123456", region: "DE", e164: "+4930123456"),
        Case(raw: "02 3661 8300", region: "IT", e164: "+390236618300", type: "fixed-line"),
        Case(raw: "+39 02 3661 8300", region: nil, e164: "+390236618300"),
        Case(raw: "02 3661 8300", region: "AU", e164: "+61236618300", type: "fixed-line"),
        Case(raw: "03 331 6005", region: "NZ", e164: "+6433316005", type: "fixed-line"),
        Case(raw: "+64 3 331 6005", region: "US", e164: "+6433316005"),
        Case(raw: "01 23 45 67 89", region: "FR", e164: "+33123456789", type: "fixed-line"),
        Case(raw: "06 12 34 56 78", region: "FR", e164: "+33612345678", type: "mobile"),
        Case(raw: "+34 912 34 56 78", region: nil, e164: "+34912345678"),
        Case(raw: "03-1234-5678", region: "JP", e164: "+81312345678", type: "fixed-line"),
        Case(raw: "+800 1234 5678", region: nil, e164: "+80012345678", type: "toll-free"),
        Case(raw: "+31 6 12345678", region: nil, e164: "+31612345678", type: "mobile"),
    ]

    @Test(arguments: cases)
    func documentedExamples(_ c: Case) {
        let parsed = PhoneNormalizer.parse(c.raw, region: c.region)
        #expect(parsed.failure == nil)
        #expect(parsed.e164 == c.e164)
        #expect(parsed.extension == c.ext)
        if let type = c.type { #expect(parsed.lineType == type) }
    }

    @Test func numbersWithoutRegionNeedAPlus() {
        #expect(PhoneNormalizer.parse("650 253 0000", region: nil).failure == .invalidCountryCode)
        #expect(PhoneNormalizer.parse("hello", region: "US").failure == .notANumber)
        #expect(PhoneNormalizer.parse("+1", region: nil).failure != nil)
    }

    @Test func regionsAndCallingCodes() {
        #expect(PhoneNormalizer.countryCode(forRegion: "de") == 49)
        #expect(PhoneNormalizer.region(forCountryCode: 44) == "GB")
        #expect(PhoneNormalizer.region(forCountryCode: 1) == "US")
        #expect(PhoneNormalizer.region(forCountryCode: 800) == "001")
        #expect(PhoneNormalizer.isSupportedRegion("ZZ") == false)
        #expect(PhoneNormalizer.supportedRegions.count > 240)
    }

    /// libphonenumber's `IsNumberMatch` documentation: exact for the same number and extension,
    /// NSN match when one side has no country code, short NSN match when one national number is a
    /// suffix of the other, no match for different extensions.
    @Test func matchLevels() {
        #expect(PhoneNormalizer.matchLevel("+64 3 331 6005", "+64 03 331 6005") == .exact)
        #expect(PhoneNormalizer.matchLevel("+64 3 331 6005", "03 331 6005") == .nationalSignificantNumber)
        #expect(PhoneNormalizer.matchLevel("+64 3 331 6005", "331 6005") == .short)
        #expect(PhoneNormalizer.matchLevel("+64 3 331 6005 ext. 1234", "+64 3 331 6005 ext. 4321") == .none)
        #expect(PhoneNormalizer.matchLevel("+1 650 253 0000", "+44 20 7031 3000") == .none)
        #expect(PhoneNormalizer.matchLevel("not a number", "+44 20 7031 3000") == .invalid)
        var a = PhoneValue(raw: "(650) 253-0000")
        a.e164 = "+16502530000"
        var b = PhoneValue(raw: "+1 650 253 0000")
        b.e164 = "+16502530000"
        #expect(PhoneNormalizer.matchLevel(a, b) == .exact)
    }

    /// libphonenumber reads at most 250 characters (MAX_INPUT_STRING_LENGTH, "too long"
    /// beyond); its C++ Parse ran its expressions over the whole text first, in time that grew
    /// with the square of the length: a 225 KB TEL value a broken export folded over 3,000 lines
    /// stopped an import for minutes. A text just past the limit and a huge one are too long
    /// (the huge one at once: this test would take minutes otherwise); a long text within the
    /// limit is still the library's to read.
    @Test func textsLongerThanLibphonenumbersLimitAreTooLong() {
        let valid = "+49 89 9876543"
        let atTheLimit = valid + String(repeating: " ", count: 250 - valid.count)
        #expect(PhoneNormalizer.parse(atTheLimit, region: nil).e164 == "+49899876543")
        let justOver = valid + String(repeating: "A", count: 251 - valid.count)
        #expect(PhoneNormalizer.parse(justOver, region: "DE").failure == .tooLongNSN)
        #expect(PhoneNormalizer.parseWithLibphonenumber(justOver, region: "DE").failure == .tooLongNSN)
        let huge = valid + String(repeating: "A", count: 225_000)
        #expect(PhoneNormalizer.parse(huge, region: "DE").failure == .tooLongNSN)
        #expect(PhoneNormalizer.matchLevel(huge, valid) == .invalid)
        #expect(PhoneNormalizer.matchLevel(valid, huge) == .invalid)
    }
}
