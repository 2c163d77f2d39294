/// Domains of consumer (free) mail services: an address there says nothing about an employer.
///
/// Hand-curated from the providers' own sign-up and help pages (Google, Microsoft Outlook.com
/// "domains you can use", Yahoo, Apple iCloud, AOL, GMX/WEB.DE (United Internet), T-Online,
/// Orange, Free, La Poste, Libero/Virgilio (Italiaonline), Yandex, Mail.ru, Tencent QQ, NetEase,
/// Proton, Fastmail, Zoho, Tuta, Seznam, WP/Onet/Interia, Naver/Daum) — a list of the large
/// services, not an exhaustive one.
public enum FreeMailDomains {
    /// Whether a domain belongs to a consumer mail service.
    ///
    /// - Parameter domain: A lower-case domain.
    /// - Returns: `true` for free-mail domains, including regional variants (`yahoo.co.uk`,
    ///   `hotmail.fr`) of the services listed with a `*` family.
    public static func contains(_ domain: String) -> Bool {
        let domain = domain.lowercased()
        if domains.contains(domain) { return true }
        // Regional families: yahoo.*, hotmail.*, live.*, outlook.*, gmx.*, yandex.*
        guard let dot = domain.firstIndex(of: ".") else { return false }
        return families.contains(String(domain[..<dot]))
    }

    static let families: Set<String> = ["yahoo", "hotmail", "live", "outlook", "gmx", "yandex", "aol", "msn"]

    static let domains: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "passport.com",
        "yahoo.com", "ymail.com", "rocketmail.com", "aol.com", "aim.com", "icloud.com", "me.com", "mac.com",
        "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "gmx.com", "web.de", "t-online.de", "freenet.de", "arcor.de",
        "online.de", "posteo.de", "posteo.net", "mailbox.org", "email.de", "1und1.de", "vodafone.de",
        "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "neuf.fr", "bbox.fr",
        "libero.it", "virgilio.it", "tiscali.it", "alice.it", "tin.it", "email.it",
        "terra.es", "telefonica.net", "bluewin.ch", "sunrise.ch", "btinternet.com", "sky.com", "virginmedia.com",
        "ntlworld.com", "talktalk.net", "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "bellsouth.net",
        "cox.net", "charter.net", "earthlink.net", "juno.com", "mail.com", "email.com", "usa.com",
        "protonmail.com", "protonmail.ch", "proton.me", "pm.me", "tutanota.com", "tutanota.de", "tuta.io", "tuta.com",
        "fastmail.com", "fastmail.fm", "zoho.com", "zohomail.com", "hushmail.com", "yandex.ru", "yandex.com", "ya.ru",
        "mail.ru", "bk.ru", "inbox.ru", "list.ru", "rambler.ru", "qq.com", "foxmail.com", "163.com", "126.com",
        "yeah.net", "sina.com", "sohu.com", "naver.com", "hanmail.net", "daum.net", "seznam.cz", "centrum.cz",
        "wp.pl", "o2.pl", "onet.pl", "interia.pl", "rediffmail.com", "shaw.ca", "rogers.com", "sympatico.ca",
        "bigpond.com", "optusnet.com.au", "xtra.co.nz", "uol.com.br", "bol.com.br", "terra.com.br",
        "gmx.fr", "laposte.fr", "telenet.be", "skynet.be", "ziggo.nl", "kpnmail.nl", "planet.nl", "home.nl",
        "chello.nl", "a1.net", "aon.at", "chello.at",
    ]
}
