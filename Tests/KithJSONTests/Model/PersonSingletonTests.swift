import KithModel
import KithTestSupport
import Testing

@Suite struct PersonSingletonTests {
    @Test func idFromUID() {
        var contact = Contact(ref: RecordRef(source: 2, index: 7), line: 30)
        contact.uid = "ABC-123"
        let person = Person.singleton(contact)
        #expect(person.id == StableID.urn(namespace: "person", name: "uid:ABC-123"))
        #expect(person.records == [MemberRecord(ref: RecordRef(source: 2, index: 7), line: 30, uid: "ABC-123")])
    }

    @Test func contentIDIgnoresWhereTheRecordWasRead() {
        let here = SampleDatasets.everyField(source: 0, index: 0)
        var there = SampleDatasets.everyField(source: 5, index: 99)
        there.uid = nil
        var hereWithoutUID = here
        hereWithoutUID.uid = nil
        there.line = 1234
        there.emails[0].meta.line = 7
        there.emails[0].meta.from = [RecordRef(source: 9, index: 9)]
        #expect(Person.singleton(hereWithoutUID).id == Person.singleton(there).id)
        #expect(
            Person.singleton(hereWithoutUID).id
                == StableID.urn(
                    namespace: "person", name: "content:" + ContentHash.sha256Hex(hereWithoutUID.canonicalContent)))
        var changed = there
        changed.emails[0].meta.types.append("home")
        #expect(Person.singleton(changed).id != Person.singleton(there).id)
        var moved = there
        moved.notes = [TextValue("a"), TextValue("b")]
        var swapped = there
        swapped.notes = [TextValue("ab")]
        #expect(Person.singleton(moved).id != Person.singleton(swapped).id)
    }

    @Test func everyValueNamesItsRecord() {
        let contact = SampleDatasets.everyField(source: 3, index: 4)
        var stripped = contact
        stripped.name?.meta.from = []
        stripped.emails[0].meta.from = []
        let person = Person.singleton(stripped)
        let ref = [RecordRef(source: 3, index: 4)]
        #expect(person.card.name?.meta.from == ref)
        #expect(person.card.emails.allSatisfy { $0.meta.from == ref })
        #expect(person.card.dates.allSatisfy { $0.meta.from == ref })
        #expect(person.card.categories.allSatisfy { $0.meta.from == ref })
        #expect(person.card.gender?.meta.from == ref)
        #expect(person.card.members.allSatisfy { $0.meta.from == ref })
        #expect(person.alternates.isEmpty)
        #expect(person.match == nil)
    }
}
