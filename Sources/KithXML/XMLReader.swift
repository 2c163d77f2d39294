public import KithIO
public import KithModel

/// Reads address books written as XML: xCard, Google Contacts Atom, FRITZ!Box, Gigaset,
/// Cisco-style IP-phone directories, Yealink, Grandstream, Snom, JFritz and Windows Contacts.
///
/// Parsing is libxml2's SAX2 push parser, a chunk at a time, hardened for untrusted files: no
/// entity substitution, no DTD or external entity loading, no network, and limits on nesting
/// and text size. A DOCTYPE that declares entities (billion laughs, XXE) or names an external
/// DTD is refused. Each contact element is one record, in document order; elements a layout
/// does not map are kept as `X-XML-<path>` raw properties.
public struct XMLReader: ContactReader {
    /// The bounds applied to every document.
    public var limits: XMLLimits

    /// Creates a reader.
    ///
    /// - Parameter limits: nesting and size bounds; the defaults suit any real address book.
    public init(limits: XMLLimits = XMLLimits()) {
        self.limits = limits
    }

    /// How sure the reader is that the input is XML it reads.
    ///
    /// - Returns: 95 when the head names a known root element, 80 for any other document
    ///   starting with `<?xml`, 20 for other text starting with `<`, 0 otherwise.
    /// - Complexity: O(n) in the length of the head.
    public static func sniff(_ head: ArraySlice<UInt8>, path: String) -> Int {
        XMLSniffer.score(head)
    }

    /// Scores a file from its first 64 KiB without loading the rest, so a pipeline can choose
    /// the streaming ``read(path:context:emit:)`` before reading the file into memory.
    ///
    /// - Parameter path: a file path (not `-`).
    /// - Returns: the score of ``sniff(_:path:)``, 0 when the file cannot be read.
    public static func sniff(path: String) -> Int {
        guard path != "-", let source = try? XMLFileSource(path: path) else { return 0 }
        return XMLSniffer.score(source.head[...])
    }

    /// Reads a document already in memory (standard input, or a pipeline that loaded the file).
    ///
    /// When the bytes were transcoded from UTF-16, libxml2 is told they are UTF-8, whatever
    /// the declaration says; otherwise the declaration is honoured, and bytes that are not
    /// UTF-8 and declare no encoding are read in the context's fallback charset.
    ///
    /// - Parameters:
    ///   - input: the prepared input.
    ///   - context: the source number and options.
    ///   - emit: called once per contact record, in document order.
    /// - Returns: the report: format `xml`, flavor `xml/<layout>`, the encoding.
    /// - Throws: `KithError` `.unsafeInput` for refused documents (entity declarations,
    ///   external DTDs, limits), `.unknownFormat` naming an unknown root element,
    ///   `.invalidInput` for text that is not XML at all.
    /// - Complexity: O(n); memory bounded by the largest record, beside the input itself.
    public func read(_ input: InputFile, context: ReadContext, emit: (consuming Contact) throws -> Void) throws
        -> ReadReport
    {
        try input.bytes.withUnsafeBufferPointer { bytes in
            try XMLPrologCheck.check(
                UnsafeBufferPointer(rebasing: bytes.prefix(XMLFileSource.headLimit)), path: context.path)
            let forced: String?
            if input.encoding.transcoded {
                forced = "UTF-8"
            } else if !input.encoding.isValidUTF8, XMLSniffer.declaredEncoding(bytes) == nil {
                forced = context.decoder.fallback.description.uppercased()
            } else {
                forced = nil
            }
            guard
                let reader = XMLPullReader(
                    memory: bytes, url: context.path, encoding: forced, maxTextBytes: limits.maxTextBytes)
            else {
                throw KithError(
                    .invalidInput, "the file is empty; an XML document needs a root element", path: context.path)
            }
            let outcome = try XMLDocumentScan(limits: limits, context: context).run(reader, emit: emit)
            let encoding =
                input.encoding.transcoded
                ? input.encoding.name : (forced?.lowercased() ?? reader.documentEncoding?.lowercased() ?? "utf-8")
            return ReadReport(
                format: "xml", flavor: outcome.layout.flavor, encoding: encoding, records: outcome.records,
                diagnostics: outcome.diagnostics)
        }
    }

    /// Reads an XML file straight from disk, in chunks, without loading it: memory stays
    /// bounded by the largest record however big the file is. The file's SHA-256 is computed
    /// on the way, so the pipeline need not read the file again. `-` reads standard input
    /// through ``read(_:context:emit:)``.
    ///
    /// - Parameters:
    ///   - path: the file, or `-` for standard input.
    ///   - context: the source number and options (`context.path` names the file in messages).
    ///   - emit: called once per contact record, in document order.
    /// - Returns: the report, the file's SHA-256 and its size.
    /// - Throws: `KithError` `.unreadableInput` when the file cannot be read, and the errors
    ///   of ``read(_:context:emit:)``.
    /// - Complexity: O(n) time, O(1) memory in the file size.
    public func read(path: String, context: ReadContext, emit: (consuming Contact) throws -> Void) throws
        -> XMLFileReport
    {
        if path == "-" {
            let input = try InputFile.read(path: path)
            let report = try read(input, context: context, emit: emit)
            return XMLFileReport(report: report, sha256: input.sha256, byteCount: input.bytes.count)
        }
        let source = try XMLFileSource(path: path)
        try source.head.withUnsafeBufferPointer { try XMLPrologCheck.check($0, path: context.path) }
        let forced = source.head.withUnsafeBufferPointer { head -> String? in
            // A file that is not UTF-8 in its head and declares no encoding is read in the
            // fallback charset (third-party FRITZ!Box generators write ISO-8859-1).
            if XMLSniffer.declaredEncoding(head) == nil, !XMLSniffer.looksUnicode(head) {
                return context.decoder.fallback.description.uppercased()
            }
            return nil
        }
        guard
            let reader = XMLPullReader(
                source: source, url: context.path, encoding: forced, maxTextBytes: limits.maxTextBytes)
        else {
            throw KithError(.invalidInput, "libxml2 could not open the file", path: context.path)
        }
        let outcome = try XMLDocumentScan(limits: limits, context: context).run(reader, emit: emit)
        if let failure = source.failure {
            throw KithError(.unreadableInput, "reading failed", path: context.path, cause: failure)
        }
        source.drain()
        let encoding = forced?.lowercased() ?? reader.documentEncoding?.lowercased() ?? "utf-8"
        let report = ReadReport(
            format: "xml", flavor: outcome.layout.flavor, encoding: encoding, records: outcome.records,
            diagnostics: outcome.diagnostics)
        return XMLFileReport(report: report, sha256: source.digest.finalizeHex(), byteCount: source.byteCount)
    }

    /// Reads an XML file from disk with default limits; see ``read(path:context:emit:)``.
    public static func readFile(path: String, context: ReadContext, emit: (consuming Contact) throws -> Void) throws
        -> XMLFileReport
    {
        try XMLReader().read(path: path, context: context, emit: emit)
    }
}

/// What a streamed read of an XML file reports: the reader's report plus what the pipeline
/// would otherwise compute from bytes in memory.
public struct XMLFileReport: Sendable {
    /// The reader's report (format, flavor, encoding, records, diagnostics).
    public var report: ReadReport
    /// Lower-case hex SHA-256 of the file's bytes as stored.
    public var sha256: String
    /// The file's size in bytes.
    public var byteCount: Int

    /// Creates a report.
    public init(report: ReadReport, sha256: String, byteCount: Int) {
        self.report = report
        self.sha256 = sha256
        self.byteCount = byteCount
    }
}
