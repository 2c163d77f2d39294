extension CSVHeaderTable {
    /// Localized Outlook desktop headers, by language.
    ///
    /// German: exactly the header of the real Outlook 2013 export in corpus
    /// csv/tine20/importtest_outlook2013.csv. French and Spanish: the Outlook names listed in
    /// roundcube's `program/localization/{fr_FR,es_ES}/csv2vcard.inc` completed with the
    /// remaining Outlook template columns; no real French or Spanish export was available to
    /// check them against (FORMATS.md).
    static let outlookLocalized: [(language: String, table: [String: String])] = [
        (
            "de",
            [
                "anrede": "prefix", "vorname": "given", "weitere vornamen": "additional", "nachname": "surname",
                "suffix": "suffix", "firma": "organization", "abteilung": "department", "position": "title",
                "straße geschäftlich": "address:work:street", "straße geschäftlich 2": "address:work:street",
                "straße geschäftlich 3": "address:work:street", "ort geschäftlich": "address:work:city",
                "region geschäftlich": "address:work:region", "postleitzahl geschäftlich": "address:work:postcode",
                "land/region geschäftlich": "address:work:country", "straße privat": "address:home:street",
                "straße privat 2": "address:home:street", "straße privat 3": "address:home:street",
                "ort privat": "address:home:city", "bundesland/kanton privat": "address:home:region",
                "postleitzahl privat": "address:home:postcode", "land/region privat": "address:home:country",
                "weitere straße": "address:other:street", "weitere straße 2": "address:other:street",
                "weitere straße 3": "address:other:street", "weiterer ort": "address:other:city",
                "weiteres/r bundesland/kanton": "address:other:region",
                "weitere postleitzahl": "address:other:postcode", "weiteres/e land/region": "address:other:country",
                "telefon assistent": "phone:assistant", "fax geschäftlich": "phone:work:fax",
                "telefon geschäftlich": "phone:work", "telefon geschäftlich 2": "phone:work",
                "rückmeldung": "phone:callback", "autotelefon": "phone:car", "telefon firma": "phone:work:main",
                "fax privat": "phone:home:fax", "telefon (privat)": "phone:home", "telefon (privat 2)": "phone:home",
                "isdn": "phone:isdn", "mobiltelefon": "phone:cell", "mobiltelefon 2": "phone:cell",
                "weiteres fax": "phone:fax", "weiteres telefon": "phone", "pager": "phone:pager",
                "haupttelefon": "phone:main", "telefon für hörbehinderte": "phone:textphone", "telex": "phone:telex",
                "assistent(in)": "related:assistant", "beruf": "role", "e-mail-adresse": "email#1",
                "e-mail-typ": "email-kind#1", "e-mail: angezeigter name": "email-display#1",
                "e-mail 2: adresse": "email#2", "e-mail 2: typ": "email-kind#2",
                "e-mail 2: angezeigter name": "email-display#2", "e-mail 3: adresse": "email#3",
                "e-mail 3: typ": "email-kind#3", "e-mail 3: angezeigter name": "email-display#3",
                "geburtstag": "birthday", "geschlecht": "gender", "jahrestag": "anniversary",
                "kategorien": "category", "kinder": "related:child", "name des/r vorgesetzten": "related:manager",
                "notizen": "note", "partner": "related:spouse", "postfach geschäftlich": "address:work:pobox",
                "postfach privat": "address:home:pobox", "webseite": "url", "weiteres postfach": "address:other:pobox",
            ]
        ),
        (
            "fr",
            [
                "titre": "prefix", "prénom": "given", "deuxième prénom": "additional", "nom": "surname",
                "suffixe": "suffix", "société": "organization", "service": "department", "profession": "title",
                "rue (bureau)": "address:work:street", "rue (bureau) 2": "address:work:street",
                "rue (bureau) 3": "address:work:street", "ville (bureau)": "address:work:city",
                "dép/région (bureau)": "address:work:region", "code postal (bureau)": "address:work:postcode",
                "pays/région (bureau)": "address:work:country", "rue (domicile)": "address:home:street",
                "rue (domicile) 2": "address:home:street", "rue (domicile) 3": "address:home:street",
                "ville (domicile)": "address:home:city", "dép/région (domicile)": "address:home:region",
                "code postal (domicile)": "address:home:postcode", "pays/région (domicile)": "address:home:country",
                "rue (autre)": "address:other:street", "ville (autre)": "address:other:city",
                "dép/région (autre)": "address:other:region", "code postal (autre)": "address:other:postcode",
                "pays/région (autre)": "address:other:country", "téléphone de l'assistant(e)": "phone:assistant",
                "télécopie (bureau)": "phone:work:fax", "téléphone (bureau)": "phone:work",
                "téléphone 2 (bureau)": "phone:work", "téléphone (voiture)": "phone:car",
                "télécopie (domicile)": "phone:home:fax", "téléphone (domicile)": "phone:home",
                "téléphone 2 (domicile)": "phone:home", "tél. mobile": "phone:cell",
                "télécopie (autre)": "phone:fax", "téléphone (autre)": "phone",
                "récepteur de radiomessagerie": "phone:pager", "téléphone principal": "phone:main",
                "anniversaire": "birthday", "anniversaire de mariage ou fête": "anniversary",
                "catégories": "category", "adresse de messagerie": "email#1", "type de messagerie": "email-kind#1",
                "nom complet de l'adresse de messagerie": "email-display#1", "adresse de messagerie 2": "email#2",
                "type de messagerie 2": "email-kind#2", "nom complet de l'adresse de messagerie 2": "email-display#2",
                "adresse de messagerie 3": "email#3", "type de messagerie 3": "email-kind#3",
                "nom complet de l'adresse de messagerie 3": "email-display#3", "sexe": "gender",
                "notes": "note", "page web": "url", "conjoint(e)": "related:spouse", "enfants": "related:child",
                "nom de l'assistant(e)": "related:assistant",
            ]
        ),
        (
            "es",
            [
                "tratamiento": "prefix", "nombre": "given", "segundo nombre": "additional", "apellidos": "surname",
                "sufijo": "suffix", "organización": "organization", "compañía": "organization",
                "departamento": "department", "puesto": "title", "calle del trabajo": "address:work:street",
                "calle del trabajo 2": "address:work:street", "calle del trabajo 3": "address:work:street",
                "ciudad de trabajo": "address:work:city", "provincia o estado de trabajo": "address:work:region",
                "código postal del trabajo": "address:work:postcode", "país o región del trabajo": "address:work:country",
                "calle del domicilio": "address:home:street", "calle del domicilio 2": "address:home:street",
                "calle del domicilio 3": "address:home:street", "ciudad de residencia": "address:home:city",
                "provincia o estado de residencia": "address:home:region",
                "código postal de residencia": "address:home:postcode",
                "país o región de residencia": "address:home:country", "otra calle": "address:other:street",
                "otra ciudad": "address:other:city", "otra provincia o estado": "address:other:region",
                "otro código postal": "address:other:postcode", "otro país o región": "address:other:country",
                "teléfono del ayudante": "phone:assistant", "fax del trabajo": "phone:work:fax",
                "teléfono del trabajo": "phone:work", "teléfono del trabajo 2": "phone:work",
                "teléfono del automóvil": "phone:car", "fax particular": "phone:home:fax", "particular": "phone:home",
                "particular 2": "phone:home", "móvil": "phone:cell", "teléfono móvil": "phone:cell",
                "otro fax": "phone:fax", "otro teléfono": "phone", "localizador": "phone:pager",
                "buscapersonas": "phone:pager", "teléfono principal": "phone:main", "cumpleaños": "birthday",
                "aniversario": "anniversary", "categorías": "category",
                "dirección de correo electrónico": "email#1", "tipo de correo electrónico": "email-kind#1",
                "nombre mostrado del correo electrónico": "email-display#1",
                "dirección de correo electrónico 2": "email#2", "tipo de correo electrónico 2": "email-kind#2",
                "nombre mostrado del correo electrónico 2": "email-display#2",
                "dirección de correo electrónico 3": "email#3", "tipo de correo electrónico 3": "email-kind#3",
                "nombre mostrado del correo electrónico 3": "email-display#3", "sexo": "gender", "género": "gender",
                "notas": "note", "página web": "url", "cónyuge": "related:spouse", "hijos": "related:child",
                "nombre del director": "related:manager", "nombre del ayudante": "related:assistant",
            ]
        ),
    ]

    /// Localized Thunderbird headers, by language (from roundcube's csv2vcard localization;
    /// unverified against real exports). The English ones are in ``english``.
    static let thunderbirdLocalized: [(language: String, table: [String: String])] = [
        (
            "de",
            [
                "vorname": "given", "nachname": "surname", "anzeigename": "full", "spitzname": "nickname",
                "primäre e-mail-adresse": "email:pref", "sekundäre e-mail-adresse": "email",
                "tel. dienstlich": "phone:work", "tel. privat": "phone:home", "fax-nummer": "phone:fax",
                "pager-nummer": "phone:pager", "mobil-tel.-nr.": "phone:cell", "privat: adresse": "address:home:street",
                "privat: adresse 2": "address:home:extended", "privat: ort": "address:home:city",
                "privat: bundesland": "address:home:region", "privat: plz": "address:home:postcode",
                "privat: land": "address:home:country", "dienstlich: adresse": "address:work:street",
                "dienstlich: adresse 2": "address:work:extended", "dienstlich: ort": "address:work:city",
                "dienstlich: bundesland": "address:work:region", "dienstlich: plz": "address:work:postcode",
                "dienstlich: land": "address:work:country", "arbeitstitel": "title", "abteilung": "department",
                "organisation": "organization", "webseite 1": "url:work", "webseite 2": "url:home",
                "geburtsjahr": "birthday:year", "geburtsmonat": "birthday:month", "geburtstag": "birthday:day",
                "notizen": "note",
            ]
        ),
        (
            "fr",
            [
                "prénom": "given", "nom": "surname", "nom à afficher": "full", "surnom": "nickname",
                "adresse électronique principale": "email:pref", "adresse électronique secondaire": "email",
                "tél. professionnel": "phone:work", "tél. personnel": "phone:home", "fax": "phone:fax",
                "pager": "phone:pager", "portable": "phone:cell", "adresse privée": "address:home:street",
                "adresse professionnelle": "address:work:street", "société": "organization", "service": "department",
                "site web 1": "url:work", "site web 2": "url:home", "année de naissance": "birthday:year",
                "mois": "birthday:month", "jour": "birthday:day", "notes": "note",
            ]
        ),
        (
            "es",
            [
                "nombre": "given", "apellidos": "surname", "nombre en pantalla": "full", "apodo": "nickname",
                "dirección de correo electrónico principal": "email:pref",
                "dirección de correo electrónico secundaria": "email", "teléfono (trabajo)": "phone:work",
                "teléfono móvil": "phone:cell", "buscapersonas": "phone:pager", "fax": "phone:fax",
                "dirección personal": "address:home:street", "dirección de trabajo": "address:work:street",
                "organización": "organization", "página web 1": "url:work", "página web 2": "url:home",
                "año de nacimiento": "birthday:year", "mes de nacimiento": "birthday:month",
                "día de nacimiento": "birthday:day", "notas": "note",
            ]
        ),
    ]
}
