/// Names the program that wrote a card, from its `PRODID` or the extension properties only
/// that program writes; the names make up the report's flavor (`vcard-3.0/apple`).
public enum ProducerDetector {
    /// The producer a `PRODID` value names (`-//Apple Inc.//iOS 5.0.1//EN` → `apple`), if known.
    public static func producer(fromProductID productID: String) -> String? {
        let text = productID.lowercased()
        // ASCII text (every real PRODID) is searched byte by byte; other text through
        // Foundation's `contains`, as before (on Linux it bridges to NSString, which is slow).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(text.utf8)
            return productTable.first { containsBytes(bytes, $0.needle) }?.producer
        }
        return productTable.first { text.contains($0.needle) }?.producer
    }

    /// Words of a `PRODID` and the producer each names, the first match winning.
    private static let productTable: [(needle: String, producer: String)] = [
        ("apple", "apple"), ("google", "google"), ("android", "android"), ("microsoft", "outlook"),
        ("outlook", "outlook"), ("cardbook", "thunderbird"), ("thunderbird", "thunderbird"),
        ("mozilla", "thunderbird"), ("sogo", "sogo"), ("evolution", "evolution"), ("gnome", "evolution"),
        ("kaddressbook", "kde"), ("kde", "kde"), ("kcontacts", "kde"), ("nextcloud", "nextcloud"),
        ("owncloud", "nextcloud"), ("sabre", "nextcloud"), ("davx5", "davx5"), ("davdroid", "davx5"),
        ("bitfire", "davx5"), ("lotus", "lotus"), ("em client", "emclient"), ("fullcontact", "fullcontact"),
        ("ez-vcard", "ez-vcard"), ("blackberry", "blackberry"), ("webdav collaborator", "webdav-collaborator"),
    ]

    /// Whether `bytes` hold the UTF-8 of `needle`.
    private static func containsBytes(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }

    /// The producer an extension property name betrays (`X-ANDROID-CUSTOM` → `android`), if any.
    public static func producer(fromPropertyName name: String) -> String? {
        propertyTable.first { name.hasPrefix($0.prefix) }?.producer
    }

    /// Prefixes of extension property names and the producer each betrays.
    private static let propertyTable: [(prefix: String, producer: String)] = [
        ("X-ADDRESSBOOKSERVER-", "apple"), ("X-ABUID", "apple"), ("X-ABSHOWAS", "apple"), ("X-APPLE-", "apple"),
        ("X-ANDROID-", "android"), ("X-MS-", "outlook"), ("X-WAB-", "outlook"), ("X-EVOLUTION-", "evolution"),
        ("X-KADDRESSBOOK-", "kde"), ("X-MOZILLA-", "thunderbird"), ("X-LOTUS-", "lotus"),
        ("X-NEC-", "japanese-phone"), ("X-IRMC-", "japanese-phone"), ("X-FCENCODED-", "fullcontact"),
    ]
}
