import Foundation
import KithIO
import KithModel
import KithXML

/// What a test read returns: the contacts in order and the report.
struct XMLRead {
    var contacts: [Contact]
    var report: ReadReport
    var sha256: String

    /// The contact whose formatted name is `full`.
    func contact(named full: String) -> Contact? {
        contacts.first { $0.name?.full == full }
    }
}

enum XMLTestReading {
    /// Streams a file from disk, as the pipeline does for XML files.
    static func read(_ url: URL, source: Int = 0) throws -> XMLRead {
        var contacts: [Contact] = []
        let result = try XMLReader().read(
            path: url.path, context: ReadContext(source: source, path: url.lastPathComponent)
        ) {
            contacts.append($0)
        }
        return XMLRead(contacts: contacts, report: result.report, sha256: result.sha256)
    }

    /// Reads bytes through `InputFile`, as for standard input.
    static func read(bytes: [UInt8], path: String = "test.xml") throws -> XMLRead {
        let input = InputFile(path: path, original: bytes)
        var contacts: [Contact] = []
        let report = try XMLReader().read(input, context: ReadContext(source: 0, path: path)) { contacts.append($0) }
        return XMLRead(contacts: contacts, report: report, sha256: input.sha256)
    }

    /// Reads a document given as text.
    static func read(text: String) throws -> XMLRead {
        try read(bytes: Array(text.utf8))
    }

    /// Writes a document into a fresh temporary folder and returns its URL.
    static func temporaryFile(named name: String, contents: [UInt8]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url
    }
}
