import KithModel

extension CardMapper {
    /// Maps dates, related people and Android's `X-ANDROID-CUSTOM` rows.
    mutating func mapEvent(_ kind: PropertyKind, _ property: VCardProperty, _ value: Value, _ card: inout CardBuilder) {
        let line = property.line
        switch kind {
        case .date(let role):
            let text = string(value, line: line, &card).trimmingBlanks
            guard !text.isEmpty else { break }
            let dateKind: DateValue.Kind =
                switch role {
                case .birth: .birth
                case .wedding: .wedding
                case .death: .death
                case .appleDate: .other
                }
            let date = dateValue(
                kind: dateKind, text: text, declaredText: property.valueType == "text",
                omitYear: property.parameter("X-APPLE-OMIT-YEAR")?.first, property: property, &card)
            card.contact.dates.append(date)
            card.remember(property.group, .date(card.contact.dates.count - 1))
        case .related(let relation):
            let text = string(value, line: line, &card).trimmingBlanks
            guard !text.isEmpty else { break }
            var relations: [String] = relation.map { [$0] } ?? []
            var relationMeta = meta(property)
            if property.name == "RELATED" {
                relations = relationMeta.types
                relationMeta.types = []
            }
            let isURI =
                property.valueType != "text" && URIScheme.scheme(of: text) != nil && !text.containsByte(ASCII.space)
            card.contact.related.append(
                RelatedValue(value: text, isURI: isURI, relations: relations, meta: relationMeta))
            card.remember(property.group, .related(card.contact.related.count - 1))
        case .androidCustom:
            if !card.producerHints.contains("android") { card.producerHints.append("android") }
            guard mapAndroidCustom(property, value, &card) else {
                return card.keepUnmapped(rawProperty(property, value, &card))
            }
        default:
            return
        }
        card.markMapped(property.name)
    }

    /// A date value from its text; unreadable text is kept as text with a diagnostic unless
    /// the property declared `VALUE=text`.
    mutating func dateValue(
        kind: DateValue.Kind, text: String, declaredText: Bool, omitYear: String?, property: VCardProperty,
        _ card: inout CardBuilder
    ) -> DateValue {
        var dateMeta = meta(property, consumed: Consumed.date)
        dateMeta.types.removeAll { $0 == "date" }
        guard !declaredText, var parsed = VCardDateParser.parse(text) else {
            if !declaredText {
                diagnose(
                    &card, property.line, .info, "vcard.date.unreadable",
                    "\(property.name) '\(text)' is not a date; kept as text")
            }
            return DateValue(kind: kind, date: nil, raw: text, meta: dateMeta)
        }
        if let omitYear, let year = parsed.date.year, String(year) == omitYear {
            parsed.date.year = nil
            parsed.rule = "placeholder-year-\(year)"
        }
        if let year = parsed.date.year, year < 1000 {
            diagnose(
                &card, property.line, .info, "vcard.date.unusual-year",
                "\(property.name) '\(text)' has the year \(year); kept as written")
        }
        return DateValue(kind: kind, date: parsed.date, raw: text, rule: parsed.rule, meta: dateMeta)
    }

    /// Maps the Android rows Kith understands: nickname, event and relation. Returns false for
    /// the others, which stay unmapped.
    private mutating func mapAndroidCustom(_ property: VCardProperty, _ value: Value, _ card: inout CardBuilder) -> Bool
    {
        // Some writers escape the separators (corpus vcard/calcard/009.vcf): split after unescaping.
        let fields = string(value, line: property.line, &card).split(separator: ";", omittingEmptySubsequences: false)
            .map(String.init)
        guard fields.count >= 2 else { return false }
        func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
        let androidMeta = meta(property)
        switch fields[0] {
        case "vnd.android.cursor.item/nickname":
            guard !field(1).isEmpty else { return false }
            card.contact.nicknames.append(TextValue(field(1), meta: androidMeta))
        case "vnd.android.cursor.item/contact_event":
            guard !field(1).isEmpty else { return false }
            // ContactsContract.CommonDataKinds.Event: 0 custom, 1 anniversary, 2 other, 3 birthday.
            let kind: DateValue.Kind = field(2) == "1" ? .wedding : field(2) == "3" ? .birth : .other
            var date = dateValue(
                kind: kind, text: field(1), declaredText: false, omitYear: nil, property: property, &card)
            if field(2) == "0", !field(3).isEmpty { date.meta.label = field(3) }
            card.contact.dates.append(date)
        case "vnd.android.cursor.item/relation":
            guard !field(1).isEmpty else { return false }
            // ContactsContract.CommonDataKinds.Relation types.
            let names = [
                "1": "assistant", "2": "brother", "3": "child", "4": "domestic-partner", "5": "father", "6": "friend",
                "7": "manager", "8": "mother", "9": "parent", "10": "partner", "11": "referred-by", "12": "relative",
                "13": "sister", "14": "spouse",
            ]
            var related = RelatedValue(
                value: field(1), relations: names[field(2)].map { [$0] } ?? [], meta: androidMeta)
            if field(2) == "0", !field(3).isEmpty { related.meta.label = field(3) }
            card.contact.related.append(related)
        default:
            return false
        }
        return true
    }
}
