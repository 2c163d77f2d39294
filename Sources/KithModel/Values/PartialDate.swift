/// A calendar date of which any part may be unknown (`--0415` is April 15 of an unknown year),
/// optionally with a time and UTC offset.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int? {
        get { known(0) ? Int(storedYear) : nil }
        set {
            storedYear = newValue ?? 0
            mark(0, newValue != nil)
        }
    }
    public var month: Int? {
        get { known(1) ? Int(storedMonth) : nil }
        set {
            storedMonth = Int32(clamping: newValue ?? 0)
            mark(1, newValue != nil)
        }
    }
    public var day: Int? {
        get { known(2) ? Int(storedDay) : nil }
        set {
            storedDay = Int32(clamping: newValue ?? 0)
            mark(2, newValue != nil)
        }
    }
    /// Time of day, when the source gave a date-time.
    public var hour: Int? {
        get { known(3) ? Int(storedHour) : nil }
        set {
            storedHour = Int32(clamping: newValue ?? 0)
            mark(3, newValue != nil)
        }
    }
    public var minute: Int? {
        get { known(4) ? Int(storedMinute) : nil }
        set {
            storedMinute = Int32(clamping: newValue ?? 0)
            mark(4, newValue != nil)
        }
    }
    public var second: Int? {
        get { known(5) ? Int(storedSecond) : nil }
        set {
            storedSecond = Int32(clamping: newValue ?? 0)
            mark(5, newValue != nil)
        }
    }
    /// UTC offset in minutes, when the source gave one (`Z` is 0).
    public var utcOffsetMinutes: Int? {
        get { known(6) ? Int(storedOffset) : nil }
        set {
            storedOffset = Int32(clamping: newValue ?? 0)
            mark(6, newValue != nil)
        }
    }

    // Stored compactly (40 bytes rather than seven optional Ints' 112): the year whole, every
    // other part as 32 bits (a value beyond ±2³¹, which only a malformed dataset could give,
    // is clamped), and a bit per part that says whether it is known. An unknown part is stored
    // as 0, so equal dates have equal storage and the synthesized equality and hash hold.
    private var storedYear = 0
    private var storedMonth: Int32 = 0
    private var storedDay: Int32 = 0
    private var storedHour: Int32 = 0
    private var storedMinute: Int32 = 0
    private var storedSecond: Int32 = 0
    private var storedOffset: Int32 = 0
    private var present: UInt8 = 0

    /// Creates a partial date.
    public init(
        year: Int? = nil, month: Int? = nil, day: Int? = nil, hour: Int? = nil, minute: Int? = nil,
        second: Int? = nil, utcOffsetMinutes: Int? = nil
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Whether part `bit` (0 year … 6 UTC offset) is known.
    @inline(__always)
    private func known(_ bit: UInt8) -> Bool { present & (1 << bit) != 0 }

    /// Marks part `bit` known or unknown (its stored form is then 0).
    @inline(__always)
    private mutating func mark(_ bit: UInt8, _ known: Bool) {
        if known { present |= 1 << bit } else { present &= ~(1 << bit) }
    }

    /// Whether year, month and day are all known.
    public var isComplete: Bool { year != nil && month != nil && day != nil }

    /// Whether the date has a time of day.
    public var hasTime: Bool { hour != nil }

    /// ISO 8601 form with `-` for unknown leading parts, as vCard 4 writes them: `1980-04-15`,
    /// `--04-15`, `1980-04`, `1980`, `---15`; with a time `1980-04-15T10:22:00Z`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func four(_ n: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, 4 - s.count)) + s
        }
        var text: String
        switch (year, month, day) {
        case (let y?, let m?, let d?): text = "\(four(y))-\(two(m))-\(two(d))"
        case (let y?, let m?, nil): text = "\(four(y))-\(two(m))"
        case (let y?, nil, _): text = four(y)
        case (nil, let m?, let d?): text = "--\(two(m))-\(two(d))"
        case (nil, let m?, nil): text = "--\(two(m))"
        case (nil, nil, let d?): text = "---\(two(d))"
        case (nil, nil, nil): text = ""
        }
        if let hour {
            text += "T\(two(hour)):\(two(minute ?? 0)):\(two(second ?? 0))"
            if let offset = utcOffsetMinutes {
                if offset == 0 {
                    text += "Z"
                } else {
                    let sign = offset < 0 ? "-" : "+"
                    text += "\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
                }
            }
        }
        return text
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year ?? 0, lhs.month ?? 0, lhs.day ?? 0, lhs.hour ?? 0, lhs.minute ?? 0, lhs.second ?? 0)
            < (rhs.year ?? 0, rhs.month ?? 0, rhs.day ?? 0, rhs.hour ?? 0, rhs.minute ?? 0, rhs.second ?? 0)
    }
}

/// A dated event of a person: a birthday, an anniversary, or another labelled date.
public struct DateValue: Hashable, Sendable {
    /// What the date marks.
    public enum Kind: String, Hashable, Sendable {
        case birth, death, wedding, other
    }

    public var kind: Kind
    /// The date, when the text could be read as one.
    public var date: PartialDate?
    /// The text as the source wrote it (`--0415`, `1604-04-15`, `April 15th`).
    public var raw: String
    /// Why the date or its year was dropped or changed (`placeholder-year-1604`), when it was.
    public var rule: String?
    public var meta: FieldMeta

    /// Creates a date value.
    public init(kind: Kind, date: PartialDate?, raw: String, rule: String? = nil, meta: FieldMeta = FieldMeta()) {
        self.kind = kind
        self.date = date
        self.raw = raw
        self.rule = rule
        self.meta = meta
    }
}
