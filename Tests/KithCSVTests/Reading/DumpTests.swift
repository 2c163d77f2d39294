import Foundation
import Testing
import KithModel
import KithTestSupport

@testable import KithCSV

/// A development aid: `CSV_DUMP=file swift test --filter DumpTests` prints what the reader made
/// of a file. Without the variable it does nothing and asserts nothing.
@Suite struct DumpTests {
    static func describe(_ c: Contact) -> String {
        var lines: [String] = ["#\(c.ref.index) line \(c.line)"]
        func m(_ meta: FieldMeta) -> String {
            var s = ""
            if !meta.types.isEmpty { s += " types=\(meta.types)" }
            if let l = meta.label { s += " label=\(l)" }
            if let p = meta.pref { s += " pref=\(p)" }
            if !meta.parameters.isEmpty { s += " params=\(meta.parameters.map { "\($0.name)=\($0.values)" })" }
            return s
        }
        if let n = c.name {
            lines.append(
                "  name full=\(n.full ?? "-") given=\(n.given) add=\(n.additional) sur=\(n.surname) pre=\(n.prefixes) suf=\(n.suffixes) rule=\(n.componentsRule ?? "-") phon=\(n.phoneticGiven ?? "-")/\(n.phoneticSurname ?? "-") sort=\(n.sortAs ?? "-")"
            )
        }
        for v in c.nicknames { lines.append("  nick \(v.value)") }
        for v in c.emails { lines.append("  email \(v.raw)\(m(v.meta))") }
        for v in c.phones { lines.append("  phone \(v.raw)\(m(v.meta))") }
        for v in c.addresses {
            lines.append(
                "  adr box=\(v.poBox)|ext=\(v.extended)|street=\(v.street.debugDescription)|city=\(v.locality)|reg=\(v.region)|zip=\(v.postalCode)|country=\(v.country)|fmt=\(v.formatted.debugDescription)\(m(v.meta))"
            )
        }
        for v in c.organizations { lines.append("  org \(v.name) units=\(v.units)\(m(v.meta))") }
        for v in c.titles { lines.append("  title \(v.value)") }
        for v in c.roles { lines.append("  role \(v.value)") }
        for v in c.dates { lines.append("  date \(v.kind) \(v.date?.description ?? "nil") raw=\(v.raw) rule=\(v.rule ?? "-")\(m(v.meta))") }
        for v in c.links { lines.append("  url \(v.uri)\(m(v.meta))") }
        for v in c.onlineServices { lines.append("  im \(v.service ?? "-") \(v.user ?? "-")\(m(v.meta))") }
        for v in c.notes { lines.append("  note \(v.value.debugDescription)") }
        for v in c.categories { lines.append("  cat \(v.value)") }
        for v in c.related { lines.append("  related \(v.value) \(v.relations)\(m(v.meta))") }
        for v in c.media { lines.append("  media \(v.uri ?? "-")") }
        if let g = c.gender { lines.append("  gender \(g.value)") }
        for v in c.unmapped { lines.append("  raw \(v.name)=\(v.value.debugDescription) \(v.parameters.map { "\($0.name)=\($0.values)" })") }
        return lines.joined(separator: "\n")
    }

    @Test func dump() throws {
        guard let files = ProcessInfo.processInfo.environment["CSV_DUMP"] else { return }
        for file in files.split(separator: " ") {
            let result = try CSVReading.read(bytes: TestPaths.bytes(URL(fileURLWithPath: String(file))), path: String(file))
            print("== \(file) REPORT", result.report.flavor, result.report.encoding, result.report.records)
            for d in result.report.diagnostics { print("DIAG", d) }
            for c in result.contacts { print(Self.describe(c)) }
        }
    }
}
