import KithModel
import KithNormalize
import Testing

@Suite struct NameKeysTests {
    /// Apache Commons Codec's DoubleMetaphoneTest (primary and alternate keys), which follow
    /// Philips' published algorithm.
    @Test(arguments: [
        ("testing", "TSTN", "TSTN"), ("The", "0", "T"), ("quick", "KK", "KK"), ("brown", "PRN", "PRN"),
        ("fox", "FKS", "FKS"), ("jumped", "JMPT", "AMPT"), ("over", "AFR", "AFR"), ("lazy", "LS", "LS"),
        ("dogs", "TKS", "TKS"), ("MacCafferey", "MKFR", "MKFR"), ("Stephan", "STFN", "STFN"),
        ("McClelland", "MKLL", "MKLL"),
        ("san jose", "SNHS", "SNHS"), ("xenophobia", "SNFP", "SNFP"),
    ])
    func doubleMetaphone(_ word: String, _ primary: String, _ alternate: String) {
        let keys = DoubleMetaphone.keys(word)
        #expect(keys.primary == primary)
        #expect(keys.alternate == alternate)
    }

    @Test func doubleMetaphoneFromCodecPairs() {
        #expect(DoubleMetaphone.keys("Kuczewski").primary == "KSSK")
        #expect(DoubleMetaphone.keys("Kutchefski").alternate == "KXFS")
        // Commons Codec testIsDoubleMetaphoneEqualBasic
        for (a, b) in [
            ("Brian", "Bryan"), ("Auto", "Otto"), ("Steven", "Stefan"), ("Philipowitz", "Filipowicz"),
            ("cookie", "quick"),
        ] {
            let ka = DoubleMetaphone.keys(a)
            let kb = DoubleMetaphone.keys(b)
            #expect(ka.primary == kb.primary || ka.alternate == kb.alternate, "\(a) ~ \(b)")
        }
    }

    /// The `nicknames` dataset (carltonnorthern/nicknames) and the cited diminutives.
    @Test(arguments: [
        ("Bob", "robert"), ("bobby", "robert"), ("Bill", "william"), ("Liz", "elizabeth"), ("Peggy", "margaret"),
        ("Dick", "richard"), ("Hans", "johannes"), ("Sepp", "josef"), ("Pepe", "jose"), ("Paco", "francisco"),
        ("Beppe", "giuseppe"), ("Gianni", "giovanni"), ("Lola", "dolores"), ("Fritz", "friedrich"),
        ("Margot", "marguerite"),
    ])
    func nicknames(_ nickname: String, _ full: String) {
        #expect(Nicknames.canonicalKeys(for: nickname).contains(full))
        #expect(Nicknames.areEquivalent(nickname, full))
    }

    @Test func nicknameKeysIncludeTheName() {
        #expect(Nicknames.canonicalKeys(for: "Zebulon").contains("zebulon"))
        #expect(Nicknames.canonicalKeys(for: "") == [])
        #expect(!Nicknames.areEquivalent("Robert", "Mary"))
    }

    @Test func normalizedNameFromDisplay() {
        var name = NameValue(full: "DR. MARÍA DE LA CRUZ-SMITH JR.")
        NameNormalizer.normalize(&name)
        #expect(name.componentsRule == "name-from-display")
        #expect(name.caseRule == "name-case-repair")
        #expect(name.given == ["María"])
        #expect(name.surname == ["de la Cruz-Smith"])
        #expect(name.prefixes == ["Dr."])
        #expect(name.suffixes == ["Jr."])
        #expect(name.fullAsWritten == "DR. MARÍA DE LA CRUZ-SMITH JR.")
        #expect(name.keys?.given == "maria")
        #expect(name.keys?.surname == "de la cruz smith")
        #expect(name.keys?.generation == "jr")
    }

    @Test func deliberateCaseIsKept() {
        var name = NameValue(full: "DeShawn McKinley", given: ["DeShawn"], surname: ["McKinley"])
        NameNormalizer.normalize(&name)
        #expect(name.given == ["DeShawn"])
        #expect(name.caseRule == nil)
        #expect(name.componentsRule == nil)
    }
}
