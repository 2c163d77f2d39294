import ArgumentParser

/// `kith`: the command-line front of the Kith library.
@main
struct KithCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kith",
        abstract: "Bring every address book you ever had into one clean, deduplicated set of people.",
        discussion: """
            Kith reads vCard (2.1, 3.0, 4.0), CSV (Google, Outlook, LinkedIn, Apple, Thunderbird, \
            Yahoo, generic) and XML (xCard, Google Contacts Atom, FRITZ!Box, IP-phone phonebooks) \
            exports in whatever encoding they were written, normalizes every value while keeping the \
            original text, merges records that describe the same person, and writes a canonical \
            JSON dataset built on JSContact (RFC 9553).

            Examples:
              kith import old-phone.vcf google.csv fritzbox.xml -o people.json
              kith import ~/exports/ --ndjson -o people.ndjson
              cat contacts.vcf | kith import - > people.json
              kith export people.json --to vcard4 -o people.vcf
              kith explain people.json 6f1c
            """,
        version: "0.1.0",
        subcommands: [ImportCommand.self, ExportCommand.self, ExplainCommand.self, DiffCommand.self],
        defaultSubcommand: nil)
}
