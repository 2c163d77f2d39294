import PropertyBased
import Testing

@testable import KithVCard

/// Laws: unfold(fold(x)) == x for any text and any fold width, even when a fold splits a
/// UTF-8 sequence or an escape; the UTF-8 check agrees with the Unicode standard's table 3-7.
@Suite struct FoldingPropertyTests {
    @Test func unfoldingUndoesFolding() async {
        let text = Gen.character(in: " "..."\u{7FF}").string(of: 1...200)
        await propertyCheck(input: text, Gen.int(in: 1...74)) { text, width in
            var escaped = ""
            for character in text {
                switch character {
                case "\\": escaped += "\\\\"
                case ",": escaped += "\\,"
                case ";": escaped += "\\;"
                default: escaped.append(character)
                }
            }
            let line = Array("NOTE:\(escaped)".utf8)
            var bytes = Array("BEGIN:VCARD\r\nVERSION:3.0\r\n".utf8)
            for (index, byte) in line.enumerated() {
                if index > 0, index % width == 0 { bytes += Array("\r\n ".utf8) }
                bytes.append(byte)
            }
            bytes += Array("\r\nEND:VCARD\r\n".utf8)
            let note = try Reading.read(bytes: bytes).contacts.first?.notes.first?.value
            #expect(note == text)
        }
    }

    @Test(
        arguments: [
            ([0x41, 0xC3, 0xA4], true), ([0xE2, 0x82, 0xAC], true), ([0xF0, 0x9F, 0x98, 0x80], true),
            ([0xC0, 0x80], false),  // overlong
            ([0xE0, 0x80, 0x80], false),  // overlong
            ([0xED, 0xA0, 0x80], false),  // surrogate
            ([0xF4, 0x90, 0x80, 0x80], false),  // above U+10FFFF
            ([0xE2, 0x82], false),  // truncated
            ([0xFF], false), ([0x80], false),
        ] as [([UInt8], Bool)])
    func utf8Validity(_ bytes: [UInt8], _ valid: Bool) {
        #expect(bytes.withUnsafeBufferPointer { UTF8Text.isValid($0) } == valid)
    }
}
