import KithModel

/// Refuses documents whose prolog could make a parser expand entities or fetch files: a
/// DOCTYPE with entity declarations (billion laughs, external entities such as
/// `SYSTEM "file:///etc/passwd"`) or with an external DTD.
///
/// Runs on the raw head of the file before libxml2 sees it; the reader checks again on the
/// DOCTYPE node libxml2 reports, so a prolog longer than the head is still caught.
public enum XMLPrologCheck {
    /// Checks the prolog found in the first bytes of a document.
    ///
    /// - Parameters:
    ///   - head: the first bytes (any length; UTF-16 is read by dropping NUL bytes, which is
    ///     enough for ASCII markup).
    ///   - path: the file name for the error.
    /// - Throws: `KithError` `.unsafeInput` naming the attack.
    /// - Complexity: O(n) in the length of the prolog.
    public static func check(_ head: UnsafeBufferPointer<UInt8>, path: String) throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(head.count, 1 << 16))
        for byte in head where byte != 0 { bytes.append(byte) }
        guard let doctype = find(Array("<!DOCTYPE".utf8), in: bytes, from: 0) else { return }
        // Only a DOCTYPE before the root element counts; markup after the root start is content.
        if let root = firstElementStart(in: bytes), root < doctype { return }
        var cursor = doctype + 9
        var internalSubset = false
        var quote: UInt8 = 0
        var sawSystemOrPublic = false
        var keyword: [UInt8] = []
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                internalSubset = true
                break
            } else if byte == UInt8(ascii: ">") {
                break
            } else if isNameByte(byte) {
                keyword.append(byte)
            } else {
                if keyword == Array("SYSTEM".utf8) || keyword == Array("PUBLIC".utf8) { sawSystemOrPublic = true }
                keyword.removeAll(keepingCapacity: true)
            }
            cursor += 1
        }
        if keyword == Array("SYSTEM".utf8) || keyword == Array("PUBLIC".utf8) { sawSystemOrPublic = true }
        if internalSubset {
            // Every declaration of the internal subset up to the end of the head is looked at:
            // one external entity makes it an XXE attack, any other entity an expansion risk.
            let entityOpen = Array("<!ENTITY".utf8)
            var sawEntity = false
            var from = cursor
            while let declaration = find(entityOpen, in: bytes, from: from) {
                sawEntity = true
                let end = find(Array(">".utf8), in: bytes, from: declaration) ?? bytes.count
                let text = Array(bytes[declaration..<end])
                if find(Array("SYSTEM".utf8), in: text, from: 0) != nil
                    || find(Array("PUBLIC".utf8), in: text, from: 0) != nil
                {
                    throw externalEntity(path: path)
                }
                from = declaration + entityOpen.count
            }
            if sawEntity { throw entityExpansion(path: path) }
        }
        if sawSystemOrPublic { throw externalDTD(path: path) }
        if cursor >= bytes.count, head.count >= XMLFileSource.headLimit {
            throw KithError(
                .unsafeInput,
                "the DOCTYPE declaration is longer than \(XMLFileSource.headLimit / 1024) KiB; Kith refuses DTDs "
                    + "of that size because they can hide entity expansion attacks", path: path)
        }
    }

    /// The error for entity declarations in the internal subset.
    static func entityExpansion(path: String) -> KithError {
        KithError(
            .unsafeInput,
            "the document declares XML entities in its DOCTYPE (the \"billion laughs\" entity expansion attack "
                + "works this way); Kith never expands entities and refuses such files. Remove the <!DOCTYPE …> "
                + "block if the file is trusted", path: path)
    }

    /// The error for an external entity declaration.
    static func externalEntity(path: String) -> KithError {
        KithError(
            .unsafeInput,
            "the document declares an external entity (SYSTEM/PUBLIC in <!ENTITY>), an XML external entity (XXE) "
                + "attack that would read local files or URLs; Kith never loads external entities and refuses "
                + "such files", path: path)
    }

    /// The error for a DOCTYPE that names an external DTD.
    static func externalDTD(path: String) -> KithError {
        KithError(
            .unsafeInput,
            "the document refers to an external DTD (<!DOCTYPE … SYSTEM/PUBLIC …>); Kith never loads external "
                + "DTDs or fetches URLs and refuses such files. Remove the <!DOCTYPE …> line if the file is trusted",
            path: path)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The offset of the first `<` that opens an element (not `<?`, `<!`).
    private static func firstElementStart(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                let next = bytes[index + 1]
                if next != UInt8(ascii: "?"), next != UInt8(ascii: "!") { return index }
            }
            index += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
