import KithModel
import KithNormalize
import Testing

/// The fast path and the memo must give exactly libphonenumber's answers.
@Suite struct PhoneAgreementTests {
    /// Every region libphonenumber supports (240+), every example type, six writings each.
    static let samples: [PhoneCorpus.Sample] = {
        var generator = PhoneCorpus.Generator(state: 42)
        let abroad = ["US", "DE", "GB", "FR", "JP", "AU", "BR", "CH", "IN", "IT"]
        var samples: [PhoneCorpus.Sample] = []
        for (e164, region) in PhoneCorpus.examples() {
            let varied = PhoneCorpus.vary(e164, count: 4, &generator)
            samples += PhoneCorpus.writings(of: varied, region: region, abroad: abroad[generator.below(abroad.count)])
        }
        return samples
    }()

    @Test func fastPathAndFallbackEqualLibphonenumber() {
        #expect(Self.samples.count > 3000)
        #expect(Set(Self.samples.map(\.region)).count > 200)
        var fast = 0
        var mismatches: [String] = []
        for sample in Self.samples {
            let reference = PhoneNormalizer.parseWithLibphonenumber(sample.raw, region: sample.region)
            if let quick = PhoneNormalizer.parseFast(sample.raw, region: sample.region) {
                fast += 1
                if quick != reference { mismatches.append("fast \(sample.raw) [\(sample.region)]") }
            }
            if PhoneNormalizer.parse(sample.raw, region: sample.region) != reference {
                mismatches.append("parse \(sample.raw) [\(sample.region)]")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        // The fast path must carry the common shapes, or it is not worth having.
        #expect(fast * 10 >= Self.samples.count * 8)
    }

    /// Junk and edge shapes: the fast path either declines or agrees.
    @Test func randomDigitStringsAgree() {
        var generator = PhoneCorpus.Generator(state: 7)
        let regions = PhoneNormalizer.supportedRegions
        let separators: [Character] = [" ", "-", ".", "(", ")", "/"]
        var mismatches: [String] = []
        for _ in 0..<4000 {
            var raw = generator.below(3) == 0 ? "+" : ""
            for _ in 0..<(1 + generator.below(17)) {
                raw.append(Character(String(generator.below(4) == 0 ? 0 : generator.below(10))))
                if generator.below(5) == 0 { raw.append(separators[generator.below(separators.count)]) }
            }
            let region = generator.below(10) == 0 ? "" : regions[generator.below(regions.count)]
            if let quick = PhoneNormalizer.parseFast(raw, region: region),
                quick != PhoneNormalizer.parseWithLibphonenumber(raw, region: region)
            {
                mismatches.append("\(raw) [\(region)]")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    /// Extensions: the fast path reads ` ext. 12`, ` x12`, `;ext=12` and must agree with
    /// libphonenumber's MaybeStripExtension, in any case and spacing.
    @Test func extensionsAgree() {
        var generator = PhoneCorpus.Generator(state: 99)
        let labels = [
            " ext. ", " ext ", " x", " x ", ";ext=", " EXT. ", " X", " Ext.", " #", " extension ", "x", " ext.  ",
        ]
        var fast = 0
        var mismatches: [String] = []
        for sample in Self.samples.prefix(3000) {
            var raw = sample.raw + labels[generator.below(labels.count)]
            for _ in 0..<generator.below(9) { raw.append(Character(String(generator.below(10)))) }
            let reference = PhoneNormalizer.parseWithLibphonenumber(raw, region: sample.region)
            if let quick = PhoneNormalizer.parseFast(raw, region: sample.region) {
                fast += 1
                if quick != reference { mismatches.append("\(raw) [\(sample.region)]") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(fast > 1000)
    }

    /// Through the whole stage (chunks, memo, region from the record's address): every stored
    /// E.164 equals libphonenumber's, and numbers it finds impossible are left unnormalized.
    @Test func normalizerAgreesWithLibphonenumber() {
        // Regions that are ISO 3166-1 countries (libphonenumber also has AC, TA, XK, 001).
        let samples = Array(Self.samples.filter { CountryCodes.alpha2(for: $0.region) == $0.region }.prefix(6000))
        var contacts: [Contact] = []
        for (index, sample) in samples.enumerated() {
            var contact = Contact(ref: RecordRef(source: index % 3, index: index))
            contact.addresses = [AddressValue(country: sample.region)]
            contact.phones = [PhoneValue(raw: sample.raw), PhoneValue(raw: sample.raw)]
            contacts.append(contact)
        }
        _ = Normalizer().normalize(&contacts)
        var mismatches: [String] = []
        for (contact, sample) in zip(contacts, samples) {
            let international = sample.raw.hasPrefix("+")
            var reference = PhoneNormalizer.parseWithLibphonenumber(
                sample.raw, region: international ? nil : sample.region)
            if international, reference.failure != nil {
                reference = PhoneNormalizer.parseWithLibphonenumber(sample.raw, region: sample.region)
            }
            let expected = reference.isPossible ? reference.e164 : nil
            for phone in contact.phones
            where phone.e164 != expected || (expected != nil && phone.lineType != reference.lineType) {
                mismatches.append("\(sample.raw) [\(sample.region)] \(phone.e164 ?? "nil") vs \(expected ?? "nil")")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}
