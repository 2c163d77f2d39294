import Foundation
import Kith
import KithJSON
import KithModel
import KithResolve
import Testing

/// The nightly workflow through the pipeline and real readers: import, review, decide,
/// re-import with `--previous`, read the change report.
@Suite(.serialized) struct NightlyWorkflowTests {
    static let phone = """
        BEGIN:VCARD
        VERSION:3.0
        UID:5e1f0c2a-1111-4aaa-8bbb-000000000001
        N:Doe;Jane;;;
        FN:Jane Doe
        EMAIL;TYPE=INTERNET:jane.doe@example.com
        TEL;TYPE=CELL:+49 170 1234567
        END:VCARD
        BEGIN:VCARD
        VERSION:3.0
        N:Smith;Bob;;;
        FN:Bob Smith
        EMAIL;TYPE=INTERNET:bob@example.org
        TEL;TYPE=CELL:+1 415 555 0100
        END:VCARD
        BEGIN:VCARD
        VERSION:3.0
        N:Miller;Ann;;;
        FN:Ann Miller
        EMAIL;TYPE=INTERNET:ann.miller@example.net
        END:VCARD

        """
    /// The same three cards as another app would export them to Google CSV: no UID, other order.
    static let phoneAsCSV = """
        First Name,Last Name,E-mail 1 - Value,Phone 1 - Value
        Ann,Miller,ann.miller@example.net,
        Bob,Smith,bob@example.org,+1 415 555 0100
        Jane,Doe,jane.doe@example.com,+49 170 1234567

        """
    static let google = """
        First Name,Last Name,E-mail 1 - Value,Phone 1 - Value
        Carl,Jung,carl.jung@example.ch,+41 44 123 45 67
        Ann,Miller,,+44 20 7946 0018
        Dana,Scully,dana@example.gov,

        """
    static let googleReordered = """
        First Name,Last Name,E-mail 1 - Value,Phone 1 - Value
        Dana,Scully,dana@example.gov,
        Ann,Miller,,+44 20 7946 0018
        Carl,Jung,carl.jung@example.ch,+41 44 123 45 67

        """
    static let newExport = """
        BEGIN:VCARD
        VERSION:4.0
        FN:Erin Hale
        N:Hale;Erin;;;
        EMAIL:erin@example.com
        END:VCARD

        """

    private let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kith-nightly-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    private func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs an import and returns the dataset as a later run reads it back from disk.
    private func run(_ paths: [String], decisions: Decisions = Decisions(), previous: Dataset? = nil) throws -> (
        Dataset, ImportResult
    ) {
        var configuration = ImportConfiguration(paths: paths)
        configuration.decisions = decisions
        configuration.previous = previous
        let result = try Pipeline(configuration: configuration).run()
        let bytes = DatasetWriter().encode(result.dataset)
        return (try DatasetReader().read(bytes), result)
    }

    private func id(_ name: String, in dataset: Dataset) -> String? {
        let matching = dataset.people.filter { $0.card.displayName.contains(name) }
        return matching.count == 1 ? matching.first?.id : nil
    }

    @Test func reRunningTheSameInputsKeepsEveryIdAndReportsNothing() throws {
        let paths = [try file("phone.vcf", Self.phone), try file("google.csv", Self.google)]
        let (first, _) = try run(paths)
        let (again, _) = try run(paths)
        #expect(again.people.map(\.id) == first.people.map(\.id))
        let (second, _) = try run(paths, previous: first)
        #expect(Set(second.people.map(\.id)) == Set(first.people.map(\.id)))
        #expect(second.changes.isEmpty, "\(second.changes)")
    }

    enum Scenario: String, CaseIterable, CustomTestStringConvertible {
        case addExport, removeExport, reorderRecords, reexportVCardAsCSV
        var testDescription: String { rawValue }
    }

    @Test(arguments: Scenario.allCases)
    func unaffectedPeopleKeepTheirIds(_ scenario: Scenario) throws {
        let phone = try file("phone.vcf", Self.phone)
        let google = try file("google.csv", Self.google)
        let (first, _) = try run([phone, google])
        var paths: [String]
        var unaffected = ["Jane", "Bob", "Carl", "Dana"]
        switch scenario {
        case .addExport: paths = [phone, google, try file("new.vcf", Self.newExport)]
        case .removeExport:
            paths = [google]
            unaffected = ["Carl", "Dana"]
        case .reorderRecords: paths = [try file("google-2.csv", Self.googleReordered), phone]
        case .reexportVCardAsCSV: paths = [try file("phone.csv", Self.phoneAsCSV), google]
        }
        let (second, _) = try run(paths, previous: first)
        for name in unaffected {
            let before = try #require(id(name, in: first), "\(name) in the first run")
            #expect(id(name, in: second) == before, "\(name) changed id")
            #expect(
                !second.changes.contains { $0.person == before && $0.kind != .updated }, "\(name): \(second.changes)")
        }
        switch scenario {
        case .addExport:
            let erin = try #require(id("Erin", in: second))
            #expect(second.changes.contains { $0.kind == .added && $0.person == erin })
        case .removeExport:
            for name in ["Jane", "Bob"] {
                let gone = try #require(id(name, in: first))
                #expect(second.changes.contains { $0.kind == .removed && $0.person == gone })
            }
        case .reorderRecords, .reexportVCardAsCSV:
            #expect(!second.changes.contains { $0.kind == .added || $0.kind == .removed })
        }
    }

    @Test func reviewDecideAndReRunWithPrevious() throws {
        let phone = try file("phone.vcf", Self.phone)
        let google = try file("google.csv", Self.google)
        let (first, firstResult) = try run([phone, google])
        // The two Ann Miller cards share only their name: kept apart and listed for review.
        let anns = first.people.filter { $0.card.displayName.contains("Ann") }
        #expect(anns.count == 2)
        let reviewText = ReviewFile.json(
            firstResult.review, sources: firstResult.dataset.sources, keys: firstResult.reviewKeys)
        let review = try #require(try JSONSerialization.jsonObject(with: Data(reviewText.utf8)) as? [String: Any])
        var pairs = try #require(review["pairs"] as? [[String: Any]])
        let annIDs = Set(anns.map(\.id))
        let index = try #require(
            pairs.firstIndex {
                annIDs.contains($0["personA"] as? String ?? "") && annIDs.contains($0["personB"] as? String ?? "")
            })
        #expect((pairs[index]["aKey"] as? String)?.hasPrefix("fp:") == true)
        pairs[index]["decision"] = "accept"
        var edited = review
        edited["pairs"] = pairs
        let decisionsPath = folder.appendingPathComponent("review.json")
        try JSONSerialization.data(withJSONObject: edited).write(to: decisionsPath)

        // Next night: the CSV was re-exported in another order and a new export arrived.
        let paths = [phone, try file("google-2.csv", Self.googleReordered), try file("new.vcf", Self.newExport)]
        let (second, _) = try run(paths, decisions: try DecisionsFile.load(path: decisionsPath.path), previous: first)
        let ann = try #require(second.people.first { $0.card.displayName.contains("Ann") })
        #expect(second.people.filter { $0.card.displayName.contains("Ann") }.count == 1)
        #expect(ann.records.count == 2)
        #expect(annIDs.contains(ann.id))
        #expect(ann.aliases == annIDs.subtracting([ann.id]).sorted())
        let erin = try #require(id("Erin", in: second))
        let kinds = second.changes.map { "\($0.kind.rawValue) \($0.person)" }.sorted()
        #expect(kinds == ["added \(erin)", "merged \(ann.id)", "updated \(ann.id)"].sorted())
        let update = try #require(second.changes.first { $0.kind == .updated })
        // The Ann that kept its id lacked either the email or the phone of the other.
        #expect(update.fields == ["emails", "records"] || update.fields == ["phones", "records"])
        // Every other person kept its id.
        for name in ["Jane", "Bob", "Carl", "Dana"] { #expect(id(name, in: second) == id(name, in: first)) }
        // kith diff prints the same report.
        let text = DatasetDiff.text(DatasetDiff.changes(old: first, new: second))
        #expect(text.hasPrefix("1 added, 1 updated, 1 merged, 0 split, 0 removed\n"))
        // Running the same night again changes nothing more.
        let (third, _) = try run(paths, decisions: try DecisionsFile.load(path: decisionsPath.path), previous: second)
        #expect(Set(third.people.map(\.id)) == Set(second.people.map(\.id)))
        #expect(third.changes.isEmpty, "\(third.changes)")
    }
}
