import Foundation
import PropertyBased
import Testing

/// Any input reads without crashing or hanging, and every card it has is a record.
@Suite struct RobustnessTests {
    static let pieces = [
        "BEGIN:VCARD", "END:VCARD", "begin:vcard", "\r\n", "\n", "\r", " ", "\t", ":", ";", ",", "=", "\\", "\"",
        "=\r\n", "ENCODING=QUOTED-PRINTABLE", "ENCODING=BASE64", "CHARSET=SHIFT_JIS", "CHARSET=x", "TYPE=", "item1.",
        "N", "FN", "TEL", "ADR", "PHOTO", "BDAY", "X-ABLabel", "LABEL", "VERSION:2.1", "--0415", "1604", "T10",
        "data:image/png;base64\\,", "#", "=C3", "=A4", "\u{FF}", "\u{E9}", "日本", "Zm9v", "",
    ]

    @Test func arbitraryInputs() async {
        let input = Gen.element(of: Self.pieces).array(of: 0...80)
        await propertyCheck(count: 300, input: input) { parts in
            let text = parts.compactMap { $0 }.joined()
            let bytes = Array(text.utf8) + (text.count % 3 == 0 ? [0x94, 0x5C, 0xFF] : [])
            let result = try Reading.read(bytes: bytes)
            #expect(result.report.records == result.contacts.count)
            // Every BEGIN starts a record (nested ones too, and indented ones: the reader skips leading
            // blanks); END without BEGIN is reported.
            let begins = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                .filter { $0.trimmingCharacters(in: .whitespaces).lowercased() == "begin:vcard" }.count
            #expect(result.contacts.count <= begins)
        }
    }
}
