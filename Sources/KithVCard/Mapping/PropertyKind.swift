/// The properties Kith maps, by upper-case name.
enum PropertyKind: Equatable {
    case version, formattedName, name, nickname, email, phone, address, addressLabel, organization
    case title, role
    case date(DateRole)
    case url
    case onlineService(String?)
    case note, categories
    case media(MediaRole)
    case related(String?)
    case gender, member, kind, uid, revision, producer, appleShowAs, groupLabel
    case appleCountryCode
    case phonetic(PhoneticPart)
    case sortString, androidCustom
    case groupKind, groupMember

    enum DateRole { case birth, wedding, death, appleDate }
    enum MediaRole { case photo, logo, sound }
    enum PhoneticPart { case given, additional, surname }

    /// The kind of a property name, or `nil` for properties kept unmapped.
    static func of(_ name: String) -> PropertyKind? { table[name] }

    private static let table: [String: PropertyKind] = [
        "VERSION": .version, "FN": .formattedName, "N": .name, "NICKNAME": .nickname, "EMAIL": .email,
        "TEL": .phone, "ADR": .address, "LABEL": .addressLabel, "ORG": .organization, "TITLE": .title,
        "ROLE": .role, "BDAY": .date(.birth), "ANNIVERSARY": .date(.wedding), "DEATHDATE": .date(.death),
        "X-ANNIVERSARY": .date(.wedding), "X-EVOLUTION-ANNIVERSARY": .date(.wedding),
        "X-MS-ANNIVERSARY": .date(.wedding), "X-ABDATE": .date(.appleDate), "URL": .url,
        "IMPP": .onlineService(nil), "X-AIM": .onlineService("aim"), "X-ICQ": .onlineService("icq"),
        "X-JABBER": .onlineService("xmpp"), "X-MSN": .onlineService("msn"), "X-YAHOO": .onlineService("yahoo"),
        "X-SKYPE": .onlineService("skype"), "X-SKYPE-USERNAME": .onlineService("skype"),
        "X-GOOGLE-TALK": .onlineService("gtalk"), "X-GTALK": .onlineService("gtalk"),
        "X-SIP": .onlineService("sip"), "X-QQ": .onlineService("qq"),
        "X-SOCIALPROFILE": .onlineService(nil), "X-GADUGADU": .onlineService("gadugadu"),
        "NOTE": .note, "CATEGORIES": .categories, "PHOTO": .media(.photo), "LOGO": .media(.logo),
        "SOUND": .media(.sound), "RELATED": .related(nil), "X-ABRELATEDNAMES": .related(nil),
        "X-EVOLUTION-SPOUSE": .related("spouse"), "X-EVOLUTION-MANAGER": .related("manager"),
        "X-EVOLUTION-ASSISTANT": .related("assistant"), "X-SPOUSE": .related("spouse"),
        "X-MANAGER": .related("manager"), "X-ASSISTANT": .related("assistant"),
        "GENDER": .gender, "X-GENDER": .gender, "MEMBER": .member, "KIND": .kind, "UID": .uid,
        "REV": .revision, "PRODID": .producer, "X-ABSHOWAS": .appleShowAs, "X-ABLABEL": .groupLabel,
        "X-ABADR": .appleCountryCode, "X-PHONETIC-FIRST-NAME": .phonetic(.given),
        "X-PHONETIC-MIDDLE-NAME": .phonetic(.additional), "X-PHONETIC-LAST-NAME": .phonetic(.surname),
        "SORT-STRING": .sortString, "X-EVOLUTION-FILE-AS": .sortString, "X-ANDROID-CUSTOM": .androidCustom,
        "X-ADDRESSBOOKSERVER-KIND": .groupKind, "X-ADDRESSBOOKSERVER-MEMBER": .groupMember,
        // Kith's own, for values the standard property cannot hold (see `VCardWriter`).
        "X-KITH-MEMBER": .member, "X-KITH-URL": .url,
    ]
}
