import Foundation
import KithModel
import KithXML
import Testing

/// The `realName` rule: exactly one comma with text on both sides is "Last, First".
@Suite struct FritzBoxNameTests {
    static func name(_ realName: String) throws -> NameValue? {
        let read = try XMLTestReading.read(
            text: "<phonebooks><phonebook><contact><person><realName>\(realName)</realName></person></contact>"
                + "</phonebook></phonebooks>")
        return read.contacts.first?.name
    }

    @Test(arguments: [
        ("Groß, Günter", ["Groß"], ["Günter"]),
        ("  Doe ,  John ", ["Doe"], ["John"]),
    ])
    func splitsLastCommaFirst(_ realName: String, _ surname: [String], _ given: [String]) throws {
        let name = try #require(try Self.name(realName))
        #expect(name.full == realName.trimmingCharacters(in: .whitespaces))
        #expect(name.surname == surname)
        #expect(name.given == given)
        #expect(name.componentsRule == "fritzbox-last-comma-first")
    }

    @Test(arguments: ["Müller GmbH", "Praxis Dr. A, B, C", ", Anna", "Schmidt,"])
    func keepsOtherNamesWhole(_ realName: String) throws {
        let name = try #require(try Self.name(realName))
        #expect(name.full == realName)
        #expect(!name.hasComponents)
        #expect(name.componentsRule == nil)
    }
}
