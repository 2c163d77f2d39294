import Foundation
import KithModel

/// Reads the pre-normalized TSV written by `Scripts/febrl-to-contacts` and `Scripts/gen-contacts`
/// (`kithbench/prenorm.py`), a stand-in for readers + normalizer until they are on main.
///
/// Columns: truth, source, index, uid, given, surname, given phonetic, surname phonetic,
/// nickname keys (`,`), generation, birthday, emails (`address|key;…`), phones
/// (`e164|lineType;…`), addresses (`street|locality|region|postcode;…`), organization keys,
/// profile keys, kind, household, generation pair.
struct PrenormalizedRecord {
    var contact: Contact
    var truth: String
    var household: String
    var generationPair: String
}

enum PrenormalizedTSV {
    static func read(_ path: String, sourceOffset: Int = 0) throws -> [PrenormalizedRecord] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var out: [PrenormalizedRecord] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count >= 17 else { continue }
            var contact = Contact(
                ref: RecordRef(source: (Int(c[1]) ?? 0) + sourceOffset, index: Int(c[2]) ?? 0),
                kind: Contact.Kind(rawValue: c[16]) ?? .individual)
            if !c[3].isEmpty { contact.uid = c[3] }
            if !(c[4].isEmpty && c[5].isEmpty) {
                var name = NameValue(given: c[4].isEmpty ? [] : [c[4]], surname: c[5].isEmpty ? [] : [c[5]])
                name.keys = NameKeys(
                    given: c[4], surname: c[5], givenPhonetic: c[6], surnamePhonetic: c[7],
                    givenNicknameKeys: c[8].isEmpty ? [] : c[8].split(separator: ",").map(String.init),
                    generation: c[9].isEmpty ? nil : c[9])
                contact.name = name
            }
            if !c[10].isEmpty { contact.dates.append(DateValue(kind: .birth, date: parseDate(c[10]), raw: c[10])) }
            for item in c[11].split(separator: ";") {
                let p = item.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                var email = EmailValue(raw: p[0], address: p[0])
                email.key = p.count > 1 ? p[1] : p[0]
                contact.emails.append(email)
            }
            for item in c[12].split(separator: ";") {
                let p = item.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                var phone = PhoneValue(raw: p[0])
                phone.e164 = p[0].hasPrefix("+") ? p[0] : nil
                phone.lineType = p.count > 1 && !p[1].isEmpty ? p[1] : nil
                contact.phones.append(phone)
            }
            for item in c[13].split(separator: ";") {
                let p = item.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard p.count >= 4 else { continue }
                contact.addresses.append(AddressValue(street: p[0], locality: p[1], region: p[2], postalCode: p[3]))
            }
            for item in c[14].split(separator: ";") {
                var organization = OrganizationValue(name: String(item))
                organization.key = String(item)
                contact.organizations.append(organization)
            }
            for item in c[15].split(separator: ";") {
                var link = LinkValue(uri: String(item))
                link.profileKey = String(item)
                contact.links.append(link)
            }
            out.append(
                PrenormalizedRecord(
                    contact: contact, truth: c[0], household: c.count > 17 ? c[17] : "",
                    generationPair: c.count > 18 ? c[18] : ""))
        }
        return out
    }

    static func parseDate(_ text: String) -> PartialDate? {
        if text.hasPrefix("--") {
            let p = text.dropFirst(2).split(separator: "-").compactMap { Int($0) }
            return p.count == 2 ? PartialDate(month: p[0], day: p[1]) : nil
        }
        let p = text.split(separator: "-").compactMap { Int($0) }
        return p.count == 3 ? PartialDate(year: p[0], month: p[1], day: p[2]) : nil
    }
}

/// Cluster-level pairwise precision, recall and F1 of people against truth.
struct PairwiseScore: CustomStringConvertible {
    var truePairs = 0
    var predictedPairs = 0
    var correctPairs = 0
    var familyFalseMerges = 0
    var generationFalseMerges = 0
    var people = 0
    var largestPerson = 0

    var precision: Double { predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs) }
    var recall: Double { truePairs == 0 ? 1 : Double(correctPairs) / Double(truePairs) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    init(people: [Person], records: [PrenormalizedRecord]) {
        var byRef: [RecordRef: PrenormalizedRecord] = [:]
        for record in records { byRef[record.contact.ref] = record }
        var truthSizes: [String: Int] = [:]
        for record in records { truthSizes[record.truth, default: 0] += 1 }
        truePairs = truthSizes.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        self.people = people.count
        for person in people {
            let members = person.records.compactMap { byRef[$0.ref] }
            largestPerson = max(largestPerson, members.count)
            predictedPairs += members.count * (members.count - 1) / 2
            for a in 0..<members.count {
                for b in (a + 1)..<members.count {
                    let x = members[a]
                    let y = members[b]
                    if x.truth == y.truth {
                        correctPairs += 1
                    } else {
                        if !x.household.isEmpty && x.household == y.household { familyFalseMerges += 1 }
                        if !x.generationPair.isEmpty && x.generationPair == y.generationPair {
                            generationFalseMerges += 1
                        }
                    }
                }
            }
        }
    }

    var description: String {
        String(
            format:
                "P=%.4f R=%.4f F1=%.4f (true pairs %d, predicted %d, correct %d; people %d, largest %d; family false merges %d, Jr/Sr false merges %d)",
            precision, recall, f1, truePairs, predictedPairs, correctPairs, people, largestPerson, familyFalseMerges,
            generationFalseMerges)
    }
}
