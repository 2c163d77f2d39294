import Foundation
import KithCSV
import KithIO
public import KithModel
import KithVCard

/// The formats a dataset can be exported to.
public enum ExportFormat: String, CaseIterable, Hashable, Sendable {
    /// vCard 4.0 (RFC 6350).
    case vcard4
    /// vCard 3.0 (RFC 2426), with Apple's conventions.
    case vcard3
    /// The current Google Contacts CSV layout, UTF-8.
    case googleCSV = "google-csv"
    /// The English Outlook CSV layout, Windows-1252.
    case outlookCSV = "outlook-csv"

    /// Whether the format is a vCard version (and so can be split into one file per person).
    public var isVCard: Bool { self == .vcard4 || self == .vcard3 }
}

/// Writes a dataset into an address-book format: the entry point of `kith export` and of
/// `kith import … --to FORMAT`.
public struct Exporter {
    /// Exports a dataset.
    ///
    /// - Parameters:
    ///   - dataset: the dataset (people, then groups as group cards or as labels).
    ///   - format: the format.
    ///   - path: the output file, `-` for standard output; with `split`, a directory.
    ///   - split: write one `.vcf` per person and group into the directory `path` (vCard only).
    ///   - neutralizeFormulas: for CSV, prefix values starting with `=`, `+`, `-`, `@`, TAB or CR
    ///     with `'` (OWASP CSV injection guidance); on by default.
    /// - Returns: report lines: what a CSV layout could not hold or had to change, and for
    ///   `split` the number of files written.
    /// - Throws: `KithError` `.usage` for `split` with a CSV format or to standard output,
    ///   `.outputFailed` when writing fails.
    /// - Complexity: O(n) in the size of the dataset.
    public static func export(
        _ dataset: Dataset, format: ExportFormat, to path: String, split: Bool, neutralizeFormulas: Bool = true
    ) throws -> [String] {
        if split {
            guard format.isVCard else {
                throw KithError(.usage, "--split writes one .vcf per person; use it with --to vcard4 or vcard3")
            }
            guard path != "-" else {
                throw KithError(.usage, "--split needs a directory: give one with -o DIR")
            }
            let writer = VCardWriter(version: format == .vcard4 ? .v4 : .v3)
            let count = try writer.writeSplit(dataset: dataset, toDirectory: path)
            return ["wrote \(count) cards to \(path)"]
        }
        var output = try ByteOutput(path: path)
        switch format {
        case .vcard4, .vcard3:
            let writer = VCardWriter(version: format == .vcard4 ? .v4 : .v3)
            try writer.write(dataset: dataset, to: &output)
            try output.commit()
            return []
        case .googleCSV:
            let export = GoogleCSVWriter(neutralizeFormulas: neutralizeFormulas).write(dataset: dataset)
            try output.write(export.bytes)
            try output.commit()
            return export.report
        case .outlookCSV:
            let export = OutlookCSVWriter(neutralizeFormulas: neutralizeFormulas).write(dataset: dataset)
            try output.write(export.bytes)
            try output.commit()
            return export.report
        }
    }
}
