import Foundation
import Kith
import KithModel
import KithTestSupport
import Testing

/// The vCard corpus through the real pipeline (normalized, not merged), exported as vCard 4.0
/// and imported again: the values normalizing makes valid for 4.0 come back the same.
@Suite(requiresCorpus) struct VCardExportRoundTripTests {
    static let folder = TestPaths.corpus.appendingPathComponent("vcard").path

    static func run(_ paths: [String]) throws -> Dataset {
        try Pipeline(configuration: ImportConfiguration(paths: paths, merge: false)).run().dataset
    }

    /// Links are URIs once normalized (`www.example.com` → `http://www.example.com`, the text as
    /// written kept in `raw`), written so and read back so; members and media come back too.
    @Test func linksMembersAndMediaSurviveAVCard4Export() throws {
        let first = try Self.run([Self.folder])
        let path = ExporterTests.temporaryPath("corpus.vcf")
        _ = try Exporter.export(first, format: .vcard4, to: path, split: false)
        let second = try Self.run([path])
        #expect(second.people.count == first.people.count)
        #expect(second.groups.count == first.groups.count)
        // The written file holds the people in dataset order: a record's index is its place.
        var after: [Int: Person] = [:]
        for person in second.people {
            if let record = person.records.first { after[Int(record.ref.index)] = person }
        }
        var madeURIs = 0
        var problems: [String] = []
        for (index, person) in first.people.enumerated() {
            for link in person.card.links where link.raw != link.uri {
                madeURIs += 1
                // RFC 3986 §3.1: a scheme is a letter, then letters, digits, `+`, `-`, `.`, then `:`.
                #expect(link.raw.firstMatch(of: /^[A-Za-z][A-Za-z0-9+.\-]*:/) == nil)
                #expect(link.uri == "http://" + link.raw.trimmingCharacters(in: .whitespaces))
            }
            guard let back = after[index] else {
                problems.append("\(person.id): not read back")
                continue
            }
            let card = person.card
            if back.card.links.map(\.uri) != card.links.map(\.uri) {
                problems.append("\(person.id) links: \(card.links.map(\.uri)) → \(back.card.links.map(\.uri))")
            }
            if back.card.members.map(\.value) != card.members.map(\.value) {
                problems.append(
                    "\(person.id) members: \(card.members.map(\.value)) → \(back.card.members.map(\.value))")
            }
            let media = card.media.map { "\($0.kind) \($0.sha256 ?? $0.uri ?? "")" }.sorted()
            let mediaBack = back.card.media.map { "\($0.kind) \($0.sha256 ?? $0.uri ?? "")" }.sorted()
            if media != mediaBack { problems.append("\(person.id) media: \(media) → \(mediaBack)") }
        }
        // The corpus holds 18 URLs written without a scheme (`www.heise.de`, `wurstdarm.de`, …).
        #expect(madeURIs >= 18)
        #expect(problems.isEmpty, "\(problems.count) differences:\n\(problems.prefix(40).joined(separator: "\n"))")
    }
}
