internal import CPhoneNumber
public import KithModel

/// Phone numbers through Google's libphonenumber: E.164, extension, line type, region, and
/// libphonenumber's match levels.
///
/// `parse` answers exactly as libphonenumber does; for the common shapes (`+` or national
/// digits with spaces, dashes, dots, parentheses, slashes) it takes a fast path in
/// `CPhoneNumber` that evaluates libphonenumber's own metadata without ICU regular expressions
/// (about 1 µs instead of 20 µs), and falls back to libphonenumber for everything else.
public enum PhoneNormalizer {
    /// Parses a phone number text.
    ///
    /// - Parameters:
    ///   - raw: The text as written (`(650) 253-0000`, `+49 30 1234567`, `tel:+1-…;ext=12`).
    ///   - region: The region to read national numbers in (ISO 3166-1 alpha-2, any case), or
    ///     `nil`: then only numbers with a `+` parse.
    /// - Returns: libphonenumber's reading of the text; `tooLongNSN` for a text longer than 250
    ///   bytes, libphonenumber's own limit on its input (its C++ version, unlike the others,
    ///   does not check it before running its expressions over the whole text).
    /// - Complexity: O(n) in the length of `raw`; about 1 µs on the fast path, 20 µs otherwise.
    public static func parse(_ raw: String, region: String?) -> PhoneParse {
        run(raw, region: region, kith_phone_parse)
    }

    /// The same answer as `parse`, computed by libphonenumber alone (no fast path); for tests.
    ///
    /// - Parameters:
    ///   - raw: The text as written.
    ///   - region: The region for national numbers, or `nil`.
    /// - Returns: libphonenumber's reading of the text.
    public static func parseWithLibphonenumber(_ raw: String, region: String?) -> PhoneParse {
        run(raw, region: region, kith_phone_parse_reference)
    }

    /// The fast path alone, `nil` where it declines; for tests.
    ///
    /// - Parameters:
    ///   - raw: The text as written.
    ///   - region: The region for national numbers, or `nil`.
    /// - Returns: The reading, or `nil` when the fast path does not apply to this text.
    public static func parseFast(_ raw: String, region: String?) -> PhoneParse? {
        var handled = false
        let result = run(raw, region: region) { text, length, region, out in
            handled = kith_phone_parse_fast(text, length, region, out) != 0
        }
        return handled ? result : nil
    }

    /// libphonenumber's match level of two phone number texts (`IsNumberMatchWithTwoStrings`).
    ///
    /// - Parameters:
    ///   - a: A number text, ideally E.164 with `;ext=` or the raw text.
    ///   - b: Another number text.
    /// - Returns: `.exact`, `.nationalSignificantNumber`, `.short`, `.none`, or `.invalid`.
    /// - Complexity: About 40 µs (two libphonenumber parses).
    public static func matchLevel(_ a: String, _ b: String) -> PhoneMatchLevel {
        var sa = a
        var sb = b
        let value = sa.withUTF8 { pa in
            sb.withUTF8 { pb in
                pa.withMemoryRebound(to: CChar.self) { ca in
                    pb.withMemoryRebound(to: CChar.self) { cb in
                        kith_phone_match(ca.baseAddress, ca.count, cb.baseAddress, cb.count)
                    }
                }
            }
        }
        switch value {
        case Int32(KITH_PHONE_MATCH_EXACT): return .exact
        case Int32(KITH_PHONE_MATCH_NSN): return .nationalSignificantNumber
        case Int32(KITH_PHONE_MATCH_SHORT_NSN): return .short
        case Int32(KITH_PHONE_MATCH_NONE): return .none
        default: return .invalid
        }
    }

    /// The match level of two normalized phone values: compares their E.164 forms (with
    /// extensions) when both have one, else their raw texts, as libphonenumber does.
    ///
    /// - Parameters:
    ///   - a: A phone value, normalized or not.
    ///   - b: Another phone value.
    /// - Returns: libphonenumber's match level.
    public static func matchLevel(_ a: PhoneValue, _ b: PhoneValue) -> PhoneMatchLevel {
        if let ea = a.e164, let eb = b.e164, ea == eb, a.extension == b.extension { return .exact }
        return matchLevel(matchText(a), matchText(b))
    }

    private static func matchText(_ value: PhoneValue) -> String {
        guard let e164 = value.e164 else { return value.raw }
        if let ext = value.extension, !ext.isEmpty { return e164 + ";ext=" + ext }
        return e164
    }

    /// The country calling code of a region (`US` → 1), `nil` when libphonenumber does not know it.
    ///
    /// - Parameter region: ISO 3166-1 alpha-2, any case.
    /// - Returns: The calling code, or `nil`.
    public static func countryCode(forRegion region: String) -> Int? {
        if let code = callingCodes[region] { return code }
        return callingCodes[region.uppercased()]
    }

    /// Calling codes of all supported regions, read once from libphonenumber.
    private static let callingCodes: [String: Int] = {
        var codes: [String: Int] = [:]
        for region in supportedRegions {
            let code = region.withCString { kith_phone_country_code_for_region($0) }
            if code != 0 { codes[region] = Int(code) }
        }
        return codes
    }()

    /// The main region of a calling code (`44` → `GB`), `nil` when unknown.
    ///
    /// - Parameter countryCode: A calling code.
    /// - Returns: The region, `001` for non-geographic codes, or `nil`.
    public static func region(forCountryCode countryCode: Int) -> String? {
        let text = withBuffer(4) { out in
            kith_phone_region_for_country_code(Int32(truncatingIfNeeded: countryCode), out)
            return true
        }
        return text == "ZZ" ? nil : text
    }

    /// Whether libphonenumber has metadata for the region.
    ///
    /// - Parameter region: ISO 3166-1 alpha-2, any case.
    /// - Returns: `true` for supported regions.
    public static func isSupportedRegion(_ region: String) -> Bool {
        countryCode(forRegion: region) != nil
    }

    /// All regions libphonenumber supports, sorted.
    public static var supportedRegions: [String] {
        (0..<Int(kith_phone_supported_region_count())).compactMap { index in
            withBuffer(4) { out in
                kith_phone_supported_region(Int32(index), out)
                return true
            }
        }
    }

    /// libphonenumber's example number of a type for a region, in E.164; for tests and benchmarks.
    ///
    /// - Parameters:
    ///   - region: ISO 3166-1 alpha-2.
    ///   - lineType: A Kith line type word (`mobile`, `fixed-line`, …).
    /// - Returns: The example, or `nil` when the region has none of that type.
    public static func exampleNumber(region: String, lineType: String) -> String? {
        guard let type = lineTypeCodes[lineType] else { return nil }
        return withBuffer(64) { kith_phone_example_number(region, type, $0, 64) != 0 }
    }

    /// Formats an E.164 number as libphonenumber does; for tests and benchmarks.
    ///
    /// - Parameters:
    ///   - e164: A number with `+`.
    ///   - style: `e164`, `international`, `national` or `rfc3966`.
    ///   - callingFrom: When set, the form dialled from that region instead (with its IDD).
    /// - Returns: The formatted text, or `nil` when `e164` does not parse.
    public static func format(_ e164: String, style: String, callingFrom: String? = nil) -> String? {
        let styles = [
            "e164": KITH_PHONE_FORMAT_E164, "international": KITH_PHONE_FORMAT_INTERNATIONAL,
            "national": KITH_PHONE_FORMAT_NATIONAL, "rfc3966": KITH_PHONE_FORMAT_RFC3966,
        ]
        let code = Int32(styles[style] ?? KITH_PHONE_FORMAT_E164)
        return withBuffer(96) { out in
            if let callingFrom {
                return kith_phone_format(e164, code, callingFrom, out, 96) != 0
            }
            return kith_phone_format(e164, code, nil, out, 96) != 0
        }
    }

    // MARK: - Bridging

    static let lineTypeCodes: [String: Int32] = [
        "fixed-line": 0, "mobile": 1, "fixed-line-or-mobile": 2, "toll-free": 3, "premium-rate": 4,
        "shared-cost": 5, "voip": 6, "personal-number": 7, "pager": 8, "uan": 9, "voicemail": 10,
    ]
    static let lineTypeNames: [String] = [
        "fixed-line", "mobile", "fixed-line-or-mobile", "toll-free", "premium-rate", "shared-cost", "voip",
        "personal-number", "pager", "uan", "voicemail",
    ]

    private static func withBuffer(_ capacity: Int, _ body: (UnsafeMutablePointer<CChar>) -> Bool) -> String? {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        buffer.initialize(repeating: 0, count: capacity)
        return body(buffer) ? String(cString: buffer) : nil
    }

    private static func run(
        _ raw: String, region: String?,
        _ call: (UnsafePointer<CChar>?, Int, UnsafePointer<CChar>?, UnsafeMutablePointer<kith_phone_result>?) -> Void
    ) -> PhoneParse {
        var result = kith_phone_result()
        var text = raw
        let upper = region?.uppercased() ?? ""
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                upper.withCString { regionPointer in
                    call(chars.baseAddress, chars.count, regionPointer, &result)
                }
            }
        }
        return PhoneParse(result)
    }
}

extension PhoneParse {
    init(_ r: kith_phone_result) {
        switch r.error {
        case Int32(KITH_PHONE_OK): break
        case Int32(KITH_PHONE_INVALID_COUNTRY_CODE):
            self.init(failure: .invalidCountryCode)
            return
        case Int32(KITH_PHONE_TOO_SHORT_AFTER_IDD):
            self.init(failure: .tooShortAfterIDD)
            return
        case Int32(KITH_PHONE_TOO_SHORT_NSN):
            self.init(failure: .tooShortNSN)
            return
        case Int32(KITH_PHONE_TOO_LONG_NSN):
            self.init(failure: .tooLongNSN)
            return
        default:
            self.init(failure: .notANumber)
            return
        }
        var copy = r
        let e164 = withUnsafeBytes(of: &copy.e164) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let region = withUnsafeBytes(of: &copy.region) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let ext = withUnsafeBytes(of: &copy.extension) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let type = Int(r.number_type)
        let lengths: [PhoneParse.Length] = [
            .possible, .possibleLocalOnly, .invalidCountryCode, .tooShort, .invalidLength, .tooLong,
        ]
        self.init(
            failure: nil, e164: e164, countryCode: Int(r.country_code),
            region: region == "ZZ" || region.isEmpty ? nil : region,
            lineType: type >= 0 && type < PhoneNormalizer.lineTypeNames.count
                ? PhoneNormalizer.lineTypeNames[type] : nil,
            isValid: r.is_valid != 0,
            length: r.possible >= 0 && Int(r.possible) < lengths.count ? lengths[Int(r.possible)] : nil,
            extension: ext.isEmpty ? nil : ext)
    }
}
