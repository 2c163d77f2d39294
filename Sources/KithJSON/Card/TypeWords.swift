/// The mapping of vCard `TYPE` words to JSContact `contexts` and phone `features` (RFC 9555
/// §2.3.3 TEL, §2.3.1 ADR, §1.5.1 contexts).
///
/// Words without a JSContact equivalent (`internet`, `pref`, `x-custom`, `postal`) stay in the
/// value's `types` in the person's `values` entry, so nothing is lost.
enum TypeWords {
    /// The JSContact context of a type word: `home` is `private`, `work` is `work`.
    static func context(_ word: String) -> StaticString? {
        contextCode(word).map { contextNames[$0] }
    }

    /// The JSContact phone feature of a type word (`cell` is `mobile`).
    static func feature(_ word: String) -> StaticString? {
        featureCode(word).map { featureNames[$0] }
    }

    private static let contextNames: [StaticString] = ["private", "work"]
    private static let featureNames: [StaticString] = [
        "voice", "mobile", "fax", "pager", "text", "textphone", "video", "main-number",
    ]

    private static func contextCode(_ word: String) -> Int? {
        switch word {
        case "home": 0
        case "work": 1
        default: nil
        }
    }

    private static func featureCode(_ word: String) -> Int? {
        switch word {
        case "voice": 0
        case "cell", "mobile", "iphone": 1
        case "fax": 2
        case "pager": 3
        case "text": 4
        case "textphone": 5
        case "video": 6
        case "main", "main-number": 7
        default: nil
        }
    }

    /// Writes `"contexts":{…}` for the type words that map to a context, in first-seen order.
    static func writeContexts(_ types: [String], into out: inout JSONBuffer) {
        write("contexts", types, contextCode, contextNames, into: &out)
    }

    /// Writes `"features":{…}` for the type words that map to a phone feature.
    static func writeFeatures(_ types: [String], into out: inout JSONBuffer) {
        write("features", types, featureCode, featureNames, into: &out)
    }

    private static func write(
        _ member: StaticString, _ types: [String], _ code: (String) -> Int?, _ names: [StaticString],
        into out: inout JSONBuffer
    ) {
        guard !types.isEmpty else { return }
        var written: UInt32 = 0
        for word in types {
            guard let code = code(word), written & (1 << code) == 0 else { continue }
            if written == 0 {
                out.key(member)
                out.objectStart()
            }
            written |= 1 << code
            out.key(names[code])
            out.bool(true)
        }
        if written != 0 { out.objectEnd() }
    }
}
