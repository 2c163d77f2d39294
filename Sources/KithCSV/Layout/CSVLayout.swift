/// A known CSV layout: which producer wrote the file, recognized by its header names.
///
/// The layout decides what ambiguous headers mean (`Title` is a name prefix in Outlook and a
/// job title in Yahoo), how dates are written and how multi-value cells are joined. It is
/// reported as the source flavor `csv/<name>`.
public struct CSVLayout: Hashable, Sendable, CustomStringConvertible {
    /// The layouts Kith recognizes.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Google Contacts, current layout (`First Name`…, `E-mail 1 - Label`, `Labels`).
        case google
        /// Google Contacts, old layout (`Name, Given Name`…, `E-mail 1 - Type`, `Group Membership`).
        case googleLegacy = "google-legacy"
        /// Google Contacts' "Outlook CSV" export (Outlook names, Google's order, `Home Address`).
        case googleOutlook = "google-outlook"
        /// Outlook desktop, English template or localized headers.
        case outlook
        /// Outlook.com / outlook.live.com People export (61 columns, `Given Yomi`).
        case outlookCom = "outlook-com"
        /// LinkedIn `Connections.csv`.
        case linkedin
        /// Thunderbird address-book export (also localized, split birthday).
        case thunderbird
        /// Yahoo Mail export.
        case yahoo
        /// Windows Live Mail / Windows Contacts export.
        case windowsLiveMail = "windows-live-mail"
        /// Roundcube's "all fields" CSV.
        case roundcubeAll = "roundcube-all"
        /// A spreadsheet with recognizable headers.
        case generic
        /// No header row: columns by position (see ``CSVHeaderlessLayout``).
        case headerless
    }

    /// How a layout writes all-numeric dates whose order is not evident.
    public enum DateOrder: String, Hashable, Sendable {
        /// `4/15/1980` (US English).
        case monthDayYear
        /// `15/04/1980`, `15.4.1980` (most of Europe).
        case dayMonthYear
        /// Unknown: a date is read only when its order is evident (a part above 12, ISO form).
        case unknown
    }

    public var kind: Kind
    /// The language of the headers (`en`, `de`, `fr`, `es`), when it is known.
    public var language: String
    /// How the layout writes numeric dates.
    public var dateOrder: DateOrder

    /// Creates a layout.
    public init(_ kind: Kind, language: String = "en", dateOrder: DateOrder? = nil) {
        self.kind = kind
        self.language = language
        if let dateOrder {
            self.dateOrder = dateOrder
        } else {
            switch (kind, language) {
            case (.outlook, "en"), (.outlookCom, _), (.yahoo, _), (.windowsLiveMail, "en"), (.googleOutlook, _):
                self.dateOrder = .monthDayYear
            case (.roundcubeAll, _), (_, "de"), (_, "fr"), (_, "es"):
                self.dateOrder = .dayMonthYear
            default:
                self.dateOrder = .unknown
            }
        }
    }

    /// The flavor reported for the source: `csv/google`, `csv/outlook`, `csv/outlook-de`.
    public var description: String {
        language == "en" || kind == .generic || kind == .headerless
            ? "csv/\(kind.rawValue)" : "csv/\(kind.rawValue)-\(language)"
    }

    /// Whether cells may hold several values joined by ` ::: ` and labels may carry Google's
    /// `* ` primary marker.
    public var usesGoogleConventions: Bool { kind == .google || kind == .googleLegacy }

    /// How a category cell separates its categories: ` ::: ` (Google), `;` (Outlook family).
    public var categorySeparator: String? {
        switch kind {
        case .google, .googleLegacy: " ::: "
        case .outlook, .outlookCom, .googleOutlook, .windowsLiveMail, .generic: ";"
        default: nil
        }
    }
}
