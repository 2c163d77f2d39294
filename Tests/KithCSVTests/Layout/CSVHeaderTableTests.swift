import Testing

@testable import KithCSV

@Suite struct CSVHeaderTableTests {
    @Test(arguments: [
        ("First Name,Last Name,URL,Email Address,Company,Position,Connected On", "csv/linkedin"),
        ("URL,Last Name,First Name,Connected On", "csv/linkedin"),  // by name, not position
        ("First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value", "csv/google"),
        ("Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value", "csv/google-legacy"),
        ("First Name,Middle Name,Last Name,Title,E-mail Address,Home Address,Business Address,Categories", "csv/google-outlook"),
        ("Title,First Name,Last Name,E-mail Address,E-mail Type,E-mail Display Name", "csv/outlook"),
        ("First Name,Last Name,Given Yomi,Surname Yomi,E-mail Address,IMAddress", "csv/outlook-com"),
        ("First,Middle,Last,Nickname,Email,Category,Messenger ID", "csv/yahoo"),
        ("First Name,Last Name,Display Name,Primary Email,Birth Year", "csv/thunderbird"),
        ("First Name,Last Name,Name,E-mail Address,Business Web Page", "csv/windows-live-mail"),
        ("Anrede,Vorname,Nachname,Firma,E-Mail-Adresse,E-Mail-Typ", "csv/outlook-de"),
        ("Titre,Prénom,Nom,Société,Adresse de messagerie,Type de messagerie", "csv/outlook-fr"),
        ("Tratamiento,Nombre,Apellidos,Organización,Dirección de correo electrónico,Móvil", "csv/outlook-es"),
        ("Vorname,Nachname,Anzeigename,Primäre E-Mail-Adresse,Geburtsjahr", "csv/thunderbird-de"),
        ("Full Name,Courriel,Téléphone", "csv/generic"),
    ])
    func recognizesLayout(header: String, flavor: String) {
        let layout = CSVHeaderTable.layout(of: header.components(separatedBy: ","))
        #expect(layout?.description == flavor)
    }

    @Test func unknownHeadersAreNoLayout() {
        #expect(CSVHeaderTable.layout(of: ["foo", "bar", "baz"]) == nil)
    }

    @Test func titleDependsOnLayout() throws {
        let outlook = try CSVHeaderTable.roles(for: ["Title", "E-mail Type"], layout: CSVLayout(.outlook))
        #expect(outlook[0].field == .prefix)
        let yahoo = try CSVHeaderTable.roles(for: ["Title"], layout: CSVLayout(.yahoo))
        #expect(yahoo[0].field == .title)
    }

    @Test func germanBirthdayColumnDiffersBetweenOutlookAndThunderbird() throws {
        let outlook = try CSVHeaderTable.roles(for: ["Geburtstag"], layout: CSVLayout(.outlook, language: "de"))
        #expect(outlook[0].field == .date(.birth))
        let thunderbird = try CSVHeaderTable.roles(for: ["Geburtstag"], layout: CSVLayout(.thunderbird, language: "de"))
        #expect(thunderbird[0].field == .datePart(.day))
    }

    @Test func googleNumberedGroups() {
        #expect(CSVHeaderTable.googleGroup("e-mail 12 - value") == "email#12")
        #expect(CSVHeaderTable.googleGroup("phone 1 - label") == "phone-type#1")
        #expect(CSVHeaderTable.googleGroup("address 2 - postal code") == "address:#2:postcode")
        #expect(CSVHeaderTable.googleGroup("custom field 1 - value") == "unmapped")
        #expect(CSVHeaderTable.googleGroup("first name") == nil)
    }

    @Test(arguments: [
        ("given", CSVColumnRole(.given)),
        ("phone:mobile", CSVColumnRole(.phone, types: ["cell"])),
        ("phone:work:fax", CSVColumnRole(.phone, types: ["work", "fax"])),
        ("address:home:street", CSVColumnRole(.address(.street), group: "type:home", types: ["home"])),
        ("address:#2:zip", CSVColumnRole(.address(.postalCode), group: "2")),
        ("email#3", CSVColumnRole(.email, group: "3")),
        ("birthday:month", CSVColumnRole(.datePart(.month), group: "birthday")),
    ])
    func fieldNames(name: String, role: CSVColumnRole) {
        #expect(CSVColumnRole(fieldName: name) == role)
    }

    @Test func normalizesHeaders() {
        #expect(CSVHeaderTable.normalize("\u{FEFF}  E-mail   Address ") == "e-mail address")
        #expect(CSVPlanNames.name("Straße geschäftlich") == "X-CSV-STRASSE-GESCHAFTLICH")
        #expect(CSVPlanNames.name("") == "X-CSV-COLUMN-1")
    }
}

enum CSVPlanNames {
    static func name(_ header: String) -> String { CSVColumnPlan.propertyName(header, index: 0) }
}
