/// Matching keys of organization names, and organizations inferred from email domains.
public enum OrganizationKey {
    /// The matching key of an organization name: folded (`NameFolding`), a leading `The` and
    /// trailing legal-form words removed (`Acme, Inc.` → `acme`, `Siemens AG` → `siemens`,
    /// `Müller GmbH & Co. KG` → `muller`, `Société Générale S.A.` → `societe generale`).
    ///
    /// Legal forms: Wikipedia, "List of legal entity types by country" (US, UK, DE, AT, CH, FR,
    /// BE, NL, IT, ES, PT, Nordic countries, PL, JP).
    ///
    /// - Parameter name: An organization name.
    /// - Returns: The key; the folded name when removing forms would leave nothing.
    /// - Complexity: O(n).
    public static func key(_ name: String) -> String {
        var words = NameFolding.words(name)
        let all = words
        if words.count > 1, words.first == "the" { words.removeFirst() }
        var changed = true
        while changed, words.count > 1, let last = words.last {
            changed = false
            // Only the forms ending with the last word can match (`legalFormsByLastWord` keeps
            // `legalForms`' longest-first order).
            for form in legalFormsByLastWord[last] ?? []
            where form.count < words.count && words.suffix(form.count).elementsEqual(form) {
                words.removeLast(form.count)
                changed = true
                break
            }
        }
        return (words.isEmpty ? all : words).joined(separator: " ")
    }

    /// Legal-form word sequences (folded), longest first.
    static let legalForms: [[String]] = [
        "gmbh co kg", "gmbh co kgaa", "ag co kg", "sp z o o", "pty ltd", "pte ltd", "pvt ltd", "s a s", "s a r l",
        "s r l", "s p a", "s l", "s a", "b v", "n v", "l l c", "l l p", "co ltd", "co inc", "kabushiki kaisha",
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation", "co", "company", "plc",
        "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "ev", "eg", "gbr", "se", "sa", "sas", "sarl", "sasu", "eurl",
        "sca", "scs", "snc", "srl", "spa", "sapa", "sl", "slu", "bv", "nv", "vof", "cv", "ab", "as", "asa", "aps",
        "oy", "oyj", "hf", "kk", "pty", "pte", "pvt", "lda", "ltda", "sro", "as", "zrt", "kft", "doo", "ad",
    ].map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }

    /// `legalForms` by their last word, each list in `legalForms`' order.
    static let legalFormsByLastWord: [String: [[String]]] = legalForms.reduce(into: [:]) { result, form in
        if let last = form.last { result[last, default: []].append(form) }
    }

    /// The organization domain of an email address: its registrable domain when the address is
    /// not at a free-mail provider (`jane@mail.acme.co.uk` → `acme.co.uk`), else `nil`.
    ///
    /// - Parameter address: A cleaned email address.
    /// - Returns: The registrable domain, or `nil`.
    public static func organizationDomain(ofEmail address: String) -> String? {
        guard let domain = EmailNormalizer.domain(of: address),
            // An ASCII domain is searched on its bytes (`contains(".")` goes through Foundation).
            domain.isASCII ? domain.utf8.contains(UInt8(ascii: ".")) : domain.contains("."),
            !FreeMailDomains.contains(domain)
        else { return nil }
        let labels = domain.split(separator: ".").map(String.init)
        guard labels.count >= 2 else { return nil }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        let take = (secondLevelSuffixes.contains(lastTwo) && labels.count >= 3) ? 3 : 2
        let registrable = labels.suffix(take).joined(separator: ".")
        return FreeMailDomains.contains(registrable) ? nil : registrable
    }

    /// Two-label public suffixes common in address books (from the Public Suffix List,
    /// publicsuffix.org: the ccTLD second levels of UK, AU, NZ, JP, BR, ZA, IN, CN, KR, IL, TR, MX, AR).
    static let secondLevelSuffixes: Set<String> = [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "com.au", "net.au", "org.au", "edu.au",
        "gov.au", "co.nz", "org.nz", "ac.nz", "co.jp", "ne.jp", "or.jp", "ac.jp", "com.br", "net.br", "org.br",
        "co.za", "org.za", "co.in", "firm.in", "net.in", "com.cn", "net.cn", "org.cn", "co.kr", "or.kr", "co.il",
        "org.il", "ac.il", "com.tr", "com.mx", "com.ar", "com.sg", "com.hk", "com.tw", "co.at", "or.at", "com.es",
        "com.pl", "co.id", "com.my", "com.ph",
    ]
}
