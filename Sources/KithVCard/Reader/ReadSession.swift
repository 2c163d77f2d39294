import KithIO
import KithModel

/// The state of reading one input: the line assembler, the stack of open cards (nested cards
/// are legal in 2.1), the records emitted so far and what the report needs.
struct ReadSession {
    let base: UnsafeBufferPointer<UInt8>
    let source: Int
    var mapper: CardMapper
    private var assembler: PropertyAssembler
    private var stack: [CardBuilder] = []
    private(set) var emitted = 0
    private(set) var diagnostics: [Diagnostic] = []
    private var versions: [String] = []
    private var producerVotes: [String: Int] = [:]
    private var producerOrder: [String] = []
    /// A run of lines outside any card: its diagnostic's index and length.
    private var outside: (diagnostic: Int, count: Int)?
    /// Headers parsed so far (see ``PropertyHeaderCache``).
    private var headers = PropertyHeaderCache()

    init(base: UnsafeBufferPointer<UInt8>, source: Int, mapper: CardMapper, linesBefore: Int = 0) {
        self.base = base
        self.source = source
        self.mapper = mapper
        self.assembler = PropertyAssembler(base, linesBefore: linesBefore)
    }

    /// Reads the input to its end.
    mutating func run(audit: ((Contact, CardAudit) -> Void)?, emit: (consuming Contact) throws -> Void) throws {
        let auditing = audit != nil
        var unindented: [Int] = []
        while let line = assembler.next() {
            var start = line.start
            while start < line.end, ASCII.isBlank(base[start]) { start += 1 }
            guard start < line.end else { continue }
            if base[start] == ASCII.hash {
                report(line.number, .info, "vcard.line.comment", "a '#' comment line was skipped")
                continue
            }
            let content = base.slice(start..<line.end)
            switch CardBoundary.of(content) {
            case .begin?:
                flushOutside()
                if !stack.isEmpty {
                    report(
                        line.number, .info, "vcard.card.nested",
                        "a card begins inside another; it is read as a record of its own")
                }
                stack.append(
                    CardBuilder(ref: RecordRef(source: source, index: 0), line: line.number, auditing: auditing))
                continue
            case .end?:
                if stack.isEmpty {
                    report(
                        line.number, .warning, "vcard.card.missing-begin", "END:VCARD without BEGIN:VCARD was skipped")
                } else {
                    try emitCard(stack.removeLast(), audit: audit, emit: emit)
                }
                continue
            case nil:
                break
            }
            let first = PhysicalLine(start: start, end: line.end, number: line.number)
            unindented.removeAll(keepingCapacity: true)
            let joined = assembler.assemble(first, unindented: &unindented)
            guard !stack.isEmpty else {
                if outside == nil {
                    report(line.number, .warning, "vcard.line.outside-card", "")
                    outside = (diagnostics.count - 1, 0)
                }
                outside?.count += 1
                continue
            }
            let top = stack.count - 1
            if start > line.start {
                mapper.diagnose(
                    &stack[top], line.number, .info, "vcard.line.unexpected-indent",
                    "an indented line follows no property; read as a property of its own")
            }
            if joined {
                let scratch = assembler.scratch
                scratch.withUnsafeBufferPointer { mapLine($0, number: line.number, top: top) }
            } else {
                mapLine(base.slice(start..<line.end), number: line.number, top: top)
            }
            for number in unindented {
                mapper.diagnose(
                    &stack[top], number, .info, "vcard.line.unindented-continuation",
                    "a line without ':' continues the previous value although it is not indented")
            }
        }
        flushOutside()
        while let card = stack.popLast() {
            diagnostics.append(
                Diagnostic(
                    source: source, line: card.beginLine, record: emitted, severity: .warning,
                    code: "vcard.card.missing-end",
                    message: "the card has no END:VCARD (truncated file?); what was read is kept"))
            try emitCard(card, audit: audit, emit: emit)
        }
    }

    private mutating func mapLine(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, top: Int) {
        let colon = PropertyHeaderParser.headerEnd(bytes)
        let header = bytes.slice(0..<(colon ?? 0))
        if colon != nil, let property = headers.property(header: header, line: number) {
            mapper.map(property, line: bytes, into: &stack[top])
            return
        }
        let decoder = mapper.text.decoder
        let parsed = PropertyHeaderParser.parse(bytes, line: number) { part in
            if let text = UTF8Text.string(part) { return text }
            return decoder.decode(part).text
        }
        if colon != nil, var parsed {
            parsed.metaTemplate = mapper.meta(parsed)
            headers.store(parsed, header: header)
        }
        guard let property = parsed else {
            mapper.diagnose(
                &stack[top], number, .warning, "vcard.line.unreadable",
                "a line without a property name was skipped")
            return
        }
        mapper.map(property, line: bytes, into: &stack[top])
    }

    private mutating func emitCard(
        _ card: consuming CardBuilder, audit: ((Contact, CardAudit) -> Void)?, emit: (consuming Contact) throws -> Void
    ) throws {
        let index = emitted
        card.contact.ref = RecordRef(source: source, index: index)
        let contact = card.finish(source: source)
        for var diagnostic in card.diagnostics {
            diagnostic.record = Int32(truncatingIfNeeded: index)
            diagnostics.append(diagnostic)
        }
        if let version = contact.version, !versions.contains(version) { versions.append(version) }
        if let producer = card.producerHints.first {
            if producerVotes[producer] == nil { producerOrder.append(producer) }
            producerVotes[producer, default: 0] += 1
        }
        audit?(contact, card.audit)
        emitted += 1
        try emit(consume contact)
    }

    private mutating func flushOutside() {
        guard let run = outside else { return }
        outside = nil
        diagnostics[run.diagnostic].message =
            "\(run.count) propert\(run.count == 1 ? "y" : "ies") outside BEGIN:VCARD … END:VCARD skipped"
    }

    private mutating func report(
        _ line: Int, _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String
    ) {
        diagnostics.append(Diagnostic(source: source, line: line, severity: severity, code: code, message: message))
    }

    /// `vcard-<version>/<producer>`: the one version the cards declare (`mixed` for several,
    /// `unknown` for none) and the producer most cards point at (`generic` when none does).
    var flavor: String { Self.flavor(of: [summary]) }

    /// What the report needs from a session, when an input is read in parts.
    struct Summary: Sendable {
        var versions: [String]
        var producerVotes: [String: Int]
        var producerOrder: [String]
        var encoding: String
    }

    /// This session's part of the report.
    var summary: Summary {
        Summary(
            versions: versions, producerVotes: producerVotes, producerOrder: producerOrder,
            encoding: mapper.text.reportedEncoding)
    }

    /// The flavor of an input read in parts, in order.
    static func flavor(of sessions: [Summary]) -> String {
        var versions: [String] = []
        var producerVotes: [String: Int] = [:]
        var producerOrder: [String] = []
        for session in sessions {
            for version in session.versions where !versions.contains(version) { versions.append(version) }
            for name in session.producerOrder where producerVotes[name] == nil { producerOrder.append(name) }
            producerVotes.merge(session.producerVotes, uniquingKeysWith: +)
        }
        let version = versions.count == 1 ? versions[0] : versions.isEmpty ? "unknown" : "mixed"
        var producer = "generic"
        var best = 0
        for name in producerOrder where producerVotes[name, default: 0] > best {
            best = producerVotes[name, default: 0]
            producer = name
        }
        return "vcard-\(version)/\(producer)"
    }
}
