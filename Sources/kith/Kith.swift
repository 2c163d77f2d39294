import ArgumentParser
@main
struct KithCommand: ParsableCommand {
    func run() throws {}
}
