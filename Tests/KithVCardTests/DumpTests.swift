import Foundation
import KithModel
import KithTestSupport
import Testing

/// Prints what the reader made of files: `KITH_DUMP=vcard/a.vcf,vcard/b.vcf swift test --filter DumpTests`.
@Suite struct DumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KITH_DUMP"] != nil))
    func dump() throws {
        let paths = (ProcessInfo.processInfo.environment["KITH_DUMP"] ?? "").split(separator: ",")
        for path in paths {
            let result = try Reading.corpus(String(path))
            print("== \(path): \(result.report.flavor) \(result.report.encoding) \(result.report.records)")
            for contact in result.contacts { print(Self.summary(contact)) }
            for diagnostic in result.report.diagnostics { print("  ! \(diagnostic)") }
        }
    }

    static func summary(_ c: Contact) -> String {
        var lines: [String] = ["#\(c.ref.index) line \(c.line) v\(c.version ?? "-") \(c.kind)"]
        if let n = c.name {
            lines.append(
                "  name full=\(n.full ?? "nil") s=\(n.surname) g=\(n.given) a=\(n.additional) p=\(n.prefixes) x=\(n.suffixes) ph=\(n.phoneticSurname ?? "")/\(n.phoneticGiven ?? "") sort=\(n.sortAs ?? "")"
            )
        }
        for v in c.nicknames { lines.append("  nick \(v.value)") }
        for v in c.emails {
            lines.append(
                "  email \(v.raw) -> \(v.address) \(v.meta.types) label=\(v.meta.label ?? "") pref=\(v.meta.pref.map(String.init) ?? "")"
            )
        }
        for v in c.phones {
            lines.append(
                "  tel \(v.raw) \(v.meta.types) label=\(v.meta.label ?? "") pref=\(v.meta.pref.map(String.init) ?? "")")
        }
        for v in c.addresses {
            lines.append(
                "  adr [\(v.poBox)|\(v.extended)|\(v.street)|\(v.locality)|\(v.region)|\(v.postalCode)|\(v.country)] cc=\(v.countryCode ?? "") fmt=\(v.formatted.debugDescription) \(v.meta.types) label=\(v.meta.label ?? "")"
            )
        }
        for v in c.organizations { lines.append("  org \(v.name) \(v.units)") }
        for v in c.titles { lines.append("  title \(v.value)") }
        for v in c.dates {
            lines.append(
                "  date \(v.kind) \(v.date?.description ?? "nil") raw=\(v.raw) rule=\(v.rule ?? "") label=\(v.meta.label ?? "")"
            )
        }
        for v in c.links { lines.append("  url \(v.uri) label=\(v.meta.label ?? "")") }
        for v in c.onlineServices {
            lines.append(
                "  im \(v.service ?? "nil") user=\(v.user ?? "nil") uri=\(v.uri ?? "nil") label=\(v.meta.label ?? "")")
        }
        for v in c.notes { lines.append("  note \(v.value.debugDescription)") }
        for v in c.categories { lines.append("  cat \(v.value)") }
        for v in c.media {
            lines.append(
                "  media \(v.kind) \(v.mediaType ?? "nil") bytes=\(v.data?.count ?? -1) uri=\(v.uri?.prefix(40) ?? "nil")"
            )
        }
        for v in c.related {
            lines.append("  related \(v.value) uri=\(v.isURI) \(v.relations) label=\(v.meta.label ?? "")")
        }
        if let g = c.gender { lines.append("  gender \(g.value)") }
        for v in c.members { lines.append("  member \(v.value)") }
        if let uid = c.uid { lines.append("  uid \(uid)") }
        if let rev = c.revision { lines.append("  rev \(rev) -> \(c.revisionDate?.description ?? "nil")") }
        for u in c.unmapped {
            lines.append("  raw \(u.group.map { $0 + "." } ?? "")\(u.name) = \(u.value.prefix(60).debugDescription)")
        }
        return lines.joined(separator: "\n")
    }
}
