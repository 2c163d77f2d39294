import CLibXML2

/// The kind of node the pull reader stands on (libxml2's `xmlReaderTypes`).
enum XMLNodeKind: Int32 {
    case element = 1
    case attribute = 2
    case text = 3
    case cdata = 4
    case entityReference = 5
    case entity = 6
    case processingInstruction = 7
    case comment = 8
    case document = 9
    case documentType = 10
    case documentFragment = 11
    case notation = 12
    case whitespace = 13
    case significantWhitespace = 14
    case endElement = 15
    case endEntity = 16
    case xmlDeclaration = 17
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

/// Collects libxml2's structured errors. A class because libxml2 calls back through a raw
/// context pointer; it lives exactly as long as the reader that owns it.
final class XMLParserMessageSink {
    var messages: [XMLParserMessage] = []
    /// Messages beyond this many are counted, not kept, so a broken file cannot grow memory.
    let limit = 1000
    var dropped = 0
}

/// libxml2 calls this for every warning and error (installed with
/// `xmlTextReaderSetStructuredErrorHandler`).
private func collectParserMessage(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let sink = Unmanaged<XMLParserMessageSink>.fromOpaque(context).takeUnretainedValue()
    guard sink.messages.count < sink.limit else {
        sink.dropped += 1
        return
    }
    var text = error.pointee.message.map { String(cString: $0) } ?? "unknown parser error"
    while let last = text.utf8.last, last == 0x0A || last == 0x20 { text.removeLast() }
    sink.messages.append(
        XMLParserMessage(
            level: Int32(bitPattern: error.pointee.level.rawValue), code: error.pointee.code,
            line: Int(error.pointee.line), message: text))
}

/// A pull reader over libxml2's `xmlTextReader`: one node at a time, with memory that does not
/// grow with the document (libxml2 frees nodes behind the cursor).
///
/// The only class of the module: it owns the C reader and frees it in `deinit`. It is used by
/// one read call on one thread and never escapes it.
final class XMLPullReader {
    /// The parser options: no network, no entity substitution, no DTD loading or validation,
    /// errors routed to the structured handler instead of stderr, line numbers past 65535.
    static let options: Int32 = {
        let flags: [xmlParserOption] = [
            XML_PARSE_NONET, XML_PARSE_NOERROR, XML_PARSE_NOWARNING, XML_PARSE_BIG_LINES,
            XML_PARSE_COMPACT, XML_PARSE_NOCDATA,
        ]
        return Int32(bitPattern: flags.reduce(0) { $0 | $1.rawValue })
    }()

    /// libxml2 must initialize its globals once before threads use it (the pipeline reads two
    /// files at a time); Swift runs a static initializer exactly once, thread-safely.
    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    private let reader: xmlTextReaderPtr
    let sink: XMLParserMessageSink
    /// Keeps the streamed file alive while libxml2 reads from it.
    private let source: XMLFileSource?
    /// libxml2 interns element and attribute names and namespace URIs in the reader's
    /// dictionary, so the same pointer always names the same string while the reader lives:
    /// a small direct-mapped cache keyed by the pointer saves a `String` per node.
    private var names = [(pointer: UnsafePointer<xmlChar>?, name: String)](repeating: (nil, ""), count: 256)

    /// Opens a reader over bytes in memory. The bytes must outlive the reader.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - url: the name used in libxml2's messages.
    ///   - encoding: the encoding to force (`UTF-8` for transcoded input), or `nil` to honour
    ///     the BOM and the XML declaration.
    init?(memory bytes: UnsafeBufferPointer<UInt8>, url: String, encoding: String?) {
        _ = Self.libraryInitialized
        let sink = XMLParserMessageSink()
        let created: xmlTextReaderPtr? = bytes.baseAddress.flatMap { base in
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                xmlReaderForMemory(chars, Int32(clamping: bytes.count), url, encoding, Self.options)
            }
        }
        guard let created else { return nil }
        self.reader = created
        self.sink = sink
        self.source = nil
        xmlTextReaderSetStructuredErrorHandler(created, collectParserMessage, Unmanaged.passUnretained(sink).toOpaque())
    }

    /// Opens a reader that pulls the document from a file source chunk by chunk.
    init?(source: XMLFileSource, url: String, encoding: String?) {
        _ = Self.libraryInitialized
        let sink = XMLParserMessageSink()
        guard
            let created = xmlReaderForIO(
                readXMLFileSource, closeXMLFileSource, Unmanaged.passUnretained(source).toOpaque(), url, encoding,
                Self.options)
        else { return nil }
        self.reader = created
        self.sink = sink
        self.source = source
        xmlTextReaderSetStructuredErrorHandler(created, collectParserMessage, Unmanaged.passUnretained(sink).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// Moves to the next node.
    ///
    /// - Returns: `true` on a node, `false` at the end of the document or after a fatal error
    ///   (see ``sink``).
    func next() -> Bool {
        xmlTextReaderRead(reader) == 1
    }

    /// The kind of the current node, `nil` for kinds libxml2 adds later.
    var kind: XMLNodeKind? { XMLNodeKind(rawValue: xmlTextReaderNodeType(reader)) }

    /// The nesting depth of the current node; the root element is 0.
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// Whether the current element is written `<a/>` (no end-element node follows).
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The 1-based line where the current node starts.
    var line: Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return Int(xmlTextReaderGetParserLineNumber(reader)) }
        return Int(xmlGetLineNo(node))
    }

    /// The local name of the current node.
    var localName: String { interned(xmlTextReaderConstLocalName(reader)) }

    /// The namespace URI of the current node, empty when it has none.
    var namespaceURI: String { interned(xmlTextReaderConstNamespaceUri(reader)) }

    /// The byte length of the current node's value (text, attribute value).
    var valueLength: Int {
        guard let value = xmlTextReaderConstValue(reader) else { return 0 }
        return Int(xmlStrlen(value))
    }

    /// The current node's value as a string.
    var value: String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }

    /// The document encoding libxml2 settled on, when it knows it.
    var documentEncoding: String? {
        xmlTextReaderConstEncoding(reader).map { String(cString: $0) }
    }

    /// The document's DOCTYPE facts, read from libxml2's tree while on the DOCTYPE node.
    var documentType: (hasExternalID: Bool, hasEntities: Bool) {
        guard let doc = xmlTextReaderCurrentDoc(reader) else { return (false, false) }
        var external = false
        var entities = false
        if let subset = doc.pointee.intSubset {
            external = subset.pointee.ExternalID != nil || subset.pointee.SystemID != nil
            entities = subset.pointee.entities != nil || subset.pointee.pentities != nil
        }
        if doc.pointee.extSubset != nil { external = true }
        return (external, entities)
    }

    /// The attributes of the current element, namespace declarations left out; the reader
    /// stays on the element.
    func attributes() -> [XMLAttribute] {
        guard xmlTextReaderHasAttributes(reader) == 1, xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return [] }
        var found: [XMLAttribute] = []
        // Room for all of them at once: appending one by one grew the array twice for the
        // three attributes of a FRITZ!Box number.
        found.reserveCapacity(Int(max(0, xmlTextReaderAttributeCount(reader))))
        repeat {
            let namespace = namespaceURI
            if namespace == "http://www.w3.org/2000/xmlns/" { continue }
            let name = localName
            if namespace.isEmpty, name == "xmlns" { continue }
            found.append(XMLAttribute(name: name, namespace: namespace, value: value))
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return found
    }

    private func interned(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & (names.count - 1)
        if names[slot].pointer == pointer { return names[slot].name }
        let text = String(cString: pointer)
        names[slot] = (pointer, text)
        return text
    }
}
