import Foundation
import KithIO
import KithJSON
import KithModel
import Testing

/// The expected text below is written by hand from the dataset contract (DESIGN.md), RFC 9553
/// and the mapping documented in the writer — not pasted from the writer's output.
@Suite struct DatasetWriterTests {
    static let sha = SampleDatasets.sha
    static let header =
        #"{"kith":1,"generator":"kith 0.1.0","generatedAt":"2026-11-27T10:00:00Z","sources":[{"id":"S1","path":"exports/phone.vcf","format":"vcard","flavor":"vcard-3.0/apple","encoding":"utf-8","sha256":""#
        + sha + #"","records":3}]"#
    static let person = [
        #"{"id":"urn:uuid:6f1c2d3e-4a5b-8c6d-9e7f-0123456789ab","#,
        #""card":{"@type":"Card","version":"1.0","uid":"urn:uuid:6f1c2d3e-4a5b-8c6d-9e7f-0123456789ab","#,
        #""name":{"components":[{"kind":"given","value":"Günter"},{"kind":"surname","value":"Groß"}],"full":"Günter Groß"},"#,
        #""emails":{"e1":{"address":"gunter@example.de","contexts":{"work":true}}},"#,
        #""phones":{"p1":{"number":"+4930123456","features":{"mobile":true}}},"#,
        #""anniversaries":{"a1":{"kind":"birth","date":{"@type":"PartialDate","month":4,"day":15}}},"#,
        #""notes":{"n1":{"note":"Said \"hi\"\nthen left\u0001"}}},"#,
        #""records":[{"source":"S1","index":0,"line":1},{"source":"S1","index":2,"line":12,"uid":"abc-1"}],"#,
        #""origin":{"ref":"S1#0","line":1,"version":"3.0"},"#,
        #""provenance":{"name":["S1#0"],"emails/e1":["S1#0"],"phones/p1":["S1#0"],"anniversaries/a1":["S1#0"],"notes/n1":["S1#0"]},"#,
        #""values":{"name":{"line":3,"raw":"Groß;Günter;;;"},"emails/e1":{"line":4,"types":["internet","work"]},"#,
        #""phones/p1":{"line":5,"types":["cell"],"raw":"030 123456","e164":"+4930123456","region":"DE","regionRule":"record-address"},"#,
        #""anniversaries/a1":{"line":6,"raw":"--0415"},"notes/n1":{"line":7}},"#,
        #""alternates":[{"path":"anniversaries/a1","value":{"@type":"Anniversary","kind":"birth","date":{"@type":"PartialDate","year":1604,"month":4,"day":15}},"#,
        #""detail":{"raw":"1604-04-15","rule":"placeholder-year-1604"},"from":["S1#2"],"#,
        #""reason":"conflicts with S1#0; kept the value without the placeholder year"}],"#,
        #""match":{"confidence":0.997,"pairs":[{"a":"S1#0","b":"S1#2","weight":14.2,"evidence":["#,
        #"{"field":"email","level":"exact","weight":9.1},{"field":"name","level":"different","weight":-3.4}]}]}}"#,
    ].joined()
    static let group = [
        #"{"id":"urn:uuid:0a1b2c3d-4e5f-8a6b-9c7d-0e1f2a3b4c5d","#,
        #""card":{"@type":"Card","version":"1.0","uid":"urn:uuid:0a1b2c3d-4e5f-8a6b-9c7d-0e1f2a3b4c5d","kind":"group","#,
        #""name":{"full":"Friends"},"members":{"urn:uuid:6f1c2d3e-4a5b-8c6d-9e7f-0123456789ab":true}},"#,
        #""records":[{"source":"S1","index":1,"line":9}],"origin":{"ref":"S1#1","line":9},"provenance":{},"values":{}}"#,
    ].joined()
    static let diagnostic =
        #"{"source":"S1","line":8,"record":0,"severity":"warning","code":"vcard.qp.invalid-escape","message":"bad escape \"=ZZ\""}"#
    static let summary = #"{"records":3,"people":1,"groups":1,"mergedRecords":1,"diagnostics":1}"#

    @Test func handCheckedJSON() {
        let expected =
            Self.header + ",\"people\":[\n" + Self.person + "\n],\"groups\":[\n" + Self.group
            + "\n],\"diagnostics\":[\n"
            + Self.diagnostic + "\n],\"summary\":" + Self.summary + "}\n"
        let bytes = DatasetWriter(format: .json).encode(SampleDatasets.handChecked())
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func handCheckedNDJSON() {
        let expected = [
            Self.header + "}", "{\"person\":" + Self.person + "}", "{\"group\":" + Self.group + "}",
            "{\"diagnostic\":" + Self.diagnostic + "}", "{\"summary\":" + Self.summary + "}", "",
        ].joined(separator: "\n")
        let bytes = DatasetWriter(format: .ndjson).encode(SampleDatasets.handChecked())
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func emptyDataset() {
        let dataset = Dataset(generator: "g", generatedAt: "t", sources: [], people: [], groups: [], diagnostics: [])
        let json = String(decoding: DatasetWriter().encode(dataset), as: UTF8.self)
        #expect(
            json
                == #"{"kith":1,"generator":"g","generatedAt":"t","sources":[],"people":[],"groups":[],"diagnostics":[],"#
                + #""summary":{"records":0,"people":0,"groups":0,"mergedRecords":0,"diagnostics":0}}"# + "\n")
        let ndjson = String(decoding: DatasetWriter(format: .ndjson).encode(dataset), as: UTF8.self)
        #expect(
            ndjson
                == #"{"kith":1,"generator":"g","generatedAt":"t","sources":[]}"# + "\n"
                + #"{"summary":{"records":0,"people":0,"groups":0,"mergedRecords":0,"diagnostics":0}}"# + "\n")
    }

    @Test func sameDatasetSameBytesApartFromGeneratedAt() {
        var dataset = SampleDatasets.fullCoverage()
        let first = DatasetWriter().encode(dataset)
        #expect(DatasetWriter().encode(dataset) == first)
        dataset.generatedAt = "2030-01-01T00:00:00Z"
        let later = String(decoding: DatasetWriter().encode(dataset), as: UTF8.self)
        #expect(
            later.replacingOccurrences(of: "2030-01-01T00:00:00Z", with: "2026-11-27T10:00:00Z")
                == String(decoding: first, as: UTF8.self))
    }

    @Test func everyLineOfNDJSONIsOneObject() throws {
        let text = String(decoding: DatasetWriter(format: .ndjson).encode(SampleDatasets.fullCoverage()), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 + 2 + 1 + 2 + 1)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil)
        }
        #expect(lines.first?.hasPrefix(#"{"kith":1,"#) == true)
        #expect(lines[1].hasPrefix(#"{"person":{"id":"#))
        #expect(lines[3].hasPrefix(#"{"group":{"#))
        #expect(lines[4].hasPrefix(#"{"diagnostic":{"#))
        #expect(lines.last?.hasPrefix(#"{"summary":{"records":6,"people":2,"groups":1,"mergedRecords":0,"#) == true)
    }

    @Test func writesToByteOutputInPieces() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kith-json-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let dataset = SampleDatasets.fullCoverage()
        do {
            var output = try ByteOutput(path: url.path, capacity: 64)
            var stream = DatasetWriter().stream()
            stream.drainThreshold = 16
            try stream.begin(DatasetHeader(dataset), to: &output)
            for person in dataset.people { try stream.writePerson(person, to: &output) }
            for group in dataset.groups { try stream.writeGroup(group, to: &output) }
            for diagnostic in dataset.diagnostics { try stream.writeDiagnostic(diagnostic, to: &output) }
            try stream.finish(dataset.summary, to: &output)
            #expect(stream.pendingByteCount == 0)
            try output.commit()
        }
        #expect(Array(try Data(contentsOf: url)) == DatasetWriter().encode(dataset))

        do {
            var output = try ByteOutput(path: url.path)
            try DatasetWriter(format: .ndjson).write(dataset, to: &output)
            try output.commit()
        }
        #expect(Array(try Data(contentsOf: url)) == DatasetWriter(format: .ndjson).encode(dataset))
    }

    @Test func streamRefusesCallsOutOfOrder() throws {
        let dataset = SampleDatasets.handChecked()
        var stream = DatasetStream(format: .json)
        #expect(throws: KithError.self) { try stream.writePerson(dataset.people[0]) }
        #expect(throws: KithError.self) { try stream.finish(dataset.summary) }
        try stream.begin(DatasetHeader(dataset))
        #expect(throws: KithError.self) { try stream.begin(DatasetHeader(dataset)) }
        try stream.writeGroup(dataset.groups[0])
        #expect(throws: KithError.self) { try stream.writePerson(dataset.people[0]) }
        try stream.writeDiagnostic(dataset.diagnostics[0])
        #expect(throws: KithError.self) { try stream.writeGroup(dataset.groups[0]) }
        try stream.finish(dataset.summary)
        #expect(throws: KithError.self) { try stream.finish(dataset.summary) }
        #expect(throws: KithError.self) { try stream.writeDiagnostic(dataset.diagnostics[0]) }
        // What was written before the refusals is still a complete dataset.
        let object = try JSONSerialization.jsonObject(with: Data(stream.takeBytes())) as? [String: Any]
        #expect((object?["people"] as? [Any])?.isEmpty == true)
        #expect((object?["groups"] as? [Any])?.count == 1)
    }
}
