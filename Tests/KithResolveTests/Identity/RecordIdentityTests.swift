import KithModel
import Testing

@testable import KithResolve

/// Record keys and fingerprints, as their documentation defines them.
@Suite struct RecordIdentityTests {
    /// A UID key is the UID trimmed, lower-cased and without `urn:uuid:`.
    @Test(arguments: ["ABC", " ABC", "ABC \r\n", "\tabc", "urn:uuid:ABC", "  URN:UUID:abc  "])
    func uidKeysAreTrimmedAndLowerCased(uid: String) {
        var contact = Contact(ref: RecordRef(source: 0, index: 0))
        contact.uid = uid
        #expect(RecordKey.of(contact) == "uid:abc")
    }

    /// `fp:` + SHA-256 of "n:<name tokens sorted>\ne:<email keys>\np:<phones>\nk:<kind>", each
    /// list sorted without repeats; the digest was computed independently (Python hashlib) from
    /// "n:ada lovelace\ne:a@x.org,b@x.org\np:+441,+442\nk:individual".
    @Test func fingerprintSortsAndDropsRepeatedEmailsAndPhones() {
        let contact = ContactBuilder.person(
            0, 0, given: "Lovelace", surname: "Ada", emails: ["b@x.org", "A@x.org", "B@X.org"],
            mobiles: ["+442", "+441", "+442"])
        #expect(
            RecordFingerprint.of(contact)
                == "fp:0149dfbf7d3db172d39f25808de2003d73b559ac240d52f2fd17516989010653")
    }

    /// Two of a kind (the usual count, which takes a shorter path): out of order, in order and
    /// repeated. Digests computed independently from "n:ada lovelace\ne:a@x.org,b@x.org\np:+441,+442
    /// \nk:individual" (the same as three values give), "…\ne:b@x.org\np:+441\n…" and
    /// "…\ne:a@x.org,b@x.org\np:+441\n…".
    @Test(arguments: [
        (
            ["b@x.org", "A@x.org"], ["+442", "+441"], "0149dfbf7d3db172d39f25808de2003d73b559ac240d52f2fd17516989010653"
        ),
        (
            ["a@x.org", "b@x.org"], ["+441", "+442"], "0149dfbf7d3db172d39f25808de2003d73b559ac240d52f2fd17516989010653"
        ),
        (
            ["B@X.org", "b@x.org"], ["+441", "+441"], "6e0ee366e2a6bdd8701528bbd69f1d20fe153a89b6e40b203625b7c984a30917"
        ),
        (
            ["b@x.org", "a@x.org"], ["+441", "+441"], "9c581dc46c25ff94873fe68b9a582aa43282dbd442bb026562fe5942a6eb22a0"
        ),
    ])
    func fingerprintOfTwoEmailsAndPhones(emails: [String], mobiles: [String], digest: String) {
        let contact = ContactBuilder.person(0, 0, given: "Lovelace", surname: "Ada", emails: emails, mobiles: mobiles)
        #expect(RecordFingerprint.of(contact) == "fp:" + digest)
    }

    /// Name tokens of given name and surname, split on spaces and sorted (digests computed
    /// independently from "n:ann byron mary\ne:\np:\nk:individual" and "n:byron\ne:\np:\nk:individual").
    @Test(arguments: [
        ("Mary Ann", "Byron", "3c0cda6da4218d325f5da061ac95c970f59e67834ed26e17aa79f94737bac404"),
        ("", "Byron", "f81589858078eb57ebbcb9009b7703573e3897c76d2c7ea15420071071a7536a"),
    ])
    func fingerprintSortsNameTokens(given: String, surname: String, digest: String) {
        let contact = ContactBuilder.person(0, 0, given: given, surname: surname)
        #expect(RecordFingerprint.of(contact) == "fp:" + digest)
    }
}
