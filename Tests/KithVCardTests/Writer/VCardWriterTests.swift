import KithModel
import Testing

@testable import KithVCard

/// The logical (unfolded) lines of written cards.
func logicalLines(_ bytes: [UInt8]) -> [String] {
    VCardFolding.unfold(bytes).map { String(decoding: $0, as: UTF8.self) }
}

@Suite struct VCardWriterTests {
    /// RFC 6350 §8's example card, written back: the same properties and values, in the
    /// writer's documented order, with Kith's PRODID and UID. (`ANNIVERSARY` gains the seconds
    /// `00`, which RFC 6350 §4.3.2 allows; the RFC folds the ADR and KEY lines for show, they
    /// fit in 75 octets and are not folded here.)
    @Test func rfc6350ExampleCard() {
        let expected = [
            "BEGIN:VCARD",
            "VERSION:4.0",
            "PRODID:-//Kith//Kith 0.1.0//EN",
            "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
            "FN:Simon Perreault",
            "N:Perreault;Simon;;;ing. jr,M.Sc.",
            "BDAY:--0203",
            "ANNIVERSARY:20090808T143000-0500",
            "GENDER:M",
            "ADR;TYPE=work:;Suite D2-630;2875 Laurier;Quebec;QC;G1V 2M2;Canada",
            "TEL;VALUE=uri;TYPE=work,voice;PREF=1:tel:+1-418-656-9254;ext=102",
            "TEL;VALUE=uri;TYPE=work,cell,voice,video,text:tel:+1-418-262-6501",
            "EMAIL;TYPE=work:simon.perreault@viagenie.ca",
            "ORG;TYPE=work:Viagenie",
            "URL;TYPE=home:http://nomis80.org",
            "LANG;PREF=1:fr",
            "LANG;PREF=2:en",
            "GEO;TYPE=work:geo:46.772673,-71.282945",
            "KEY;TYPE=work;VALUE=uri:http://www.viagenie.ca/simon.perreault/simon.asc",
            "TZ:-0500",
            "END:VCARD",
        ].map { $0 + "\r\n" }.joined()
        let written = VCardWriter(version: .v4).write(person: WriterSamples.simon)
        #expect(String(decoding: written, as: UTF8.self) == expected)
        #expect(VCard4Grammar.check(written) == [])
    }

    /// The same person in 3.0: `TYPE=pref`, upper-case types, `INTERNET` on emails, the Apple
    /// year-1604 convention, `X-ANNIVERSARY` in the extended ISO 8601 form, `X-GENDER`.
    @Test func rfc6350ExampleCardIn30() {
        let expected = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            "PRODID:-//Kith//Kith 0.1.0//EN",
            "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
            "FN:Simon Perreault",
            "N:Perreault;Simon;;;ing. jr,M.Sc.",
            "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-03",
            "X-ANNIVERSARY:2009-08-08T14:30:00-05:00",
            "X-GENDER:M",
            "ADR;TYPE=WORK:;Suite D2-630;2875 Laurier;Quebec;QC;G1V 2M2;Canada",
            "TEL;VALUE=uri;TYPE=WORK,VOICE,pref:tel:+1-418-656-9254;ext=102",
            "TEL;VALUE=uri;TYPE=WORK,CELL,VOICE,VIDEO,TEXT:tel:+1-418-262-6501",
            "EMAIL;TYPE=INTERNET,WORK:simon.perreault@viagenie.ca",
            "ORG:Viagenie",
            "URL;TYPE=HOME:http://nomis80.org",
            "LANG;PREF=1:fr",
            "LANG;PREF=2:en",
            "GEO;TYPE=work:geo:46.772673,-71.282945",
            "KEY;TYPE=work;VALUE=uri:http://www.viagenie.ca/simon.perreault/simon.asc",
            "TZ:-0500",
            "END:VCARD",
        ].map { $0 + "\r\n" }.joined()
        let written = VCardWriter(version: .v3).write(person: WriterSamples.simon)
        #expect(String(decoding: written, as: UTF8.self) == expected)
    }

    @Test func version30LabelsPhotosEscapesAndAlternates() {
        let written = VCardWriter(version: .v3).write(person: WriterSamples.frank)
        let lines = logicalLines(written)
        let expected = [
            "FN:Frank Dawson\\, Jr.",
            "N:Dawson;Frank;;;Jr.",
            "NICKNAME:Frankie",
            "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ",
            "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15",
            "item1.ADR;TYPE=WORK:;;6544 Battleford Drive;Raleigh;NC;27613-3502;U.S.A.",
            "item1.LABEL;TYPE=WORK:6544 Battleford Drive\\nRaleigh\\, NC 27613-3502",
            "TEL;TYPE=VOICE,MSG,WORK:+1-919-676-9515",
            "EMAIL;TYPE=INTERNET,HOME,pref:fdawson@earthlink.net",
            "item2.EMAIL;TYPE=INTERNET:Frank_Dawson@Lotus.com",
            "item2.X-ABLabel:Old school",
            "IMPP;X-SERVICE-TYPE=xmpp:xmpp:frank@example.com",
            "TITLE:Software Engineer",
            "ORG:Lotus Development Corporation;R&D\\; Kith\\, Inc.",
            "item3.X-ABRELATEDNAMES;TYPE=SPOUSE:Jane Dawson",
            "item3.X-ABLabel:_$!<Spouse>!$_",
            "CATEGORIES:Friends,Work\\, Old",
            "NOTE:Größe\\; Straße\\, Köln — 日本語のメモ 🎉 with a comma\\, a semicolon\\; and\\na second line",
            "item4.URL:http://www.example.com/dir_photos/my_photo.gif",
            "item4.X-ABLabel:_$!<HomePage>!$_",
            "X-KITH-ALTERNATE;X-PROPERTY=BDAY;X-PATH=anniversaries/a1/date;X-REASON=\"conflicts with S1#1; kept the first\":1970-04-16",
            "EMAIL;TYPE=INTERNET:frank@old.example",
            "END:VCARD",
        ]
        #expect(Array(lines.dropFirst(4)) == expected)
        #expect(lines[3] == "UID:urn:uuid:0e7602cc-443e-4b82-b4a1-90f62f99a199")
    }

    @Test func version40OfTheSamePersonConforms() {
        let written = VCardWriter(version: .v4).write(person: WriterSamples.frank)
        let lines = logicalLines(written)
        #expect(VCard4Grammar.check(written) == [])
        #expect(lines.contains("PHOTO:data:image/jpeg;base64,/9j/4AAQ"))
        #expect(lines.contains("BDAY:--0415"))
        #expect(
            lines.contains("NOTE:Größe; Straße\\, Köln — 日本語のメモ 🎉 with a comma\\, a semicolon; and\\na second line"))
        #expect(
            lines.contains(
                "ADR;LABEL=\"6544 Battleford Drive^nRaleigh, NC 27613-3502\";TYPE=work:;;6544 Battleford Drive;Raleigh;NC;27613-3502;U.S.A."
            ))
        #expect(lines.contains("EMAIL;TYPE=internet,home;PREF=1:fdawson@earthlink.net"))
        #expect(lines.contains("RELATED;VALUE=text;TYPE=spouse:Jane Dawson"))
        #expect(
            lines.contains(
                "X-KITH-ALTERNATE;X-PROPERTY=BDAY;X-PATH=anniversaries/a1/date;X-REASON=\"conflicts with S1#1; kept the first\":19700416"
            ))
        // The note is longer than 75 octets: it is folded, and unfolds to the line above.
        #expect(written.count > lines.reduce(0) { $0 + $1.utf8.count + 2 })
    }

    @Test func groupCards() {
        let v4 = logicalLines(VCardWriter(version: .v4).write(group: WriterSamples.group))
        #expect(
            v4 == [
                "BEGIN:VCARD", "VERSION:4.0", "KIND:group", "PRODID:-//Kith//Kith 0.1.0//EN",
                "UID:urn:uuid:a4b3b7a3-3c8e-4c7c-9d0c-6c1bd1e3b0f2", "FN:Authors",
                "MEMBER:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
                "MEMBER:urn:uuid:0e7602cc-443e-4b82-b4a1-90f62f99a199",
                "MEMBER:urn:uuid:11111111-2222-3333-4444-555555555555", "END:VCARD",
            ])
        #expect(VCard4Grammar.check(VCardWriter(version: .v4).write(group: WriterSamples.group)) == [])
        let v3 = logicalLines(VCardWriter(version: .v3).write(group: WriterSamples.group))
        #expect(
            v3 == [
                "BEGIN:VCARD", "VERSION:3.0", "X-ADDRESSBOOKSERVER-KIND:group", "PRODID:-//Kith//Kith 0.1.0//EN",
                "UID:urn:uuid:a4b3b7a3-3c8e-4c7c-9d0c-6c1bd1e3b0f2", "FN:Authors", "N:;;;;",
                "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
                "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:0e7602cc-443e-4b82-b4a1-90f62f99a199",
                "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:11111111-2222-3333-4444-555555555555", "END:VCARD",
            ])
    }

    /// RFC 6350 §4.3.1 and §4.3.2 examples for 4.0; RFC 2426 §3.1.5 forms for 3.0.
    @Test(arguments: [
        (PartialDate(year: 1985, month: 4, day: 12), "19850412", "1985-04-12"),
        (PartialDate(year: 1985, month: 4), "1985-04", "1985-04"),
        (PartialDate(year: 1985), "1985", "1985"),
        (PartialDate(month: 4, day: 12), "--0412", "1604-04-12"),
        (PartialDate(day: 12), "---12", ""),
        (
            PartialDate(year: 1996, month: 10, day: 22, hour: 14, minute: 0, second: 0, utcOffsetMinutes: 0),
            "19961022T140000Z", "1996-10-22T14:00:00Z"
        ),
        (
            PartialDate(year: 1953, month: 10, day: 15, hour: 23, minute: 10, second: 0, utcOffsetMinutes: 330),
            "19531015T231000+0530", "1953-10-15T23:10:00+05:30"
        ),
    ])
    func partialDates(date: PartialDate, v4: String, v3: String) {
        #expect(VCardWriter(version: .v4).dateText(date)?.value == v4)
        let written = VCardWriter(version: .v3).dateText(date)
        #expect((written?.value ?? "") == v3)
        #expect((written?.omitYear ?? false) == (date.year == nil && date.month != nil))
    }

    @Test func unmappedPropertiesAreWrittenBackVerbatim() {
        var card = Contact(ref: RecordRef(source: 0, index: 0))
        card.name = NameValue(full: "A")
        card.unmapped = [
            RawProperty(name: "X-FOO-CUSTOM", value: "vnd.example/nickname;Nick;1;;;;"),
            RawProperty(
                name: "X-BAR", group: "item7", parameters: [Parameter(name: "CHARSET", values: ["UTF-8"])], value: "de"),
            RawProperty(name: "PHOTO", parameters: [Parameter(name: "ENCODING", values: ["b"])], value: "not base64!"),
            RawProperty(name: "UID", value: "second-uid"),
            RawProperty(
                name: "X-MS-OL-DESIGN",
                parameters: [
                    Parameter(name: "ENCODING", values: ["QUOTED-PRINTABLE"]), Parameter(name: "X-A", values: ["b:c"]),
                ],
                value: "<card>\r\n</card>"),
            RawProperty(name: "X-CSV-Home Page 2", valueType: "text", value: "a,b"),
        ]
        let lines = logicalLines(
            VCardWriter(version: .v4).write(person: Person(id: "urn:uuid:1", card: card, records: [])))
        #expect(lines.contains("X-FOO-CUSTOM:vnd.example/nickname;Nick;1;;;;"))
        #expect(lines.contains("item7.X-BAR:de"))
        // A property Kith maps that the reader could not read, and a second UID, are set apart.
        #expect(lines.contains("X-KITH-UNMAPPED;X-PROPERTY=PHOTO;X-KITH-ENCODING=b:not base64!"))
        #expect(lines.contains("X-KITH-ALTERNATE;X-PROPERTY=UID:second-uid"))
        #expect(lines.contains("X-MS-OL-DESIGN;X-A=\"b:c\":<card>\\n</card>"))
        #expect(lines.contains("X-CSV-HOME-PAGE-2;X-KITH-NAME=X-CSV-Home Page 2:a\\,b"))
    }

    @Test(arguments: [
        ("urn:uuid:6F1C0D2E-0000-4000-8000-000000000001", "6F1C0D2E-0000-4000-8000-000000000001"),
        ("S1#17", "S1_17"), ("../etc/passwd", "___etc_passwd"),
    ])
    func splitFileNames(id: String, expected: String) {
        #expect(VCardWriter.fileName(for: id) == expected)
    }
}

@Suite struct VObjectValidationTests {
    /// The 3.0 cards parse and validate in `vobject`, with the values they were written with.
    @Test func written30CardsPassVObject() throws {
        let writer = VCardWriter(version: .v3)
        let bytes =
            writer.write(person: WriterSamples.simon) + writer.write(person: WriterSamples.frank)
            + writer.write(group: WriterSamples.group)
        let result = try VObject.parse(bytes)
        #expect(result.ok, "vobject rejected the cards: \(result.error)")
        #expect(
            result.lines == [
                "Simon Perreault|Perreault|Simon|simon.perreault@viagenie.ca|2|1|0",
                "Frank Dawson, Jr.|Dawson|Frank|fdawson@earthlink.net,Frank_Dawson@Lotus.com,frank@old.example|1|1|6",
                "Authors||||0|0|0",
            ])
    }
}
