import Foundation
import Kith
import KithJSON
import KithModel
import KithTestSupport
import Testing

/// The whole vCard corpus through the real pipeline and dataset writer: a schema-valid dataset,
/// every card a record, every value accounted for, the same bytes on every run.
@Suite(requiresCorpus) struct VCardCorpusDatasetTests {
    static let folder = TestPaths.corpus.appendingPathComponent("vcard").path

    static func run(_ paths: [String]) throws -> Dataset {
        try Pipeline(configuration: ImportConfiguration(paths: paths, merge: false)).run().dataset
    }

    @Test func datasetOfTheWholeCorpusIsSchemaValid() throws {
        let dataset = try Self.run([Self.folder])
        #expect(dataset.sources.count >= 200)
        for format in [DatasetWriter.Format.json, .ndjson] {
            let result = try SchemaValidator.validate(
                DatasetWriter(format: format).encode(dataset), mode: format.rawValue)
            #expect(result.status == 0, "\(format): \(result.output)")
        }
    }

    /// Each card of each source is exactly one person's or group's record, and the indexes of a
    /// source run 0, 1, 2… without gaps.
    @Test func everyCardIsExactlyOneRecord() throws {
        let dataset = try Self.run([Self.folder])
        var seen: [Int32: [Int32]] = [:]
        for person in dataset.people {
            for record in person.records { seen[record.ref.source, default: []].append(record.ref.index) }
        }
        for group in dataset.groups {
            for record in group.records { seen[record.ref.source, default: []].append(record.ref.index) }
        }
        for source in dataset.sources {
            let indexes = (seen[Int32(source.number)] ?? []).sorted()
            #expect(indexes == (0..<Int32(source.records)).map { $0 }, "\(source.path)")
        }
    }

    /// Conservation: every plain ASCII value of every property of every card appears in the
    /// JSON of the record's person. The values are found by an independent, naive scan of the
    /// file (unfolded lines, split on unescaped `;` and `,`), skipping encoded and escaped values,
    /// whose decoding the reader tests cover.
    @Test func everyPlainValueOfEveryCardIsInTheDataset() throws {
        let dataset = try Self.run([Self.folder])
        var missing: [String] = []
        var checked = 0
        for source in dataset.sources {
            let text = String(decoding: try TestPaths.bytes(URL(fileURLWithPath: source.path)), as: UTF8.self)
            let cards = NaiveVCardScan.cards(in: text)
            guard cards.count == source.records else { continue }  // recovery cases: covered by reader tests
            let people = dataset.people.filter { $0.records.contains { $0.ref.source == Int32(source.number) } }
            let groups = dataset.groups.filter { $0.records.contains { $0.ref.source == Int32(source.number) } }
            for (index, card) in cards.enumerated() {
                let json: String
                if let person = people.first(where: { $0.records.contains { $0.ref.index == Int32(index) } }) {
                    json = String(decoding: DatasetWriter().encode(Self.only(person)), as: UTF8.self)
                } else if let group = groups.first(where: { $0.records.contains { $0.ref.index == Int32(index) } }) {
                    var dataset = Self.only(nil)
                    dataset.groups = [group]
                    json = String(decoding: DatasetWriter().encode(dataset), as: UTF8.self)
                } else {
                    missing.append("\(source.path) card \(index): no record")
                    continue
                }
                let decoded = Self.unescapeJSON(json).lowercased()
                for property in card where !property.values.isEmpty {
                    for value in property.values {
                        checked += 1
                        if !decoded.contains(value.lowercased()) {
                            missing.append("\(source.path) card \(index): \(property.name) '\(value)'")
                        }
                    }
                }
            }
        }
        #expect(checked > 2000)
        #expect(missing.isEmpty, "\(missing.count) values missing, e.g.: \(missing.prefix(15).joined(separator: "\n"))")
    }

    @Test func sameInputGivesSameBytesAndIds() throws {
        let first = try Self.run([Self.folder])
        var second = try Self.run([Self.folder])
        second.generatedAt = first.generatedAt
        #expect(DatasetWriter().encode(first) == DatasetWriter().encode(second))
        #expect(first.people.map(\.id) == second.people.map(\.id))
    }

    /// A dataset holding one person and nothing else.
    static func only(_ person: Person?) -> Dataset {
        Dataset(
            generator: "t", generatedAt: "t", sources: [], people: person.map { [$0] } ?? [], groups: [],
            diagnostics: [])
    }

    /// JSON text with its string escapes resolved, so values can be searched as written.
    static func unescapeJSON(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { return json }
        var strings: [String] = []
        func collect(_ value: Any) {
            if let string = value as? String {
                strings.append(string)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            } else if let dictionary = value as? [String: Any] {
                for (key, value) in dictionary {
                    strings.append(key)
                    collect(value)
                }
            } else {
                strings.append("\(value)")
            }
        }
        collect(object)
        return strings.joined(separator: "\u{1}")
    }
}

/// A deliberately simple vCard scanner written for the tests, independent of KithVCard: it
/// unfolds, splits cards at BEGIN/END, and yields each property's plain values.
enum NaiveVCardScan {
    struct Property {
        var name: String
        var values: [String]
    }

    static func cards(in text: String) -> [[Property]] {
        var lines: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        {
            if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += raw.dropFirst()
            } else {
                lines.append(String(raw))
            }
        }
        var cards: [[Property]] = []
        var current: [Property]?
        for line in lines {
            let upper = line.uppercased()
            if upper.hasPrefix("BEGIN:VCARD") {
                if current != nil { return [] }  // nested cards: the reader tests cover their order
                current = []
                continue
            }
            if upper.hasPrefix("END:VCARD") {
                if let card = current { cards.append(card) }
                current = nil
                continue
            }
            guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
            let head = line[..<colon]
            var value = String(line[line.index(after: colon)...])
            let parts = head.split(separator: ";")
            guard let first = parts.first else { continue }
            let name = String(first.split(separator: ".").last ?? first).uppercased()
            let headUpper = head.uppercased()
            // Encoded, charset-declared, binary and escaped values are the reader tests' business.
            if headUpper.contains("ENCODING") || headUpper.contains("CHARSET") || headUpper.contains("\"")
                || value.contains("\\") || value.contains("=") || value.hasPrefix("data:")
                || ["VERSION", "PHOTO", "LOGO", "SOUND", "KEY", "X-ABLABEL", "LABEL", "AGENT"].contains(name)
                || !value.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F })
            {
                continue
            }
            // Structure, not values: the kind of card (`KIND`, Apple's `X-ABShowAs`) becomes the
            // card's `kind`, and Android's custom rows name their MIME type before the values.
            if ["KIND", "X-ABSHOWAS"].contains(name) { continue }
            if name == "X-ANDROID-CUSTOM", let semicolon = value.firstIndex(of: ";") {
                value = String(value[value.index(after: semicolon)...])
            }
            // `VALUE=uri` telephone numbers are kept as numbers, without their `tel:` scheme.
            if name == "TEL", value.lowercased().hasPrefix("tel:") { value = String(value.dropFirst(4)) }
            let values = value.split(separator: ";").flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 2 }
            current?.append(Property(name: name, values: values))
        }
        if let card = current { cards.append(card) }
        return cards
    }
}
