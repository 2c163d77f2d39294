import Foundation
import KithJSON
import KithModel
import KithTestSupport
import PropertyBased
import Testing

@Suite struct DatasetReaderTests {
    @Test(arguments: [DatasetWriter.Format.json, .ndjson])
    func roundTripGivesTheSameBytes(format: DatasetWriter.Format) throws {
        for dataset in [SampleDatasets.handChecked(), SampleDatasets.fullCoverage()] {
            let bytes = DatasetWriter(format: format).encode(dataset)
            let read = try DatasetReader().read(bytes)
            #expect(DatasetWriter(format: format).encode(read) == bytes)
            // And across formats: NDJSON read back writes the same JSON.
            #expect(DatasetWriter(format: .json).encode(read) == DatasetWriter(format: .json).encode(dataset))
        }
    }

    @Test func readsBackEveryField() throws {
        let dataset = SampleDatasets.fullCoverage()
        let read = try DatasetReader().read(DatasetWriter().encode(dataset))
        #expect(read.generator == dataset.generator)
        #expect(read.generatedAt == dataset.generatedAt)
        #expect(read.sources == dataset.sources)
        #expect(read.diagnostics == dataset.diagnostics)
        #expect(read.people.count == 2)
        let original = dataset.people[0]
        let person = read.people[0]
        #expect(person.id == original.id)
        #expect(person.records == original.records)
        let card = person.card
        let want = original.card
        #expect(card.ref == want.ref)
        #expect(card.line == want.line)
        #expect(card.version == want.version)
        #expect(card.uid == want.uid)
        #expect(card.revision == want.revision)
        #expect(card.revisionDate == want.revisionDate)
        #expect(card.producer == want.producer)
        #expect(card.kind == want.kind)
        #expect(card.name == want.name)
        #expect(card.nicknames == want.nicknames)
        #expect(card.emails == want.emails)
        #expect(card.phones == want.phones)
        #expect(card.addresses == want.addresses)
        #expect(card.organizations == want.organizations)
        #expect(card.titles == want.titles)
        #expect(card.roles == want.roles)
        // Dates held in vCardProps come back after the anniversaries; related values whose
        // target repeats after the others.
        #expect(Set(card.dates) == Set(want.dates))
        #expect(card.dates.count == want.dates.count)
        #expect(Set(card.related) == Set(want.related))
        #expect(card.related.count == want.related.count)
        #expect(card.links == want.links)
        #expect(card.onlineServices == want.onlineServices)
        #expect(card.notes == want.notes)
        // Keywords are a set: the repeated "Friends" collapses into the first.
        #expect(card.categories == [want.categories[0], want.categories[1]])
        #expect(card.media == want.media)
        #expect(card.gender == want.gender)
        #expect(card.members == want.members)
        #expect(card.unmapped == want.unmapped)

        let second = read.people[1]
        #expect(second.card.kind == .org)
        #expect(second.aliases == dataset.people[1].aliases)
        #expect(second.match == dataset.people[1].match)
        #expect(second.alternates.map(\.path) == dataset.people[1].alternates.map(\.path))
        #expect(second.alternates.map(\.from) == dataset.people[1].alternates.map(\.from))
        for (got, expected) in zip(second.alternates, dataset.people[1].alternates) {
            #expect(got.value == expected.value, "alternate \(expected.path)")
        }

        let group = try #require(read.groups.first)
        #expect(group == dataset.groups[0])
    }

    @Test func refusesTextThatIsNoDataset() {
        #expect(throws: KithError.self) { try DatasetReader().read(Array("{\"kith\":1,\"people\":[".utf8)) }
        #expect(throws: KithError.self) { try DatasetReader().read(Array("{\"people\":[]}".utf8)) }
        #expect(throws: KithError.self) { try DatasetReader().read(Array("{\"kith\":2,\"people\":[]}".utf8)) }
        do {
            _ = try DatasetReader().read(
                Array("{\"kith\":1,\"generator\":\"g\",\"generatedAt\":\"t\",\"sources\":[]}\n{\"person\":{]}\n".utf8),
                path: "x.ndjson")
            Issue.record("expected an error")
        } catch let error as KithError {
            #expect(error.code == .invalidDataset)
            #expect(error.line == 2)
            #expect(error.path == "x.ndjson")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func readsAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kith-read-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = DatasetWriter().encode(SampleDatasets.handChecked())
        try Data(bytes).write(to: url)
        #expect(DatasetWriter().encode(try DatasetReader().read(path: url.path)) == bytes)
        #expect(throws: KithError.self) { try DatasetReader().read(path: url.path + ".missing") }
    }

    // MARK: - Property

    /// Characters that exercise escaping: quotes, backslashes, control characters, U+2028/9,
    /// near misses of their UTF-8 lead byte, pointer specials and non-BMP text.
    static let tricky: [Character] = [
        "a", "Z", "0", " ", "ß", "ü", "€", "中", "😀", "\"", "\\", "/", "~", "#", ";", ",", ":", "\n", "\r", "\t",
        "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{E2}",
    ]
    static let text = Gen<Character?>.element(of: tricky).map { $0 ?? "a" }.string(of: 0...8)

    /// Builds a contact from random texts: each text lands in several fields.
    static func contact(_ texts: [String], _ shape: Int) -> Contact {
        var contact = Contact(ref: RecordRef(source: shape % 3, index: shape % 97), line: shape % 50)
        func text(_ index: Int) -> String { texts.isEmpty ? "" : texts[(index + shape) % texts.count] }
        let meta = { (index: Int) in
            FieldMeta(
                types: shape % 2 == 0 ? [text(index), "work"] : ["cell"], label: shape % 3 == 0 ? text(index + 1) : nil,
                pref: shape % 5 == 0 ? 1 + index % 100 : nil, line: index % 7,
                parameters: shape % 4 == 0 ? [Parameter(name: "X-\(index)", values: [text(index + 2)])] : [],
                from: [contact.ref])
        }
        contact.name = NameValue(
            full: text(0), given: [text(1)], surname: [text(2)].filter { !$0.isEmpty }, meta: meta(0))
        for index in 0..<texts.count {
            contact.emails.append(EmailValue(raw: text(index) + "@x", address: text(index + 1), meta: meta(index)))
            var phone = PhoneValue(raw: text(index + 2), meta: meta(index + 1))
            if (index + shape) % 2 == 0 { phone.e164 = "+1650253000\(index % 10)" }
            contact.phones.append(phone)
            contact.notes.append(TextValue(text(index), meta: meta(index + 3)))
            contact.categories.append(TextValue(text(index), meta: meta(index)))
            contact.addresses.append(AddressValue(street: text(index), locality: text(index + 1), meta: meta(index)))
            contact.related.append(RelatedValue(value: text(index + 1), relations: [text(index)], meta: meta(index)))
            contact.unmapped.append(
                RawProperty(name: "X-" + text(index), parameters: [], valueType: "text", value: text(index + 1)))
            contact.dates.append(
                DateValue(
                    kind: [.birth, .death, .wedding, .other][(index + shape) % 4],
                    date: (index + shape) % 3 == 0 ? nil : PartialDate(year: 1900 + shape % 200, month: 1 + index % 12),
                    raw: text(index), meta: meta(index)))
        }
        if shape % 2 == 1 { contact.gender = TextValue(text(3), meta: meta(3)) }
        return contact
    }

    @Test func randomContactsRoundTrip() async {
        await propertyCheck(count: 200, input: Self.text.array(of: 0...6), Gen.int(in: 0...10_000)) { texts, shape in
            let contact = Self.contact(texts, shape)
            let dataset = Dataset(
                generator: "kith", generatedAt: "2026-11-27T10:00:00Z", sources: [],
                people: [Person.singleton(contact)],
                groups: [], diagnostics: [])
            for format in [DatasetWriter.Format.json, .ndjson] {
                let bytes = DatasetWriter(format: format).encode(dataset)
                // An independent parser accepts the document (each line of NDJSON).
                for document in format == .json ? [bytes[...]] : bytes.split(separator: 0x0A) {
                    #expect((try? JSONSerialization.jsonObject(with: Data(document))) != nil)
                }
                let read: Dataset
                do {
                    read = try DatasetReader().read(bytes)
                } catch {
                    Issue.record("the reader refused the writer's output: \(error)")
                    return
                }
                #expect(DatasetWriter(format: format).encode(read) == bytes)
                let card = read.people.first?.card
                #expect(card?.emails == dataset.people[0].card.emails)
                #expect(card?.phones == dataset.people[0].card.phones)
                #expect(card?.notes == dataset.people[0].card.notes)
                #expect(card?.addresses == dataset.people[0].card.addresses)
                #expect(card?.unmapped.map(\.value) == dataset.people[0].card.unmapped.map(\.value))
                #expect(card.map { Set($0.dates) } == Set(dataset.people[0].card.dates))
            }
        }
    }
}
