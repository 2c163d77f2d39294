import ArgumentParser
import KithJSON
import KithModel
import KithResolve

/// `kith diff`: what changed for people between two datasets.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print what changed per person between two datasets (added, updated, merged, split, removed).",
        discussion: """
            When NEW was written with --previous OLD, its own change report is printed. Otherwise \
            people are compared by id; an id in a person's aliases counts as merged into it.

            Examples:
              kith import exports/ --previous last-night.json -o tonight.json
              kith diff last-night.json tonight.json
            """)

    @Argument(help: "The older dataset.", completion: .file())
    var old: String

    @Argument(help: "The newer dataset.", completion: .file())
    var new: String

    func run() async throws {
        do {
            let before = try DatasetReader().read(path: old)
            let after = try DatasetReader().read(path: new)
            print(DatasetDiff.text(DatasetDiff.changes(old: before, new: after)), terminator: "")
        } catch let error as KithError {
            TerminalReporter(quiet: false).error(error)
            throw ExitCode(2)
        }
    }
}
