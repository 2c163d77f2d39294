import KithModel
import PropertyBased
import Testing

@testable import KithCSV

/// Builds a dataset of people from cards.
func dataset(_ cards: [Contact], groups: [PersonGroup] = []) -> Dataset {
    let people = cards.enumerated().map { index, card in
        Person(id: "urn:uuid:00000000-0000-4000-8000-00000000000\(index)", card: card, records: [])
    }
    return Dataset(
        generator: "test", generatedAt: "2026-11-27T10:00:00Z", sources: [], people: people, groups: groups,
        diagnostics: [])
}

/// Splits CSV text into rows of fields (RFC 4180), scalar by scalar, for checking what the
/// writers wrote.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        index += 1
        if quoted {
            if scalar == "\"" {
                if index < scalars.count, scalars[index] == "\"" {
                    field.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            } else {
                field.append(scalar)
            }
        } else if scalar == "\"" {
            quoted = true
        } else if scalar == "," {
            row.append(String(field))
            field = String.UnicodeScalarView()
        } else if scalar == "\r" || scalar == "\n" {
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            row.append(String(field))
            rows.append(row)
            row = []
            field = String.UnicodeScalarView()
        } else {
            field.append(scalar)
        }
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(String(field))
        rows.append(row)
    }
    return rows
}

@Suite struct CSVRowWriterTests {
    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\r\nlines", "\"two\r\nlines\""),
        ("", ""),
    ])
    func rfc4180Quoting(value: String, expected: String) {
        #expect(CSVRowWriter(neutralizeFormulas: false).field(value) == expected)
    }

    /// OWASP CSV injection: `=`, `+`, `-`, `@`, TAB and CR at the start are neutralized with a
    /// leading apostrophe, and the field is quoted.
    @Test(arguments: [
        ("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""),
        ("+49 30 1234567", "\"'+49 30 1234567\""),
        ("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\""),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "\"'@SUM(1+1)*cmd|' /C calc'!A0\""),
        ("\t=1+1", "\"'\t=1+1\""),
        ("\r=1+1", "\"'\r=1+1\""),
        ("a=1", "a=1"),
    ])
    func formulaInjectionIsNeutralized(value: String, expected: String) {
        #expect(CSVRowWriter().field(value) == expected)
    }

    @Test func neutralizationCanBeTurnedOff() {
        #expect(CSVRowWriter(neutralizeFormulas: false).field("+49 30 1234567") == "+49 30 1234567")
    }
}

@Suite struct GoogleCSVWriterTests {
    static var jane: Contact {
        var card = Contact(ref: RecordRef(source: 0, index: 0))
        card.name = NameValue(full: "Jane Q. Doe", given: ["Jane"], surname: ["Doe"], additional: ["Q."])
        card.emails = [
            EmailValue(raw: "jane@home.example", meta: FieldMeta(types: ["home"], pref: 1)),
            EmailValue(raw: "jane@work.example", meta: FieldMeta(types: ["work"])),
        ]
        card.phones = [PhoneValue(raw: "+1 555 0100", meta: FieldMeta(types: ["cell"]))]
        card.dates = [DateValue(kind: .birth, date: PartialDate(month: 4, day: 15), raw: "--0415")]
        card.categories = [TextValue("Friends")]
        card.notes = [TextValue("=cmd|' /C calc'!A0")]
        return card
    }

    @Test func headerAndRowFollowTheCurrentLayout() {
        let group = PersonGroup(
            id: "urn:uuid:g",
            card: {
                var c = Contact(ref: RecordRef(source: 0, index: 9), kind: .group)
                c.name = NameValue(full: "Team")
                return c
            }(),
            memberIDs: ["urn:uuid:00000000-0000-4000-8000-000000000000"], unresolvedMembers: [], records: [])
        let export = GoogleCSVWriter().write(dataset: dataset([Self.jane], groups: [group]))
        let text = String(decoding: export.bytes, as: UTF8.self)
        let rows = parseCSV(text)
        #expect(rows.count == 2)
        let header =
            GoogleCSVWriter.fixedColumns + [
                "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label", "E-mail 2 - Value",
                "Phone 1 - Label", "Phone 1 - Value",
                "Address 1 - Label", "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City",
                "Address 1 - PO Box",
                "Address 1 - Region", "Address 1 - Postal Code", "Address 1 - Country", "Address 1 - Extended Address",
                "Website 1 - Label", "Website 1 - Value",
            ]
        #expect(rows[0] == header)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["First Name"] == "Jane")
        #expect(row["Middle Name"] == "Q.")
        #expect(row["Last Name"] == "Doe")
        // `--04-15` would run as a formula (-(-4)-15) in a spreadsheet: neutralized by default.
        #expect(row["Birthday"] == "'--04-15")
        #expect(row["Labels"] == "Friends ::: Team")
        #expect(row["E-mail 1 - Label"] == "* Home")
        #expect(row["E-mail 1 - Value"] == "jane@home.example")
        #expect(row["E-mail 2 - Label"] == "Work")
        #expect(row["Phone 1 - Label"] == "Mobile")
        #expect(row["Phone 1 - Value"] == "'+1 555 0100")
        #expect(row["Notes"] == "'=cmd|' /C calc'!A0")
        #expect(text.hasSuffix("\r\n"))
        let plain = parseCSV(
            String(
                decoding: GoogleCSVWriter(neutralizeFormulas: false).write(dataset: dataset([Self.jane])).bytes,
                as: UTF8.self))
        let plainRow = Dictionary(uniqueKeysWithValues: zip(plain[0], plain[1]))
        #expect(plainRow["Birthday"] == "--04-15")
        #expect(plainRow["Phone 1 - Value"] == "+1 555 0100")
    }
}

@Suite struct OutlookCSVWriterTests {
    @Test func templateHas92Columns() {
        #expect(OutlookCSVWriter.columns.count == 92)
        #expect(OutlookCSVWriter.columns.first == "Title")
        #expect(OutlookCSVWriter.columns.last == "Web Page")
    }

    /// Windows-1252 bytes: é is E9, € is 80, ó is F3; ł, ż, ć, Ş are transliterated and reported.
    @Test func windows1252WithTransliteration() {
        var card = Contact(ref: RecordRef(source: 0, index: 0))
        card.name = NameValue(given: ["Łukasz"], surname: ["Żółć"])
        card.organizations = [OrganizationValue(name: "Café € Şahin")]
        card.emails = (1...4).map { EmailValue(raw: "u\($0)@example.com") }
        let export = OutlookCSVWriter(neutralizeFormulas: false).write(dataset: dataset([card]))
        let header = Array("\"Title\",\"First Name\",\"Middle Name\",\"Last Name\"".utf8)
        #expect(Array(export.bytes.prefix(header.count)) == header)
        let firstBreak = export.bytes.firstIndex(of: 0x0A) ?? 0
        #expect(export.bytes[firstBreak - 1] == 0x0D)
        let row = Array(export.bytes[(firstBreak + 1)...])
        // "","Lukasz","","Zólc","","Café € Sahin"
        let expected: [UInt8] =
            [0x22, 0x22, 0x2C]  // Title
            + [0x22, 0x4C, 0x75, 0x6B, 0x61, 0x73, 0x7A, 0x22, 0x2C]  // "Lukasz",
            + [0x22, 0x22, 0x2C]  // Middle Name
            + [0x22, 0x5A, 0xF3, 0x6C, 0x63, 0x22, 0x2C]  // "Zólc",
            + [0x22, 0x22, 0x2C]  // Suffix
            // "Café € Sahin",
            + [0x22, 0x43, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x20, 0x53, 0x61, 0x68, 0x69, 0x6E, 0x22, 0x2C]
        #expect(Array(row.prefix(expected.count)) == expected)
        #expect(row.suffix(2) == [0x0D, 0x0A])
        #expect(export.report.contains { $0.contains("\"Łukasz\" written as \"Lukasz\"") })
        #expect(export.report.contains { $0.contains("\"Café € Şahin\" written as \"Café € Sahin\"") })
        // Three e-mail columns: the fourth goes to Notes and is reported.
        let rows = parseCSV(String(decoding: export.bytes.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self))
        let fields = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(fields["E-mail 3 Address"] == "u3@example.com")
        #expect(fields["E-mail 2 Type"] == "SMTP")
        #expect(fields["Notes"] == "E-mail: u4@example.com")
        #expect(export.report.contains { $0.contains("E-mail \"u4@example.com\" written to Notes") })
    }

    @Test(arguments: [("日本", "ri ben"), ("Ђорђе", "Dorde"), ("naïve", "naïve"), ("e\u{301}", "é"), ("🎉", "?")])
    func transliteration(text: String, expected: String) {
        #expect(Windows1252Text.transliterate(text).text == expected)
    }

    @Test func phonesGoToTheirSlots() {
        var card = Contact(ref: RecordRef(source: 0, index: 0))
        card.name = NameValue(full: "X")
        card.phones = [
            PhoneValue(raw: "1", meta: FieldMeta(types: ["cell"])),
            PhoneValue(raw: "2", meta: FieldMeta(types: ["work"])),
            PhoneValue(raw: "3", meta: FieldMeta(types: ["work"])),
            PhoneValue(raw: "4", meta: FieldMeta(types: ["work", "fax"])),
            PhoneValue(raw: "5", meta: FieldMeta(types: ["home"])),
            PhoneValue(raw: "6", meta: FieldMeta(types: ["cell"])),
        ]
        let export = OutlookCSVWriter().write(dataset: dataset([card]))
        let rows = parseCSV(String(decoding: export.bytes, as: UTF8.self))
        let fields = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(fields["Mobile Phone"] == "1")
        #expect(fields["Business Phone"] == "2")
        #expect(fields["Business Phone 2"] == "3")
        #expect(fields["Business Fax"] == "4")
        #expect(fields["Home Phone"] == "5")
        #expect(fields["Other Phone"] == "6")
    }
}

@Suite struct CSVRowWriterPropertyTests {
    /// Any text survives quoting: parsing the written field gives the value back (formula
    /// neutralization off), whatever quotes, commas, line breaks and combining marks it holds.
    @Test func quotedFieldsParseBack() async {
        let text = Gen<UInt32>.value(in: 0...0x10FFFF)
            .map { (seed: UInt32) -> Unicode.Scalar in
                let specials: [Unicode.Scalar] = ["\"", ",", "\r", "\n", "\u{301}", "a", " "]
                return seed % 2 == 0
                    ? specials[Int(seed / 2) % specials.count] : Unicode.Scalar(0x20 + seed % 0x2000) ?? "?"
            }
            .array(of: 0...40)
            .map { scalars in
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                return String(view)
            }
        await propertyCheck(count: 300, input: text.array(of: 1...4)) { fields in
            let row = CSVRowWriter(neutralizeFormulas: false).row(fields)
            let parsed = parseCSV(row)
            #expect(parsed.count == 1)
            #expect(parsed.first?.map { Array($0.unicodeScalars) } == fields.map { Array($0.unicodeScalars) })
        }
    }
}
