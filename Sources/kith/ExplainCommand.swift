import ArgumentParser
import KithJSON
import KithModel
import KithResolve

/// `kith explain`: why a person's records were joined, and which near candidates were not.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain why a person's records were joined and which near candidates were kept apart.",
        discussion: """
            PERSON is a person id from the dataset (urn:uuid:…) or a unique prefix of its hex part.
            The explanation lists each joined pair with the weight every field contributed, then the \
            closest other people and the reason they stayed apart (a veto, or too little evidence).

            Examples:
              kith explain people.json urn:uuid:6f1c2a…
              kith explain people.json 6f1c
            """)

    @Argument(help: "A dataset written by kith import.", completion: .file())
    var dataset: String

    @Argument(help: "The person's id, or a unique prefix of it.")
    var person: [String]

    @Option(help: "The threshold the dataset was made with, if not the default.")
    var threshold: Double?

    func validate() throws {
        if let threshold, !threshold.isFinite {
            throw ValidationError("--threshold takes a number of bits such as 12 or 15.5")
        }
    }

    func run() async throws {
        do {
            let data = try DatasetReader().read(path: dataset)
            var missing: [String] = []
            for id in person {
                if let text = MatchExplainer.explain(
                    personID: id, in: data, options: ResolveOptions(threshold: threshold))
                {
                    print(text)
                } else {
                    missing.append(id)
                }
            }
            if !missing.isEmpty {
                throw KithError(.usage, "no single person has the id \(missing.joined(separator: ", "))", path: dataset)
            }
        } catch let error as KithError {
            TerminalReporter(quiet: false).error(error)
            throw ExitCode(2)
        }
    }
}
