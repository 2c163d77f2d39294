import KithModel

/// Where each value of a contact goes in its JSContact card, decided once per contact so that the
/// card, `provenance` and `values` writers agree on every id and path.
///
/// Ids are deterministic: the n-th value of a field gets `<prefix><n>` (`e1`, `p2`, `ad1`);
/// titles and roles share the `titles` map (roles numbered after titles); dates that JSContact
/// cannot hold as an `Anniversary` (no date, or a kind other than birth/death/wedding) and the
/// gender go to `vCardProps` before the contact's unmapped properties.
struct CardPlan {
    /// One `vCardProps` entry.
    enum Prop {
        /// `contact.gender`, written as a vCard `GENDER` property.
        case gender
        /// `contact.dates[i]`, which has no `Anniversary` form.
        case date(Int)
        /// `contact.related[i]`, whose target repeats an earlier one (a map key can appear once).
        case related(Int)
        /// `contact.members[i]` of a group, whose card `members` lists resolved person ids instead.
        case member(Int)
        /// `contact.unmapped[i]`.
        case unmapped(Int)
    }

    /// The `vCardProps` entries, in order.
    var props: [Prop] = []
    /// For each date, its anniversary number (1-based), or 0 when it goes to `vCardProps`.
    var anniversaryNumbers: [Int] = []
    /// Indices of the categories that are the first with their text (keys of `keywords`).
    var keywords: [Int] = []
    /// Indices of the related values that are the first with their target (keys of `relatedTo`).
    var related: [Int] = []
    /// Indices of the members that are the first with their text (keys of `members`).
    var members: [Int] = []

    /// Plans a contact.
    ///
    /// - Parameters:
    ///   - contact: the contact.
    ///   - membersAsProps: whether the contact's own members go to `vCardProps` (for a group,
    ///     whose card `members` are the resolved person ids).
    /// - Complexity: O(n) in the number of values.
    init(_ contact: borrowing Contact, membersAsProps: Bool = false) {
        if contact.gender != nil { props.append(.gender) }
        if !contact.dates.isEmpty {
            anniversaryNumbers.reserveCapacity(contact.dates.count)
            var number = 0
            for (index, date) in contact.dates.enumerated() {
                if CardPlan.isAnniversary(date) {
                    number += 1
                    anniversaryNumbers.append(number)
                } else {
                    anniversaryNumbers.append(0)
                    props.append(.date(index))
                }
            }
        }
        keywords = CardPlan.firstOccurrences(contact.categories.lazy.map(\.value))
        if !contact.related.isEmpty {
            related = CardPlan.firstOccurrences(contact.related.lazy.map(\.value))
            if related.count != contact.related.count {
                var kept = Set(related)
                for index in contact.related.indices where !kept.contains(index) {
                    props.append(.related(index))
                    kept.insert(index)
                }
            }
        }
        if membersAsProps {
            for index in contact.members.indices { props.append(.member(index)) }
        } else {
            members = CardPlan.firstOccurrences(contact.members.lazy.map(\.value))
        }
        for index in contact.unmapped.indices { props.append(.unmapped(index)) }
    }

    /// Whether a date is written as a JSContact `Anniversary`.
    static func isAnniversary(_ value: DateValue) -> Bool {
        guard value.kind != .other, let date = value.date else { return false }
        return date.year != nil || date.month != nil || date.day != nil
    }

    /// The vCard property name a date that is not an anniversary is kept under.
    static func propertyName(of kind: DateValue.Kind) -> StaticString {
        switch kind {
        case .birth: "bday"
        case .death: "deathdate"
        case .wedding: "anniversary"
        case .other: "x-abdate"
        }
    }

    private static func firstOccurrences<Texts: Collection>(_ texts: Texts) -> [Int] where Texts.Element == String {
        if texts.isEmpty { return [] }
        if texts.count == 1 { return [0] }
        if texts.count <= 8 {
            // Few values (the usual case): compare directly, no hashing or set allocation.
            let array = Array(texts)
            return array.indices.filter { index in !array[..<index].contains(array[index]) }
        }
        var seen = Set<String>()
        var result: [Int] = []
        result.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() where seen.insert(text).inserted {
            result.append(index)
        }
        return result
    }
}
