import KithIO
import KithModel
import Testing

@testable import KithCSV

/// Reader behaviour on small inline inputs.
@Suite struct CSVReaderBehaviourTests {
    @Test func columnMapNamesUnknownColumns() throws {
        let text = "Kunde,Mail,Handynummer,Ort\nAda Lovelace,ada@example.org,+44 20 7946 0000,London\n"
        let result = try CSVReading.read(
            text, columnMap: ["Kunde": "full", "Mail": "email:work", "handynummer": "phone:mobile", "Ort": "address:home:city"])
        let c = try #require(result.contacts.first)
        #expect(c.name?.full == "Ada Lovelace")
        #expect(c.emails.first?.meta.types == ["work"])
        #expect(c.phones.first?.meta.types == ["cell"])
        #expect(c.addresses.first?.locality == "London")
        #expect(c.unmapped.isEmpty)
    }

    @Test func unmappedColumnsAreKept() throws {
        let result = try CSVReading.read("Name,Lieblingsfarbe\nAda,Grün\n")
        let property = try #require(result.contacts.first?.unmapped.first)
        #expect(property.name == "X-CSV-LIEBLINGSFARBE")
        #expect(property.value == "Grün")
        #expect(property.parameters == [Parameter(name: "X-COLUMN", values: ["Lieblingsfarbe"])])
        #expect(property.line == 2)
    }

    @Test func lastFirstDisplayNames() throws {
        let result = try CSVReading.read("Name,Email\n\"Lovelace, Ada\",ada@example.org\n\"Smith, Jr.\",s@example.org\n")
        #expect(result.contacts[0].name?.surname == ["Lovelace"])
        #expect(result.contacts[0].name?.given == ["Ada"])
        #expect(result.contacts[0].name?.componentsRule == "name-from-display-last-first")
        #expect(result.contacts[0].name?.full == "Lovelace, Ada")
        #expect(result.contacts[1].name?.hasComponents == false)
    }

    @Test func undeclaredEightBitIsDecodedPerCell() throws {
        // One cell in Windows-1252 ("Müller"), one in UTF-8 ("Zoë"): the encoding is mixed.
        var bytes = Array("Name,Email\nM".utf8) + [0xFC] + Array("ller,m@example.org\nZo".utf8) + [0xC3, 0xAB]
        bytes += Array(",z@example.org\n".utf8)
        let result = try CSVReading.read(bytes: bytes)
        #expect(result.contacts.map { $0.name?.full } == ["Müller", "Zoë"])
        #expect(result.report.encoding == "mixed")
        let latin1 = try CSVReading.read(
            bytes: Array("Name\nM".utf8) + [0xFC] + Array("ller\n".utf8), path: "x.csv")
        #expect(latin1.report.encoding == "windows-1252")
    }

    @Test func charsetFallbackIsHonoured() throws {
        // 0xD0 is "Ð" in Windows-1252 but "Р" in Windows-1251.
        let input = InputFile(path: "ru.csv", original: Array("Name\n".utf8) + [0xD0, 0xE0, 0xE8, 0xF1, 0xE0] + [0x0A])
        var names: [String?] = []
        let report = try CSVReader().read(
            input, context: ReadContext(source: 0, path: "ru.csv", decoder: TextDecoder(fallback: .singleByte(.windows1251)))
        ) { names.append($0.name?.full) }
        #expect(names == ["Раиса"])
        #expect(report.encoding == "windows-1251")
    }

    @Test func blankLinesAreNotRecords() throws {
        let result = try CSVReading.read("Name,Email\n\nAda,ada@example.org\n,\nBob,bob@example.org\n\n")
        #expect(result.contacts.map(\.ref.index) == [0, 1])
        #expect(result.contacts.map(\.line) == [3, 5])
    }

    @Test func sourceNumberIsUsed() throws {
        let result = try CSVReading.read(bytes: Array("Email\na@example.org\n".utf8), source: 3)
        #expect(result.contacts.first?.ref.description == "S4#0")
    }
}
