import Foundation
import KithIO
import KithModel
import KithTestSupport
import Testing

@testable import KithCSV

/// The values the English Outlook layout holds, as comparable text.
///
/// The layout has one column per name part, one Company and Department, one Job Title, three
/// e-mails, named phone slots, a Business, a Home and an Other address (three street lines
/// each), a Birthday and an Anniversary (`M/D/YYYY`: full dates only), Notes and Categories
/// (joined by `;`). Values beyond the slots go to Notes as `Label: value` lines.
///
/// Every text is compared in its Windows-1252 form, as the writer writes it: characters the
/// code page lacks are transliterated (``Windows1252Text``, tested on its own with hand-checked
/// examples in `OutlookCSVWriterTests.transliteration`). Cells are trimmed by readers, and
/// line breaks come back as LF.
struct OutlookView: Equatable {
    var name: [String] = []
    var emails: [String] = []
    var phones: [String] = []
    var addresses: [String] = []
    var organization: [String] = []
    var title: [String] = []
    var birthday: [String] = []
    var anniversary: [String] = []
    var categories: [String] = []

    static func fitted(_ text: String) -> String {
        Windows1252Text.transliterate(text).text.replacingOccurrences(of: "\r\n", with: "\n")
            .trimmingCharacters(in: .whitespaces)
    }

    /// The first three e-mails, the phones (in the order of their slots they come back in,
    /// so sorted), the addresses (sorted: they come back in Business, Home, Other order), the
    /// first organization, the first title, the first full birthday and wedding date, and the
    /// categories.
    init(_ card: Contact, emailLimit: Int = 3) {
        if let name = card.name {
            // A name without components is written whole in First Name.
            let given = name.hasComponents ? name.given.joined(separator: " ") : (name.full ?? "")
            let parts = [
                name.prefixes.joined(separator: " "), given, name.additional.joined(separator: " "),
                name.surname.joined(separator: " "), name.suffixes.joined(separator: " "),
            ].map(Self.fitted)
            if parts.contains(where: { !$0.isEmpty }) { self.name = parts }
        }
        emails = card.emails.prefix(emailLimit).map { Self.fitted($0.address) }
        phones = card.phones.map { Self.fitted($0.raw) }.sorted()
        addresses = card.addresses.map(Self.address).sorted()
        if let organization = card.organizations.first(where: { $0.inferredBy == nil }) {
            self.organization = [
                Self.fitted(organization.name), Self.fitted(organization.units.joined(separator: ", ")),
            ]
        }
        title = card.titles.prefix(1).map { Self.fitted($0.value) }
        birthday = Self.fullDate(card.dates.first { $0.kind == .birth })
        anniversary = Self.fullDate(card.dates.first { $0.kind == .wedding })
        // A category holding `;` comes back as several: the column joins them with `;`.
        categories = card.categories.flatMap { $0.value.split(separator: ";").map { Self.fitted(String($0)) } }
            .filter { !$0.isEmpty }
    }

    /// An address as the Outlook columns hold it: the street lines (street, then extended;
    /// the lines of the formatted text when there are no components) joined by `, ` (the
    /// writer joins the lines beyond Street 3 by `, `), then city, state, postal code, country
    /// and PO box.
    static func address(_ value: AddressValue) -> String {
        var text = [value.street, value.extended].filter { !$0.isEmpty }.joined(separator: "\n")
        if !value.hasComponents, let formatted = value.formatted { text = formatted }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        return
            ([lines.map(fitted).filter { !$0.isEmpty }.joined(separator: ", ")]
            + [value.locality, value.region, value.postalCode, value.country, value.poBox].map(fitted))
            .joined(separator: " | ")
    }

    /// `year-month-day` of a date with all three; none otherwise (Outlook's column needs them).
    static func fullDate(_ value: DateValue?) -> [String] {
        guard let date = value?.date, let year = date.year, let month = date.month, let day = date.day else {
            return []
        }
        return ["\(year)-\(month)-\(day)"]
    }
}

@Suite(requiresCorpus) struct OutlookCSVRoundTripTests {
    static func readCSV(_ bytes: [UInt8]) throws -> (contacts: [Contact], encoding: String) {
        var contacts: [Contact] = []
        let report = try CSVReader().read(
            InputFile(path: "outlook.csv", original: bytes), context: ReadContext(source: 0, path: "outlook.csv"),
            emit: { contacts.append($0) })
        return (contacts, report.encoding)
    }

    /// Exports whose Windows-1252 bytes the reader takes for Shift_JIS. The values of this file
    /// are mojibake (`Ã‘` for `Ñ`, UTF-8 read as Windows-1252 by its producer): in Windows-1252
    /// they are the bytes C3 91, a well-formed Shift_JIS pair, and an undeclared 8-bit CSV that
    /// is well-formed Shift_JIS is read as Shift_JIS (`ShiftJISDetector`). CSV declares no
    /// charset, so the bytes are truly ambiguous; the values of the other files are compared.
    static let readAsShiftJIS: Set<String> = ["vcard/ez-vcard/John_Doe_ANDROID.vcf"]

    /// The `Label: value` lines the writer appended to Notes, after the card's own notes.
    static func notesText(_ card: Contact) -> String {
        card.notes.map(\.value).joined(separator: "\n\n").replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// vCard corpus → Outlook CSV (Windows-1252, CRLF) → read back: every value the layout
    /// holds comes back in its field; what it cannot hold (a fourth e-mail, a phone whose slots
    /// are taken, a fourth address) is in Notes.
    @Test func corpusSurvivesOutlookCSV() throws {
        var problems: [String] = []
        var people = 0
        var checkedPhones = 0
        var shiftJIS: Set<String> = []
        for url in TestPaths.corpusFiles(under: "vcard", extensions: ["vcf", "vcard"]) {
            let relative = String(url.path.dropFirst(TestPaths.corpus.path.count + 1))
            let before = try GoogleCSVRoundTripTests.readVCard(try TestPaths.bytes(url), path: relative)
                .filter { OutlookView($0) != OutlookView(Contact(ref: $0.ref)) || !$0.notes.isEmpty }
            guard !before.isEmpty else { continue }
            let persons = before.enumerated().map { index, card in
                Person(
                    id: "urn:uuid:00000000-0000-4000-8000-\(String(100_000_000_000 + index))", card: card, records: [])
            }
            let dataset = Dataset(
                generator: "t", generatedAt: "", sources: [], people: persons, groups: [], diagnostics: [])
            let export = OutlookCSVWriter(neutralizeFormulas: false).write(dataset: dataset)
            let (after, encoding) = try Self.readCSV(export.bytes)
            if encoding == "shift_jis" {
                shiftJIS.insert(relative)
                continue
            }
            people += before.count
            guard after.count == before.count else {
                problems.append("\(relative): \(before.count) people became \(after.count) rows")
                continue
            }
            for (index, (a, b)) in zip(before, after).enumerated() {
                let here = "\(relative)#\(index)"
                var viewA = OutlookView(a)
                let viewB = OutlookView(b, emailLimit: .max)
                let notes = Self.notesText(b)
                // Phones: each comes back in a slot, or its slots were taken and it is in Notes.
                var back = viewB.phones
                for phone in viewA.phones {
                    checkedPhones += 1
                    if let found = back.firstIndex(of: phone) {
                        back.remove(at: found)
                    } else if !notes.contains(": \(phone)") {
                        problems.append("\(here) phone \(phone) lost")
                    }
                }
                if !back.isEmpty { problems.append("\(here) phones \(back) not in the source") }
                // Slots: a phone read from a Mobile, Pager, Fax, Car, ISDN or TTY/TDD column was
                // of that kind in the source (other phones go to Business, Home, Primary, Other).
                for phone in b.phones {
                    for kind in ["cell", "pager", "fax", "car", "isdn", "textphone"] where phone.meta.has(kind) {
                        let words = kind == "cell" ? ["cell", "mobile", "iphone"] : [kind]
                        let source = a.phones.filter { OutlookView.fitted($0.raw) == OutlookView.fitted(phone.raw) }
                        if !source.contains(where: { value in words.contains(where: value.meta.has) }) {
                            problems.append("\(here) phone \(phone.raw) came back as \(kind)")
                        }
                    }
                }
                viewA.phones = viewB.phones
                // Beyond three e-mails and three addresses: in Notes.
                for email in a.emails.dropFirst(3) where !notes.contains(": \(OutlookView.fitted(email.address))") {
                    problems.append("\(here) e-mail \(email.address) lost")
                }
                if a.addresses.count > 3 {
                    let kept = Set(viewB.addresses)
                    viewA.addresses = viewA.addresses.filter { kept.contains($0) }
                    #expect(viewA.addresses.count == 3, "\(here)")
                }
                // Notes: the card's own notes come first (not trimmed: a multi-line cell keeps
                // its blanks), whatever the writer adds after them.
                let own = Windows1252Text.transliterate(a.notes.map(\.value).joined(separator: "\n\n")).text
                    .replacingOccurrences(of: "\r\n", with: "\n")
                if !notes.hasPrefix(own) { problems.append("\(here) notes: \(own) → \(notes)") }
                if viewA != viewB {
                    let mirrorA = Mirror(reflecting: viewA).children
                    let mirrorB = Mirror(reflecting: viewB).children
                    for (left, right) in zip(mirrorA, mirrorB) where "\(left.value)" != "\(right.value)" {
                        problems.append("\(here) \(left.label ?? ""): \(left.value) → \(right.value)")
                    }
                }
            }
        }
        #expect(shiftJIS == Self.readAsShiftJIS)
        #expect(people > 500)
        #expect(checkedPhones > 300)
        #expect(problems.isEmpty, "\(problems.count) differences:\n\(problems.prefix(60).joined(separator: "\n"))")
    }
}
