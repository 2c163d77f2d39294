import KithModel
import KithNormalize
import Testing

/// Country names and codes: ISO 3166-1 (alpha-2, alpha-3) and the CLDR country names in
/// English, German, French, Spanish and Italian. Postal formats: the Universal Postal Union's
/// addressing pages per country (GB/CA outward + inward code, NL `1234 AB`, SE `123 45`,
/// US ZIP+4, PL `00-950`). Addresses from the corpus MANIFEST (AOSP v21_adr_multiple_line:
/// city Hamburg, zip 99999, country Deutschland).
@Suite struct AddressNormalizerTests {
    @Test(arguments: [
        ("Deutschland", "DE"), ("Germany", "DE"), ("Allemagne", "DE"), ("Alemania", "DE"), ("Germania", "DE"),
        ("DE", "DE"), ("de", "DE"), ("DEU", "DE"), ("USA", "US"), ("U.S.A.", "US"), ("United States", "US"),
        ("Vereinigte Staaten", "US"), ("États-Unis", "US"), ("Estados Unidos", "US"), ("Stati Uniti", "US"),
        ("United Kingdom", "GB"), ("UK", "GB"), ("Großbritannien", "GB"), ("Royaume-Uni", "GB"), ("GBR", "GB"),
        ("Schweiz", "CH"), ("Suisse", "CH"), ("Svizzera", "CH"), ("Österreich", "AT"), ("Autriche", "AT"),
        ("Niederlande", "NL"), ("Pays-Bas", "NL"), ("Holland", "NL"), ("España", "ES"), ("Spanien", "ES"),
        ("Italia", "IT"), ("Italien", "IT"), ("Frankreich", "FR"), ("Francia", "FR"), ("Japan", "JP"),
        ("Giappone", "JP"), ("CHN", "CN"), ("Brasil", "BR"), ("Brasilien", "BR"), ("Russland", "RU"),
    ])
    func countryCodes(_ text: String, _ code: String) {
        #expect(CountryCodes.alpha2(for: text) == code)
    }

    @Test(arguments: ["Atlantis", "", "XX", "Middle Earth"])
    func unknownCountries(_ text: String) {
        #expect(CountryCodes.alpha2(for: text) == nil)
    }

    @Test(
        arguments: [
            ("sw1a1aa", "GB", "SW1A 1AA"), ("SW1A 1AA", "GB", "SW1A 1AA"), ("ec1a1bb", "GB", "EC1A 1BB"),
            ("k1a0b1", "CA", "K1A 0B1"),
            ("1234ab", "NL", "1234 AB"), ("11455", "SE", "114 55"), ("941052083", "US", "94105-2083"),
            ("94105", "US", "94105"),
            ("00950", "PL", "00-950"), ("D-80331", "DE", "80331"), ("CH-8001", "CH", "8001"),
            ("  75001 ", "FR", "75001"),
            ("F-75001", "FR", "75001"), ("A-1010", "AT", "1010"), ("99999", nil, "99999"),
        ] as [(String, String?, String)])
    func postalCodes(_ text: String, _ country: String?, _ expected: String) {
        #expect(PostalCode.clean(text, country: country) == expected)
    }

    @Test func normalizeSetsCountryCodeAndKeepsWrittenPostalCode() {
        var address = AddressValue(
            street: "Hermann v. Brevern 9999999", locality: "Hamburg", postalCode: "D-99999", country: "Deutschland")
        AddressNormalizer.normalize(&address)
        #expect(address.countryCode == "DE")
        #expect(address.postalCode == "99999")
        #expect(address.postalCodeAsWritten == "D-99999")
        #expect(address.country == "Deutschland")
    }

    /// One-line addresses in the formats of the UPU country pages.
    @Test(arguments: [
        ("Marienplatz 8, 80331 München, Deutschland", "Marienplatz 8", "München", "", "80331", "Deutschland"),
        (
            "1600 Amphitheatre Parkway, Mountain View, CA 94043, USA", "1600 Amphitheatre Parkway", "Mountain View",
            "CA", "94043", "USA"
        ),
        ("1600 Pennsylvania Ave NW\nWashington DC 20500", "1600 Pennsylvania Ave NW", "Washington", "DC", "20500", ""),
        (
            "10 Downing Street, London SW1A 2AA, United Kingdom", "10 Downing Street", "London", "", "SW1A 2AA",
            "United Kingdom"
        ),
        (
            "55 Rue du Faubourg Saint-Honoré\n75008 Paris\nFrance", "55 Rue du Faubourg Saint-Honoré", "Paris", "",
            "75008", "France"
        ),
        ("Bahnhofstrasse 1, 8001 Zürich", "Bahnhofstrasse 1", "Zürich", "", "8001", ""),
    ])
    func formattedAddresses(
        _ text: String, _ street: String, _ city: String, _ region: String, _ code: String, _ country: String
    ) {
        let parsed = FormattedAddress.parse(text)
        #expect(parsed.street == street)
        #expect(parsed.locality == city)
        #expect(parsed.region == region)
        #expect(parsed.postalCode == code)
        #expect(parsed.country == country)
    }

    @Test func componentsFromFormattedWhenEmpty() {
        var address = AddressValue(formatted: "Marienplatz 8, 80331 München, Deutschland")
        AddressNormalizer.normalize(&address)
        #expect(address.componentsRule == "address-from-formatted")
        #expect(address.locality == "München")
        #expect(address.countryCode == "DE")
    }
}
