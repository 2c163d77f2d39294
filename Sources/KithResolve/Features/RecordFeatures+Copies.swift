internal import KithModel

extension RecordFeatures {
    /// A hash of all of record `i`'s features: every column, the texts byte for byte. Records
    /// with equal signatures compare alike against any third record (comparisons, vetoes and
    /// term frequencies read nothing else), so one can stand for the others: copies of one
    /// card, as a phone that synced an address book into itself writes them. Equal signatures
    /// are taken for equal features, as equal ``FeatureHash`` values are taken for equal values.
    ///
    /// - Complexity: O(size of the record's features).
    func signature(_ i: Int) -> UInt64 {
        var hash: UInt64 = 0x6B69_7468_636F_7079
        func add(_ value: UInt64) { hash = FeatureHash.combine(hash, value) }
        func add(_ span: TextSpan) {
            add(UInt64(span.count))
            add(FeatureHash.of(bytes: bytes(span)))
        }
        add(givenFirst[i])
        add(givenPhonetic[i])
        add(surname[i])
        add(surnamePhonetic[i])
        add(UInt64(givenInitial[i]) | UInt64(givenCanonicalInitial[i]) << 8 | UInt64(surnameInitial[i]) << 16)
        add(UInt64(generation[i]) | (givenIsInitial[i] ? 1 << 8 : 0) | (isInRegister(i) ? 1 << 9 : 0))
        add(UInt64(birth[i]))
        add(givenSpan[i])
        add(givenFullSpan[i])
        add(surnameSpan[i])
        add(UInt64(nicknames[i].count))
        for value in nicknames[i] { add(value) }
        add(UInt64(organizations[i].count))
        for value in organizations[i] { add(value) }
        add(UInt64(profiles[i].count))
        for value in profiles[i] { add(value) }
        add(UInt64(emails[i].count))
        for email in emails[i] {
            add(email.key)
            add(email.address)
            add(email.isRole ? 1 : 0)
        }
        add(UInt64(phones[i].count))
        for phone in phones[i] {
            add(phone.number)
            add(phone.national)
            add(phone.short)
            add(phone.isMobile ? 1 : 0)
        }
        add(UInt64(addresses[i].count))
        for address in addresses[i] {
            add(address.street)
            add(address.locality)
            add(address.postalCode)
            add(address.region)
            add(address.streetSpan)
            add(address.localitySpan)
            add(address.postalSpan)
        }
        return hash
    }

    /// ``signature(_:)`` of every record, computed on every core.
    func signatures() -> [UInt64] {
        (0..<count).concurrentMap(minimumPerPart: 8192) { signature($0) }
    }
}
