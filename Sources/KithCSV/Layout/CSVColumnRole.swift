public import KithModel

/// What one CSV column holds, in Kith's field model.
///
/// Roles are written as field names, the same in Kith's built-in header tables and in a user's
/// column map (`--map`, `ReadContext.columnMap`, header → field name):
///
/// | field name | meaning |
/// | --- | --- |
/// | `full` (`name`, `display`) | formatted name |
/// | `given` (`first`), `additional` (`middle`), `surname` (`last`, `family`), `prefix`, `suffix` | name components |
/// | `phonetic-given`, `phonetic-additional`, `phonetic-surname`, `file-as` | phonetic forms, sort-as |
/// | `nickname` | a nickname |
/// | `email`, `email:home`, `email:work`, `email:pref` | an email address with type words |
/// | `phone`, `phone:cell`, `phone:mobile`, `phone:work:fax`, … | a telephone number with type words (`mobile` is `cell`) |
/// | `address:<type>:<part>` | part `street`, `extended`, `pobox`, `city` (`locality`), `region` (`state`), `postcode` (`zip`), `country`, `formatted` of the address typed `<type>` (`home`, `work`, `other`); several `street` columns are joined by line breaks |
/// | `organization`, `department` | organization name and unit |
/// | `title`, `role` | job title, role or profession |
/// | `birthday`, `anniversary`, `birthday:year`, `birthday:month`, `birthday:day` | dates, whole or split |
/// | `note`, `category` (`categories`, `groups`), `gender`, `photo` | |
/// | `url`, `url:<type>` | a web address |
/// | `im`, `im:<service>` | an instant-messaging handle |
/// | `related:<relation>` | a related person (`spouse`, `child`, `manager`, `assistant`) |
/// | `unmapped` | kept verbatim as an `X-CSV-` property |
/// | `unmapped-date` | kept verbatim as an `X-CSV-` property, with an `X-DATE` parameter holding the date read from it |
///
/// Columns that belong together carry a `#` suffix naming their group: `email#1`,
/// `email-type#1` (a label such as Google's `* Home`), `email-kind#1` (Outlook's `SMTP`/`EX`),
/// `email-display#1` (Outlook's display name), `phone#2`/`phone-type#2`, `url#1`/`url-type#1`,
/// `im#1`/`im-type#1`/`im-service#1`, `related#1`/`related-type#1`, `date#1`/`date-type#1`,
/// `address-type#1` with `address:#1:street`…, `organization#1`/`department#1`/
/// `organization-type#1`.
public struct CSVColumnRole: Hashable, Sendable {
    /// The field a column fills.
    public enum Field: Hashable, Sendable {
        case unmapped
        /// Kept verbatim like `unmapped`, with the date it holds read into an `X-DATE`
        /// parameter (LinkedIn's `Connected On`).
        case unmappedDate
        case fullName, given, additional, surname, prefix, suffix
        case phoneticGiven, phoneticAdditional, phoneticSurname, sortAs, nickname
        case email, emailType, emailKind, emailDisplay
        case phone, phoneType
        case url, urlType
        case im, imType, imService
        case related, relatedType
        case date(DateValue.Kind), dateType, datePart(DatePart)
        case address(AddressPart), addressType
        case organization, department, organizationType, title, role
        case note, category, gender, photo
    }

    /// A part of a split date (Thunderbird's Birth Year/Month/Day).
    public enum DatePart: Hashable, Sendable { case year, month, day }

    /// A component of a postal address.
    public enum AddressPart: Hashable, Sendable {
        case street, extended, poBox, locality, region, postalCode, country, formatted
    }

    public var field: Field
    /// Columns with the same non-empty group build one value together (an email and its type,
    /// the parts of one address).
    public var group: String
    /// Type words the column itself implies (`home`, `work`, `cell`, `fax`, `pref`).
    public var types: [String]

    /// Creates a role.
    public init(_ field: Field, group: String = "", types: [String] = []) {
        self.field = field
        self.group = group
        self.types = types
    }

    /// The role of a column not mapped to any field.
    public static let unmapped = CSVColumnRole(.unmapped)

    /// Reads a field name (see the table above).
    ///
    /// - Parameter fieldName: `given`, `phone:work:fax`, `address:home:city`, `email#2`…
    /// - Returns: the role, or `nil` when the name is not one Kith knows.
    public init?(fieldName: String) {
        var name = fieldName.lowercased()
        var group = ""
        if let hash = name.lastIndex(of: "#"), !name[hash...].contains(":") {
            group = String(name[name.index(after: hash)...])
            name = String(name[..<hash])
        }
        var parts = name.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let head = parts.removeFirst()
        func typeWords(_ words: [String]) -> [String] {
            words.filter { !$0.isEmpty }.map { $0 == "mobile" ? "cell" : $0 }
        }
        let simple: [String: Field] = [
            "full": .fullName, "name": .fullName, "display": .fullName, "given": .given, "first": .given,
            "additional": .additional, "middle": .additional, "surname": .surname, "last": .surname,
            "family": .surname, "prefix": .prefix, "suffix": .suffix, "phonetic-given": .phoneticGiven,
            "phonetic-additional": .phoneticAdditional, "phonetic-surname": .phoneticSurname, "file-as": .sortAs,
            "nickname": .nickname, "email-type": .emailType, "email-kind": .emailKind,
            "email-display": .emailDisplay, "phone-type": .phoneType, "url-type": .urlType, "im-type": .imType,
            "im-service": .imService, "related-type": .relatedType, "date-type": .dateType, "date": .date(.other),
            "address-type": .addressType, "organization": .organization, "department": .department,
            "organization-type": .organizationType, "title": .title, "role": .role, "note": .note,
            "notes": .note, "category": .category, "categories": .category, "groups": .category,
            "gender": .gender, "photo": .photo, "unmapped": .unmapped, "unmapped-date": .unmappedDate, "anniversary": .date(.wedding),
        ]
        switch head {
        case "email", "phone", "url":
            let field: Field = head == "email" ? .email : head == "phone" ? .phone : .url
            self.init(field, group: group, types: typeWords(parts))
        case "im":
            self.init(.im, group: group, types: typeWords(parts))
        case "related":
            self.init(.related, group: group, types: typeWords(parts))
        case "birthday":
            switch parts.first {
            case nil: self.init(.date(.birth), group: group)
            case "year": self.init(.datePart(.year), group: group.isEmpty ? "birthday" : group)
            case "month": self.init(.datePart(.month), group: group.isEmpty ? "birthday" : group)
            case "day": self.init(.datePart(.day), group: group.isEmpty ? "birthday" : group)
            default: return nil
            }
        case "address":
            guard let partName = parts.last else { return nil }
            let part: AddressPart
            switch partName {
            case "street": part = .street
            case "extended": part = .extended
            case "pobox": part = .poBox
            case "city", "locality": part = .locality
            case "region", "state": part = .region
            case "postcode", "zip", "postalcode": part = .postalCode
            case "country": part = .country
            case "formatted": part = .formatted
            default: return nil
            }
            let key = parts.count > 1 ? parts[0] : ""
            if key.hasPrefix("#") {
                self.init(.address(part), group: String(key.dropFirst()))
            } else {
                self.init(.address(part), group: "type:" + key, types: typeWords([key]))
            }
        default:
            guard let field = simple[head], parts.isEmpty || parts == [""] else { return nil }
            self.init(field, group: group)
        }
    }
}
