public import Foundation
internal import KithModel

/// Reads a decisions file (`--decisions FILE`): JSON, either Kith's decisions form or an edited
/// `--review` file.
///
/// Decisions form:
///
/// ```json
/// { "kith-decisions": 1,
///   "decisions": [
///     { "same": ["uid:4F2A…", "S2#17"], "note": "same person, new job" },
///     { "different": ["urn:uuid:…", "urn:uuid:…"] },
///     { "split": [["uid:A", "fp:…"], ["uid:C"]], "person": "urn:uuid:…" },
///     { "prefer": { "field": "name", "record": "uid:A" } },
///     { "prefer": { "field": "birthday", "person": "urn:uuid:…", "value": "1980-04-02" } } ] }
/// ```
///
/// Review form: the file `--review` wrote, with `decision` set per pair to `"same"` /
/// `"accept"` (must link) or `"different"` / `"reject"` (cannot link); pairs left `null` are
/// skipped. Records are named by `aKey`/`bKey` when present, else by `a`/`b` with `aPath`/`bPath`.
///
/// YAML is not read (Kith has no YAML dependency); JSON is the only form.
public enum DecisionsFile {
    /// Reads the decisions at `path`.
    ///
    /// - Throws: `KithError` `.unreadableInput` when the file cannot be read,
    ///   `.invalidConfiguration` when it is not JSON or not a decisions or review file.
    public static func load(path: String) throws -> Decisions {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw KithError(
                .unreadableInput, "cannot read the decisions file", path: path, cause: KithError.cause(of: error))
        }
        return try parse(data, path: path)
    }

    /// Reads decisions from JSON bytes.
    ///
    /// - Parameters:
    ///   - data: the file's content.
    ///   - path: the name used in messages.
    /// - Throws: `KithError` `.invalidConfiguration` when the text is not a decisions or review file.
    /// - Complexity: O(size of the file).
    public static func parse(_ data: Data, path: String? = nil) throws -> Decisions {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw KithError(
                .invalidConfiguration, "the decisions file is not valid JSON", path: path,
                cause: KithError.cause(of: error))
        }
        guard let object = root as? [String: Any] else {
            throw KithError(.invalidConfiguration, "the decisions file must be a JSON object", path: path)
        }
        var reader = Reader()
        if let entries = object["decisions"] as? [Any] {
            for (index, entry) in entries.enumerated() { reader.decision(entry, number: index + 1) }
        } else if let pairs = object["pairs"] as? [Any] {
            for (index, pair) in pairs.enumerated() { reader.reviewPair(pair, number: index + 1) }
        } else {
            throw KithError(
                .invalidConfiguration,
                "expected a \"decisions\" array (decisions file) or a \"pairs\" array (edited review file)", path: path)
        }
        return Decisions(items: reader.items, diagnostics: reader.diagnostics)
    }

    private struct Reader {
        var items: [Decision] = []
        var diagnostics: [Diagnostic] = []

        mutating func invalid(_ number: Int, _ message: String) {
            diagnostics.append(
                Diagnostic(
                    line: 0, severity: .warning, code: "decisions.invalid",
                    message: "decision \(number): \(message); ignored"))
        }

        mutating func reviewPair(_ entry: Any, number: Int) {
            guard let pair = entry as? [String: Any] else { return invalid(number, "a review pair must be an object") }
            guard let decision = pair["decision"] as? String else { return }
            let a = selector(key: pair["aKey"], ref: pair["a"], file: pair["aPath"])
            let b = selector(key: pair["bKey"], ref: pair["b"], file: pair["bPath"])
            guard let a, let b else { return invalid(number, "the pair names no record it can find") }
            switch decision.lowercased() {
            case "same", "accept", "accepted", "yes": items.append(Decision(kind: .same([a, b]), number: number))
            case "different", "reject", "rejected", "no":
                items.append(Decision(kind: .different([a, b]), number: number))
            default: invalid(number, "decision \"\(decision)\" is not same/accept or different/reject")
            }
        }

        /// A review pair's record: its stable key when written, else its position and file.
        func selector(key: Any?, ref: Any?, file: Any?) -> RecordSelector? {
            if let key = key as? String, let selector = RecordSelector(text: key) { return selector }
            guard let ref = ref as? String, let position = RecordSelector.recordRef(ref) else { return nil }
            return .position(position, file: file as? String)
        }

        mutating func decision(_ entry: Any, number: Int) {
            guard let object = entry as? [String: Any] else { return invalid(number, "a decision must be an object") }
            let note = object["note"] as? String
            if let list = object["same"] {
                guard let selectors = selectors(list, number: number), selectors.count >= 2 else {
                    return invalid(number, "\"same\" needs at least two records or people")
                }
                items.append(Decision(kind: .same(selectors), number: number, note: note))
            } else if let list = object["different"] {
                guard let selectors = selectors(list, number: number), selectors.count >= 2 else {
                    return invalid(number, "\"different\" needs at least two records or people")
                }
                items.append(Decision(kind: .different(selectors), number: number, note: note))
            } else if let groups = object["split"] {
                guard let lists = groups as? [Any], lists.count >= 2 else {
                    return invalid(number, "\"split\" needs at least two groups of records")
                }
                var parsed: [[RecordSelector]] = []
                for list in lists {
                    guard let group = selectors(list, number: number), !group.isEmpty else {
                        return invalid(number, "each group of \"split\" must be a non-empty list of records")
                    }
                    parsed.append(group)
                }
                items.append(
                    Decision(
                        kind: .split(person: object["person"] as? String, groups: parsed), number: number, note: note))
            } else if let prefer = object["prefer"] as? [String: Any] {
                guard let field = (prefer["field"] as? String)?.lowercased(), PreferenceOverride.fields.contains(field)
                else {
                    return invalid(
                        number,
                        "\"prefer\" needs a \"field\": one of \(PreferenceOverride.fields.joined(separator: ", "))")
                }
                let record = prefer["record"].flatMap { selector($0) }
                let value = prefer["value"] as? String
                let person = (prefer["person"] as? String)?.lowercased()
                guard record != nil || (person != nil && value != nil) else {
                    return invalid(number, "\"prefer\" needs a \"record\", or a \"person\" and a \"value\"")
                }
                items.append(
                    Decision(
                        kind: .prefer(field: field, record: record, person: person, value: value), number: number,
                        note: note))
            } else {
                invalid(number, "expected one of same, different, split, prefer")
            }
        }

        mutating func selectors(_ value: Any, number: Int) -> [RecordSelector]? {
            guard let list = value as? [Any] else { return nil }
            var out: [RecordSelector] = []
            for item in list {
                guard let selector = selector(item) else {
                    invalid(number, "cannot read the record \(item)")
                    return nil
                }
                out.append(selector)
            }
            return out
        }

        func selector(_ item: Any) -> RecordSelector? {
            if let text = item as? String { return RecordSelector(text: text) }
            guard let object = item as? [String: Any] else { return nil }
            let file = object["file"] as? String
            if let uid = object["uid"] as? String { return .uid(uid, file: file) }
            if let index = object["record"] as? Int, let file {
                return .position(RecordRef(source: -1, index: index), file: file)
            }
            if let text = (object["fingerprint"] ?? object["person"] ?? object["ref"]) as? String {
                return RecordSelector(text: text, file: file)
            }
            return nil
        }
    }
}
