import Foundation
public import KithIO
public import KithModel

/// Reads vCard 2.1, 3.0 and 4.0 files as producers really write them, streaming, on bytes.
///
/// Each `BEGIN:VCARD` … `END:VCARD` becomes one `Contact`, emitted in file order with
/// `ref.index` counting from 0 and `line` the line of its `BEGIN`. A card nested in another
/// (2.1 `AGENT` style, corpus vcard/android-aosp/v21_nest.vcf) is emitted as its own record
/// when its `END` is read, before the card around it. Problems never stop the reading: each is
/// a located `Diagnostic` in the report.
///
/// Charsets: a declared `CHARSET=` wins; undeclared 8-bit text is read as UTF-8 when valid,
/// else with the fallback. When the input is not valid UTF-8 and some property declares a
/// legacy `CHARSET=`, that charset is the fallback for the undeclared values of the file
/// (FolkerKinzel's rule); otherwise the context's fallback is used.
public struct VCardReader: ContactReader {
    /// Creates a reader.
    public init() {}

    /// How sure the reader is that the input is vCard: 95 when the first line that is not blank
    /// (after at most a few stray lines) is `BEGIN:VCARD`, plus a bonus for `.vcf`/`.vcard`.
    ///
    /// - Parameters:
    ///   - head: the first bytes of the prepared input.
    ///   - path: the path, for its extension.
    /// - Returns: 0 to 100.
    public static func sniff(_ head: ArraySlice<UInt8>, path: String) -> Int {
        let lower = path.lowercased()
        let extensionBonus = lower.hasSuffix(".vcf") || lower.hasSuffix(".vcard") ? 5 : 0
        return Array(head).withUnsafeBufferPointer { bytes in
            var scanner = LineScanner(bytes)
            var checked = 0
            while let line = scanner.next(), checked < 8 {
                var start = line.start
                while start < line.end, ASCII.isBlank(bytes[start]) { start += 1 }
                guard start < line.end else { continue }
                checked += 1
                let content = bytes.slice(start..<line.end)
                if CardBoundary.of(content) == .begin { return min(100, 95 + extensionBonus) }
                if ASCII.hasPrefixIgnoringCase(content, "BEGIN:VCARD") { return 80 + extensionBonus }
            }
            return extensionBonus > 0 ? 20 : 0
        }
    }

    /// Reads every card of an input.
    ///
    /// - Parameters:
    ///   - input: the prepared input (BOM removed, UTF-16 transcoded).
    ///   - context: source number and fallback decoder.
    ///   - emit: called once per card, in file order.
    /// - Returns: the report: flavor `vcard-<version>/<producer>`, encoding, records, diagnostics.
    /// - Throws: only what `emit` throws.
    /// - Complexity: O(n) in the input size.
    public func read(_ input: InputFile, context: ReadContext, emit: (consuming Contact) throws -> Void) throws
        -> ReadReport
    {
        try read(input, context: context, audit: nil, emit: emit)
    }

    /// Reads every card, also handing each card's property audit to `audit` (for tests).
    package func read(
        _ input: InputFile, context: ReadContext, audit: ((Contact, CardAudit) -> Void)?,
        emit: (consuming Contact) throws -> Void
    ) throws -> ReadReport {
        try input.bytes.withUnsafeBufferPointer { base in
            var decoder = context.decoder
            if !input.encoding.isValidUTF8, let hinted = ValueTextDecoder.firstDeclaredLegacyCharset(in: base) {
                decoder.fallback = hinted
            }
            let makeMapper = {
                CardMapper(
                    text: ValueTextDecoder(decoder: decoder, inputIsUTF8: input.encoding.isValidUTF8),
                    source: context.source)
            }
            let cores = ProcessInfo.processInfo.activeProcessorCount
            // Parts of about 8 MB (at least one per core), read a wave of one per core at a time.
            let parts = max(cores, min(4096, base.count / (8 << 20)))
            let boundaries = audit == nil ? Self.partBoundaries(base, parts: parts) : [0, base.count]
            if boundaries.count > 2 {
                let read = try readInParts(
                    base, boundaries: boundaries, makeMapper: makeMapper, source: context.source, emit: emit)
                let encodings = Set(read.sessions.map(\.encoding))
                let encoding =
                    input.encoding.transcoded
                    ? input.encoding.name : encodings.count == 1 ? encodings.first ?? "utf-8" : "mixed"
                return ReadReport(
                    format: "vcard", flavor: ReadSession.flavor(of: read.sessions), encoding: encoding,
                    records: read.emitted, diagnostics: read.diagnostics)
            }
            var session = ReadSession(base: base, source: context.source, mapper: makeMapper())
            try session.run(audit: audit, emit: emit)
            let encoding = input.encoding.transcoded ? input.encoding.name : session.mapper.text.reportedEncoding
            return ReadReport(
                format: "vcard", flavor: session.flavor, encoding: encoding, records: session.emitted,
                diagnostics: session.diagnostics)
        }
    }
}
