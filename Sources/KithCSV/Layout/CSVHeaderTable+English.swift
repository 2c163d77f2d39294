extension CSVHeaderTable {
    /// English headers that mean the same in every layout that uses them: the Outlook desktop
    /// template (FORMATS.md, 92 columns), Outlook.com, Google's Outlook export, Windows Live Mail
    /// and Thunderbird. Keys are normalized headers (lower-case, single spaces).
    static let english: [String: String] = {
        var table: [String: String] = [
            "first name": "given", "middle name": "additional", "last name": "surname", "suffix": "suffix",
            "nickname": "nickname", "company": "organization", "department": "department",
            "job title": "title", "profession": "role", "notes": "note", "categories": "category",
            "gender": "gender", "birthday": "birthday", "anniversary": "anniversary", "web page": "url",
            "personal web page": "url:home", "business web page": "url:work",
            "spouse": "related:spouse", "children": "related:child", "manager's name": "related:manager",
            "assistant's name": "related:assistant",
            "e-mail address": "email#1", "e-mail type": "email-kind#1", "e-mail display name": "email-display#1",
            "assistant's phone": "phone:assistant", "business fax": "phone:work:fax",
            "business phone": "phone:work", "business phone 2": "phone:work", "callback": "phone:callback",
            "car phone": "phone:car", "company main phone": "phone:work:main", "home fax": "phone:home:fax",
            "home phone": "phone:home", "home phone 2": "phone:home", "isdn": "phone:isdn",
            "mobile phone": "phone:cell", "other fax": "phone:fax", "other phone": "phone", "pager": "phone:pager",
            "primary phone": "phone:main", "radio phone": "phone:radio", "tty/tdd phone": "phone:textphone",
            "telex": "phone:telex",
            // Outlook.com
            "given yomi": "phonetic-given", "surname yomi": "phonetic-surname", "imaddress": "im",
            // Thunderbird
            "display name": "full", "primary email": "email:pref", "secondary email": "email",
            "screen name": "im:aim", "work phone": "phone:work", "fax number": "phone:fax",
            "pager number": "phone:pager", "mobile number": "phone:cell", "organization": "organization",
            "web page 1": "url:work", "web page 2": "url:home", "birth year": "birthday:year",
            "birth month": "birthday:month", "birth day": "birthday:day",
            "home address 2": "address:home:extended", "work address 2": "address:work:extended",
            "home zipcode": "address:home:postcode", "work zipcode": "address:work:postcode",
            // Google, both layouts
            "name": "full", "given name": "given", "additional name": "additional", "family name": "surname",
            "given name yomi": "phonetic-given", "additional name yomi": "phonetic-additional",
            "family name yomi": "phonetic-surname", "name prefix": "prefix", "name suffix": "suffix",
            "occupation": "role", "group membership": "category", "labels": "category",
            "phonetic first name": "phonetic-given", "phonetic middle name": "phonetic-additional",
            "phonetic last name": "phonetic-surname", "file as": "file-as", "organization name": "organization",
            "organization title": "title", "organization department": "department", "photo": "photo",
        ]
        for n in 2...3 {
            table["e-mail \(n) address"] = "email#\(n)"
            table["e-mail \(n) type"] = "email-kind#\(n)"
            table["e-mail \(n) display name"] = "email-display#\(n)"
        }
        let places = [("business", "work"), ("home", "home"), ("other", "other"), ("work", "work")]
        for (word, type) in places {
            table["\(word) street"] = "address:\(type):street"
            table["\(word) street 2"] = "address:\(type):street"
            table["\(word) street 3"] = "address:\(type):street"
            table["\(word) city"] = "address:\(type):city"
            table["\(word) state"] = "address:\(type):region"
            table["\(word) postal code"] = "address:\(type):postcode"
            table["\(word) zip"] = "address:\(type):postcode"
            table["\(word) country/region"] = "address:\(type):country"
            table["\(word) country"] = "address:\(type):country"
            table["\(word) address po box"] = "address:\(type):pobox"
            table["\(word) address"] = "address:\(type):formatted"
        }
        return table
    }()

    /// Headers whose meaning depends on the layout.
    static let overrides: [CSVLayout.Kind: [String: String]] = [
        .outlook: ["title": "prefix"],
        .outlookCom: ["title": "prefix"],
        .googleOutlook: ["title": "prefix"],
        .windowsLiveMail: ["title": "prefix"],
        .thunderbird: [
            // Thunderbird's "Home Address" is the first street line, "Address 2" the extended one.
            "home address": "address:home:street", "work address": "address:work:street",
        ],
        .linkedin: ["url": "url", "email address": "email", "position": "title", "connected on": "unmapped-date"],
        .yahoo: [
            "first": "given", "middle": "additional", "last": "surname", "email": "email",
            "category": "category", "messenger id": "im:yahoo", "home": "phone:home", "work": "phone:work",
            "fax": "phone:fax", "mobile": "phone:cell", "other": "phone", "yahoo! phone": "phone",
            "primary": "phone:main", "alternate email 1": "email", "alternate email 2": "email",
            "personal website": "url:home", "business website": "url:work", "title": "title",
            "work address": "address:work:street", "home address": "address:home:street",
            "comments": "note", "skype id": "im:skype", "irc id": "im:irc", "icq id": "im:icq",
            "google id": "im:google", "msn id": "im:msn", "aim id": "im:aim", "qq id": "im:qq",
        ],
        .roundcubeAll: [
            "title": "prefix", "email home": "email:home", "email work": "email:work", "email other": "email",
            "home mobile": "phone:cell", "phone video": "phone:video", "im aim": "im:aim", "im icq": "im:icq",
            "im jabber": "im:xmpp", "im msn": "im:msn", "im skype": "im:skype", "im yahoo": "im:yahoo",
            "website blog": "url:blog", "website home page": "url:home", "website other": "url",
            "website profile": "url:profile", "website work": "url:work",
        ],
    ]

    /// Spreadsheet headers in several languages (English, German, French, Spanish), and the
    /// native column names of Tine 2.0 and LX-Office exports (corpus csv/tine20), for the
    /// generic layout. Consulted after the English table.
    static let aliases: [String: String] = [
        "full name": "full", "fullname": "full", "display name": "full", "nom complet": "full",
        "vollständiger name": "full", "nombre completo": "full", "anzeigename": "full", "contact": "full",
        "email": "email", "e-mail": "email", "mail": "email", "email address": "email", "courriel": "email",
        "adresse e-mail": "email", "correo": "email", "correo electrónico": "email", "e-mail-adresse": "email",
        "emails": "email",
        "phone": "phone", "telephone": "phone", "tel": "phone", "telefon": "phone", "téléphone": "phone",
        "teléfono": "phone", "phone number": "phone", "telefonnummer": "phone", "mobile": "phone:cell",
        "handy": "phone:cell", "mobil": "phone:cell", "cell": "phone:cell", "cellphone": "phone:cell",
        "portable": "phone:cell", "móvil": "phone:cell", "celular": "phone:cell", "fax": "phone:fax",
        "firstname": "given", "vorname": "given", "prénom": "given", "nombre": "given", "first": "given",
        "lastname": "surname", "surname": "surname", "nachname": "surname", "nom": "surname",
        "apellido": "surname", "apellidos": "surname", "last": "surname",
        "organisation": "organization", "firma": "organization", "société": "organization",
        "empresa": "organization",
        "address": "address::street", "street": "address::street", "adresse": "address::street",
        "straße": "address::street", "strasse": "address::street", "rue": "address::street",
        "dirección": "address::street", "calle": "address::street",
        "city": "address::city", "ort": "address::city", "stadt": "address::city", "ville": "address::city",
        "ciudad": "address::city", "zip": "address::postcode", "zipcode": "address::postcode",
        "postal code": "address::postcode", "postcode": "address::postcode", "plz": "address::postcode",
        "code postal": "address::postcode", "código postal": "address::postcode", "country": "address::country",
        "land": "address::country", "pays": "address::country", "país": "address::country",
        "state": "address::region", "region": "address::region", "bundesland": "address::region",
        "geburtstag": "birthday", "anniversaire": "birthday", "cumpleaños": "birthday",
        "date of birth": "birthday", "dob": "birthday", "birthdate": "birthday", "geburtsdatum": "birthday",
        "note": "note", "notizen": "note", "bemerkung": "note", "notas": "note", "comment": "note",
        "comments": "note", "website": "url", "url": "url", "web": "url", "homepage": "url",
        "site web": "url", "webseite": "url", "sitio web": "url", "title": "title", "position": "title",
        "titel": "title", "poste": "title", "cargo": "title", "abteilung": "department",
        "spitzname": "nickname", "surnom": "nickname", "apodo": "nickname", "groups": "category",
        "group": "category", "tags": "category", "kategorien": "category", "gruppe": "category",
        // Tine 2.0 native columns (csv/tine20/import_duplicate_1.csv).
        "n_given": "given", "n_family": "surname", "n_middle": "additional", "n_prefix": "prefix",
        "n_suffix": "suffix", "n_fn": "full", "org_name": "organization", "org_unit": "department",
        "role": "role", "adr_one_street": "address:work:street", "adr_one_postalcode": "address:work:postcode",
        "adr_one_locality": "address:work:city", "adr_one_region": "address:work:region",
        "adr_one_countryname": "address:work:country", "adr_two_street": "address:home:street",
        "adr_two_postalcode": "address:home:postcode", "adr_two_locality": "address:home:city",
        "adr_two_region": "address:home:region", "adr_two_countryname": "address:home:country",
        "tel_work": "phone:work", "tel_fax": "phone:work:fax", "tel_cell": "phone:cell",
        "tel_home": "phone:home", "tel_fax_home": "phone:home:fax", "email_home": "email:home",
        "bday": "birthday",
        // LX-Office customer export (csv/tine20/importtest_lxoffice2.csv).
        "department_1": "department",
    ]
}
