import KithIO

/// Recognizes XML from the first bytes of an input, and reads its declared encoding.
enum XMLSniffer {
    /// Root elements that name a layout outright.
    private static let knownRoots: [[UInt8]] = [
        "<vcards", "<phonebooks", "<phonebook", "<tbook", "IPPhoneDirectory", "<YealinkIPPhoneBook",
        "<root_contact", "<AddressBook", "<AdressBook", "schemas.microsoft.com/Contact",
        "urn:ietf:params:xml:ns:vcard-4.0",
        // Atom <feed>/<entry> roots count only with Google's contact vocabulary: any blog feed is Atom.
        "schemas.google.com/contact/2008", "schemas.google.com/g/2005",
    ].map { Array($0.utf8) }

    /// Scores a head: 95 for a known root, 80 for `<?xml`, 20 for other text starting with `<`.
    static func score(_ head: ArraySlice<UInt8>) -> Int {
        // UTF-16 heads are read with their NUL bytes dropped: enough for ASCII markup.
        let bytes = head.prefix(4096).filter { $0 != 0 }
        var start = bytes.startIndex
        if bytes.count >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF { start += 3 }
        if bytes.count >= start + 2,
            (bytes[start] == 0xFF && bytes[start + 1] == 0xFE)
                || (bytes[start] == 0xFE && bytes[start + 1] == 0xFF)
        {
            start += 2
        }
        while start < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let text = Array(bytes[start...])
        guard text.first == UInt8(ascii: "<") else { return 0 }
        for root in knownRoots where contains(text, root) { return 95 }
        if text.starts(with: Array("<?xml".utf8)) { return 80 }
        return 20
    }

    /// The `encoding` of the XML declaration, when the document has one.
    static func declaredEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = Array(bytes.prefix(256))
        guard head.starts(with: Array("<?xml".utf8)) else { return nil }
        let end = head.firstIndex(of: UInt8(ascii: ">")) ?? head.count
        let declaration = Array(head[..<end])
        guard let found = find(Array("encoding".utf8), in: declaration) else { return nil }
        var index = found + 8
        while index < declaration.count, declaration[index] != UInt8(ascii: "\""),
            declaration[index] != UInt8(ascii: "'")
        {
            index += 1
        }
        guard index < declaration.count else { return nil }
        let quote = declaration[index]
        let valueStart = index + 1
        guard let valueEnd = declaration[valueStart...].firstIndex(of: quote) else { return nil }
        return String(decoding: declaration[valueStart..<valueEnd], as: UTF8.self)
    }

    /// Whether a head is Unicode: a BOM, UTF-16 without one, or valid UTF-8 (a sequence cut
    /// at the end of the head allowed).
    static func looksUnicode(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
        if head.count >= 2, (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) { return true }
        if head.count >= 4, head[0] == 0 || head[1] == 0 { return true }
        for cut in 0...min(3, head.count)
        where EncodingSniffer.isValidUTF8(UnsafeBufferPointer(rebasing: head.dropLast(cut))) {
            return true
        }
        return false
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        find(needle, in: haystack) != nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}
