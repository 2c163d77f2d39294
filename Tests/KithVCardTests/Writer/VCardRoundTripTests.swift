import Foundation
import KithIO
import KithModel
import KithTestSupport
import Testing

@testable import KithVCard

/// The values a round trip must keep, as comparable text, one entry per field kind.
///
/// Names (components, and the formatted name when the source had one), emails, phones,
/// addresses, organizations, titles, roles, dates (the date, or the text when it is not one),
/// notes, categories, photos by hash or link, links, related people, gender, group members and
/// unmapped properties (name and value; line breaks as `\n`, as the writer writes them).
func roundTripView(_ card: Contact, version: VCardWriter.Version?) -> [String: [String]] {
    var view: [String: [String]] = [:]
    if let name = card.name {
        if name.hasComponents {
            view["name"] = [name.surname, name.given, name.additional, name.prefixes, name.suffixes]
                .map { $0.joined(separator: ",") }
        }
        if let full = name.full, !full.isEmpty { view["fn"] = [full] }
    }
    view["nickname"] = card.nicknames.map(\.value)
    view["email"] = card.emails.map(\.address)
    view["tel"] = card.phones.map(\.raw)
    view["adr"] = card.addresses.map {
        [$0.poBox, $0.extended, $0.street, $0.locality, $0.region, $0.postalCode, $0.country, $0.formatted ?? ""]
            .joined(separator: ";")
    }
    view["org"] = card.organizations.map { ([$0.name] + $0.units).joined(separator: ";") }
    view["title"] = card.titles.map(\.value)
    view["role"] = card.roles.map(\.value)
    view["date"] = card.dates.map { date in
        if let value = date.date, version.map({ VCardWriter(version: $0).dateText(value) != nil }) ?? true {
            return "\(date.kind) \(value)"
        }
        return "\(date.kind) text \(date.raw)"
    }
    view["note"] = card.notes.map(\.value)
    view["categories"] = card.categories.map(\.value)
    view["media"] = card.media.map { "\($0.kind) \($0.sha256 ?? $0.uri ?? "")" }.sorted()
    view["related"] = card.related.map(\.value)
    view["gender"] = card.gender.map { [$0.value] } ?? []
    view["members"] = card.members.map(\.value)
    // URL holds a URI: a web address the source wrote without a scheme comes back as `http://`
    // and the address (RFC 3986 §3.1 scheme, `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
    view["url"] = card.links.map { link in
        link.uri.firstMatch(of: /^[A-Za-z][A-Za-z0-9+.\-]*:/) == nil ? "http://" + link.uri : link.uri
    }
    view["unmapped"] = card.unmapped.map { raw in
        var value = ""
        var previousCR = false
        for scalar in raw.value.unicodeScalars {
            if scalar == "\r" || (scalar == "\n" && !previousCR) {
                value += "\\n"
            } else if scalar == "\n" || scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F {
                // dropped by the writer (CRLF is one line break; other controls are invalid)
            } else {
                value.unicodeScalars.append(scalar)
            }
            previousCR = scalar == "\r"
        }
        // Names that are not valid vCard names are written made valid (original in X-KITH-NAME).
        let name = raw.parameters.first { $0.name == "X-KITH-NAME" }?.values.first ?? raw.name
        let property = raw.parameters.first {
            $0.name == "X-PROPERTY" && (raw.name == "X-KITH-ALTERNATE" || raw.name == "X-KITH-UNMAPPED")
        }?.values.first
        return "\(raw.group.map { $0 + "." } ?? "")\(VCardEscaping.name(property ?? name)):\(value)"
    }.sorted()
    // vCard has one line break escape, `\n`: a CRLF inside a value comes back as LF.
    return view.filter { !$0.value.isEmpty }.mapValues { $0.map(VCardEscapingTests.normalizedBreaks) }
}

/// Reads a file's cards, writes them as people, reads the result back.
func roundTrip(_ bytes: [UInt8], path: String, version: VCardWriter.Version) throws -> (
    before: [Contact], written: [UInt8], after: [Contact]
) {
    let before = try Reading.read(bytes: bytes, path: path).contacts
    let writer = VCardWriter(version: version)
    var written: [UInt8] = []
    for (index, contact) in before.enumerated() {
        let id = "urn:uuid:00000000-0000-4000-8000-\(String(100_000_000_000 + index))"
        written += writer.write(person: Person(id: id, card: contact, records: []))
    }
    let after = try Reading.read(bytes: written, path: "written.vcf").contacts
    return (before, written, after)
}

/// The differences between two lists of contacts, as readable lines.
func differences(_ before: [Contact], _ after: [Contact], version: VCardWriter.Version?, file: String) -> [String] {
    guard before.count == after.count else { return ["\(file): \(before.count) cards became \(after.count)"] }
    var lines: [String] = []
    for (index, (a, b)) in zip(before, after).enumerated() {
        let viewA = roundTripView(a, version: version)
        var viewB = roundTripView(b, version: version)
        if version == .v4, let gender = viewB["gender"]?.first, gender.hasPrefix(";"),
            viewA["gender"] == [String(gender.dropFirst())]
        {
            // A gender that is not `sex[;identity]` is written as the identity text (`;Male`).
            viewB["gender"] = viewA["gender"]
        }
        if version == .v4 {
            // The reader does not decode RFC 6868 yet: decode the LABEL parameter here.
            viewB["adr"] = b.addresses.isEmpty ? nil : roundTripView(decodingCarets(b), version: version)["adr"]
        }
        if viewA["fn"] == nil { viewB["fn"] = nil }  // FN is required: the writer makes one
        if viewA["name"] == nil, version == .v3 { viewB["name"] = nil }  // N is required in 3.0
        for key in Set(viewA.keys).union(viewB.keys).sorted() where viewA[key] != viewB[key] {
            lines.append("\(file)#\(index) \(key): \(viewA[key] ?? []) → \(viewB[key] ?? [])")
        }
    }
    return lines
}

@Suite(requiresCorpus) struct VCardRoundTripTests {
    static let files = TestPaths.corpusFiles(under: "vcard", extensions: ["vcf", "vcard"])

    /// import → write → import keeps every value of every card (see ``roundTripView``).
    @Test(arguments: [VCardWriter.Version.v4, .v3])
    func corpusValuesSurviveARoundTrip(version: VCardWriter.Version) throws {
        #expect(Self.files.count > 100)
        var problems: [String] = []
        var cards = 0
        for url in Self.files {
            let relative = String(url.path.dropFirst(TestPaths.corpus.path.count + 1))
            let result = try roundTrip(try TestPaths.bytes(url), path: relative, version: version)
            cards += result.before.count
            problems += differences(result.before, result.after, version: version, file: relative)
        }
        #expect(cards > 500)
        #expect(problems.isEmpty, "\(problems.count) differences:\n\(problems.prefix(60).joined(separator: "\n"))")
    }

    /// The 4.0 cards written from the corpus pass the RFC 6350 checks, including the source
    /// values no 4.0 property may hold as they are: URLs without a scheme (written as `http:`
    /// URIs), PHOTO text that is neither a URI nor base64 (kept unmapped by the reader), bare
    /// base64 (decoded, written as a `data:` URI) and `MEMBER` on an individual's card
    /// (written as `X-KITH-MEMBER`).
    @Test func corpusCardsWrittenAs40PassTheGrammarChecks() throws {
        var problems: [String] = []
        for url in Self.files {
            let relative = String(url.path.dropFirst(TestPaths.corpus.path.count + 1))
            let result = try roundTrip(try TestPaths.bytes(url), path: relative, version: .v4)
            problems += VCard4Grammar.check(result.written).map { "\(relative): \($0)" }
        }
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(60).joined(separator: "\n"))")
    }

    /// The 3.0 cards written from the corpus parse and validate in `vobject`.
    @Test func corpusCardsWrittenAs30PassVObject() throws {
        var all: [UInt8] = []
        var cards = 0
        for url in Self.files {
            let relative = String(url.path.dropFirst(TestPaths.corpus.path.count + 1))
            let result = try roundTrip(try TestPaths.bytes(url), path: relative, version: .v3)
            all += result.written
            cards += result.before.count
        }
        try? Data(all).write(to: URL(fileURLWithPath: "/tmp/kith-corpus-3.0.vcf"))
        let checked = try VObject.parse(all)
        #expect(checked.ok, "vobject rejected the written 3.0 cards: \(checked.error.suffix(1500))")
        #expect(checked.lines.count == cards)
    }
}

/// A copy of a contact with RFC 6868 caret encoding (`^n`, `^'`, `^^`) decoded in the formatted
/// addresses, which the 4.0 writer writes in the `LABEL` parameter.
func decodingCarets(_ contact: Contact) -> Contact {
    var copy = contact
    for index in copy.addresses.indices {
        guard let formatted = copy.addresses[index].formatted else { continue }
        var out = ""
        var caret = false
        for character in formatted {
            if caret {
                switch character {
                case "n": out += "\n"
                case "'": out += "\""
                case "^": out += "^"
                default: out += "^" + String(character)
                }
                caret = false
            } else if character == "^" {
                caret = true
            } else {
                out.append(character)
            }
        }
        if caret { out += "^" }
        copy.addresses[index].formatted = out
    }
    return copy
}
