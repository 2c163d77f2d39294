import Foundation
import Kith
import KithModel
import Testing

@Suite struct ExporterTests {
    static func sample() -> Dataset {
        var card = Contact(ref: RecordRef(source: 0, index: 0))
        card.name = NameValue(full: "Ada Lovelace", given: ["Ada"], surname: ["Lovelace"])
        card.emails = [EmailValue(raw: "ada@example.org")]
        let people = [
            Person(id: "urn:uuid:aaaaaaaa-0000-4000-8000-000000000001", card: card, records: []),
            Person(id: "urn:uuid:aaaaaaaa-0000-4000-8000-000000000002", card: card, records: []),
        ]
        var groupCard = Contact(ref: RecordRef(source: 0, index: 2), kind: .group)
        groupCard.name = NameValue(full: "Mathematicians")
        let group = PersonGroup(
            id: "urn:uuid:aaaaaaaa-0000-4000-8000-000000000003", card: groupCard, memberIDs: [people[0].id],
            unresolvedMembers: [], records: [])
        return Dataset(generator: "t", generatedAt: "", sources: [], people: people, groups: [group], diagnostics: [])
    }

    static func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kith-export-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    @Test(arguments: ExportFormat.allCases)
    func exportsEachFormatToAFile(format: ExportFormat) throws {
        let path = Self.temporaryPath("out")
        _ = try Exporter.export(Self.sample(), format: format, to: path, split: false)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        switch format {
        case .vcard4, .vcard3:
            #expect(text.components(separatedBy: "BEGIN:VCARD\r\n").count - 1 == 3)
            #expect(text.contains("UID:urn:uuid:aaaaaaaa-0000-4000-8000-000000000003\r\n"))
        case .googleCSV:
            #expect(text.hasPrefix("First Name,Middle Name,Last Name,"))
            #expect(text.contains("Ada,,Lovelace,"))
        case .outlookCSV:
            #expect(text.hasPrefix("\"Title\",\"First Name\""))
            #expect(text.contains("\"Mathematicians\""))
        }
    }

    @Test func splitWritesOneFilePerPersonAndGroup() throws {
        let directory = Self.temporaryPath("vdir")
        let report = try Exporter.export(Self.sample(), format: .vcard4, to: directory, split: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(
            names == [
                "aaaaaaaa-0000-4000-8000-000000000001.vcf", "aaaaaaaa-0000-4000-8000-000000000002.vcf",
                "aaaaaaaa-0000-4000-8000-000000000003.vcf",
            ])
        #expect(report == ["wrote 3 cards to \(directory)"])
        let card = String(
            decoding: try Data(
                contentsOf: URL(fileURLWithPath: directory + "/aaaaaaaa-0000-4000-8000-000000000003.vcf")),
            as: UTF8.self)
        #expect(card.hasPrefix("BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\n"))
    }

    @Test func splitNeedsAVCardFormatAndADirectory() {
        #expect(throws: KithError.self) {
            try Exporter.export(Self.sample(), format: .googleCSV, to: "/tmp/x", split: true)
        }
        #expect(throws: KithError.self) { try Exporter.export(Self.sample(), format: .vcard3, to: "-", split: true) }
    }
}
