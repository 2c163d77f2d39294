/// The mapping of vCard `TYPE` words to JSContact `contexts` and phone `features` (RFC 9555
/// §2.3.3 TEL, §2.3.1 ADR, §1.5.1 contexts).
///
/// Words without a JSContact equivalent (`internet`, `pref`, `x-custom`, `postal`) stay in the
/// value's `types` in the person's `values` entry, so nothing is lost.
enum TypeWords {
    /// The JSContact context of a type word: `home` is `private`, `work` is `work`.
    static func context(_ word: String) -> StaticString? {
        switch word {
        case "home": "private"
        case "work": "work"
        default: nil
        }
    }

    /// The JSContact phone feature of a type word (`cell` is `mobile`).
    static func feature(_ word: String) -> StaticString? {
        switch word {
        case "voice": "voice"
        case "cell", "mobile", "iphone": "mobile"
        case "fax": "fax"
        case "pager": "pager"
        case "text": "text"
        case "textphone": "textphone"
        case "video": "video"
        case "main", "main-number": "main-number"
        default: nil
        }
    }

    /// Writes `"contexts":{…}` for the type words that map to a context, in first-seen order.
    static func writeContexts(_ types: [String], into out: inout JSONBuffer) {
        write("contexts", types, context, into: &out)
    }

    /// Writes `"features":{…}` for the type words that map to a phone feature.
    static func writeFeatures(_ types: [String], into out: inout JSONBuffer) {
        write("features", types, feature, into: &out)
    }

    private static func write(
        _ member: StaticString, _ types: [String], _ map: (String) -> StaticString?, into out: inout JSONBuffer
    ) {
        guard !types.isEmpty else { return }
        var written: [StaticString] = []
        for word in types {
            guard let name = map(word) else { continue }
            if written.contains(where: { $0.utf8Start == name.utf8Start }) { continue }
            if written.isEmpty {
                out.key(member)
                out.objectStart()
            }
            written.append(name)
            out.key(name)
            out.bool(true)
        }
        if !written.isEmpty { out.objectEnd() }
    }
}
