import KithIO
import KithModel

/// One pass over a document: recognizes the layout from the root element, builds the tree of
/// each record as the reader passes it, maps it and hands it on. Only the open record's tree
/// and the open elements above it are held.
struct XMLDocumentScan {
    let limits: XMLLimits
    let context: ReadContext

    /// What the pass found.
    struct Outcome {
        var layout: XMLLayout
        var records: Int
        var diagnostics: [Diagnostic]
    }

    func run(_ reader: XMLPullReader, emit: (consuming Contact) throws -> Void) throws -> Outcome {
        var guess: XMLLayoutGuess?
        var layout: XMLLayout?
        var mapper: XMLRecordMapper?
        var rootName = ""
        var rootNamespace = ""
        var ancestors: [XMLElement] = []
        var stack: [XMLElement] = []
        var buildingDocumentData = false
        var recordElements = 0
        var recordTextBytes = 0

        while reader.next() {
            switch reader.kind {
            case .element:
                let depth = reader.depth
                if depth >= limits.maxDepth { throw tooDeep(line: reader.line) }
                let element = XMLElement(
                    name: reader.localName, namespace: reader.namespaceURI, attributes: reader.attributes(),
                    line: reader.line)
                if !stack.isEmpty {
                    recordElements += 1
                    if recordElements > limits.maxRecordElements { throw tooLarge(line: element.line) }
                    stack.append(element)
                    continue
                }
                if depth == 0 {
                    rootName = element.name
                    rootNamespace = element.namespace
                    guard let rootGuess = XMLLayoutGuess.root(name: element.name, namespace: element.namespace) else {
                        throw unknownFormat(root: element.name, namespace: element.namespace, line: element.line)
                    }
                    guess = rootGuess
                    layout = rootGuess.layout
                } else if layout == nil, depth == 1, let settled = guess?.settle(firstChild: element.name) {
                    layout = settled
                }
                if let known = layout, mapper == nil { mapper = XMLRecordMapper(layout: known, source: context.source) }
                guard let known = layout else {
                    ancestors.append(element)
                    continue
                }
                let isRecord = known.isRecord(name: element.name, depth: depth, rootName: rootName)
                if isRecord || known.isDocumentData(name: element.name, depth: depth) {
                    buildingDocumentData = !isRecord
                    recordElements = 1
                    recordTextBytes = 0
                    // The stack is empty here: its storage is reused rather than a new array made.
                    stack.append(element)
                } else {
                    ancestors.append(element)
                }
            case .text:
                guard !stack.isEmpty else { continue }
                let length = reader.valueLength
                recordTextBytes += length
                if length > limits.maxTextBytes || recordTextBytes > limits.maxTextBytes * 4 {
                    throw textTooLong(line: reader.line)
                }
                if stack[stack.count - 1].text.isEmpty {
                    stack[stack.count - 1].text = reader.value
                } else {
                    stack[stack.count - 1].text += reader.value
                }
            case .endElement:
                if let done = stack.popLast() {
                    if stack.isEmpty {
                        try finish(
                            done, document: buildingDocumentData, ancestors: ancestors, mapper: &mapper, emit: emit)
                    } else {
                        stack[stack.count - 1].children.append(done)
                    }
                } else if !ancestors.isEmpty {
                    ancestors.removeLast()
                }
            case .documentType:
                let facts = reader.documentType
                if facts.hasEntities { throw XMLPrologCheck.entityExpansion(path: context.path) }
                if facts.hasExternalID { throw XMLPrologCheck.externalDTD(path: context.path) }
            case .entityReference:
                throw XMLPrologCheck.entityExpansion(path: context.path)
            }
        }

        var diagnostics: [Diagnostic] = []
        var fatal: XMLParserMessage?
        for message in reader.sink.messages {
            if message.isFatal {
                if fatal == nil { fatal = message }
                continue
            }
            diagnostics.append(
                context.diagnostic(
                    line: message.line, .warning, "xml.parser",
                    "libxml2 reported: \(message.message); the document was read on"))
        }
        if reader.sink.dropped > 0 {
            diagnostics.append(
                context.diagnostic(
                    line: 0, .warning, "xml.parser.too-many-messages",
                    "\(reader.sink.dropped) further parser messages were not kept"))
        }
        if let fatal {
            if let unsafe = unsafeError(fatal) { throw unsafe }
            guard let known = layout else {
                throw KithError(
                    .invalidInput, "the file is not well-formed XML: \(fatal.message)", path: context.path,
                    line: fatal.line > 0 ? fatal.line : nil)
            }
            try mapper?.finish(emit: emit)
            let records = mapper?.records ?? 0
            diagnostics.append(
                context.diagnostic(
                    line: fatal.line, .error, "xml.malformed",
                    "the document is not well-formed XML here (\(fatal.message)); the \(records) records before this "
                        + "point were read, anything after it was not"))
            return Outcome(layout: known, records: records, diagnostics: diagnostics)
        }
        guard let known = layout else {
            if rootName.isEmpty {
                throw KithError(.invalidInput, "the file holds no XML element", path: context.path)
            }
            throw unknownFormat(root: rootName, namespace: rootNamespace, line: nil)
        }
        try mapper?.finish(emit: emit)
        return Outcome(layout: known, records: mapper?.records ?? 0, diagnostics: diagnostics)
    }

    /// Hands a finished record (or document-data element) to the mapper.
    private func finish(
        _ element: XMLElement, document: Bool, ancestors: [XMLElement], mapper: inout XMLRecordMapper?,
        emit: (consuming Contact) throws -> Void
    ) throws {
        if document {
            mapper?.document(element)
        } else {
            try mapper?.map(element, ancestors: ancestors, emit: emit)
        }
    }

    /// The error for a document whose root Kith does not know.
    func unknownFormat(root: String, namespace: String, line: Int?) -> KithError {
        let named = namespace.isEmpty ? "<\(root)> (no namespace)" : "<\(root)> in namespace \(namespace)"
        return KithError(
            .unknownFormat,
            "this XML document's root element \(named) is not an address-book layout Kith knows; supported: "
                + XMLLayout.supportedRoots,
            path: context.path, line: line)
    }

    private func tooDeep(line: Int) -> KithError {
        KithError(
            .unsafeInput,
            "elements are nested deeper than \(limits.maxDepth) levels; no address book needs that, and such files "
                + "are used to exhaust parsers, so Kith refuses it", path: context.path, line: line)
    }

    private func tooLarge(line: Int) -> KithError {
        KithError(
            .unsafeInput,
            "one contact record holds more than \(limits.maxRecordElements) elements; Kith refuses it to keep "
                + "memory bounded", path: context.path, line: line)
    }

    private func textTooLong(line: Int) -> KithError {
        KithError(
            .unsafeInput,
            "a text value is longer than \(limits.maxTextBytes) bytes; Kith refuses it to keep memory bounded",
            path: context.path, line: line)
    }

    /// Fatal libxml2 errors that mean the file attacks the parser rather than being broken.
    private func unsafeError(_ message: XMLParserMessage) -> KithError? {
        let text = message.message.lowercased()
        let line = message.line > 0 ? message.line : nil
        if text.contains("excessive depth") {
            return KithError(.unsafeInput, tooDeep(line: message.line).message, path: context.path, line: line)
        }
        if text.contains("huge") || text.contains("too long") {
            return KithError(.unsafeInput, textTooLong(line: message.line).message, path: context.path, line: line)
        }
        if text.contains("entity") && (text.contains("loop") || text.contains("amplification")) {
            return XMLPrologCheck.entityExpansion(path: context.path)
        }
        return nil
    }
}
