import KithCSV
public import KithIO
import KithVCard
import KithXML

/// The readers Kith knows, in the order they are asked to recognize an input.
public struct FormatRegistry: Sendable {
    /// The readers; ties in sniffing confidence go to the earlier one.
    public var readers: [any ContactReader]

    /// Creates a registry of readers.
    public init(readers: [any ContactReader]) {
        self.readers = readers
    }

    /// Every format Kith reads.
    public static let standard = FormatRegistry(readers: [VCardReader(), XMLReader(), CSVReader()])

    /// The names of the formats, for messages (`vCard, CSV, XML`).
    public var formatNames: String { "vCard (2.1, 3.0, 4.0), CSV, XML (xCard, Google Atom, FRITZ!Box, IP-phone books)" }

    /// The reader most confident that it reads this input, if any is at least somewhat sure.
    ///
    /// - Parameters:
    ///   - input: the prepared input.
    /// - Returns: the reader, or `nil` when none recognizes the content.
    public func reader(for input: InputFile) -> (any ContactReader)? {
        let head = input.bytes.prefix(64 * 1024)
        var best: (score: Int, reader: any ContactReader)?
        for reader in readers {
            let score = type(of: reader).sniff(head, path: input.path)
            if score > 0, score > (best?.score ?? 0) { best = (score, reader) }
        }
        return best?.reader
    }
}
