import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The kinds of node the pull reader hands on.
enum XMLNodeKind {
    case element, text, entityReference, documentType, endElement
}

/// A problem libxml2 reported while parsing, captured by the structured error handler.
struct XMLParserMessage {
    /// libxml2's level: 1 warning, 2 error, 3 fatal.
    var level: Int32
    /// libxml2's error code (`xmlParserErrors`).
    var code: Int32
    /// The 1-based line, 0 when unknown.
    var line: Int
    /// The message, without its trailing newline.
    var message: String

    /// Whether parsing stopped because of it.
    var isFatal: Bool { level >= 3 }
}

/// Collects libxml2's structured errors, keeping at most ``limit`` so that a broken file
/// cannot grow memory.
struct XMLParserMessageSink {
    var messages: [XMLParserMessage] = []
    /// Messages beyond this many are counted, not kept.
    let limit = 1000
    var dropped = 0
}

/// A pull reader over libxml2's SAX2 push parser: the document is parsed a chunk (64 KiB) at a
/// time, the chunk's nodes are kept, and they are handed on one at a time; memory does not
/// grow with the document. (libxml2's `xmlTextReader` builds and frees a tree node for each
/// node, and was twice as slow.)
///
/// Only what the scan reads is kept: elements with their attributes (namespace declarations
/// left out), the text between tags (adjacent text and CDATA joined, whitespace-only runs
/// dropped), the end of each element (every element has one, `<a/>` too), entity references
/// libxml2 did not resolve, and the DOCTYPE (reported before the root element).
///
/// Hardened for untrusted files: no entity declaration is registered (a declared entity is
/// reported through ``documentType`` and parsing stops), nothing external is loaded (no
/// external subset or entity callbacks, `XML_PARSE_NONET`), and one text run stops the parse
/// once it outgrows the text limit.
///
/// A class because it owns the parser context and the state libxml2 calls back into (through
/// a raw pointer), and frees them in `deinit`. It is used by one read on one thread and never
/// escapes it. The state is reached through a pointer, not as stored properties: the
/// callbacks run for every node, and a class's properties are checked for exclusive access at
/// run time on each use (a fifth of the reading thread's time).
final class XMLPullReader {
    /// The parser options: no network, no DTD loading, validation or entity substitution
    /// (entities are not registered anyway), errors routed to the structured handler only.
    static let options: Int32 = {
        let flags: [xmlParserOption] = [
            XML_PARSE_NONET, XML_PARSE_NOERROR, XML_PARSE_NOWARNING, XML_PARSE_BIG_LINES, XML_PARSE_COMPACT,
            XML_PARSE_NOCDATA,
        ]
        return Int32(bitPattern: flags.reduce(0) { $0 | $1.rawValue })
    }()

    /// The bytes handed to libxml2 at a time.
    static let chunkSize = 1 << 16

    /// libxml2 must initialize its globals once before threads use it (the pipeline reads two
    /// files at a time); Swift runs a static initializer exactly once, thread-safely.
    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Where the bytes come from.
    private enum Input {
        case memory(UnsafeBufferPointer<UInt8>)
        case file(XMLFileSource)
    }

    private let input: Input
    private let state: UnsafeMutablePointer<XMLParseState>

    /// Opens a reader over bytes in memory. The bytes must outlive the reader.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - url: the name used in libxml2's messages.
    ///   - encoding: the encoding to force (`UTF-8` for transcoded input), or `nil` to honour
    ///     the BOM and the XML declaration.
    ///   - maxTextBytes: the longest text run parsed before the parse stops.
    init?(memory bytes: UnsafeBufferPointer<UInt8>, url: String, encoding: String?, maxTextBytes: Int) {
        self.input = .memory(bytes)
        self.state = .allocate(capacity: 1)
        state.initialize(to: XMLParseState(maxTextBytes: maxTextBytes))
        guard !bytes.isEmpty, open(url: url, encoding: encoding) else { return nil }
    }

    /// Opens a reader that pulls the document from a file source chunk by chunk.
    init?(source: XMLFileSource, url: String, encoding: String?, maxTextBytes: Int) {
        self.input = .file(source)
        self.state = .allocate(capacity: 1)
        state.initialize(to: XMLParseState(maxTextBytes: maxTextBytes))
        guard open(url: url, encoding: encoding) else { return nil }
    }

    deinit {
        if let context = state.pointee.context { xmlFreeParserCtxt(context) }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Creates the parser as `xmlTextReader` does: the first four bytes given at once (to
    /// detect the encoding from them), the options set, then the encoding forced if asked.
    private func open(url: String, encoding: String?) -> Bool {
        _ = Self.libraryInitialized
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = startElement
        handler.endElementNs = endElement
        handler.characters = characters
        handler.comment = breakText
        handler.processingInstruction = breakInstruction
        handler.reference = reference
        handler.internalSubset = internalSubset
        handler.entityDecl = entityDeclaration
        handler.serror = collectMessage
        let created = withNextChunk(limit: 4) { head in
            xmlCreatePushParserCtxt(&handler, UnsafeMutableRawPointer(state), head.baseAddress, Int32(head.count), url)
        }
        guard let created else { return false }
        state.pointee.context = created
        _ = xmlCtxtUseOptions(created, Self.options)
        if let encoding, let converter = xmlFindCharEncodingHandler(encoding) {
            _ = xmlSwitchToEncoding(created, converter)
        }
        return true
    }

    /// Hands `body` the next bytes of the document, at most `limit` (none at its end, or after
    /// a read error, which the file source keeps).
    private func withNextChunk<Result>(limit: Int, _ body: (UnsafeBufferPointer<CChar>) -> Result) -> Result {
        switch input {
        case .memory(let bytes):
            let offset = state.pointee.offset
            let count = max(0, min(limit, bytes.count - offset))
            state.pointee.offset += count
            guard let base = bytes.baseAddress else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            return UnsafeRawPointer(base + offset).withMemoryRebound(to: CChar.self, capacity: count) {
                body(UnsafeBufferPointer(start: $0, count: count))
            }
        case .file(let source):
            if state.pointee.chunk.count < limit { state.pointee.chunk = [CChar](repeating: 0, count: Self.chunkSize) }
            return state.pointee.chunk.withUnsafeMutableBufferPointer { buffer in
                let count =
                    buffer.baseAddress.map { Int(source.read(into: $0, capacity: min(limit, buffer.count))) } ?? 0
                return body(UnsafeBufferPointer(start: buffer.baseAddress, count: max(0, count)))
            }
        }
    }

    /// Moves to the next node.
    ///
    /// - Returns: `true` on a node, `false` at the end of the document or after a fatal error
    ///   (see ``sink``).
    func next() -> Bool {
        state.pointee.cursor += 1
        while state.pointee.cursor >= state.pointee.nodes.count {
            state.pointee.nodes.removeAll(keepingCapacity: true)
            state.pointee.cursor = 0
            guard !state.pointee.finished else { return false }
            feed()
        }
        return true
    }

    /// Parses the next chunk, or ends the document.
    private func feed() {
        guard let context = state.pointee.context else {
            state.pointee.finished = true
            return
        }
        let ended = withNextChunk(limit: Self.chunkSize) { chunk in
            _ = xmlParseChunk(context, chunk.baseAddress, Int32(chunk.count), chunk.isEmpty ? 1 : 0)
            return chunk.isEmpty
        }
        // The end, a fatal error (libxml2 turns its callbacks off) or a stop: nothing more comes.
        if ended || context.pointee.instate == XML_PARSER_EOF || context.pointee.disableSAX != 0 {
            state.pointee.flushText()
            state.pointee.reportDocumentType()
            state.pointee.finished = true
        }
    }

    /// The kind of the current node.
    var kind: XMLNodeKind { state.pointee.nodes[state.pointee.cursor].kind }

    /// The nesting depth of the current node; the root element is 0.
    var depth: Int { state.pointee.nodes[state.pointee.cursor].depth }

    /// The 1-based line where the current node starts.
    var line: Int { state.pointee.nodes[state.pointee.cursor].line }

    /// The local name of the current element.
    var localName: String { state.pointee.nodes[state.pointee.cursor].name }

    /// The namespace URI of the current element, empty when it has none.
    var namespaceURI: String { state.pointee.nodes[state.pointee.cursor].namespace }

    /// The byte length of the current text.
    var valueLength: Int { state.pointee.nodes[state.pointee.cursor].text.utf8.count }

    /// The current text.
    var value: String { state.pointee.nodes[state.pointee.cursor].text }

    /// The attributes of the current element, namespace declarations left out.
    func attributes() -> [XMLAttribute] { state.pointee.nodes[state.pointee.cursor].attributes }

    /// Whether the DOCTYPE (the current node) names an external DTD or declares entities.
    var documentType: (hasExternalID: Bool, hasEntities: Bool) {
        state.pointee.nodes[state.pointee.cursor].documentType
    }

    /// What libxml2 reported.
    var sink: XMLParserMessageSink { state.pointee.sink }

    /// The document encoding libxml2 settled on, when it knows it.
    var documentEncoding: String? {
        guard let context = state.pointee.context else { return nil }
        if let encoding = context.pointee.encoding { return String(cString: encoding) }
        return context.pointee.input?.pointee.encoding.map { String(cString: $0) }
    }
}

/// One node the pull reader hands on.
private struct XMLNode {
    var kind: XMLNodeKind
    var depth: Int
    var line: Int
    var name = ""
    var namespace = ""
    var text = ""
    var attributes: [XMLAttribute] = []
    var documentType = (hasExternalID: false, hasEntities: false)
}

/// What libxml2's callbacks build while a chunk is parsed, and the reader's place in it.
private struct XMLParseState {
    var context: xmlParserCtxtPtr?
    /// How far into memory input libxml2 was given.
    var offset = 0
    /// The chunk read from a file.
    var chunk: [CChar] = []
    var nodes: [XMLNode] = []
    var cursor = -1
    var finished = false
    var sink = XMLParserMessageSink()
    /// Text read since the last tag, with the line it started on.
    var pendingText: [UInt8] = []
    var pendingLine = 0
    /// Text runs longer than this stop the parse (the scan refuses them).
    let maxTextBytes: Int
    var depth = 0
    /// The DOCTYPE seen, reported before the first element (libxml2 announces it before its
    /// declarations are read).
    var documentTypeSeen = false
    var documentTypeFacts = (hasExternalID: false, hasEntities: false)
    /// Element and attribute names and namespace URIs, by the address libxml2 passes and
    /// checked against their bytes: a small direct-mapped cache that saves a `String` per name.
    var names = [(pointer: UnsafePointer<xmlChar>?, bytes: [UInt8], name: String)](
        repeating: (nil, [], ""), count: 256)

    init(maxTextBytes: Int) {
        self.maxTextBytes = maxTextBytes
    }

    /// The line libxml2 is on.
    var parserLine: Int { context.map { Int($0.pointee.input?.pointee.line ?? 0) } ?? 0 }

    mutating func started(
        _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
        _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        flushText()
        reportDocumentType()
        var node = XMLNode(
            kind: .element, depth: depth, line: parserLine, name: qualified(localName, prefix, uri),
            namespace: interned(uri))
        if count > 0, let attributes {
            node.attributes.reserveCapacity(count)
            // Five pointers an attribute: local name, prefix, URI, value, end of value.
            for index in 0..<count {
                let base = attributes + index * 5
                guard let start = base[3], let end = base[4] else { continue }
                node.attributes.append(
                    XMLAttribute(
                        name: qualified(base[0], base[1], base[2]), namespace: interned(base[2]),
                        value: Self.attributeValue(UnsafeBufferPointer(start: start, count: end - start))))
            }
        }
        nodes.append(node)
        depth += 1
    }

    /// A name as libxml2's tree builder keeps it: the local name, or `prefix:local` when the
    /// prefix names no namespace declared in the document (libxml2 warns, and reads on).
    private mutating func qualified(
        _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?
    ) -> String {
        guard let prefix, uri == nil else { return interned(localName) }
        return interned(prefix) + ":" + interned(localName)
    }

    mutating func ended() {
        flushText()
        depth -= 1
        nodes.append(XMLNode(kind: .endElement, depth: depth, line: parserLine))
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if pendingText.isEmpty { pendingLine = parserLine }
        pendingText.append(contentsOf: bytes)
        if pendingText.count > maxTextBytes {
            // Handed on as it is (the scan refuses it inside a record); the rest is not read, and
            // a fatal message says why, wherever the text was (libxml2 reports no stop it is asked for).
            flushText()
            sink.messages.append(
                XMLParserMessage(
                    level: 3, code: 0, line: parserLine,
                    message: "a text node is too long (over \(maxTextBytes) bytes); parsing stopped"))
            if let context { xmlStopParser(context) }
        }
    }

    mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        // Whitespace between tags (libxml2's blank nodes) is not text.
        if pendingText.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) {
            nodes.append(
                XMLNode(
                    kind: .text, depth: depth, line: pendingLine, text: String(decoding: pendingText, as: UTF8.self)))
        }
        pendingText.removeAll(keepingCapacity: pendingText.count <= XMLPullReader.chunkSize)
    }

    mutating func referenced(_ name: UnsafePointer<xmlChar>?) {
        flushText()
        nodes.append(XMLNode(kind: .entityReference, depth: depth, line: parserLine, name: interned(name)))
    }

    mutating func declaredDocumentType(external: Bool) {
        documentTypeSeen = true
        documentTypeFacts.hasExternalID = documentTypeFacts.hasExternalID || external
    }

    mutating func declaredEntity() {
        documentTypeSeen = true
        documentTypeFacts.hasEntities = true
        // Nothing after an entity declaration is read: the document is refused.
        if let context { xmlStopParser(context) }
    }

    mutating func collect(_ error: xmlError) {
        guard sink.messages.count < sink.limit else {
            sink.dropped += 1
            return
        }
        let raw = error.message.map { String(cString: $0) } ?? "unknown parser error"
        // One line: libxml2 writes some messages on two ("…indicate encoding !\nBytes: 0xFF…"),
        // which broke the `path:line:` form of a diagnostic.
        let text = raw.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == " " }).joined(separator: " ")
        sink.messages.append(
            XMLParserMessage(
                level: Int32(bitPattern: error.level.rawValue), code: error.code, line: Int(error.line), message: text))
    }

    /// The DOCTYPE, once, before the root element (or at the end of a document without one).
    mutating func reportDocumentType() {
        guard documentTypeSeen else { return }
        documentTypeSeen = false
        var node = XMLNode(kind: .documentType, depth: 0, line: parserLine)
        node.documentType = documentTypeFacts
        nodes.append(node)
    }

    /// An attribute value as SAX2 gives it: entities are not substituted, so a `&` the document
    /// escaped arrives as `&#38;` (libxml2 leaves that for its tree builder to undo); a raw `&`
    /// cannot occur otherwise, every other reference being resolved or refused.
    private static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        let escape: [UInt8] = Array("&#38;".utf8)
        while index < bytes.count {
            if bytes[index] == 0x26, index + escape.count <= bytes.count,
                bytes[index..<(index + escape.count)].elementsEqual(escape)
            {
                decoded.append(0x26)
                index += escape.count
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private mutating func interned(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let length = Int(xmlStrlen(pointer))
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & (names.count - 1)
        if names[slot].pointer == pointer, names[slot].bytes.count == length,
            names[slot].bytes.withUnsafeBufferPointer({
                $0.baseAddress.map { memcmp($0, pointer, length) == 0 } ?? true
            })
        {
            return names[slot].name
        }
        let bytes = UnsafeBufferPointer(start: pointer, count: length)
        let text = String(decoding: bytes, as: UTF8.self)
        names[slot] = (pointer, Array(bytes), text)
        return text
    }
}

// libxml2's SAX2 callbacks; `context` is the reader's state (the parser context's user data).

private func state(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLParseState>? {
    context?.assumingMemoryBound(to: XMLParseState.self)
}

private func startElement(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32,
    _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int32, _ defaulted: Int32,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    state(context)?.pointee.started(localName, prefix, uri, Int(attributeCount), attributes)
}

private func endElement(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?
) {
    state(context)?.pointee.ended()
}

private func characters(_ context: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let bytes, length > 0 else { return }
    state(context)?.pointee.text(UnsafeBufferPointer(start: bytes, count: Int(length)))
}

/// A comment ends a text run (as it ends a text node in libxml2's tree).
private func breakText(_ context: UnsafeMutableRawPointer?, _ value: UnsafePointer<xmlChar>?) {
    state(context)?.pointee.flushText()
}

/// A processing instruction ends a text run.
private func breakInstruction(
    _ context: UnsafeMutableRawPointer?, _ target: UnsafePointer<xmlChar>?, _ data: UnsafePointer<xmlChar>?
) {
    state(context)?.pointee.flushText()
}

private func reference(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    state(context)?.pointee.referenced(name)
}

private func internalSubset(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ externalID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?
) {
    state(context)?.pointee.declaredDocumentType(external: externalID != nil || systemID != nil)
}

private func entityDeclaration(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32,
    _ publicID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?
) {
    state(context)?.pointee.declaredEntity()
}

private func collectMessage(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let error else { return }
    state(context)?.pointee.collect(error.pointee)
}
