/// Media types of inline photos, logos and sounds: from a vCard `TYPE=`, a data URI, or the
/// first bytes of the data.
public enum MediaTypes {
    /// The media type a vCard `TYPE=` value names (`JPEG` → `image/jpeg`), for a media kind.
    ///
    /// - Parameters:
    ///   - type: the parameter value (`JPEG`, `image/png`, `GIF`, `WAVE`).
    ///   - sound: whether the value is a sound.
    /// - Returns: the media type, or `nil` for words that name no format (`WORK`, `HOME`).
    public static func fromTypeParameter(_ type: String, sound: Bool = false) -> String? {
        let lower = type.lowercased()
        if lower.containsByte(0x2F) { return lower }
        switch lower {
        case "jpeg", "jpg", "pjpeg": return "image/jpeg"
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "bmp": return "image/bmp"
        case "tiff", "tif": return "image/tiff"
        case "webp": return "image/webp"
        case "heic": return "image/heic"
        case "svg": return "image/svg+xml"
        case "wave", "wav": return "audio/wav"
        case "mp3", "mpeg": return sound ? "audio/mpeg" : nil
        case "aiff": return "audio/aiff"
        case "pcm": return "audio/basic"
        default: return nil
        }
    }

    /// The media type the leading bytes show (JPEG, PNG, GIF, BMP, TIFF, WebP, WAV), if any.
    ///
    /// - Complexity: O(1).
    public static func sniff(_ bytes: [UInt8]) -> String? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && bytes.starts(with: prefix) }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if starts(Array("GIF8".utf8)) { return "image/gif" }
        if starts(Array("BM".utf8)), bytes.count > 14 { return "image/bmp" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "image/tiff" }
        if starts(Array("RIFF".utf8)), bytes.count >= 12 {
            let kind = Array(bytes[8..<12])
            if kind == Array("WEBP".utf8) { return "image/webp" }
            if kind == Array("WAVE".utf8) { return "audio/wav" }
        }
        return nil
    }
}

/// A `data:` URI (RFC 2397) split into its parts.
public struct DataURI: Hashable, Sendable {
    /// The media type, lower-case, when the URI names one.
    public var mediaType: String?
    /// Whether the payload is base64.
    public var isBase64: Bool
    /// The payload text, after the comma.
    public var payload: Substring

    /// Splits a data URI; the comma may be backslash-escaped as Sabre VObject writes it
    /// (corpus vcard/folkerkinzel-vcards/NextCloudPhotoIssue3.vcf).
    ///
    /// - Parameter text: the value, starting with `data:` in any case.
    /// - Returns: the parts, or `nil` when the text is not a data URI.
    public init?(_ text: String) {
        guard text.utf8.count > 5, text.prefix(5).lowercased() == "data:" else { return nil }
        let rest = text.dropFirst(5)
        guard let comma = rest.firstIndex(of: ",") else { return nil }
        var header = rest[..<comma]
        if header.hasSuffix("\\") { header = header.dropLast() }
        payload = rest[rest.index(after: comma)...]
        let parts = header.split(separator: ";", omittingEmptySubsequences: true).map { $0.lowercased() }
        isBase64 = parts.contains("base64")
        mediaType = parts.first.flatMap { $0.containsByte(0x2F) ? $0 : nil }
    }
}
