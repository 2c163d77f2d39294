import Foundation
import KithJSON
import KithModel
import KithTestSupport
import Testing

/// The JSContact mapping of every `Contact` field, checked against RFC 9553/9555 by hand on the
/// `everyField` contact. Output is parsed with Foundation's JSONSerialization (an independent
/// parser).
@Suite struct CardMappingTests {
    let person: [String: Any]
    let card: [String: Any]
    let values: [String: Any]

    init() throws {
        let dataset = Dataset(
            generator: "t", generatedAt: "t", sources: [], people: [Person.singleton(SampleDatasets.everyField())],
            groups: [],
            diagnostics: [])
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(DatasetWriter().encode(dataset))) as? [String: Any])
        person = try #require((root["people"] as? [[String: Any]])?.first)
        card = try #require(person["card"] as? [String: Any])
        values = try #require(person["values"] as? [String: Any])
    }

    /// Compact JSON with sorted keys, to compare a parsed fragment with hand-written text.
    private func json(_ value: Any?) -> String {
        guard let value,
            let data = try? JSONSerialization.data(
                withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return "nil" }
        return String(decoding: data, as: UTF8.self)
    }

    private func object(_ value: Any?, _ path: String...) -> [String: Any]? {
        var current = value
        for step in path { current = (current as? [String: Any])?[step] }
        return current as? [String: Any]
    }

    @Test func header() {
        #expect(card["@type"] as? String == "Card")
        #expect(card["version"] as? String == "1.0")
        #expect(card["uid"] as? String == person["id"] as? String)
        #expect(card["kind"] == nil)  // individual is the default
        #expect(card["prodId"] as? String == "-//Apple Inc.//iPhone OS 17.0//EN")
        #expect(card["updated"] as? String == "2026-11-27T10:00:00Z")
        #expect(object(person, "origin")?["uid"] as? String == "urn:uuid:maria-1")
        #expect(object(person, "origin")?["revision"] as? String == "20261127T100000Z")
    }

    @Test func name() throws {
        let name = try #require(card["name"] as? [String: Any])
        let components = try #require(name["components"] as? [[String: String]])
        #expect(
            components == [
                ["kind": "title", "value": "Dr."], ["kind": "given", "value": "Maria", "phonetic": "ma-ri-a"],
                ["kind": "given2", "value": "José"],
                ["kind": "surname", "value": "de la Cruz", "phonetic": "de la kruth"],
                ["kind": "surname", "value": "Smith"], ["kind": "generation", "value": "Jr."],
                ["kind": "credential", "value": "PhD"],
            ])
        #expect(name["full"] as? String == "Dr. Maria José de la Cruz Jr.")
        #expect(name["sortAs"] as? [String: String] == ["surname": "Cruz, Maria"])
        #expect(name["vCardParams"] as? [String: String] == ["x-foo": "bar"])
        let entry = try #require(values["name"] as? [String: Any])
        #expect(entry["componentsRule"] as? String == "name-from-display")
        #expect(entry["raw"] as? String == "de la Cruz,Smith;Maria;José;Dr.;Jr.,PhD")
        #expect(entry["language"] as? String == "es")
        #expect(entry["altID"] as? String == "1")
        #expect(object(entry, "keys")?["givenNicknameKeys"] as? [String] == ["maria", "mary"])
    }

    @Test func emailsAndPhones() {
        #expect(object(card, "emails", "e1")?["address"] as? String == "Maria@example.com")
        #expect(object(card, "emails", "e1")?["contexts"] as? [String: Bool] == ["work": true])
        #expect(object(card, "emails", "e1")?["pref"] as? Int == 1)
        #expect(object(card, "emails", "e1")?["label"] as? String == "Office")
        #expect(object(card, "emails", "e2")?["contexts"] as? [String: Bool] == ["private": true])
        #expect(object(values, "emails/e1")?["raw"] as? String == "Maria <Maria@Example.COM>")
        #expect(object(values, "emails/e1")?["key"] as? String == "maria@example.com")
        #expect(object(values, "emails/e1")?["group"] as? String == "item1")
        #expect(object(values, "emails/e1")?["types"] as? [String] == ["internet", "work", "pref"])
        #expect(object(values, "emails/e2")?["raw"] == nil)  // same as the address

        #expect(object(card, "phones", "p1")?["number"] as? String == "tel:+16502530000;ext=12")
        #expect(object(card, "phones", "p1")?["features"] as? [String: Bool] == ["mobile": true, "voice": true])
        #expect(object(card, "phones", "p1")?["contexts"] as? [String: Bool] == ["private": true])
        #expect(object(card, "phones", "p1")?["pref"] as? Int == 2)
        #expect(object(values, "phones/p1")?["raw"] as? String == "(650) 253-0000 x12")
        #expect(object(values, "phones/p1")?["region"] as? String == "US")
        #expect(object(values, "phones/p1")?["regionRule"] as? String == "record-address")
        #expect(object(values, "phones/p1")?["lineType"] as? String == "mobile")
        #expect(object(card, "phones", "p2")?["number"] as? String == "**41")  // not normalized: raw text
        #expect(object(values, "phones/p2")?["unnormalized"] as? String == "internal")
        #expect(object(values, "phones/p1")?["unnormalized"] == nil)
        #expect(object(card, "phones", "p2")?["features"] as? [String: Bool] == ["fax": true, "main-number": true])
        #expect(object(card, "phones", "p2")?["label"] as? String == "Fritz!Box")
        #expect(object(values, "phones/p2")?["raw"] == nil)
    }

    @Test func addresses() throws {
        let home = try #require(object(card, "addresses", "ad1"))
        #expect(
            home["components"] as? [[String: String]] == [
                ["kind": "postOfficeBox", "value": "PO 7"], ["kind": "apartment", "value": "Apt 4"],
                ["kind": "name", "value": "1 Main St"], ["kind": "locality", "value": "Springfield"],
                ["kind": "region", "value": "IL"], ["kind": "postcode", "value": "62701"],
                ["kind": "country", "value": "USA"],
            ])
        #expect(home["full"] as? String == "1 Main St\nApt 4\nSpringfield IL 62701")
        #expect(home["countryCode"] as? String == "US")
        #expect(home["coordinates"] as? String == "geo:39.78,-89.65")
        #expect(home["timeZone"] as? String == "America/Chicago")
        #expect(home["contexts"] as? [String: Bool] == ["private": true])
        #expect(object(values, "addresses/ad1")?["countryCode"] as? String == "us")
        #expect(object(values, "addresses/ad1")?["types"] as? [String] == ["home", "postal"])
        #expect(object(card, "addresses", "ad2")?["countryCode"] == nil)
        #expect(object(values, "addresses/ad2")?["countryCode"] as? String == "Germany")
    }

    @Test func organizationsAndTitles() {
        #expect(object(card, "organizations", "o1")?["name"] as? String == "ACME Corp.")
        #expect(
            object(card, "organizations", "o1")?["units"] as? [[String: String]] == [
                ["name": "Research"], ["name": "Labs"],
            ])
        #expect(object(values, "organizations/o2")?["inferredBy"] as? String == "organization-from-email-domain")
        #expect(object(values, "organizations/o2")?["key"] as? String == "example")
        #expect(object(card, "titles", "t1") as? [String: String] == ["name": "Chief Scientist", "kind": "title"])
        #expect(object(card, "titles", "t2") as? [String: String] == ["name": "Team lead", "kind": "role"])
        #expect(object(card, "nicknames", "k1")?["name"] as? String == "Mari")
        #expect(object(card, "speakToAs") as? [String: String] == ["grammaticalGender": "feminine"])
    }

    @Test func anniversaries() throws {
        let anniversaries = try #require(card["anniversaries"] as? [String: [String: Any]])
        #expect(anniversaries.count == 4)
        #expect(anniversaries["a1"]?["kind"] as? String == "birth")
        #expect(json(anniversaries["a1"]?["date"]) == #"{"@type":"PartialDate","day":15,"month":4,"year":1980}"#)
        // 2005-06-01T23:30:00-05:00 is 2005-06-02T04:30:00Z.
        #expect(anniversaries["a2"]?["kind"] as? String == "wedding")
        #expect(
            anniversaries["a2"]?["date"] as? [String: String] == ["@type": "Timestamp", "utc": "2005-06-02T04:30:00Z"])
        #expect(object(values, "anniversaries/a2")?["date"] as? String == "2005-06-01T23:30:00-05:00")
        #expect(json(anniversaries["a3"]?["date"]) == #"{"@type":"PartialDate","year":2060}"#)
        // A floating time has no UTC form: the card keeps the date, `values` the full form.
        #expect(json(anniversaries["a4"]?["date"]) == #"{"@type":"PartialDate","day":15,"month":4,"year":1604}"#)
        #expect(object(values, "anniversaries/a4")?["rule"] as? String == "placeholder-year-1604")
        #expect(object(values, "anniversaries/a4")?["date"] as? String == "1604-04-15T10:00:00")
    }

    @Test func resourcesAndKeywords() {
        #expect(object(card, "links", "l1")?["uri"] as? String == "http://www.linkedin.com/in/mjdlc")
        #expect(object(values, "links/l1")?["raw"] as? String == "www.linkedin.com/in/mjdlc")
        #expect(object(card, "links", "l1")?["label"] as? String == "LinkedIn")
        #expect(object(values, "links/l1")?["profileKey"] as? String == "linkedin:in/mjdlc")
        #expect(
            json(object(card, "onlineServices", "s1"))
                == #"{"contexts":{"private":true},"service":"skype","uri":"skype:maria.cruz","user":"maria.cruz"}"#)
        #expect(object(card, "media", "m1")?["uri"] as? String == "data:image/png;base64,iVBORw0KGgoA")
        #expect(object(card, "media", "m1")?["kind"] as? String == "photo")
        #expect(object(card, "media", "m2")?["uri"] as? String == "https://example.com/logo.svg")
        #expect(object(card, "media", "m3")?["uri"] as? String == "data:application/octet-stream;base64,AQI=")
        #expect(object(card, "media", "m3")?["mediaType"] == nil)
        #expect(
            object(values, "media/m1")?["sha256"] as? String
                == ContentHash.sha256Hex([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]))
        #expect(
            object(card, "notes", "n1")?["note"] as? String
                == "Line one\r\nLine two \"quoted\" \\ backslash \u{2028} sep\u{7}")
        #expect(card["keywords"] as? [String: Bool] == ["Friends": true, "a/b~c": true])
        #expect(object(values, "keywords/a~1b~0c")?["line"] as? Int == 32)
        #expect(
            object(card, "relatedTo", "urn:uuid:11111111-2222-8333-9444-555555555555")?["relation"] as? [String: Bool]
                == ["spouse": true])
        #expect(object(card, "relatedTo", "Pedro")?["relation"] as? [String: Bool] == ["child": true, "kin": true])
        #expect(object(values, "relatedTo/Pedro")?["label"] as? String == "son")
        #expect(object(values, "relatedTo/urn:uuid:11111111-2222-8333-9444-555555555555")?["isURI"] as? Bool == true)
        #expect(card["members"] as? [String: Bool] == ["urn:uuid:99999999-2222-8333-9444-555555555555": true])
    }

    @Test func vCardProps() throws {
        let props = try #require(card["vCardProps"] as? [[Any]])
        #expect(
            props.map { json($0) } == [
                #"["gender",{},"text","F;woman"]"#,
                #"["bday",{},"text","April 15th"]"#,
                #"["x-abdate",{},"date-and-or-time","--12-24"]"#,
                #"["related",{},"text","Pedro"]"#,
                #"["x-abshowas",{"group":"item2","type":["a","b"],"x-empty":[]},"text","COMPANY"]"#,
                #"["x-csv-custom field",{},"unknown","v"]"#,
            ])
        #expect(object(values, "vCardProps/0")?["field"] as? String == "gender")
        #expect(object(values, "vCardProps/1")?["kind"] as? String == "birth")
        #expect(object(values, "vCardProps/1")?["rule"] as? String == "unreadable-date")
        #expect(object(values, "vCardProps/2")?["raw"] as? String == "--1224")
        #expect(object(values, "vCardProps/2")?["label"] as? String == "Name day")
        #expect(object(values, "vCardProps/3")?["field"] as? String == "relatedTo")
        #expect(object(values, "vCardProps/4") as? [String: Int] == ["line": 42])
        #expect(object(values, "vCardProps/5") as? [String: String] == ["name": "X-CSV-Custom Field"])
    }

    @Test func provenanceNamesEveryValue() throws {
        let provenance = try #require(person["provenance"] as? [String: [String]])
        #expect(provenance["emails/e2"] == ["S1#0"])
        #expect(provenance["keywords/a~1b~0c"] == ["S1#0"])
        #expect(provenance["vCardProps/0"] == ["S1#0"])
        #expect(provenance["vCardProps/4"] == nil)  // unmapped properties carry no merge provenance
        // name, 1 nickname, 2 organizations, 2 titles, 2 emails, 2 phones, 2 services, 2 addresses,
        // 4 anniversaries, 1 link, 3 media, 1 note, 2 keywords, 2 relatedTo, 1 member, and in
        // vCardProps the gender, 2 dates and the repeated related value.
        #expect(provenance.count == 1 + 1 + 2 + 2 + 2 + 2 + 2 + 2 + 4 + 1 + 3 + 1 + 2 + 2 + 1 + 4)
    }
}
