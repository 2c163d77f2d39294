/// Apple's built-in labels, written as `_$!<Name>!$_` in `X-ABLabel` (FORMATS.md, Apple row).
///
/// Readers remove the wrapper (`FieldMeta.label` holds `HomePage`); the writer puts it back for
/// the labels Apple and Google define, so Apple Contacts shows its localized built-in label
/// instead of the English word.
enum AppleLabelWrapping {
    /// The built-in label names.
    static let builtIn: Set<String> = [
        "HomePage", "Home", "Work", "Other", "Main", "HomeFAX", "WorkFAX", "OtherFAX", "Pager",
        "Mobile", "iPhone", "Anniversary", "Father", "Mother", "Parent", "Brother", "Sister", "Child",
        "Friend", "Spouse", "Partner", "Assistant", "Manager", "School",
    ]

    /// The label as `X-ABLabel` carries it: wrapped when it is a built-in name.
    static func wrap(_ label: String) -> String {
        builtIn.contains(label) ? "_$!<\(label)>!$_" : label
    }

    /// The built-in label for a relation type (`spouse` → `Spouse`), when Apple has one.
    static func relation(_ relation: String) -> String? {
        switch relation.lowercased() {
        case "spouse": "Spouse"
        case "partner", "domestic-partner", "sweetheart": "Partner"
        case "child": "Child"
        case "parent": "Parent"
        case "mother": "Mother"
        case "father": "Father"
        case "brother": "Brother"
        case "sister": "Sister"
        case "friend": "Friend"
        case "manager": "Manager"
        case "assistant", "agent": "Assistant"
        default: nil
        }
    }
}
