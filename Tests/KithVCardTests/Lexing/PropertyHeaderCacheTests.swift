import KithModel
import Testing

@testable import KithVCard

/// Headers a file repeats are parsed once: what the cache gives back must be what parsing gives.
@Suite struct PropertyHeaderCacheTests {
    /// Parses `line`, stores it when it has a header, and looks up `lookup` (the same line when nil).
    static func roundTrip(store line: String, lookup: String? = nil, number: Int) -> VCardProperty? {
        var cache = PropertyHeaderCache()
        let stored = Array(line.utf8)
        stored.withUnsafeBufferPointer { bytes in
            guard let colon = PropertyHeaderParser.headerEnd(bytes),
                let property = PropertyHeaderParser.parse(
                    bytes, line: 1, decodeText: { String(decoding: $0, as: UTF8.self) })
            else { return }
            cache.store(property, header: UnsafeBufferPointer(rebasing: bytes[..<colon]))
        }
        let asked = Array((lookup ?? line).utf8)
        return asked.withUnsafeBufferPointer { bytes in
            guard let colon = PropertyHeaderParser.headerEnd(bytes) else { return nil }
            return cache.property(header: UnsafeBufferPointer(rebasing: bytes[..<colon]), line: number)
        }
    }

    @Test func sameHeaderGivesTheParsedPropertyWithItsOwnLine() throws {
        let property = try #require(
            Self.roundTrip(
                store: "item1.EMAIL;type=INTERNET;type=HOME;type=pref:a@example.com",
                lookup: "item1.EMAIL;type=INTERNET;type=HOME;type=pref:another@example.org", number: 42))
        #expect(property.group == "item1")
        #expect(property.name == "EMAIL")
        #expect(property.parameters.flatMap(\.values) == ["INTERNET", "HOME", "pref"])
        #expect(property.line == 42)
        #expect(property.valueStart == "item1.EMAIL;type=INTERNET;type=HOME;type=pref:".utf8.count)
    }

    /// A header of the same length that differs in one byte is not taken for the stored one.
    @Test func differentHeaderOfTheSameLengthIsNotFound() {
        #expect(Self.roundTrip(store: "TEL;type=CELL:1", lookup: "TEL;type=HOME:1", number: 2) == nil)
        #expect(Self.roundTrip(store: "TEL;type=CELL:1", lookup: "TEL;type=CELLS:1", number: 2) == nil)
    }

    /// Two cards with the same headers read alike: the second card's values carry the types, pref,
    /// parameters and group its own lines give (RFC 2426 §3.3.2 TYPE, Apple's item grouping), and
    /// their own line numbers.
    @Test func repeatedHeadersReadAlikeInEveryCard() throws {
        let card = """
            BEGIN:VCARD
            VERSION:3.0
            FN:A
            item1.EMAIL;type=INTERNET;type=HOME;type=pref:a@example.com
            item1.X-ABLabel:_$!<Home>!$_
            ADR;type=WORK;X-CUSTOM=1;LABEL="Street 1, Town":;;Street 1;Town;;12345;Land
            END:VCARD

            """
        let result = try Reading.read(card + card)
        #expect(result.contacts.count == 2)
        for (index, contact) in result.contacts.enumerated() {
            let email = try #require(contact.emails.first)
            #expect(email.meta.types == ["internet", "home"])
            #expect(email.meta.pref == 1)
            #expect(email.meta.group == "item1")
            #expect(email.meta.label == "Home")
            #expect(Int(email.meta.line) == 4 + index * 7)
            let address = try #require(contact.addresses.first)
            #expect(address.meta.types == ["work"])
            // LABEL is read into the formatted address (RFC 6350 §6.3.1), not kept as a parameter.
            #expect(address.meta.parameters == [Parameter(name: "X-CUSTOM", values: ["1"])])
            #expect(address.formatted == "Street 1, Town")
            #expect(Int(address.meta.line) == 6 + index * 7)
        }
    }
}
