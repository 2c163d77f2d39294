import Foundation
public import KithModel

/// Reads a dataset written by ``DatasetWriter`` (JSON or NDJSON, told apart by content) back
/// into a ``KithModel/Dataset``, for `kith explain`, `kith export` and `--previous`.
///
/// Writing what was read gives the same bytes (apart from `generatedAt` when it changes).
/// Members the reader does not know are ignored, so later additive versions of the contract
/// stay readable.
public struct DatasetReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads a dataset file (`-` for standard input).
    ///
    /// - Throws: `KithError` `.unreadableInput` when the file cannot be read, `.invalidDataset`
    ///   when it is not a Kith dataset.
    public func read(path: String) throws -> Dataset {
        let data: Data
        do {
            if path == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        } catch {
            throw KithError(.unreadableInput, "cannot read the dataset", path: path, cause: KithError.cause(of: error))
        }
        return try read(Array(data), path: path)
    }

    /// Reads a dataset from its bytes.
    ///
    /// - Parameters:
    ///   - bytes: the JSON or NDJSON text.
    ///   - path: the name used in error messages.
    /// - Throws: `KithError` `.invalidDataset` naming the line when the text is not JSON or not
    ///   a Kith dataset of a version this reader knows.
    /// - Complexity: O(n) in the size of the text.
    public func read(_ bytes: [UInt8], path: String? = nil) throws -> Dataset {
        let firstLineEnd = bytes.firstIndex(of: 0x0A) ?? bytes.count
        if firstLineEnd < bytes.count, let header = try? JSONParser.parse(bytes, 0..<firstLineEnd),
            header["kith"] != nil, header["people"] == nil
        {
            return try readLines(bytes, header: header, path: path)
        }
        // One object: people, groups and diagnostics are converted one by one as they are
        // parsed, so the parse tree of the whole file never exists at once.
        var parser = JSONParser(bytes)
        var header: [(String, JSONValue)] = []
        var people: [Person] = []
        var groups: [PersonGroup] = []
        var diagnostics: [Diagnostic] = []
        do {
            try parser.forEachMember { (key, parser) throws(JSONParser.Failure) in
                switch key {
                case "people":
                    try parser.forEachElement { (parser) throws(JSONParser.Failure) in
                        people.append(Self.person(try parser.nextValue()))
                    }
                case "groups":
                    try parser.forEachElement { (parser) throws(JSONParser.Failure) in
                        groups.append(Self.group(try parser.nextValue()))
                    }
                case "diagnostics":
                    try parser.forEachElement { (parser) throws(JSONParser.Failure) in
                        diagnostics.append(Self.diagnostic(try parser.nextValue()))
                    }
                default:
                    header.append((key, try parser.nextValue()))
                }
            }
            try parser.finish()
        } catch {
            throw KithError(
                .invalidDataset, "the dataset is not valid JSON: \(error.message)", path: path,
                line: Self.line(at: error.offset, in: bytes), offset: error.offset)
        }
        var dataset = try Self.header(.object(header), path: path)
        dataset.people = people
        dataset.groups = groups
        dataset.diagnostics = diagnostics
        return dataset
    }

    private func readLines(_ bytes: [UInt8], header: JSONValue, path: String?) throws -> Dataset {
        var dataset = try Self.header(header, path: path)
        var start = (bytes.firstIndex(of: 0x0A) ?? bytes.count) + 1
        var lineNumber = 1
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lineNumber += 1
            defer { start = end + 1 }
            if bytes[start..<end].allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let line: JSONValue
            do {
                line = try JSONParser.parse(bytes, start..<end)
            } catch {
                throw KithError(
                    .invalidDataset, "line is not valid JSON: \(error.message)", path: path, line: lineNumber,
                    offset: error.offset)
            }
            if let person = line["person"] {
                dataset.people.append(Self.person(person))
            } else if let group = line["group"] {
                dataset.groups.append(Self.group(group))
            } else if let diagnostic = line["diagnostic"] {
                dataset.diagnostics.append(Self.diagnostic(diagnostic))
            }
        }
        return dataset
    }

    private static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    // MARK: - Entries

    private static func header(_ root: JSONValue, path: String?) throws -> Dataset {
        guard let version = root["kith"]?.int else {
            throw KithError(.invalidDataset, "not a Kith dataset: the member \"kith\" is missing", path: path)
        }
        guard version == Dataset.contractVersion else {
            throw KithError(
                .invalidDataset,
                "dataset contract version \(version) is not supported; this Kith reads version \(Dataset.contractVersion)",
                path: path)
        }
        let sources = (root["sources"]?.array ?? []).enumerated().map { position, source in
            SourceInfo(
                number: source["id"]?.string.flatMap(ValueReader.sourceNumber) ?? position,
                path: source["path"]?.string ?? "", format: source["format"]?.string ?? "",
                flavor: source["flavor"]?.string ?? "", encoding: source["encoding"]?.string ?? "",
                sha256: source["sha256"]?.string ?? "", records: source["records"]?.int ?? 0)
        }
        let changes = (root["changes"]?.array ?? []).compactMap { change -> PersonChange? in
            guard let kind = change["kind"]?.string.flatMap(PersonChange.Kind.init(rawValue:)) else { return nil }
            return PersonChange(
                kind: kind, person: change["person"]?.string ?? "", fields: change["fields"]?.strings ?? [],
                related: change["related"]?.strings ?? [], message: change["message"]?.string ?? "")
        }
        return Dataset(
            generator: root["generator"]?.string ?? "", generatedAt: root["generatedAt"]?.string ?? "",
            sources: sources, people: [], groups: [], diagnostics: [], changes: changes)
    }

    private static func records(_ value: JSONValue?) -> [MemberRecord] {
        (value?.array ?? []).map { record in
            MemberRecord(
                ref: RecordRef(
                    source: record["source"]?.string.flatMap(ValueReader.sourceNumber) ?? 0,
                    index: record["index"]?.int ?? 0),
                line: Int32(truncatingIfNeeded: record["line"]?.int ?? 0), uid: record["uid"]?.string,
                fingerprint: record["fingerprint"]?.string)
        }
    }

    static func person(_ entry: JSONValue) -> Person {
        let reader = CardReader(entry: entry)
        let card = reader.contact(card: entry["card"] ?? .object([]), origin: entry["origin"], keepMembers: true)
        var match: MatchExplanation?
        if let value = entry["match"] {
            match = MatchExplanation(
                confidence: value["confidence"]?.double ?? 0,
                pairs: (value["pairs"]?.array ?? []).map { pair in
                    MatchPair(
                        a: pair["a"]?.string.flatMap(ValueReader.recordRef) ?? RecordRef(source: 0, index: 0),
                        b: pair["b"]?.string.flatMap(ValueReader.recordRef) ?? RecordRef(source: 0, index: 0),
                        weight: pair["weight"]?.double ?? 0,
                        evidence: (pair["evidence"]?.array ?? []).map { evidence in
                            MatchEvidence(
                                field: evidence["field"]?.string ?? "", level: evidence["level"]?.string ?? "",
                                weight: evidence["weight"]?.double ?? 0)
                        })
                })
        }
        return Person(
            id: entry["id"]?.string ?? "", card: card, records: records(entry["records"]),
            alternates: (entry["alternates"]?.array ?? []).compactMap(alternate), match: match,
            aliases: entry["aliases"]?.strings ?? [])
    }

    static func group(_ entry: JSONValue) -> PersonGroup {
        let reader = CardReader(entry: entry)
        let card = reader.contact(card: entry["card"] ?? .object([]), origin: entry["origin"], keepMembers: false)
        return PersonGroup(
            id: entry["id"]?.string ?? "", card: card,
            memberIDs: (entry["card"]?["members"]?.members ?? []).map(\.0),
            unresolvedMembers: entry["unresolvedMembers"]?.strings ?? [], records: records(entry["records"]))
    }

    static func diagnostic(_ entry: JSONValue) -> Diagnostic {
        Diagnostic(
            source: entry["source"]?.string.flatMap(ValueReader.sourceNumber), line: entry["line"]?.int ?? 0,
            record: entry["record"]?.int,
            severity: Diagnostic.Severity(rawValue: entry["severity"]?.string ?? "") ?? .warning,
            code: DiagnosticCode(entry["code"]?.string ?? ""), message: entry["message"]?.string ?? "")
    }

    private static func alternate(_ entry: JSONValue) -> Alternate? {
        guard let value = entry["value"] else { return nil }
        let detail = entry["detail"]
        let from: [RecordRef] = []
        let field: AnyFieldValue
        switch value["@type"]?.string {
        case "Name": field = .name(ValueReader.name(value, entry: detail, from: from))
        case "EmailAddress": field = .email(ValueReader.email(value, entry: detail, from: from))
        case "Phone": field = .phone(ValueReader.phone(value, entry: detail, from: from))
        case "Address": field = .address(ValueReader.address(value, entry: detail, from: from))
        case "Organization": field = .organization(ValueReader.organization(value, entry: detail, from: from))
        case "Anniversary": field = .date(ValueReader.date(value, entry: detail, from: from))
        case "Link": field = .link(ValueReader.link(value, entry: detail, from: from))
        case "OnlineService": field = .onlineService(ValueReader.onlineService(value, entry: detail, from: from))
        case "Media": field = .media(ValueReader.media(value, entry: detail, from: from))
        case "Relation":
            field = .related(
                ValueReader.related(target: value["target"]?.string ?? "", value, entry: detail, from: from))
        default:
            guard let text = value.string else { return nil }
            field = .text(TextValue(text, meta: ValueReader.meta(entry: detail, params: nil, from: from)))
        }
        return Alternate(
            path: entry["path"]?.string ?? "", value: field, from: ValueReader.refs(entry["from"]),
            reason: entry["reason"]?.string ?? "")
    }
}
