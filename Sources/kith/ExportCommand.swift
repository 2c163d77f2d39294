public import ArgumentParser
public import Kith
import KithJSON
import KithModel

extension ExportFormat: ExpressibleByArgument {}

/// `kith export`: a dataset back into an address-book format.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a dataset's people as vCard 4.0/3.0 or as Google or Outlook CSV.",
        discussion: """
            vCard 4.0 follows RFC 6350, vCard 3.0 RFC 2426 with Apple's conventions (itemN.X-ABLabel \
            labels, X-APPLE-OMIT-YEAR for birthdays without a year, group cards). Each card's UID is \
            the person's id. --split writes one .vcf per person into a folder, named by the id (the \
            vdir layout khard, vdirsyncer and CardDAV servers use).

            Google CSV is UTF-8 in the current Google Contacts layout; Outlook CSV is Windows-1252 \
            with CRLF in the English Outlook layout (characters outside Windows-1252 are \
            transliterated and reported). Values a spreadsheet would run as a formula are \
            neutralized with a leading ' unless --keep-formulas is given.

            Examples:
              kith export people.json --to vcard4 -o people.vcf
              kith export people.json --to vcard3 --split -o contacts/
              kith export people.json --to google-csv -o google.csv
            """)

    @Argument(help: "A dataset written by kith import.", completion: .file())
    var dataset: String

    @Option(help: "The format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: ExportFormat

    @Option(name: [.short, .customLong("output")], help: "The file (or folder with --split); - for standard output.")
    var output: String = "-"

    @Flag(help: "Write one .vcf per person into the folder given by -o.")
    var split = false

    @Flag(name: .customLong("keep-formulas"), help: "Do not neutralize CSV values that look like formulas.")
    var keepFormulas = false

    func run() async throws {
        let reporter = TerminalReporter(quiet: false)
        do {
            let data = try DatasetReader().read(path: dataset)
            let report = try Exporter.export(
                data, format: to, to: output, split: split, neutralizeFormulas: !keepFormulas)
            reporter.notes(report)
        } catch let error as KithError {
            reporter.error(error)
            throw ExitCode(2)
        }
    }
}
