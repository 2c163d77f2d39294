/// Members that most values lack, kept out of line: one reference, `nil` while every member is
/// empty, so the value that holds them stays small and cheap to copy.
///
/// The box is immutable and shared by copies; a change makes a new one (changes to these
/// members are rare by definition), so a list member (parameters) is best built first and set
/// once, not appended to element by element. Equality and hashing follow the members, so a
/// value whose rare members were set and cleared again equals one that never had them.
struct RareMembers<Fields: RareFields>: Hashable, Sendable {
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box?

    init() {}

    init(_ fields: Fields) {
        box = fields.isEmpty ? nil : Box(fields)
    }

    /// The members (all empty when none was set).
    var fields: Fields { box?.fields ?? Fields() }

    /// Changes the members.
    mutating func update(_ change: (inout Fields) -> Void) {
        let old = self.fields
        var fields = old
        change(&fields)
        // Setting what is already there (a template's group again) keeps the box.
        if fields != old { self = RareMembers(fields) }
    }

    static func == (lhs: RareMembers, rhs: RareMembers) -> Bool {
        switch (lhs.box, rhs.box) {
        case (nil, nil): true
        case (let a?, let b?): a === b || a.fields == b.fields
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(box?.fields)
    }
}

/// The rare members of a value, as a plain value: empty ones are not stored.
protocol RareFields: Hashable, Sendable {
    init()
    /// Whether every member is empty (then nothing is stored).
    var isEmpty: Bool { get }
}
