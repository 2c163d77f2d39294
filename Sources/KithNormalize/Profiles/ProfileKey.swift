/// Canonical forms of social profiles: one key per account whatever the URL or handle spelling.
///
/// `https://www.linkedin.com/in/JDoe/` → `linkedin:in/jdoe`, `http://twitter.com/#!/JDoe` and
/// `https://x.com/jdoe` and `@jdoe` (for a Twitter account) → `twitter:jdoe`,
/// `github.com/JDoe/repo` → `github:jdoe`, `https://m.facebook.com/profile.php?id=4` →
/// `facebook:id/4`, `instagr.am/j.doe` → `instagram:j.doe`. Handles are case-insensitive on all
/// five services, so keys are lower-case.
public enum ProfileKey {
    /// The key of a profile URL.
    ///
    /// - Parameter url: A URL with or without scheme and `www.`.
    /// - Returns: The key, or `nil` when the URL is not a profile on a known service.
    public static func key(url: String) -> String? {
        var text = Substring(url.trimmed)
        let lower = text.lowercased()
        for scheme in ["https://", "http://", "//"] where lower.hasPrefix(scheme) {
            text = text.dropFirst(scheme.count)
            break
        }
        guard let slash = text.firstIndex(of: "/") else { return nil }
        var host = text[..<slash].lowercased()
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        if let colon = host.firstIndex(of: ":") { host = String(host[..<colon]) }
        // Most links are no profile: known from the host, before the path is taken apart.
        guard let service = service(ofHost: host) else { return nil }
        var rest = String(text[text.index(after: slash)...])
        var query = ""
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = String(rest[..<q])
        }
        // Old Twitter URLs: `twitter.com/#!/jdoe`.
        if rest.hasPrefix("#!/") { rest.removeFirst(3) }
        if let hash = rest.firstIndex(of: "#") { rest = String(rest[..<hash]) }
        // Most segments hold no escape: decoding those (through Foundation) would give them back.
        let segments = rest.split(separator: "/").map { segment in
            segment.utf8.contains(UInt8(ascii: "%"))
                ? segment.removingPercentEncoding ?? String(segment) : String(segment)
        }
        switch service {
        case "linkedin":
            guard segments.count >= 2 else { return nil }
            let kind = segments[0].lowercased()
            guard ["in", "pub", "company", "school"].contains(kind) else { return nil }
            if kind == "pub" {
                return "linkedin:pub/" + segments.dropFirst().prefix(4).joined(separator: "/").lowercased()
            }
            return "linkedin:\(kind)/" + segments[1].lowercased()
        case "facebook":
            if segments.first?.lowercased() == "profile.php" {
                for pair in query.split(separator: "&") where pair.hasPrefix("id=") {
                    return "facebook:id/" + pair.dropFirst(3)
                }
                return nil
            }
            if segments.first?.lowercased() == "people", segments.count >= 3 { return "facebook:id/" + segments[2] }
            return handleKey(service, segments.first)
        default:
            return handleKey(service, segments.first)
        }
    }

    /// The key of a handle on a named service.
    ///
    /// - Parameters:
    ///   - handle: `@jdoe`, `jdoe`, or a URL.
    ///   - service: The service as the source names it (`twitter`, `x`, `GitHub`, `facebook`,
    ///     `instagram`, `linkedin`), any case.
    /// - Returns: The key, or `nil` for other services or empty handles.
    public static func key(handle: String, service: String) -> String? {
        let trimmed = handle.trimmed
        if trimmed.contains("/") || trimmed.contains(".com") { return key(url: trimmed) }
        var name = Substring(trimmed)
        // Apple's X-SOCIALPROFILE writes `x-apple:jdoe`.
        if let colon = name.firstIndex(of: ":") { name = name[name.index(after: colon)...] }
        guard let canonical = canonicalService[service.lowercased()] else { return nil }
        if canonical == "linkedin" {
            return name.isEmpty ? nil : "linkedin:in/" + name.lowercased()
        }
        return handleKey(canonical, String(name))
    }

    static let canonicalService: [String: String] = [
        "twitter": "twitter", "x": "twitter", "github": "github", "facebook": "facebook", "fb": "facebook",
        "instagram": "instagram", "linkedin": "linkedin",
    ]

    private static func service(ofHost host: String) -> String? {
        let domain = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        let parts = domain.split(separator: ".")
        guard parts.count >= 2 else { return nil }
        let base = parts.suffix(2).joined(separator: ".")
        switch base {
        case "linkedin.com": return "linkedin"
        case "twitter.com", "x.com": return "twitter"
        case "github.com": return "github"
        case "facebook.com", "fb.com": return "facebook"
        case "instagram.com", "instagr.am": return "instagram"
        default: return nil
        }
    }

    /// Paths that are pages of the service, not accounts.
    private static let reserved: Set<String> = [
        "intent", "share", "home", "i", "search", "hashtag", "settings", "login", "explore", "orgs", "about",
        "pages", "groups", "events", "watch", "p", "reel", "stories", "sharer", "sharer.php", "marketplace",
    ]

    private static func handleKey(_ service: String, _ raw: String?) -> String? {
        guard var handle = raw?.trimmed, !handle.isEmpty else { return nil }
        if handle.hasPrefix("@") { handle.removeFirst() }
        handle = handle.lowercased()
        guard !handle.isEmpty, !reserved.contains(handle) else { return nil }
        return service + ":" + handle
    }
}
