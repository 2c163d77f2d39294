public import KithModel

/// What a reader needs to know about the input it reads.
public struct ReadContext: Sendable {
    /// The 0-based source number the records belong to.
    public var source: Int
    /// The path as the user gave it, for messages.
    public var path: String
    /// Decodes values whose charset is undeclared and not UTF-8.
    public var decoder: TextDecoder
    /// A column map for generic CSV files (column header → field name), when the user gave one.
    public var columnMap: [String: String]

    /// Creates a context.
    public init(source: Int, path: String, decoder: TextDecoder = TextDecoder(), columnMap: [String: String] = [:]) {
        self.source = source
        self.path = path
        self.decoder = decoder
        self.columnMap = columnMap
    }

    /// A diagnostic located in this source.
    public func diagnostic(
        line: Int, record: Int? = nil, _ severity: Diagnostic.Severity = .warning, _ code: DiagnosticCode,
        _ message: String
    ) -> Diagnostic {
        Diagnostic(source: source, line: line, record: record, severity: severity, code: code, message: message)
    }
}

/// What a reader reports about a whole input once it has read it.
public struct ReadReport: Sendable {
    /// The format family: `vcard`, `csv`, `xml`.
    public var format: String
    /// The producer or layout found (`vcard-3.0/apple`, `csv/google`, `xml/fritzbox`).
    public var flavor: String
    /// The text encoding found (`utf-8`, `windows-1252`, `mixed`, …).
    public var encoding: String
    /// How many records were emitted.
    public var records: Int
    /// Problems found, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates a report.
    public init(format: String, flavor: String, encoding: String, records: Int, diagnostics: [Diagnostic]) {
        self.format = format
        self.flavor = flavor
        self.encoding = encoding
        self.records = records
        self.diagnostics = diagnostics
    }
}

/// A reader for one input format. Readers stream: they hand each record to `emit` as soon as
/// it is read, in file order, with `ref.index` counting from 0.
public protocol ContactReader: Sendable {
    /// How sure the reader is that the input is its format, 0 (no) to 100 (certain), from the
    /// first bytes of the prepared input.
    static func sniff(_ head: ArraySlice<UInt8>, path: String) -> Int

    /// Reads every record of an input.
    ///
    /// - Parameters:
    ///   - input: the prepared input.
    ///   - context: the source number, the decoder and options.
    ///   - emit: called once per record, in file order.
    /// - Returns: the report on the input.
    /// - Throws: `KithError` when the input cannot be read as this format at all.
    func read(_ input: InputFile, context: ReadContext, emit: (consuming Contact) throws -> Void) throws -> ReadReport
}
