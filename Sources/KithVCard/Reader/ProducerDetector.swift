/// Names the program that wrote a card, from its `PRODID` or the extension properties only
/// that program writes; the names make up the report's flavor (`vcard-3.0/apple`).
public enum ProducerDetector {
    /// The producer a `PRODID` value names (`-//Apple Inc.//iOS 5.0.1//EN` → `apple`), if known.
    public static func producer(fromProductID productID: String) -> String? {
        let text = productID.lowercased()
        let table: [(needle: String, producer: String)] = [
            ("apple", "apple"), ("google", "google"), ("android", "android"), ("microsoft", "outlook"),
            ("outlook", "outlook"), ("cardbook", "thunderbird"), ("thunderbird", "thunderbird"),
            ("mozilla", "thunderbird"), ("sogo", "sogo"), ("evolution", "evolution"), ("gnome", "evolution"),
            ("kaddressbook", "kde"), ("kde", "kde"), ("kcontacts", "kde"), ("nextcloud", "nextcloud"),
            ("owncloud", "nextcloud"), ("sabre", "nextcloud"), ("davx5", "davx5"), ("davdroid", "davx5"),
            ("bitfire", "davx5"), ("lotus", "lotus"), ("em client", "emclient"), ("fullcontact", "fullcontact"),
            ("ez-vcard", "ez-vcard"), ("blackberry", "blackberry"), ("webdav collaborator", "webdav-collaborator"),
        ]
        return table.first { text.contains($0.needle) }?.producer
    }

    /// The producer an extension property name betrays (`X-ANDROID-CUSTOM` → `android`), if any.
    public static func producer(fromPropertyName name: String) -> String? {
        let table: [(prefix: String, producer: String)] = [
            ("X-ADDRESSBOOKSERVER-", "apple"), ("X-ABUID", "apple"), ("X-ABSHOWAS", "apple"), ("X-APPLE-", "apple"),
            ("X-ANDROID-", "android"), ("X-MS-", "outlook"), ("X-WAB-", "outlook"), ("X-EVOLUTION-", "evolution"),
            ("X-KADDRESSBOOK-", "kde"), ("X-MOZILLA-", "thunderbird"), ("X-LOTUS-", "lotus"),
            ("X-NEC-", "japanese-phone"), ("X-IRMC-", "japanese-phone"), ("X-FCENCODED-", "fullcontact"),
        ]
        return table.first { name.hasPrefix($0.prefix) }?.producer
    }
}
