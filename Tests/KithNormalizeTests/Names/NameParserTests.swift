import KithNormalize
import Testing

/// Expected components follow the naming conventions documented in Wikipedia: "Personal name"
/// (given–family order, honorifics, generational suffixes), "Dutch name" (tussenvoegsels: van,
/// van der), "German name" (von), "Spanish naming customs" (de la), "Arabic name" (bin, al),
/// "Chinese name" / "Korean name" / "Japanese name" (family name first), "Surname" (the
/// `SURNAME Given` convention of French administrations), and the "Last, First" filing order
/// of library catalogs.
@Suite struct NameParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let display: String
        var prefixes: [String] = []
        var given: [String] = []
        var additional: [String] = []
        var surname: [String] = []
        var suffixes: [String] = []
        var testDescription: String { display }
    }

    static let cases: [Case] = [
        Case(display: "John Smith", given: ["John"], surname: ["Smith"]),
        Case(
            display: "Dr. María de la Cruz-Smith Jr.", prefixes: ["Dr."], given: ["María"],
            surname: ["de la Cruz-Smith"], suffixes: ["Jr."]),
        Case(display: "Smith, John", given: ["John"], surname: ["Smith"]),
        Case(display: "Smith, John Paul", given: ["John"], additional: ["Paul"], surname: ["Smith"]),
        Case(display: "SMITH John", given: ["John"], surname: ["SMITH"]),
        Case(display: "DUPONT Jean-Pierre", given: ["Jean-Pierre"], surname: ["DUPONT"]),
        Case(display: "Ludwig van Beethoven", given: ["Ludwig"], surname: ["van Beethoven"]),
        Case(display: "Vincent van der Berg", given: ["Vincent"], surname: ["van der Berg"]),
        Case(display: "Otto von Bismarck", given: ["Otto"], surname: ["von Bismarck"]),
        Case(display: "Leonardo da Vinci", given: ["Leonardo"], surname: ["da Vinci"]),
        Case(display: "Charles de Gaulle", given: ["Charles"], surname: ["de Gaulle"]),
        Case(display: "Mohammed bin Salman", given: ["Mohammed"], surname: ["bin Salman"]),
        Case(display: "John Fitzgerald Kennedy", given: ["John"], additional: ["Fitzgerald"], surname: ["Kennedy"]),
        Case(
            display: "Martin Luther King Jr.", given: ["Martin"], additional: ["Luther"], surname: ["King"],
            suffixes: ["Jr."]),
        Case(display: "John Smith, Jr.", given: ["John"], surname: ["Smith"], suffixes: ["Jr."]),
        Case(display: "John Smith III", given: ["John"], surname: ["Smith"], suffixes: ["III"]),
        Case(display: "Mrs. Jane Doe", prefixes: ["Mrs."], given: ["Jane"], surname: ["Doe"]),
        Case(display: "Prof. Dr. Hans Müller", prefixes: ["Prof.", "Dr."], given: ["Hans"], surname: ["Müller"]),
        Case(display: "Herr Günter Groß", prefixes: ["Herr"], given: ["Günter"], surname: ["Groß"]),
        Case(display: "Jane Doe PhD", given: ["Jane"], surname: ["Doe"], suffixes: ["PhD"]),
        Case(display: "Madonna", given: ["Madonna"]),
        // corpus vcard/ez-vcard/John_Doe_GMAIL.vcf: FN and its N `Doe;John;Richter,James;Mr.;Sr.`
        Case(
            display: "Mr. John Richter, James Doe Sr.", prefixes: ["Mr."], given: ["John"],
            additional: ["Richter", "James"], surname: ["Doe"], suffixes: ["Sr."]),
        Case(display: "de la Cruz, María", given: ["María"], surname: ["de la Cruz"]),
        Case(display: "王小明", given: ["小明"], surname: ["王"]),
        Case(display: "李娜", given: ["娜"], surname: ["李"]),
        Case(display: "欧阳修", given: ["修"], surname: ["欧阳"]),
        Case(display: "김민준", given: ["민준"], surname: ["김"]),
        Case(display: "山田 太郎", given: ["太郎"], surname: ["山田"]),
        Case(display: "佐藤健", given: ["健"], surname: ["佐藤"]),
        Case(display: "Gabriel García Márquez", given: ["Gabriel"], additional: ["García"], surname: ["Márquez"]),
        Case(display: "Anne-Marie O'Neil", given: ["Anne-Marie"], surname: ["O'Neil"]),
        Case(display: "Jan de Vries", given: ["Jan"], surname: ["de Vries"]),
        Case(display: "Mme Claire Dubois", prefixes: ["Mme"], given: ["Claire"], surname: ["Dubois"]),
    ]

    @Test(arguments: cases)
    func parse(_ c: Case) {
        let parsed = NameParser.parse(c.display)
        #expect(parsed.prefixes == c.prefixes)
        #expect(parsed.given == c.given)
        #expect(parsed.additional == c.additional)
        #expect(parsed.surname == c.surname)
        #expect(parsed.suffixes == c.suffixes)
    }

    /// Case repair: Wikipedia "Mac and Mc surnames" (McDonald, MacArthur; Mack and Macy are not
    /// Mac names), "Irish name" (O'Neil), "Dutch name" (lower-case van der inside a name).
    @Test(arguments: [
        ("JOHN SMITH", "John Smith"), ("john smith", "John Smith"), ("MCDONALD", "McDonald"), ("mcdonald", "McDonald"),
        ("MACARTHUR", "MacArthur"), ("MACK", "Mack"), ("MACY", "Macy"), ("O'NEIL", "O'Neil"), ("o'brien", "O'Brien"),
        ("ANNE-MARIE", "Anne-Marie"), ("JEAN-LUC PICARD", "Jean-Luc Picard"),
        ("VINCENT VAN DER BERG", "Vincent van der Berg"),
        ("VAN DER BERG", "Van der Berg"), ("MÜLLER", "Müller"), ("JOHN SMITH III", "John Smith III"),
        ("John McDonald", "John McDonald"), ("DeShawn Jackson", "DeShawn Jackson"), ("iPhone User", "iPhone User"),
        ("ÉMILE ZOLA", "Émile Zola"), ("d'angelo", "D'Angelo"),
    ])
    func caseRepair(_ input: String, _ expected: String) {
        #expect(NameCase.repair(input) == expected)
    }

    /// Folding: Unicode NFKD without marks (UAX #15), the German ß → ss rule, ICU
    /// transliteration (BGN/PCGN-style Latin for Cyrillic and Greek, pinyin for Han).
    @Test(arguments: [
        ("Müller", "muller"), ("GROSS", "gross"), ("Groß", "gross"), ("O'Neil", "oneil"), ("Cruz-Smith", "cruz smith"),
        ("de la Cruz", "de la cruz"), ("Ｊｏｈｎ", "john"), ("Søren", "soren"), ("Łukasz", "lukasz"), ("Æsa", "aesa"),
        ("Владимир", "vladimir"), ("Γιώργος", "giorgos"), ("王", "wang"), ("  J.  R.  ", "j r"), ("Zoë", "zoe"),
        ("François", "francois"), ("Ñúñez", "nunez"), ("Đorđe", "dorde"),
    ])
    func folding(_ input: String, _ expected: String) {
        #expect(NameFolding.fold(input) == expected)
    }
}
