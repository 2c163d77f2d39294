import KithModel
import KithNormalize
import Testing

/// The stage as the pipeline calls it: region inference, inferred values with their rules,
/// diagnostics, and results independent of the chunking.
@Suite struct NormalizerTests {
    static func contact(_ source: Int, _ index: Int, phones: [String] = [], country: String? = nil) -> Contact {
        var contact = Contact(ref: RecordRef(source: source, index: index))
        contact.phones = phones.map { PhoneValue(raw: $0, meta: FieldMeta(line: index + 1)) }
        if let country { contact.addresses = [AddressValue(locality: "X", country: country)] }
        return contact
    }

    @Test func regionInferenceOrder() {
        var contacts = [
            Self.contact(0, 0, phones: ["030 123456"], country: "Deutschland"),
            Self.contact(1, 0, phones: ["+44 20 7031 3000"]),
            Self.contact(1, 1, phones: ["+44 20 7031 3002", "+1 650 253 0000"]),
            Self.contact(1, 2, phones: ["020 7031 3001"]),
            Self.contact(2, 0, phones: ["(650) 253-0000"]),
            Self.contact(2, 1, phones: ["+41 44 668 18 00"], country: "Schweiz"),
        ]
        let diagnostics = Normalizer(options: NormalizeOptions(defaultRegion: "us")).normalize(&contacts)
        #expect(contacts[0].phones[0].e164 == "+4930123456")
        #expect(contacts[0].phones[0].regionRule == "record-address")
        #expect(contacts[0].phones[0].lineType == "fixed-line")
        #expect(contacts[1].phones[0].regionRule == "number")
        #expect(contacts[3].phones[0].e164 == "+442070313001")
        #expect(contacts[3].phones[0].regionRule == "source-dominant")
        #expect(contacts[3].phones[0].region == "GB")
        // Source 2's only international number is Swiss, so CH is its dominant country.
        // A 10-digit number is too long for CH: kept unnormalized, with a diagnostic.
        #expect(contacts[4].phones[0].e164 == nil)
        #expect(contacts[4].phones[0].unnormalized == "impossible-length")
        #expect(contacts.map { $0.phones[0].unnormalized } == [nil, nil, nil, nil, "impossible-length", nil])
        #expect(
            diagnostics.contains { $0.source == 2 && $0.record == 0 && $0.code == "normalize.phone.impossible-length" })
        #expect(diagnostics.allSatisfy { $0.code.rawValue.hasPrefix("normalize.") })
    }

    @Test func defaultRegionAndNoRegion() {
        var withDefault = [Self.contact(0, 0, phones: ["(650) 253-0000"])]
        _ = Normalizer(options: NormalizeOptions(defaultRegion: "US")).normalize(&withDefault)
        #expect(withDefault[0].phones[0].e164 == "+16502530000")
        #expect(withDefault[0].phones[0].regionRule == "default")

        var without = [Self.contact(0, 0, phones: ["(650) 253-0000"])]
        let diagnostics = Normalizer().normalize(&without)
        #expect(without[0].phones[0].e164 == nil)
        #expect(without[0].phones[0].raw == "(650) 253-0000")
        #expect(diagnostics.map(\.code) == ["normalize.phone.no-region"])
        #expect(diagnostics.first?.line == 1)
        #expect(diagnostics.first?.record == 0)
        #expect(without[0].phones[0].unnormalized == "no-region")
        #expect(withDefault[0].phones[0].unnormalized == nil)
        // One number is told as itself.
        #expect(
            diagnostics.first?.message
                == "\"(650) 253-0000\" has no country code and no region could be inferred (address, source, --default-region); kept unnormalized"
        )
    }

    /// A source without a region has no country code on any national number (a FRITZ!Box
    /// phonebook): that is told once for the source, at its first such number, with the count;
    /// each value says it in `unnormalized`. Another source is told of its own.
    @Test func numbersWithoutARegionAreToldOncePerSource() {
        var contacts = [
            Self.contact(0, 0, phones: ["030 1234567", "089 7654321"]),
            Self.contact(0, 1, phones: ["0221 555555", "500@sip.example.net"]),
            Self.contact(1, 0, phones: ["040 999999"]),
            Self.contact(1, 1, phones: ["0711 123456"]),
            // An international number gives source 2 its region: its national number is read.
            Self.contact(2, 0, phones: ["+49 30 1234567", "040 999999"]),
        ]
        let diagnostics = Normalizer().normalize(&contacts)
        #expect(
            diagnostics.map { "\($0.source ?? -1)/\($0.record ?? -1)@\($0.line) \($0.code)" } == [
                "0/0@1 normalize.phone.no-region", "0/1@2 normalize.phone.sip-address",
                "1/0@1 normalize.phone.no-region",
            ])
        #expect(diagnostics[0].message.hasPrefix("3 phone numbers have no country code"))
        #expect(diagnostics[0].message.hasSuffix("(the first: \"030 1234567\")"))
        #expect(diagnostics[2].message.hasPrefix("2 phone numbers have no country code"))
        #expect(
            contacts.flatMap { $0.phones.map(\.unnormalized) } == [
                "no-region", "no-region", "no-region", "sip-address", "no-region", "no-region", nil, nil,
            ])
        #expect(contacts[4].phones.map(\.e164) == ["+49301234567", "+4940999999"])
    }

    /// FRITZ!Box phonebooks keep internet telephony addresses and internal numbers among the
    /// numbers (the corpus file has `500@hd-telefonie.avm.de` and `**41`): they are reported as
    /// what they are, not as numbers missing a region, and never given an E.164 form.
    @Test func sipAddressesAndInternalCodesAreNotNumbers() {
        var contacts = [
            Self.contact(
                0, 0, phones: ["500@hd-telefonie.avm.de", "sip:alice@example.org", "**41", "*31#", "030 1234567"],
                country: "DE")
        ]
        let diagnostics = Normalizer().normalize(&contacts)
        #expect(contacts[0].phones.map(\.e164) == [nil, nil, nil, nil, "+49301234567"])
        // Told once per source and kind, with the count and the first value.
        #expect(diagnostics.map(\.code) == ["normalize.phone.sip-address", "normalize.phone.internal"])
        #expect(
            diagnostics.first?.message
                == "2 values are internet telephony (SIP) addresses, not phone numbers; kept as written, each marked \"unnormalized\": \"sip-address\" in its values (the first: \"500@hd-telefonie.avm.de\")"
        )
        #expect(contacts[0].phones.map(\.unnormalized) == ["sip-address", "sip-address", "internal", "internal", nil])
        #expect(
            contacts[0].phones.map(\.raw) == [
                "500@hd-telefonie.avm.de", "sip:alice@example.org", "**41", "*31#", "030 1234567",
            ])
    }

    /// Which values are told apart: an `@`, or a `sip:`/`sips:` scheme, makes a SIP address; a
    /// star or hash first with only digits, stars and hashes (at most six digits) an internal
    /// code; anything else is left to libphonenumber (a number dialled with a prefix such as
    /// `#31#` stays a number).
    @Test(arguments: [
        ("SIP:bob@example.net", "normalize.phone.sip-address"),
        ("sips:bob", "normalize.phone.sip-address"),
        ("**610", "normalize.phone.internal"),
        ("# 31 #", "normalize.phone.internal"),
        ("#31#030123456789", "normalize.phone.unparseable"),
        ("030 1234567", nil),
    ])
    func diallingKinds(_ raw: String, _ code: String?) {
        var contacts = [Self.contact(0, 0, phones: [raw], country: "DE")]
        let diagnostics = Normalizer().normalize(&contacts)
        #expect(diagnostics.map(\.code.description) == (code.map { [$0] } ?? []))
        // The value says why, in the code's last word.
        #expect(contacts[0].phones[0].unnormalized == code.map { String($0.dropFirst("normalize.phone.".count)) })
    }

    @Test func extensionsAndIDD() {
        var contacts = [Self.contact(0, 0, phones: ["+1 650 253 0000 ext. 42", "011 44 20 7031 3000"], country: "US")]
        _ = Normalizer().normalize(&contacts)
        #expect(contacts[0].phones[0].e164 == "+16502530000")
        #expect(contacts[0].phones[0].extension == "42")
        #expect(contacts[0].phones[1].e164 == "+442070313000")
        #expect(contacts[0].phones[1].regionRule == "number")
    }

    /// "00" is the international prefix of most of the world (ITU-T E.164 recommends it), so a
    /// US address book copied from a European phone holds "0049 …" numbers that the US prefix
    /// (011) does not cover; they are read as "+49 …". A US number after "00" too.
    @Test func doubleZeroIsReadAsInternationalWhereTheRegionDialsOtherwise() {
        var contacts = [
            Self.contact(0, 0, phones: ["0049 30 1234567", "001 650 253 0000", "(650) 253-0000"], country: "US"),
            Self.contact(1, 0, phones: ["0049 30 1234567"], country: "DE"),
            // No region at all (no address, no international number in the source, no default).
            Self.contact(2, 0, phones: ["0049 30 1234567", "030 1234567"]),
        ]
        let diagnostics = Normalizer().normalize(&contacts)
        #expect(contacts[0].phones.map(\.e164) == ["+49301234567", "+16502530000", "+16502530000"])
        #expect(contacts[0].phones.map(\.regionRule) == ["number", "number", "record-address"])
        #expect(contacts[1].phones[0].e164 == "+49301234567")
        #expect(contacts[2].phones.map(\.e164) == ["+49301234567", nil])
        #expect(diagnostics.filter { $0.source == 2 }.map(\.code) == ["normalize.phone.no-region"])
    }

    /// A number of another country that libphonenumber places in no region (a range not
    /// assigned, though of a possible length) gets no region, not the record's own.
    @Test func foreignNumberWithoutARegionDoesNotTakeTheRecordsRegion() {
        var contacts = [Self.contact(0, 0, phones: ["+44 793754949"], country: "AT")]
        _ = Normalizer().normalize(&contacts)
        #expect(contacts[0].phones[0].e164 == "+44793754949")
        #expect(contacts[0].phones[0].region == nil)
        #expect(contacts[0].phones[0].regionRule == "number")
    }

    @Test func emailsOrganizationsProfilesDates() {
        var contact = Contact(ref: RecordRef(source: 0, index: 0))
        contact.name = NameValue(full: "SMITH John")
        contact.emails = [
            EmailValue(raw: "John Smith <John.Smith@Acme.com>", meta: FieldMeta(types: ["work"])),
            EmailValue(raw: "not an address"),
        ]
        contact.links = [LinkValue(uri: "https://www.linkedin.com/in/JSmith/")]
        contact.onlineServices = [OnlineServiceValue(service: "twitter", user: "@JSmith")]
        contact.dates = [DateValue(kind: .birth, date: PartialDate(year: 1980, month: 2, day: 30), raw: "1980-02-30")]
        var contacts = [contact]
        let diagnostics = Normalizer().normalize(&contacts)
        let result = contacts[0]
        #expect(result.name?.given == ["John"])
        #expect(result.name?.surname == ["Smith"])
        #expect(result.name?.componentsRule == "name-from-display")
        #expect(result.emails[0].address == "John.Smith@acme.com")
        #expect(result.emails[0].key == "john.smith@acme.com")
        #expect(result.organizations.count == 1)
        #expect(result.organizations.first?.name == "acme.com")
        #expect(result.organizations.first?.key == "acme")
        #expect(result.organizations.first?.inferredBy == "organization-from-email-domain")
        #expect(result.links[0].profileKey == "linkedin:in/jsmith")
        #expect(result.onlineServices[0].profileKey == "twitter:jsmith")
        #expect(result.dates[0].date == nil)
        #expect(result.dates[0].raw == "1980-02-30")
        #expect(Set(diagnostics.map(\.code)) == ["normalize.email.invalid", "normalize.date.impossible"])
    }

    @Test func noInferenceWithoutWorkEmailOrWithOrganization() {
        var home = Contact(ref: RecordRef(source: 0, index: 0))
        home.emails = [EmailValue(raw: "jane@acme.com", meta: FieldMeta(types: ["home"]))]
        var employed = Contact(ref: RecordRef(source: 0, index: 1))
        employed.emails = [EmailValue(raw: "jane@acme.com", meta: FieldMeta(types: ["work"]))]
        employed.organizations = [OrganizationValue(name: "Acme, Inc.")]
        var freeMail = Contact(ref: RecordRef(source: 0, index: 2))
        freeMail.emails = [EmailValue(raw: "jane@gmail.com", meta: FieldMeta(types: ["work"]))]
        var contacts = [home, employed, freeMail]
        _ = Normalizer().normalize(&contacts)
        #expect(contacts[0].organizations.isEmpty)
        #expect(contacts[1].organizations.count == 1)
        #expect(contacts[1].organizations[0].key == "acme")
        #expect(contacts[2].organizations.isEmpty)
    }

    /// A link is a URI (JSContact `Link.uri`, vCard `URL`): a web address written without a
    /// scheme gets `http://`, the text as written stays in `raw`; other text is kept and reported.
    @Test func linksBecomeURIsAndKeepTheirText() {
        var contact = Contact(ref: RecordRef(source: 0, index: 0))
        contact.links = [
            LinkValue(uri: "www.linkedin.com/in/JSmith", meta: FieldMeta(line: 3)),
            LinkValue(uri: "https://example.com/a"),
            LinkValue(uri: "see my blog", meta: FieldMeta(line: 5)),
        ]
        var contacts = [contact]
        let diagnostics = Normalizer().normalize(&contacts)
        let links = contacts[0].links
        #expect(links.map(\.uri) == ["http://www.linkedin.com/in/JSmith", "https://example.com/a", "see my blog"])
        #expect(links.map(\.raw) == ["www.linkedin.com/in/JSmith", "https://example.com/a", "see my blog"])
        #expect(links[0].profileKey == "linkedin:in/jsmith")
        #expect(diagnostics.map(\.code) == ["normalize.url.not-a-uri"])
        #expect(diagnostics.map(\.line) == [5])
    }

    /// Year 1900 is a placeholder only in a source that uses it for several dates.
    @Test func year1900StyleIsPerSource() {
        func dated(_ source: Int, _ index: Int) -> Contact {
            var contact = Contact(ref: RecordRef(source: source, index: index))
            contact.dates = [
                DateValue(
                    kind: .birth, date: PartialDate(year: 1900, month: 5, day: index + 1), raw: "1900-05-0\(index + 1)")
            ]
            return contact
        }
        var contacts = [dated(0, 0), dated(0, 1), dated(1, 2)]
        _ = Normalizer().normalize(&contacts)
        #expect(contacts[0].dates[0].date == PartialDate(month: 5, day: 1))
        #expect(contacts[1].dates[0].rule == "placeholder-year-1900")
        #expect(contacts[2].dates[0].date?.year == 1900)
    }

    /// A source whose dates really reach back to 1900 (a register, FEBRL) keeps its year 1900:
    /// its years 1901–1910 hold more dates than 1900 itself, as real birth years do.
    @Test func year1900StaysAYearWhereTheYearsAfterItAreAsFull() {
        func born(_ index: Int, _ year: Int, source: Int = 0) -> Contact {
            var contact = Contact(ref: RecordRef(source: source, index: index))
            contact.dates = [
                DateValue(kind: .birth, date: PartialDate(year: year, month: 4, day: 15), raw: "\(year)-04-15")
            ]
            return contact
        }
        // Source 0: 1900 twice, 1901–1910 three times (2 < 2 × 3): real years.
        // Source 1: 1900 twice, 1905 once (2 >= 2 × 1): the placeholder.
        var contacts = [born(0, 1900), born(1, 1900), born(2, 1901), born(3, 1905), born(4, 1910)]
        contacts += [born(5, 1900, source: 1), born(6, 1900, source: 1), born(7, 1905, source: 1)]
        _ = Normalizer().normalize(&contacts)
        #expect(contacts[0].dates[0].date == PartialDate(year: 1900, month: 4, day: 15))
        #expect(contacts[1].dates[0].rule == nil)
        #expect(contacts[5].dates[0].date == PartialDate(month: 4, day: 15))
        #expect(contacts[6].dates[0].rule == "placeholder-year-1900")
        #expect(contacts[7].dates[0].date?.year == 1905)
    }

    /// Many contacts (several chunks on several threads) give the same values and diagnostics as
    /// the same contacts normalized on their own.
    @Test func chunkingDoesNotChangeResults() {
        let raws = ["030 123456", "+44 20 7031 3000", "(650) 253-0000", "12", "+49 (0)30 1234567", "not a phone"]
        var contacts: [Contact] = []
        for index in 0..<3000 {
            var contact = Self.contact(
                0, index, phones: [raws[index % raws.count]], country: index % 2 == 0 ? "DE" : "US")
            contact.emails = [EmailValue(raw: index % 7 == 0 ? "broken@" : "user\(index)@example.com")]
            contacts.append(contact)
        }
        var together = contacts
        let diagnosticsTogether = Normalizer().normalize(&together)
        var diagnosticsAlone: [Diagnostic] = []
        var alone: [Contact] = []
        // Small batches run on one thread; same source so the dominant country is the same.
        for start in stride(from: 0, to: contacts.count, by: 100) {
            var batch = Array(contacts[start..<start + 100])
            diagnosticsAlone += Normalizer().normalize(&batch)
            alone += batch
        }
        #expect(together == alone)
        #expect(diagnosticsTogether == diagnosticsAlone)
    }

    /// The count and the first value of a source's numbers without a region do not depend on
    /// how its contacts are split among cores: the chunks are added up in contact order.
    @Test func keptNumbersAreCountedWhateverTheChunking() {
        var contacts: [Contact] = []
        for index in 0..<3000 {
            let raw = index % 10 == 9 ? "\(index)@sip.example.net" : "030 \(100_000 + index)"
            contacts.append(Self.contact(0, index, phones: [raw]))
        }
        // The SIP addresses start at record 9; the other source is counted apart.
        contacts.append(Self.contact(1, 0, phones: ["089 123456"]))
        let diagnostics = Normalizer().normalize(&contacts)
        #expect(
            diagnostics.map { "\($0.source ?? -1)/\($0.record ?? -1) \($0.code)" } == [
                "0/0 normalize.phone.no-region", "0/9 normalize.phone.sip-address", "1/0 normalize.phone.no-region",
            ])
        #expect(diagnostics[0].message.hasPrefix("2700 phone numbers"))
        #expect(diagnostics[0].message.hasSuffix("(the first: \"030 100000\")"))
        #expect(diagnostics[1].message.hasPrefix("300 values"))
        #expect(diagnostics[1].message.hasSuffix("(the first: \"9@sip.example.net\")"))
        #expect(diagnostics[2].message.hasPrefix("\"089 123456\" has no country code"))
    }
}
