import KithModel

/// One content line about to be written: group, name, parameters and the value, already
/// escaped for its value type; plus the free-text label that goes beside it as
/// `group.X-ABLabel` (the Apple convention RFC 9555 also uses for JSContact labels).
struct VCardLine: Sendable {
    var group: String?
    var name: String
    var parameters: [Parameter]
    /// The value exactly as it goes after the colon (escaped as its type requires).
    var value: String
    var label: String?

    init(_ name: String, group: String? = nil, parameters: [Parameter] = [], value: String, label: String? = nil) {
        self.group = group
        self.name = name
        self.parameters = parameters
        self.value = value
        self.label = label
    }

    /// Adds a parameter unless one of that name is present; empty value lists are skipped.
    mutating func add(_ name: String, _ values: [String]) {
        guard !values.isEmpty, !parameters.contains(where: { $0.name == name }) else { return }
        parameters.append(Parameter(name: name, values: values))
    }

    /// Adds a single-valued parameter unless present or nil.
    mutating func add(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        add(name, [value])
    }
}

/// The card being written: the folded bytes so far and the property groups in use.
struct VCardCardBuffer {
    let version: VCardWriter.Version
    private(set) var bytes: [UInt8] = []
    /// Groups present on the values being written (kept as the sources had them).
    private var usedGroups: Set<String>
    /// Groups that already carry an `X-ABLabel`.
    private var labelledGroups: Set<String> = []
    private var nextItem = 1
    private var scratch: [UInt8] = []

    init(version: VCardWriter.Version, usedGroups: Set<String>) {
        self.version = version
        self.usedGroups = usedGroups
        bytes.reserveCapacity(1024)
        scratch.reserveCapacity(256)
    }

    /// A fresh `itemN` group name not used on this card.
    mutating func newGroup() -> String {
        while true {
            let candidate = "item\(nextItem)"
            nextItem += 1
            if !usedGroups.contains(candidate.lowercased()) {
                usedGroups.insert(candidate.lowercased())
                return candidate
            }
        }
    }

    /// Writes a line, and its label as `group.X-ABLabel` in the same group (a group of its own
    /// when the value has none, or when its group already carries another label).
    mutating func emit(_ line: VCardLine) {
        var line = line
        if let label = line.label, !label.isEmpty {
            if line.group == nil || labelledGroups.contains(line.group?.lowercased() ?? "") {
                line.group = newGroup()
            }
            labelledGroups.insert(line.group?.lowercased() ?? "")
        }
        raw(line.group, line.name, line.parameters, line.value)
        if let label = line.label, !label.isEmpty, let group = line.group {
            raw(
                group, "X-ABLabel", [],
                VCardEscaping.text(AppleLabelWrapping.wrap(label), escapingSemicolon: version == .v3))
        }
    }

    /// Writes a line as given (name and parameter names already valid).
    mutating func raw(_ group: String?, _ name: String, _ parameters: [Parameter], _ value: String) {
        scratch.removeAll(keepingCapacity: true)
        if let group, !group.isEmpty {
            scratch.append(contentsOf: VCardEscaping.name(group, keepingCase: true).utf8)
            scratch.append(0x2E)
        }
        scratch.append(contentsOf: name.utf8)
        for parameter in parameters {
            scratch.append(0x3B)
            scratch.append(contentsOf: VCardEscaping.name(parameter.name).utf8)
            guard !parameter.values.isEmpty else { continue }
            scratch.append(0x3D)
            for (index, value) in parameter.values.enumerated() {
                if index > 0 { scratch.append(0x2C) }
                scratch.append(contentsOf: VCardEscaping.parameterValue(value, caretEncoding: version == .v4).utf8)
            }
        }
        scratch.append(0x3A)
        // A line break inside a value would end the content line: write it as `\n`.
        for byte in value.utf8 {
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0A, scratch.last == 0x6E, scratch.count >= 2, scratch[scratch.count - 2] == 0x5C,
                    lastWasCR
                {
                    lastWasCR = false
                    continue
                }
                scratch.append(0x5C)
                scratch.append(0x6E)
                lastWasCR = byte == 0x0D
            } else if byte < 0x20 && byte != 0x09 || byte == 0x7F {
                // No vCard value may hold other control characters (RFC 6350 §3.3 VALUE-CHAR).
                lastWasCR = false
            } else {
                scratch.append(byte)
                lastWasCR = false
            }
        }
        lastWasCR = false
        VCardFolding.appendFolded(scratch, to: &bytes)
    }

    private var lastWasCR = false
}
