import KithModel
import Testing

@testable import KithVCard

/// Values that RFC 6350 does not let a 4.0 property hold as the source wrote them: what the
/// writer writes instead, that the card passes the grammar checks, and that reading the card
/// back gives the same values.
@Suite struct VCardWriterURITests {
    static func written(_ card: Contact, _ version: VCardWriter.Version = .v4) -> [UInt8] {
        VCardWriter(version: version).write(person: Person(id: "urn:uuid:1", card: card, records: []))
    }

    static func card(_ kind: Contact.Kind = .individual) -> Contact {
        var card = Contact(ref: RecordRef(source: 0, index: 0))
        card.kind = kind
        card.name = NameValue(full: "A")
        return card
    }

    /// RFC 6350 §6.7.8: URL is a URI; a web address without a scheme is written as `http://…`.
    @Test(arguments: [VCardWriter.Version.v4, .v3])
    func webAddressWithoutSchemeIsWrittenAsHTTP(version: VCardWriter.Version) throws {
        var card = Self.card()
        card.links = [
            LinkValue(uri: "www.example.com", meta: FieldMeta(types: ["work"])),
            LinkValue(uri: "https://example.org/a,b"),
        ]
        let bytes = Self.written(card, version)
        let lines = logicalLines(bytes)
        let work = version == .v4 ? "work" : "WORK"
        #expect(lines.contains("URL;TYPE=\(work):http://www.example.com"))
        #expect(lines.contains("URL:https://example.org/a,b"))
        if version == .v4 { #expect(VCard4Grammar.check(bytes) == []) }
        let back = try Reading.read(bytes: bytes).contacts
        #expect(back.first?.links.map(\.uri) == ["http://www.example.com", "https://example.org/a,b"])
    }

    /// Link text that is no address at all goes in `X-KITH-URL` and comes back as the same link.
    @Test func linkTextThatIsNoAddressIsKeptAsXKithURL() throws {
        var card = Self.card()
        card.links = [LinkValue(uri: "see my blog, or ask", meta: FieldMeta(label: "Blog"))]
        let bytes = Self.written(card)
        #expect(logicalLines(bytes).contains { $0.hasSuffix("X-KITH-URL:see my blog\\, or ask") })
        #expect(VCard4Grammar.check(bytes) == [])
        let back = try Reading.read(bytes: bytes).contacts
        #expect(back.first?.links.map(\.uri) == ["see my blog, or ask"])
        #expect(back.first?.links.first?.meta.label == "Blog")
        #expect(back.first?.unmapped.isEmpty == true)
    }

    /// RFC 6350 §6.6.5: MEMBER only with `KIND:group`, and its value is a URI. Members of an
    /// individual's card, and a group's members given as text, are written as `X-KITH-MEMBER`.
    @Test func membersOutsideAGroupOrNotURIsAreXKithMember() throws {
        var person = Self.card()
        person.members = [TextValue("urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af")]
        var group = Self.card(.group)
        group.members = [TextValue("urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af"), TextValue("Jane; Doe")]
        let personBytes = Self.written(person)
        let groupBytes = Self.written(group)
        #expect(logicalLines(personBytes).contains("X-KITH-MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af"))
        #expect(!logicalLines(personBytes).contains { $0.hasPrefix("MEMBER") })
        #expect(logicalLines(groupBytes).contains("MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af"))
        #expect(logicalLines(groupBytes).contains("X-KITH-MEMBER:Jane; Doe"))
        #expect(VCard4Grammar.check(personBytes + groupBytes) == [])
        let back = try Reading.read(bytes: personBytes + groupBytes).contacts
        #expect(back.map(\.kind) == [.individual, .group])
        #expect(back.first?.members.map(\.value) == ["urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af"])
        #expect(back.last?.members.map(\.value) == ["urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af", "Jane; Doe"])
    }

    /// RFC 6350 §6.2.4: PHOTO is a URI. A photo value without a scheme (a file name, which may
    /// look like a host name) is set apart as `X-KITH-UNMAPPED;X-PROPERTY=PHOTO`, as the reader
    /// keeps such a PHOTO.
    @Test func photoLinksThatAreNoURIs() {
        var card = Self.card()
        card.media = [
            MediaValue(kind: .photo, uri: "https://example.com/me.jpg"),
            MediaValue(kind: .photo, uri: "me.jpg"),
            MediaValue(kind: .logo, uri: "logos/a b.png"),
        ]
        let bytes = Self.written(card)
        let lines = logicalLines(bytes)
        #expect(lines.contains("PHOTO:https://example.com/me.jpg"))
        #expect(lines.contains("X-KITH-UNMAPPED;X-PROPERTY=PHOTO:me.jpg"))
        #expect(lines.contains("X-KITH-UNMAPPED;X-PROPERTY=LOGO:logos/a b.png"))
        #expect(VCard4Grammar.check(bytes) == [])
    }
}

/// What the reader makes of PHOTO values that are no URI.
@Suite struct SchemeLessPhotoTests {
    /// Bare base64 in a 3.0 PHOTO without ENCODING (corpus vcard/tine20/mac_os_x_addressbook.vcf
    /// writes `PHOTO:TGFycw==`, base64 for "Lars") is inline data: decoded, and written in 4.0
    /// as a `data:` URI.
    @Test func bareBase64IsInlineData() throws {
        let read = try Reading.read("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nPHOTO:TGFycw==\r\nEND:VCARD\r\n")
        let media = try #require(read.contacts.first?.media.first)
        #expect(media.data == Array("Lars".utf8))
        #expect(media.uri == nil)
        #expect(read.codes.contains("vcard.media.base64-without-encoding"))
        let bytes = VCardWriter(version: .v4).write(
            person: Person(id: "urn:uuid:1", card: try #require(read.contacts.first), records: []))
        #expect(logicalLines(bytes).contains("PHOTO:data:application/octet-stream;base64,TGFycw=="))
        #expect(VCard4Grammar.check(bytes) == [])
    }

    /// A bare JPEG (magic bytes FF D8 FF) gets its media type from its bytes.
    @Test func bareBase64ImageGetsItsMediaType() throws {
        // FF D8 FF E0 00 10 4A 46 49 46 00 01: the start of a JFIF file.
        let read = try Reading.read("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nPHOTO:/9j/4AAQSkZJRgAB\r\nEND:VCARD\r\n")
        let media = try #require(read.contacts.first?.media.first)
        #expect(media.mediaType == "image/jpeg")
        #expect(media.data == [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01])
    }

    /// Text that is neither a URI nor base64 (corpus vcard/calcard/062.vcf `PHOTO:val\nue`) is
    /// kept unmapped as written, with a warning, and written in 4.0 under `X-KITH-UNMAPPED`.
    @Test(arguments: ["PHOTO:val\\nue", "PHOTO;VALUE=text:val\\nue", "PHOTO:me.jpg", "PHOTO:TGFycx=="])
    func otherTextIsKeptUnmapped(line: String) throws {
        let read = try Reading.read("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n\(line)\r\nEND:VCARD\r\n")
        let card = try #require(read.contacts.first)
        #expect(card.media.isEmpty)
        #expect(card.unmapped.map(\.name) == ["PHOTO"])
        #expect(card.unmapped.first?.value == String(line.split(separator: ":", maxSplits: 1)[1]))
        #expect(read.codes.contains("vcard.media.not-a-uri"))
        let bytes = VCardWriter(version: .v4).write(person: Person(id: "urn:uuid:1", card: card, records: []))
        #expect(VCard4Grammar.check(bytes) == [])
    }
}
