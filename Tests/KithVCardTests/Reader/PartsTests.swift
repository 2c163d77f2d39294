import Foundation
import KithIO
import KithModel
import Testing

@testable import KithVCard

/// Reading a large input in parts on several cores gives exactly what reading it in one go
/// gives: the same records, indexes, lines and diagnostics.
@Suite struct PartsTests {
    /// About 5 MB of cards with the quirks that touch record and line numbering: CRLF and LF,
    /// folded lines, a nested card, a card with a problem, blank lines between cards.
    static func input() -> [UInt8] {
        var text = ""
        var index = 0
        while text.utf8.count < VCardReader.partThreshold + (1 << 20) {
            let eol = index % 7 == 0 ? "\n" : "\r\n"
            text += "BEGIN:VCARD\(eol)VERSION:3.0\(eol)N:Name\(index);Given;;;\(eol)FN:Given Name\(index)\(eol)"
            text += "item1.EMAIL;type=INTERNET:user\(index)@example.com\(eol)item1.X-ABLabel:_$!<Other>!$_\(eol)"
            text += "NOTE:a folded\(eol) note \(index)\(eol)"
            if index % 101 == 0 { text += "BEGIN:VCARD\(eol)FN:Inner \(index)\(eol)END:VCARD\(eol)" }
            if index % 97 == 0 { text += "this line has no colon\(eol)" }
            text += "END:VCARD\(eol)"
            if index % 13 == 0 { text += eol }
            index += 1
        }
        return Array(text.utf8)
    }

    @Test func partsGiveTheSameRecordsAsOneGo() throws {
        let bytes = Self.input()
        let input = InputFile(path: "big.vcf", original: bytes)
        let context = ReadContext(source: 3, path: "big.vcf")
        var whole: [Contact] = []
        // `audit` forces the one-part path.
        let wholeReport = try VCardReader().read(
            input, context: context, audit: { _, _ in }, emit: { whole.append($0) })
        var parted: [Contact] = []
        let partedReport = try VCardReader().read(input, context: context) { parted.append($0) }

        let boundaries = input.bytes.withUnsafeBufferPointer { VCardReader.partBoundaries($0, parts: 3) }
        #expect(boundaries.count == 4, "the input should be cut in three parts")
        #expect(parted.count == whole.count)
        #expect(parted == whole)
        #expect(partedReport.diagnostics == wholeReport.diagnostics)
        #expect(partedReport.flavor == wholeReport.flavor)
        #expect(partedReport.records == wholeReport.records)
    }

    @Test func lineStartsCountLineFeedsBeforeEachOffset() {
        // a \r \n b \n c \r \r \n d: line feeds at 2, 4 and 8.
        let bytes: [UInt8] = Array("a\r\nb\nc\r\r\nd".utf8)
        bytes.withUnsafeBufferPointer { base in
            #expect(VCardReader.lineStarts(of: [0, 3, 5, 9, bytes.count], in: base) == [0, 1, 2, 3, 3])
            #expect(VCardReader.lineStarts(of: [Int](), in: base) == [])
        }
    }
}
