import Foundation
import KithIO
import KithModel
import KithTestSupport
import KithVCard
import Testing

@testable import KithCSV

/// The values the Google layout holds, as comparable text: name components, nicknames,
/// emails, phones, addresses, the first organization, titles, dates, notes (joined as the one
/// `Notes` cell joins them), labels (categories), websites and related people.
func googleView(_ card: Contact) -> [String: [String]] {
    var view: [String: [String]] = [:]
    if let name = card.name {
        let given = name.hasComponents ? name.given.joined(separator: " ") : (name.full ?? "")
        view["name"] = [
            given, name.additional.joined(separator: " "), name.surname.joined(separator: " "),
            name.prefixes.joined(separator: " "), name.suffixes.joined(separator: " "),
        ]
        if view["name"]?.allSatisfy(\.isEmpty) == true { view["name"] = nil }
    }
    view["nickname"] = card.nicknames.map(\.value)
    view["email"] = card.emails.map(\.address)
    view["tel"] = card.phones.map(\.raw)
    view["adr"] = card.addresses.map {
        [$0.street, $0.locality, $0.poBox, $0.region, $0.postalCode, $0.country, $0.extended, $0.formatted ?? ""]
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ";")  // the reader trims cells
    }
    if let org = card.organizations.first(where: { $0.inferredBy == nil }) {
        view["org"] = [org.name, org.units.joined(separator: " ::: ")]
    }
    view["title"] = card.titles.map(\.value)
    view["date"] = card.dates.map { CSVLayoutSupport.googleDate($0) }.sorted()
    let notes = card.notes.map(\.value).joined(separator: "\n\n")
    view["note"] = notes.isEmpty ? [] : [notes]
    view["categories"] = card.categories.map(\.value)
    view["url"] = card.links.map(\.uri)
    view["related"] = card.related.map(\.value)
    // Cells are trimmed by readers; line breaks come back as LF.
    return view.filter { !$0.value.isEmpty }.mapValues { values in
        values.map { $0.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespaces) }
    }
}

@Suite(requiresCorpus) struct GoogleCSVRoundTripTests {
    static func readVCard(_ bytes: [UInt8], path: String) throws -> [Contact] {
        var contacts: [Contact] = []
        _ = try VCardReader().read(
            InputFile(path: path, original: bytes), context: ReadContext(source: 0, path: path),
            emit: { contacts.append($0) })
        return contacts
    }

    static func readCSV(_ bytes: [UInt8]) throws -> [Contact] {
        var contacts: [Contact] = []
        _ = try CSVReader().read(
            InputFile(path: "google.csv", original: bytes), context: ReadContext(source: 0, path: "google.csv"),
            emit: { contacts.append($0) })
        return contacts
    }

    /// vCard corpus → Google CSV → read back: the values the layout holds are kept.
    @Test func corpusSurvivesGoogleCSV() throws {
        var problems: [String] = []
        var people = 0
        for url in TestPaths.corpusFiles(under: "vcard", extensions: ["vcf", "vcard"]) {
            let relative = String(url.path.dropFirst(TestPaths.corpus.path.count + 1))
            let before = try Self.readVCard(try TestPaths.bytes(url), path: relative).filter { !googleView($0).isEmpty }
            guard !before.isEmpty else { continue }
            let persons = before.enumerated().map { index, card in
                Person(
                    id: "urn:uuid:00000000-0000-4000-8000-\(String(100_000_000_000 + index))", card: card, records: [])
            }
            let dataset = Dataset(
                generator: "t", generatedAt: "", sources: [], people: persons, groups: [], diagnostics: [])
            let export = GoogleCSVWriter(neutralizeFormulas: false).write(dataset: dataset)
            let after = try Self.readCSV(export.bytes)
            people += before.count
            guard after.count == before.count else {
                problems.append("\(relative): \(before.count) people became \(after.count) rows")
                continue
            }
            for (index, (a, b)) in zip(before, after).enumerated() {
                let viewA = googleView(a)
                let viewB = googleView(b)
                for key in Set(viewA.keys).union(viewB.keys).sorted() where viewA[key] != viewB[key] {
                    problems.append("\(relative)#\(index) \(key): \(viewA[key] ?? []) → \(viewB[key] ?? [])")
                }
            }
        }
        #expect(people > 500)
        try? problems.joined(separator: "\n").write(
            toFile: "/tmp/kith-roundtrip-google.txt", atomically: true, encoding: .utf8)
        #expect(problems.isEmpty, "\(problems.count) differences:\n\(problems.prefix(60).joined(separator: "\n"))")
    }
}
