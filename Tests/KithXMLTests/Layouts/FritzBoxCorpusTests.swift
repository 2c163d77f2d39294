import Foundation
import KithModel
import KithTestSupport
import KithXML
import Testing

/// corpus xml/fritzbox/rillke-fritz-phonebook.xml against its published vCard conversions
/// (rillke-fritz-phonebook.vcard.wo-area-code-wo-country-code.json, fritzXML2vcard's spec).
@Suite(requiresCorpus) struct FritzBoxCorpusTests {
    static let file = TestPaths.corpusFile("xml/fritzbox/rillke-fritz-phonebook.xml")

    /// One published vCard: its FN, N and TEL/EMAIL lines with their TYPE words.
    struct PublishedCard {
        var fn = ""
        var n: [String] = []
        var tels: [(value: String, types: Set<String>)] = []
        var emails: [String] = []
    }

    static func publishedCards() throws -> [String: PublishedCard] {
        let url = TestPaths.corpusFile("xml/fritzbox/rillke-fritz-phonebook.vcard.wo-area-code-wo-country-code.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        let files = try #require(object as? [String: String])
        var cards: [String: PublishedCard] = [:]
        for (name, text) in files {
            var card = PublishedCard()
            for line in text.components(separatedBy: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let head = line[..<colon]
                let value = String(line[line.index(after: colon)...])
                let parts = head.split(separator: ";")
                let types = Set(
                    parts.dropFirst().filter { $0.lowercased().hasPrefix("type=") }
                        .flatMap { $0.dropFirst(5).split(separator: ",").map { $0.lowercased() } })
                switch parts.first {
                case "FN": card.fn = value
                case "N": card.n = value.components(separatedBy: ";")
                case "TEL": card.tels.append((value, types))
                case "EMAIL": card.emails.append(value)
                default: break
                }
            }
            cards[name] = card
        }
        return cards
    }

    /// fritzXML2vcard names each file after realName with spaces and commas as `_`.
    static func publishedFileName(_ realName: String) -> String {
        realName.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: ",", with: "_") + ".vcf"
    }

    @Test func readsEveryContactInDocumentOrder() throws {
        let read = try XMLTestReading.read(Self.file)
        #expect(read.report.flavor == "xml/fritzbox")
        #expect(read.report.format == "xml")
        #expect(read.report.records == 10)
        #expect(read.contacts.map(\.ref.index) == Array(0..<10))
        // The first <contact> opens on line 4 of the file.
        #expect(read.contacts.first?.line == 4)
        #expect(read.report.diagnostics.isEmpty)
    }

    @Test func matchesThePublishedVCardConversions() throws {
        let read = try XMLTestReading.read(Self.file)
        let cards = try Self.publishedCards()
        #expect(cards.count == read.contacts.count)
        for contact in read.contacts {
            let realName = try #require(contact.name?.full)
            let card = try #require(cards[Self.publishedFileName(realName)], "no published card for \(realName)")
            // Names: the published N is Last;First for "Last, First", else the whole realName.
            if let rule = contact.name?.componentsRule {
                #expect(rule == "fritzbox-last-comma-first")
                #expect(contact.name?.surname == [card.n[0]])
                #expect(contact.name?.given == [card.n[1]])
                #expect(card.fn == "\(card.n[1]) \(card.n[0])")
            } else {
                #expect(card.n[0] == realName)
                #expect(card.fn == realName)
                #expect(contact.name?.hasComponents == false)
            }
            // Numbers: same values, and the published TYPE words (VOICE aside) are ours.
            #expect(Set(contact.phones.map(\.raw)) == Set(card.tels.map(\.value)), "\(realName)")
            for tel in card.tels {
                let phone = try #require(contact.phones.first { $0.raw == tel.value })
                #expect(Set(phone.meta.types) == tel.types.subtracting(["voice"]), "\(realName) \(tel.value)")
            }
            #expect(contact.emails.map(\.raw) == card.emails, "\(realName)")
        }
    }

    @Test func mapsIdentityTimesPreferenceCategoryAndPhoto() throws {
        let read = try XMLTestReading.read(Self.file)
        let first = try #require(read.contact(named: "Test GmbH"))
        #expect(first.uid == "2")
        #expect(first.revision == "1476188984")
        #expect(
            first.revisionDate
                == PartialDate(year: 2016, month: 10, day: 11, hour: 12, minute: 29, second: 44, utcOffsetMinutes: 0))
        #expect(first.phones.first { $0.raw == "01234 567890" }?.meta.pref == 1)
        #expect(first.phones.first { $0.raw == "(01234) 56789-2" }?.meta.pref == nil)
        #expect(first.emails.first?.meta.types == ["home"])

        let vip = try #require(read.contact(named: "Cellphone, Mr. Mobile"))
        #expect(vip.categories.map(\.value) == ["VIP"])
        #expect(
            vip.revisionDate
                == PartialDate(year: 2018, month: 4, day: 28, hour: 16, minute: 26, second: 0, utcOffsetMinutes: 0))
        #expect(read.contact(named: "Test GmbH")?.categories.isEmpty == true)

        let photo = try #require(read.contact(named: "Apostrophe' and german umlauts like ö and ü and ä - ß"))
        #expect(photo.media.map(\.uri) == ["file:///var/InternerSpeicher/FRITZ/fonpix/2245353675-0.jpg"])

        let sip = try #require(read.contact(named: "AVM Ansage (HD)"))
        #expect(sip.phones.first?.meta.parameters.contains(Parameter(name: "quickdial", values: ["65"])) == true)
        #expect(sip.revision == nil)
    }

    @Test func keepsElementsItDoesNotMap() throws {
        let read = try XMLTestReading.read(Self.file)
        let first = try #require(read.contact(named: "Test GmbH"))
        let features = try #require(first.unmapped.first { $0.name == "X-XML-features" })
        #expect(features.parameters == [Parameter(name: "doorphone", values: ["0"])])
        // "Wecker 1" has <services> inside <telephony> and comments; it still has its number.
        let alarm = try #require(read.contact(named: "Wecker 1"))
        #expect(alarm.phones.map(\.raw) == ["**41"])
        #expect(alarm.phones.first?.meta.types == ["other"])
        #expect(alarm.uid == nil)
    }

    @Test func streamingAndInMemoryReadsAgree() throws {
        let streamed = try XMLTestReading.read(Self.file)
        let bytes = try TestPaths.bytes(Self.file)
        let loaded = try XMLTestReading.read(bytes: bytes, path: Self.file.lastPathComponent)
        #expect(streamed.contacts == loaded.contacts)
        #expect(streamed.sha256 == loaded.sha256)
    }
}
