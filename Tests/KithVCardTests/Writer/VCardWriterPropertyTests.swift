import Foundation
import KithModel
import PropertyBased
import Testing

@testable import KithVCard

/// A person whose every field holds random text (escapes, quotes, line breaks, 4-byte scalars),
/// random type words, labels and unmapped properties with random parameters.
func randomPerson(_ text: [String], index: Int) -> Person {
    func at(_ i: Int) -> String { text[i % text.count] }
    let meta = FieldMeta(types: [at(1), "home"], label: at(2).isEmpty ? nil : at(2), pref: index % 3 == 0 ? 1 : nil)
    var card = Contact(ref: RecordRef(source: 0, index: index))
    card.name = NameValue(full: at(0), given: [at(3)], surname: [at(4), at(5)], suffixes: [at(6)])
    card.name?.sortAs = at(7)
    card.nicknames = [TextValue(at(8), meta: meta)]
    card.emails = [EmailValue(raw: at(9), meta: meta)]
    card.phones = [PhoneValue(raw: at(10), meta: meta)]
    var address = AddressValue(street: at(11), locality: at(0), country: at(1), formatted: at(2), meta: meta)
    address.countryCode = "de"
    card.addresses = [address]
    card.organizations = [OrganizationValue(name: at(3), units: [at(4)])]
    card.titles = [TextValue(at(5))]
    card.notes = [TextValue(at(6)), TextValue(at(7), meta: meta)]
    card.categories = [TextValue(at(8)), TextValue(at(9))]
    card.dates = [
        DateValue(kind: .birth, date: nil, raw: at(10)),
        DateValue(kind: .other, date: PartialDate(month: 1 + index % 12, day: 1 + index % 28), raw: "", meta: meta),
    ]
    card.related = [RelatedValue(value: at(11), relations: ["spouse"], meta: meta)]
    card.links = [LinkValue(uri: "https://example.com/" + String(index), meta: meta)]
    card.onlineServices = [OnlineServiceValue(service: at(0), user: "user\(index)", meta: meta)]
    card.gender = TextValue(at(1))
    card.media = [MediaValue(kind: .photo, mediaType: "image/png", data: Array(at(2).utf8))]
    card.unmapped = [
        RawProperty(
            name: "X-RANDOM", group: "g\(index)", parameters: [Parameter(name: "X-P", values: [at(3), at(4)])],
            value: at(5))
    ]
    let alternates = [
        Alternate(path: "name", value: .name(NameValue(full: at(6), given: [at(7)])), from: [], reason: at(8)),
        Alternate(path: "gender", value: .text(TextValue(at(9))), from: [], reason: ""),
    ]
    return Person(
        id: "urn:uuid:00000000-0000-4000-8000-\(String(100_000_000_000 + index))", card: card, records: [],
        alternates: alternates)
}

@Suite struct VCardWriterPropertyTests {
    @Test(.shrinking(false)) func randomPeopleGiveConforming40Cards() async {
        await propertyCheck(count: 200, input: unicodeText.array(of: 12...12), Gen.int(in: 0...999)) { text, index in
            let written = VCardWriter(version: .v4).write(person: randomPerson(text, index: index))
            #expect(VCard4Grammar.check(written) == [])
        }
    }

    @Test(.shrinking(false)) func randomPeopleGive30CardsThatVObjectReads() async throws {
        var bytes: [UInt8] = []
        var expectedNames: [String] = []
        await propertyCheck(count: 80, input: unicodeText.array(of: 12...12), Gen.int(in: 0...999)) { text, index in
            let person = randomPerson(text, index: index)
            bytes += VCardWriter(version: .v3).write(person: person)
            expectedNames.append(VCardEscapingTests.normalizedBreaks(person.card.displayName))
        }
        try? Data(bytes).write(to: URL(fileURLWithPath: "/tmp/kith-random-3.0.vcf"))
        let result = try VObject.parse(bytes)
        #expect(result.ok, "vobject rejected the cards: \(result.error.suffix(2000))")
        #expect(result.lines.count == expectedNames.count)
        for (line, name) in zip(result.lines, expectedNames) {
            // Escaped scalar by scalar: String replacement works on grapheme clusters, and
            // a line break or backslash followed by a combining mark is one cluster.
            var escaped = ""
            for scalar in name.unicodeScalars {
                switch scalar {
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            let got = Array(line.unicodeScalars.map(\.value))
            let want = Array((escaped + "|").unicodeScalars.map(\.value))
            let at =
                zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            #expect(
                got.starts(with: want),
                "differs at \(at) of \(want.count): got \(got[at..<min(got.count, at + 8)]), want \(want[at..<min(want.count, at + 8)])"
            )
        }
    }
}
