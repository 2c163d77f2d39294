import KithModel
import Testing

/// `FieldMeta` keeps its rarely given members (group, language, ALTID, other parameters) in a
/// shared box; it must still behave as a plain value with those members as stored properties.
@Suite struct FieldMetaTests {
    @Test func rareMembersReadBackAsWritten() {
        let parameter = Parameter(name: "X-SERVICE-TYPE", values: ["Skype"])
        let meta = FieldMeta(
            types: ["work"], label: "Office", pref: 2, line: 7, group: "item1", language: "de",
            altID: "1", parameters: [parameter])
        #expect(meta.types == ["work"])
        #expect(meta.label == "Office")
        #expect(meta.pref == 2)
        #expect(meta.line == 7)
        #expect(meta.group == "item1")
        #expect(meta.language == "de")
        #expect(meta.altID == "1")
        #expect(meta.parameters == [parameter])
    }

    @Test func aCopyIsIndependentOfItsOriginal() {
        var original = FieldMeta(group: "item1", language: "en")
        let copy = original
        original.group = "item2"
        original.parameters.append(Parameter(name: "X-A", values: ["1"]))
        #expect(copy.group == "item1")
        #expect(copy.parameters.isEmpty)
        #expect(original.group == "item2")
        #expect(original.language == "en")
        #expect(original.parameters == [Parameter(name: "X-A", values: ["1"])])
    }

    @Test func equalityAndHashFollowTheMembersNotHowTheyWereSet() {
        // Set and cleared again: equal to metadata that never had them.
        var cleared = FieldMeta(types: ["home"], line: 3)
        cleared.group = "item1"
        cleared.altID = "2"
        cleared.group = nil
        cleared.altID = nil
        let plain = FieldMeta(types: ["home"], line: 3)
        #expect(cleared == plain)
        #expect(cleared.hashValue == plain.hashValue)

        // The same members given at creation and set afterwards: equal, same hash.
        var set = FieldMeta(types: ["home"], line: 3)
        set.language = "fr"
        set.parameters = [Parameter(name: "X-B", values: ["y"])]
        let given = FieldMeta(
            types: ["home"], line: 3, language: "fr", parameters: [Parameter(name: "X-B", values: ["y"])])
        #expect(set == given)
        #expect(set.hashValue == given.hashValue)

        // Any rare member that differs makes them differ; an empty group is not a missing one.
        #expect(FieldMeta(group: "item1") != FieldMeta(group: "item2"))
        #expect(FieldMeta(language: "de") != FieldMeta())
        #expect(FieldMeta(group: "") != FieldMeta())
        #expect(Set([FieldMeta(altID: "1"), FieldMeta(altID: "1"), FieldMeta(altID: "2")]).count == 2)
    }
}
