import KithNormalize
import Testing

/// Legal forms from Wikipedia, "List of legal entity types by country".
@Suite struct OrganizationKeyTests {
    @Test(arguments: [
        ("Acme, Inc.", "acme"), ("Acme Inc", "acme"), ("ACME INCORPORATED", "acme"), ("Acme LLC", "acme"),
        ("Acme L.L.C.", "acme"),
        ("Acme Ltd.", "acme"), ("Acme Limited", "acme"), ("Acme Corp.", "acme"), ("Acme Corporation", "acme"),
        ("Acme Co., Ltd.", "acme"),
        ("Acme plc", "acme"), ("Siemens AG", "siemens"), ("Müller GmbH", "muller"), ("Müller GmbH & Co. KG", "muller"),
        ("Société Générale S.A.", "societe generale"), ("Renault SAS", "renault"), ("Dupont SARL", "dupont"),
        ("Philips N.V.", "philips"),
        ("Booking.com B.V.", "bookingcom"), ("Fiat S.p.A.", "fiat"), ("Mondo S.r.l.", "mondo"),
        ("Telefónica, S.A.", "telefonica"),
        ("Volvo AB", "volvo"), ("Nokia Oyj", "nokia"), ("Toyota K.K.", "toyota"), ("BHP Pty Ltd", "bhp"),
        ("The Coca-Cola Company", "coca cola"),
        ("The Boring Company", "boring"), ("Company", "company"), ("IBM", "ibm"), ("Alphabet Inc.", "alphabet"),
        ("Verein e.V.", "verein"),
    ])
    func key(_ name: String, _ expected: String) {
        #expect(OrganizationKey.key(name) == expected)
    }

    /// Multi-word forms are looked up by their last word; the longest one that fits wins.
    @Test(arguments: [
        ("Foo Co Inc", "foo"), ("X Sp. z o. o.", "x"), ("X Sp. z o.o.", "x sp z oo"), ("Acme GmbH & Co. KGaA", "acme"),
        ("Inc", "inc"), ("Co Inc", "co"),
        ("Acme S.A.S.", "acme"), ("Acme Holding AG & Co. KG", "acme holding"),
    ])
    func multiWordForms(_ name: String, _ expected: String) {
        #expect(OrganizationKey.key(name) == expected)
    }

    @Test(
        arguments: [
            ("jane@acme.com", "acme.com"), ("jane@mail.acme.co.uk", "acme.co.uk"), ("j@research.ibm.com", "ibm.com"),
            ("jane@gmail.com", nil), ("jane@web.de", nil), ("jane@yahoo.co.uk", nil), ("no-at-sign", nil),
        ] as [(String, String?)])
    func emailDomains(_ address: String, _ expected: String?) {
        #expect(OrganizationKey.organizationDomain(ofEmail: address) == expected)
    }
}
