import KithModel
import Testing

@Suite struct PartialDateTests {
    /// The forms of RFC 6350 §4.3.1 (date) and §4.3.3 (date-and-or-time), extended format.
    @Test(arguments: [
        (PartialDate(year: 1985, month: 4, day: 12), "1985-04-12"),
        (PartialDate(year: 1985, month: 4), "1985-04"),
        (PartialDate(year: 1985), "1985"),
        (PartialDate(month: 4, day: 12), "--04-12"),
        (PartialDate(month: 4), "--04"),
        (PartialDate(day: 12), "---12"),
        (
            PartialDate(year: 1996, month: 4, day: 15, hour: 10, minute: 22, second: 0, utcOffsetMinutes: 0),
            "1996-04-15T10:22:00Z"
        ),
        (
            PartialDate(year: 1953, month: 10, day: 15, hour: 23, minute: 10, second: 0, utcOffsetMinutes: -300),
            "1953-10-15T23:10:00-05:00"
        ),
    ])
    func writesISOFormsWithDashesForUnknownParts(date: PartialDate, expected: String) {
        #expect(date.description == expected)
    }

    @Test func completenessAndOrder() {
        #expect(PartialDate(year: 1980, month: 4, day: 15).isComplete)
        #expect(!PartialDate(month: 4, day: 15).isComplete)
        #expect(PartialDate(year: 1980, month: 4, day: 15) < PartialDate(year: 1980, month: 5, day: 1))
    }
}

@Suite struct IdentityTests {
    /// RFC 9562 §5.8: version 8 in the high nibble of octet 6, variant `10` in octet 8.
    @Test func stableIDsAreVersion8UUIDURNs() {
        let id = StableID.urn(namespace: "person", name: "uid:ABC")
        #expect(id.hasPrefix("urn:uuid:"))
        let hex = Array(id.dropFirst("urn:uuid:".count))
        #expect(hex.count == 36)
        #expect(hex[8] == "-" && hex[13] == "-" && hex[18] == "-" && hex[23] == "-")
        #expect(hex[14] == "8")
        #expect(["8", "9", "a", "b"].contains(hex[19]))
        #expect(StableID.urn(namespace: "person", name: "uid:ABC") == id)
        #expect(StableID.urn(namespace: "group", name: "uid:ABC") != id)
    }

    /// The id is the first 16 bytes of SHA-256("kith:person:uid:ABC") with the version and
    /// variant bits set (digest computed independently with Python's hashlib); the bits and
    /// the text are the same UUID.
    @Test func stableIDBitsAndTextAgree() {
        let bits = StableID.uuid(namespace: "person", name: "uid:ABC")
        #expect(bits == UUIDBits(high: 0x5ef0_123c_59bc_8cd3, low: 0xbda9_713b_47b2_8b7d))
        #expect(StableID.urn(bits) == "urn:uuid:5ef0123c-59bc-8cd3-bda9-713b47b28b7d")
        #expect(StableID.urn(namespace: "person", name: "uid:ABC") == "urn:uuid:5ef0123c-59bc-8cd3-bda9-713b47b28b7d")
        #expect(
            StableID.urn(UUIDBits(high: 0x0123_4567_89ab_cdef, low: 0xfedc_ba98_7654_3210))
                == "urn:uuid:01234567-89ab-cdef-fedc-ba9876543210")
    }

    /// FIPS 180-4 test vector: SHA-256("abc").
    @Test func sha256OfABC() {
        #expect(
            ContentHash.sha256Hex(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func recordReferencesPrintAsTheDatasetWritesThem() {
        let ref = RecordRef(source: 0, index: 17)
        #expect(ref.description == "S1#17")
        #expect(ref.sourceID == "S1")
        #expect(RecordRef(source: 1, index: 0) > ref)
    }

    @Test func errorsPrintPathLineCodeAndMessage() {
        let error = KithError(.unknownFormat, "is not an address book", path: "notes.txt", line: 3)
        #expect(error.description == "notes.txt:3: io.unknown-format: is not an address book")
    }
}

@Suite struct DiagnosticQuoteTests {
    /// A short value is quoted whole; one past 100 characters shows its first 80 and its length.
    @Test func longValuesAreShortenedInMessages() {
        #expect(Diagnostic.quote("+49 89 1234") == "\"+49 89 1234\"")
        let hundred = String(repeating: "7", count: 100)
        #expect(Diagnostic.quote(hundred) == "\"" + hundred + "\"")
        let long = String(repeating: "A", count: 225_000)
        #expect(Diagnostic.quote(long) == "\"" + String(repeating: "A", count: 80) + "…\" (225000 characters)")
    }
}
