import KithModel

/// Writes the small entries of a dataset: sources, diagnostics and the summary.
enum DatasetEntryWriter {
    /// `{"id":"S1","path":…,"format":…,"flavor":…,"encoding":…,"sha256":…,"records":812}`
    static func writeSource(_ source: SourceInfo, into out: inout JSONBuffer) {
        out.objectStart()
        out.key("id")
        out.sourceID(source.number)
        out.key("path")
        out.string(source.path)
        out.key("format")
        out.string(source.format)
        out.key("flavor")
        out.string(source.flavor)
        out.key("encoding")
        out.string(source.encoding)
        out.key("sha256")
        out.string(source.sha256)
        out.key("records")
        out.int(source.records)
        out.objectEnd()
    }

    /// `{"source":"S1","line":240,"record":17,"severity":"warning","code":…,"message":…}`;
    /// `source` and `record` are left out when the problem has none, `line` when it is 0.
    static func writeDiagnostic(_ diagnostic: Diagnostic, into out: inout JSONBuffer) {
        out.objectStart()
        if let source = diagnostic.source {
            out.key("source")
            out.sourceID(Int(source))
        }
        if diagnostic.line > 0 {
            out.key("line")
            out.int(diagnostic.line)
        }
        if let record = diagnostic.record {
            out.key("record")
            out.int(Int(record))
        }
        out.key("severity")
        out.string(diagnostic.severity.rawValue)
        out.key("code")
        out.string(diagnostic.code.rawValue)
        out.key("message")
        out.string(diagnostic.message)
        out.objectEnd()
    }

    /// `{"kind":"updated","person":"urn:uuid:…","fields":["phones"],"related":[…],"message":…}`;
    /// `fields` and `related` are left out when empty.
    static func writeChange(_ change: PersonChange, into out: inout JSONBuffer) {
        out.objectStart()
        out.key("kind")
        out.string(change.kind.rawValue)
        out.key("person")
        out.string(change.person)
        for (key, list) in [("fields", change.fields), ("related", change.related)] where !list.isEmpty {
            out.key(key)
            out.arrayStart()
            for item in list { out.string(item) }
            out.arrayEnd()
        }
        if !change.message.isEmpty {
            out.key("message")
            out.string(change.message)
        }
        out.objectEnd()
    }

    /// `{"records":2310,"people":1502,"groups":3,"mergedRecords":808,"diagnostics":12}`
    static func writeSummary(_ summary: DatasetSummary, into out: inout JSONBuffer) {
        out.objectStart()
        out.key("records")
        out.int(summary.records)
        out.key("people")
        out.int(summary.people)
        out.key("groups")
        out.int(summary.groups)
        out.key("mergedRecords")
        out.int(summary.mergedRecords)
        out.key("diagnostics")
        out.int(summary.diagnostics)
        out.objectEnd()
    }
}
