import Foundation
import KithModel
import KithTestSupport
import KithXML
import Testing

/// corpus xml/gigaset/hansmi-tbook-example.xml and xml/digium/antirek-phonebook.xml.
@Suite(requiresCorpus) struct PhoneBookCorpusTests {
    @Test func readsTheGigasetTBook() throws {
        let read = try XMLTestReading.read(TestPaths.corpusFile("xml/gigaset/hansmi-tbook-example.xml"))
        #expect(read.report.flavor == "xml/gigaset")
        #expect(read.contacts.count == 3)
        let sven = read.contacts[0]
        #expect(sven.name?.given == ["Sven"])
        #expect(sven.name?.surname == ["Larsen"])
        #expect(sven.titles.map(\.value) == ["Engineer"])
        #expect(sven.organizations.map(\.name) == ["Nordic Tech"])
        #expect(sven.emails.map(\.raw) == ["sven@example.com"])
        #expect(sven.notes.map(\.value) == ["Contact for technical support"])
        #expect(sven.categories.map(\.value) == ["work"])
        #expect(sven.phones.map(\.raw) == ["555-0100", "555-0101"])
        #expect(sven.phones.map(\.meta.types) == [["work"], ["cell"]])
        #expect(
            sven.unmapped.first { $0.name == "X-XML-contact" }?.parameters.contains(
                Parameter(name: "fav", values: ["true"])) == true)

        let isabella = read.contacts[1]
        #expect(isabella.name?.surname == ["García"])
        #expect(isabella.categories.map(\.value) == ["VIP", "colleague"])
        #expect(isabella.phones.map(\.raw) == ["555-0200", "555"])
        #expect(isabella.phones.map(\.meta.types) == [["home"], ["extension"]])

        let hans = read.contacts[2]
        #expect(hans.name?.surname == ["Müller"])
        #expect(hans.titles.isEmpty)
        #expect(
            hans.unmapped.first { $0.name == "X-XML-contact" }?.parameters.contains(
                Parameter(name: "blocked", values: ["true"])) == true)
    }

    @Test func readsTheDigiumDirectory() throws {
        let read = try XMLTestReading.read(TestPaths.corpusFile("xml/digium/antirek-phonebook.xml"))
        #expect(read.report.flavor == "xml/ipphone-directory")
        #expect(read.contacts.map { $0.name?.full } == ["Manager 1", "Manager 2"])
        #expect(read.contacts.map { $0.phones.map(\.raw) } == [["110"], ["120"]])
        #expect(read.contacts.map(\.line) == [3, 7])
    }

    @Test(arguments: TestPaths.corpusFiles(under: "xml", extensions: ["xml"]))
    func everyCorpusFileImports(_ url: URL) throws {
        let read = try XMLTestReading.read(url)
        #expect(read.report.format == "xml")
        #expect(read.report.records == read.contacts.count)
        #expect(!read.contacts.isEmpty)
        #expect(read.contacts.allSatisfy { !$0.isEmpty })
        #expect(read.report.diagnostics.allSatisfy { $0.severity != .error })
    }
}
