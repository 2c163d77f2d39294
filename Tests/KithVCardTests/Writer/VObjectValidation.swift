import Foundation
import Testing

/// Parses vCard text with Python's `vobject` (an independent implementation) and returns one
/// summary line per card: `FN|N family|N given|emails|tel count|adr count|photo bytes`, with
/// backslashes, CR and LF written as `\\`, `\r`, `\n`.
enum VObject {
    static let script = #"""
        import sys
        try:
            import vobject
        except ImportError:
            print("MISSING vobject: install it with `pip install vobject`", file=sys.stderr)
            sys.exit(3)
        text = sys.stdin.buffer.read().decode("utf-8")
        for card in vobject.readComponents(text, validate=True):
            c = card.contents
            fn = card.fn.value
            n = card.n.value if "n" in c else None
            emails = ",".join(e.value for e in c.get("email", []))
            photo = len(card.photo.value) if "photo" in c else 0
            flat = lambda x: " ".join(x) if isinstance(x, list) else x
            line = "|".join([fn, flat(n.family) if n else "", flat(n.given) if n else "", emails,
                             str(len(c.get("tel", []))), str(len(c.get("adr", []))), str(photo)])
            print(line.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n"))
        """#

    /// Runs the script on the bytes.
    ///
    /// - Returns: the summary lines, or the error output when `vobject` rejected the text.
    static func parse(_ bytes: [UInt8]) throws -> (ok: Bool, lines: [String], error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errText = String(decoding: err, as: UTF8.self)
        if process.terminationStatus == 3 { Issue.record("python3 has no vobject: \(errText)") }
        // Split on LF bytes: a String split works on grapheme clusters, which random text can join.
        let lines = Array(out).split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        return (process.terminationStatus == 0, lines, errText)
    }
}
