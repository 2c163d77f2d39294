import KithNormalize
import Testing

/// URL forms documented by the services (LinkedIn "public profile URL" `linkedin.com/in/…`,
/// X/Twitter `x.com/handle` and the legacy `twitter.com/#!/handle`, GitHub `github.com/user`,
/// Facebook `facebook.com/username` and `profile.php?id=`, Instagram `instagram.com/handle`).
@Suite struct ProfileKeyTests {
    @Test(arguments: [
        ("https://www.linkedin.com/in/jdoe", "linkedin:in/jdoe"), ("http://linkedin.com/in/JDoe/", "linkedin:in/jdoe"),
        ("https://de.linkedin.com/in/jdoe?trk=x", "linkedin:in/jdoe"), ("linkedin.com/in/jdoe", "linkedin:in/jdoe"),
        ("https://www.linkedin.com/company/acme/", "linkedin:company/acme"),
        ("https://twitter.com/jdoe", "twitter:jdoe"), ("http://twitter.com/#!/JDoe", "twitter:jdoe"),
        ("https://x.com/jdoe", "twitter:jdoe"),
        ("https://mobile.twitter.com/jdoe/status/1", "twitter:jdoe"), ("https://github.com/JDoe", "github:jdoe"),
        ("https://github.com/jdoe/kith", "github:jdoe"), ("https://www.facebook.com/john.doe", "facebook:john.doe"),
        ("https://m.facebook.com/profile.php?id=100004", "facebook:id/100004"),
        ("https://fb.com/john.doe", "facebook:john.doe"),
        ("https://www.instagram.com/j.doe/", "instagram:j.doe"), ("http://instagr.am/j.doe", "instagram:j.doe"),
        ("https://www.linkedin.com/in/jdoe/de", "linkedin:in/jdoe"),
        ("https://twitter.com/JDoe?lang=en", "twitter:jdoe"),
        ("www.github.com/jdoe", "github:jdoe"),
        // Percent-escapes are decoded (RFC 3986 §2.1; LinkedIn writes non-ASCII handles so); a
        // malformed escape is kept as written.
        ("https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller/", "linkedin:in/jürgen-müller"),
        ("https://github.com/a%2Db", "github:a-b"), ("https://github.com/a%zz", "github:a%zz"),
    ])
    func urls(_ url: String, _ key: String) {
        #expect(ProfileKey.key(url: url) == key)
    }

    @Test(arguments: [
        "https://example.com/jdoe", "https://twitter.com/intent/tweet", "https://www.facebook.com/sharer.php",
        "https://github.com/",
        "mailto:jdoe@example.com",
    ])
    func notProfiles(_ url: String) {
        #expect(ProfileKey.key(url: url) == nil)
    }

    @Test(arguments: [
        ("@jdoe", "twitter", "twitter:jdoe"), ("JDoe", "X", "twitter:jdoe"),
        ("x-apple:jdoe", "twitter", "twitter:jdoe"),
        ("jdoe", "GitHub", "github:jdoe"), ("jdoe", "linkedin", "linkedin:in/jdoe"),
        ("j.doe", "instagram", "instagram:j.doe"),
        ("https://x.com/jdoe", "twitter", "twitter:jdoe"),
    ])
    func handles(_ handle: String, _ service: String, _ key: String) {
        #expect(ProfileKey.key(handle: handle, service: service) == key)
    }

    @Test func otherServicesHaveNoKey() {
        #expect(ProfileKey.key(handle: "jdoe", service: "skype") == nil)
    }
}
