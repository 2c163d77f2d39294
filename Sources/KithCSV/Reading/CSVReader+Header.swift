import KithIO
import KithModel

extension CSVReader {
    /// The header found, and a scanner positioned at the first data row.
    struct Header {
        var headers: [String]
        var roles: [CSVColumnRole]
        var layout: CSVLayout
        var dataScanner: CSVRecordScanner
        /// The number of header cells, trailing unnamed ones not counted.
        var width: Int
    }

    /// Finds the header row among the first records, skipping a preamble (LinkedIn's `Notes:`),
    /// or recognizes a headerless file.
    ///
    /// - Throws: `KithError` `.unknownFormat` when no record within the first
    ///   ``headerSearchRecords`` is a header and the file does not look headerless.
    func findHeader(
        _ bytes: [UInt8], dialect: CSVDialect, decoder: inout CSVCellDecoder, context: ReadContext,
        diagnostics: inout [Diagnostic]
    ) throws -> Header {
        var scanner = CSVRecordScanner(bytes: bytes, dialect: dialect)
        var row = CSVRow()
        var records = 0
        var firstCells: [String]?
        var firstRow: CSVRow?
        while records < Self.headerSearchRecords, scanner.next(into: &row) {
            if row.isBlank { continue }
            records += 1
            let cells = row.fields.map { decoder.text(of: $0, in: scanner).trimmingWhitespace() }
            let known = CSVHeaderTable.knownCount(cells, columnMap: context.columnMap)
            if firstCells == nil {
                firstCells = cells
                firstRow = row
                if CSVHeaderlessLayout.looksHeaderless(cells, knownHeaders: known) {
                    let columns = CSVHeaderlessLayout.columns(for: cells)
                    let data = CSVRecordScanner(bytes: bytes, dialect: dialect, offset: row.offset, line: row.line)
                    var width = cells.count
                    while width > 0, cells[width - 1].isEmpty { width -= 1 }
                    return Header(
                        headers: columns.headers, roles: columns.roles, layout: CSVLayout(.headerless),
                        dataScanner: data, width: width)
                }
            }
            guard known >= 2 || (known == 1 && cells.count <= 2) || (known >= 1 && records == 1) else { continue }
            let layout = CSVHeaderTable.layout(of: cells) ?? CSVLayout(.generic)
            let roles = try CSVHeaderTable.roles(
                for: cells, layout: layout, columnMap: context.columnMap, path: context.path)
            if let preambleStart = firstRow?.line, preambleStart < row.line {
                diagnostics.append(
                    context.diagnostic(
                        line: preambleStart, .info, "csv.preamble",
                        "skipped \(row.line - preambleStart) line(s) before the header on line \(row.line)"))
            }
            var width = cells.count
            while width > 0, cells[width - 1].isEmpty { width -= 1 }
            return Header(headers: cells, roles: roles, layout: layout, dataScanner: scanner, width: width)
        }
        throw KithError(
            .unknownFormat,
            "no CSV header Kith knows in the first \(Self.headerSearchRecords) rows (expected headers such as "
                + "First Name, Last Name, E-mail Address, Name, Email or Phone, or rows with an email address); "
                + "name the columns with a column map (--map)",
            path: context.path)
    }
}
