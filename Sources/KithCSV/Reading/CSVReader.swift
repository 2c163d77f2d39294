public import KithIO
public import KithModel

/// Reads address-book CSV files: Google (both layouts and its Outlook export), Outlook desktop
/// (English, German, French, Spanish headers), Outlook.com, LinkedIn, Thunderbird, Yahoo,
/// Windows Live Mail, roundcube, generic spreadsheets and headerless files.
///
/// Columns are matched by header name, never by position (``CSVHeaderTable``); a column map in
/// `ReadContext.columnMap` (header → field name, see ``CSVColumnRole``) names columns Kith does
/// not know or overrides its choice. Every non-empty cell ends up in the contact: in a field,
/// or verbatim as an unmapped `X-CSV-<header>` property with the header in `X-COLUMN`.
///
/// Record numbering: `ref.index` counts data rows from 0 (preamble lines, the header and rows
/// whose cells are all empty are not data rows); `line` is the physical line where a row starts.
///
/// How cells become values, and how each cell stays accounted for:
/// - A cell is a value of its column's field, or it is kept verbatim as `X-CSV-<header>`.
/// - Google cells joined with ` ::: ` become one value per piece; a `* ` label marks the first
///   value of its group as preferred (`pref` 1); `* myContacts` in `Labels` is the category
///   `myContacts` (roundcube's expected output keeps `My Contacts` the same way).
/// - Outlook's `Categories` are split on `;`; Street, Street 2 and Street 3 are joined by line
///   breaks; `E-mail Type` is kept as the email's `X-EMAIL-TYPE` parameter, and an `EX` address
///   (an Exchange name, not an email) is kept as an `X-CSV-` property; `E-mail Display Name` is
///   kept as an `X-CSV-` property (it may name another address).
/// - Thunderbird's Birth Year/Month/Day make one birthday whose raw text is `Y-M-D`.
/// - Dates are read in the layout's order (``CSVLayout/DateOrder``) and keep their raw text;
///   Outlook's `0/0/00`, `0.0.00` and "Unspecified"/"Keine Angabe" gender carry no data and
///   make no value.
/// - LinkedIn's `Connected On` is about the connection, not the person: it is kept as
///   `X-CSV-CONNECTED-ON` with the date read into an `X-DATE` parameter (`2025-12-22`), so it
///   does not become an anniversary.
/// - A display name `Last, First` without name columns gives the components (rule
///   `name-from-display-last-first`).
/// - Several addresses in one email cell (`a@x, b@y`) become several emails.
public struct CSVReader: ContactReader {
    /// How many records are examined to find the header row (LinkedIn puts three preamble lines
    /// before it).
    static let headerSearchRecords = 12

    /// Creates a reader.
    public init() {}

    /// How sure the reader is that the input is CSV: high when known headers are found,
    /// medium for headerless rows with an email or consistent delimited columns, low for
    /// vCard, XML, JSON or binary content.
    ///
    /// - Complexity: O(n) in the size of `head`.
    public static func sniff(_ head: ArraySlice<UInt8>, path: String) -> Int {
        let bytes = Array(head.prefix(64 * 1024))
        guard !bytes.isEmpty, !isBinary(bytes[...]) else { return 0 }
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } ?? 0
        let opening = String(decoding: bytes[start..<min(bytes.count, start + 11)], as: UTF8.self).uppercased()
        if opening.hasPrefix("BEGIN:VCARD") || opening.hasPrefix("<") || opening.hasPrefix("{")
            || opening.hasPrefix("[")
        {
            return 2
        }
        let dialect = CSVDialect.sniff(bytes[...])
        var scanner = CSVRecordScanner(bytes: bytes, dialect: dialect)
        var row = CSVRow()
        var records = 0
        var multiField = 0
        while records < headerSearchRecords, scanner.next(into: &row) {
            if row.isBlank { continue }
            records += 1
            let cells = row.fields.map { scanner.string(of: $0) }
            let known = CSVHeaderTable.knownCount(cells, columnMap: [:])
            if known >= 3 || (known >= 1 && known * 2 >= cells.count) { return 90 }
            if known >= 1 { return 70 }
            if records == 1, CSVHeaderlessLayout.looksHeaderless(cells, knownHeaders: known) { return 50 }
            if row.fields.count > 1 { multiField += 1 }
        }
        let lower = path.lowercased()
        let csvName = lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".tab")
        if multiField >= 2, multiField * 2 >= records { return csvName ? 40 : 30 }
        return csvName ? 15 : 5
    }

    /// Whether bytes look binary: a NUL, or more than 2% control characters other than TAB,
    /// line breaks and form feed, in the first 8 KiB.
    static func isBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = bytes.prefix(8192)
        var controls = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { controls += 1 }
        }
        return controls * 50 > sample.count
    }

    /// Data rows turned into contacts together, split among the cores.
    static let rowsPerBatch = 4096

    /// Reads every data row of a CSV file.
    ///
    /// - Parameters:
    ///   - input: the prepared input (UTF-8, or undeclared 8-bit text).
    ///   - context: the source number, the legacy charset fallback and the column map.
    ///   - emit: receives one contact per data row that holds a value, in file order.
    /// - Returns: the report: format `csv`, flavor `csv/<layout>`, the encoding, the records.
    /// - Throws: `KithError` `.unknownFormat` for a binary file or one without a recognizable
    ///   header; `.invalidConfiguration` for a column map naming an unknown field; whatever
    ///   `emit` throws.
    /// - Complexity: O(n) in the input size.
    public func read(_ input: InputFile, context: ReadContext, emit: (consuming Contact) throws -> Void) throws
        -> ReadReport
    {
        let bytes = input.bytes
        if Self.isBinary(bytes[...]) {
            throw KithError(
                .unknownFormat,
                "is a binary file, not CSV text (expected comma-, semicolon- or TAB-separated rows with a header)",
                path: context.path)
        }
        var mode = CSVCellDecoder.Mode.utf8
        if !input.encoding.isValidUTF8 {
            mode = ShiftJISDetector.looksLikeShiftJIS(bytes) ? .shiftJIS : .perCell
        }
        var cellDecoder = CSVCellDecoder(mode: mode, decoder: context.decoder)
        let dialect = CSVDialect.sniff(bytes.prefix(64 * 1024))
        var diagnostics: [Diagnostic] = []
        let header = try findHeader(
            bytes, dialect: dialect, decoder: &cellDecoder, context: context, diagnostics: &diagnostics)
        let plan = CSVColumnPlan(headers: header.headers, roles: header.roles, layout: header.layout)
        let mapper = CSVRowMapper(plan: plan, context: context)
        var scanner = header.dataScanner
        var row = CSVRow()
        // The fields of a batch's rows, one after another (no array per row), and where each row's lie.
        var pendingFields: [CSVField] = []
        var pending: [PendingRow] = []
        pending.reserveCapacity(Self.rowsPerBatch)
        var index = 0
        var emitted = 0
        let headerWidth = header.width
        // Rows are found in order (quotes decide where a row ends), then turned into contacts a
        // batch at a time on every core, and emitted in order.
        func mapPending() throws {
            let rows = pending
            let fields = pendingFields
            let cells = cellDecoder
            let base = scanner
            var parts = concurrentSlices(count: rows.count, minimumPerPart: 256) { range in
                var decoder = cells
                var rowMapper = mapper
                var found: [Diagnostic] = []
                var contacts: [Contact] = []
                contacts.reserveCapacity(range.count)
                // The row's cells, overwritten from row to row; a longer earlier row leaves cells
                // past this row's count, which are not looked at.
                var texts: [String?] = []
                for row in rows[range] {
                    let rowFields = fields[row.fields]
                    if texts.count < rowFields.count {
                        texts.append(contentsOf: repeatElement(nil, count: rowFields.count - texts.count))
                    }
                    var column = 0
                    for field in rowFields {
                        texts[column] = field.isEmpty ? nil : decoder.text(of: field, in: base)
                        column += 1
                    }
                    checkShape(row, rowFields, width: headerWidth, context: context, diagnostics: &found)
                    let ref = RecordRef(source: context.source, index: row.index)
                    contacts.append(Contact(ref: ref, line: row.line))
                    rowMapper.fill(
                        &contacts[contacts.count - 1], texts: texts, count: rowFields.count, line: row.line,
                        diagnostics: &found)
                    if contacts[contacts.count - 1].isEmpty { contacts.removeLast() }
                }
                return (contacts: contacts, diagnostics: found, decoder: decoder)
            }
            pending.removeAll(keepingCapacity: true)
            pendingFields.removeAll(keepingCapacity: true)
            for part in parts.indices {
                diagnostics += parts[part].diagnostics
                cellDecoder.absorb(parts[part].decoder)
                // Moved out one by one, so that the receiver holds the only reference.
                for position in parts[part].contacts.indices {
                    try emit(parts[part].contacts[position].take())
                    emitted += 1
                }
            }
        }
        while scanner.next(into: &row) {
            if row.isBlank { continue }
            let start = pendingFields.count
            pendingFields.append(contentsOf: row.fields)
            pending.append(
                PendingRow(
                    fields: start..<pendingFields.count, index: index, line: row.line,
                    hasUnterminatedQuote: row.hasUnterminatedQuote, hasStrayQuote: row.hasStrayQuote))
            index += 1
            if pending.count >= Self.rowsPerBatch { try mapPending() }
        }
        try mapPending()
        if cellDecoder.lossy {
            diagnostics.append(
                context.diagnostic(
                    line: 0, .warning, "csv.encoding.lossy",
                    "some bytes could not be decoded and were replaced by U+FFFD; try --charset-fallback"))
        }
        return ReadReport(
            format: "csv", flavor: header.layout.description,
            encoding: cellDecoder.reportedEncoding(detected: input.encoding), records: emitted,
            diagnostics: diagnostics)
    }

    /// A data row waiting in a batch: where its fields lie among the batch's, and what
    /// ``checkShape(_:_:width:context:diagnostics:)`` reports.
    struct PendingRow {
        var fields: Range<Int>
        var index: Int
        var line: Int
        var hasUnterminatedQuote: Bool
        var hasStrayQuote: Bool
    }

    /// Reports rows whose field count differs from the header's, and quoting problems.
    private func checkShape(
        _ row: PendingRow, _ fields: ArraySlice<CSVField>, width: Int, context: ReadContext,
        diagnostics: inout [Diagnostic]
    ) {
        let index = row.index
        if fields.count > width, fields.dropFirst(width).contains(where: { !$0.isEmpty }) {
            diagnostics.append(
                context.diagnostic(
                    line: row.line, record: index, .warning, "csv.row.long",
                    "row has \(fields.count) fields but the header has \(width); the extra cells are kept "
                        + "as X-CSV-COLUMN-<n> properties"))
        } else if fields.count < width {
            diagnostics.append(
                context.diagnostic(
                    line: row.line, record: index, .info, "csv.row.short",
                    "row has \(fields.count) fields but the header has \(width); the missing cells are empty"))
        }
        if row.hasUnterminatedQuote {
            diagnostics.append(
                context.diagnostic(
                    line: row.line, record: index, .warning, "csv.quote.unterminated",
                    "a quoted field is not closed; it was read to the end of the file"))
        }
        if row.hasStrayQuote {
            diagnostics.append(
                context.diagnostic(
                    line: row.line, record: index, .info, "csv.quote.stray",
                    "text follows a closing quote; the field was kept as written, quotes included"))
        }
    }
}
