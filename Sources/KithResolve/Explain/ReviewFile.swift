public import KithModel

/// The `--review FILE` content: borderline pairs as JSON, for a person to decide.
///
/// ```json
/// { "kith-review": 1,
///   "pairs": [ { "a": "S1#3", "b": "S2#0", "aPath": "phone.vcf", "bPath": "google.csv",
///                "personA": "urn:uuid:…", "personB": "urn:uuid:…", "weight": 10.5,
///                "probability": 0.93, "reason": "below the threshold by 1.5 bits",
///                "evidence": [ { "field": "email", "level": "exact", "weight": 12.4 } ],
///                "decision": null } ] }
/// ```
///
/// `decision` is left `null`; a person sets it to `"same"`/`"accept"` or `"different"`/`"reject"`
/// and passes the file back as `--decisions` (``DecisionsFile``). With `keys`, each pair also
/// names its records stably as `aKey`/`bKey` (`uid:…` or `fp:…`), so the edited file still finds
/// them when the inputs were re-exported or re-ordered.
public enum ReviewFile {
    /// The JSON text of the review pairs, one pair per line, in the given order.
    ///
    /// - Parameters:
    ///   - pairs: the borderline pairs (``ResolveResult/review``).
    ///   - sources: the dataset's sources, to name each record's file.
    ///   - keys: stable record names (``ResolveResult/reviewKeys``), written as `aKey`/`bKey`.
    /// - Returns: UTF-8 JSON text ending with a newline.
    /// - Complexity: O(total size of the pairs).
    public static func json(_ pairs: [ReviewPair], sources: [SourceInfo] = [], keys: [RecordRef: String] = [:])
        -> String
    {
        var paths: [Int32: String] = [:]
        for source in sources { paths[Int32(source.number)] = source.path }
        var out = "{\"kith-review\": 1,\n\"pairs\": ["
        for (index, pair) in pairs.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "{\"a\": \(quoted(pair.a.description)), \"b\": \(quoted(pair.b.description))"
            if let path = paths[pair.a.source] { out += ", \"aPath\": \(quoted(path))" }
            if let path = paths[pair.b.source] { out += ", \"bPath\": \(quoted(path))" }
            if let key = keys[pair.a] { out += ", \"aKey\": \(quoted(key))" }
            if let key = keys[pair.b] { out += ", \"bKey\": \(quoted(key))" }
            out += ", \"personA\": \(quoted(pair.personA)), \"personB\": \(quoted(pair.personB))"
            out += ", \"weight\": \(number(pair.weight)), \"probability\": \(number(pair.probability))"
            out += ", \"reason\": \(quoted(pair.reason)), \"evidence\": ["
            out += pair.evidence.map {
                "{\"field\": \(quoted($0.field)), \"level\": \(quoted($0.level)), \"weight\": \(number($0.weight))}"
            }.joined(separator: ", ")
            out += "], \"decision\": null}"
        }
        out += pairs.isEmpty ? "]}\n" : "\n]}\n"
        return out
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10000).rounded() / 10000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
