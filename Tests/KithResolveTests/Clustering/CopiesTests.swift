import KithModel
import Testing

@testable import KithResolve

/// Copies of one card (an address book synced into itself many times) are one person however
/// many there are, and are checked for conflicts once.
@Suite struct CopiesTests {
    static let givens = ["anna", "ben", "carla", "dirk", "emma", "frank", "greta"]
    static let surnames = ["meyer", "schulz", "wagner", "becker", "koch", "wolf", "klein"]

    /// `times` copies of each of `cards` different cards, interleaved, in one source.
    static func copies(of cards: Int, times: Int, nameOnly: Bool = false) -> [Contact] {
        (0..<cards * times).map { index in
            let card = index % cards
            return ContactBuilder.person(
                0, index, given: givens[card % givens.count], surname: surnames[card % surnames.count],
                emails: nameOnly ? [] : ["\(givens[card % givens.count]).\(card)@example.org"],
                mobiles: nameOnly ? [] : ["+49151000000\(card)"])
        }
    }

    /// Before, random pairs of copies made exact agreement look common (worthless), and a person
    /// of more than 40 records (the block size) then stayed one person per record; and a join of
    /// two people whose records multiplied past 4,096 was refused.
    @Test(arguments: [(5, 20), (2, 30), (1, 41), (3, 40), (30, 5), (1, 300)])
    func copiesOfAFewCardsAreOnePersonEach(cards: Int, times: Int) {
        let result = Resolver().resolve(Self.copies(of: cards, times: times))
        #expect(result.people.count == cards)
        #expect(result.people.allSatisfy { $0.records.count == times })
    }

    @Test func copiesOfANameAloneStayApart() {
        let result = Resolver().resolve(Self.copies(of: 1, times: 45, nameOnly: true))
        #expect(result.people.count == 45)
    }

    @Test func copiesAreThoseThatAgreeOnEveryFieldBothHaveBeyondTheName() {
        func vector(_ levels: [MatchField: Int]) -> ComparisonVector {
            var vector = ComparisonVector()
            for (field, level) in levels { vector[field] = level }
            return vector
        }
        #expect(MatchModel.isCopy(vector([.given: 1, .surname: 1, .email: 1])))
        // A landline agrees exactly at level 2 (level 1 is a mobile).
        #expect(MatchModel.isCopy(vector([.given: 1, .surname: 1, .phone: 2, .street: 1])))
        #expect(MatchModel.isCopy(vector([.email: 1])))
        // Bare namesakes are how common a name is: counted.
        #expect(!MatchModel.isCopy(vector([.given: 1, .surname: 1])))
        // So are namesakes who share only what many people share.
        #expect(!MatchModel.isCopy(vector([.given: 1, .region: 1])))
        #expect(!MatchModel.isCopy(vector([.given: 1, .surname: 1, .locality: 1, .postalCode: 1, .region: 1])))
        #expect(MatchModel.isCopy(vector([.given: 1, .surname: 1, .street: 1, .locality: 1, .postalCode: 1])))
        #expect(!MatchModel.isCopy(vector([:])))
        #expect(!MatchModel.isCopy(vector([.given: 1, .surname: 1, .email: 2])))
        #expect(!MatchModel.isCopy(vector([.given: 1, .surname: 1, .email: 1, .birthday: 3])))
        #expect(!MatchModel.isCopy(vector([.given: 4, .surname: 1, .email: 1])))
    }

    @Test func copiesShareASignatureAndOtherRecordsDoNot() {
        let records = [
            ContactBuilder.person(0, 0, given: "anna", surname: "meyer", emails: ["a@x.org"], street: "1 main st"),
            ContactBuilder.person(1, 7, given: "anna", surname: "meyer", emails: ["a@x.org"], street: "1 main st"),
            ContactBuilder.person(0, 2, given: "anna", surname: "meyer", emails: ["b@x.org"], street: "1 main st"),
            ContactBuilder.person(0, 3, given: "anna", surname: "meyer", emails: ["a@x.org"], street: "2 main st"),
            ContactBuilder.person(0, 4, given: "anna", surname: "meier", emails: ["a@x.org"], street: "1 main st"),
            ContactBuilder.person(0, 5, given: "anna", surname: "meyer", emails: ["a@x.org"]),
        ]
        let signatures = RecordFeatures(contacts: records).signatures()
        #expect(signatures[0] == signatures[1])
        #expect(Set(signatures).count == 5)
    }

    /// The join limit counts distinct records: three copies are one record to check, three
    /// different records are more than a limit of one allows, and the review says so.
    @Test func theCheckLimitCountsDistinctRecords() throws {
        func cluster(_ records: [Contact]) throws -> Clustering {
            let engine = ScoringEngine(records: records, options: ResolveOptions())
            var clusterer = Clusterer(comparator: engine.comparator, model: engine.model, threshold: 10)
            clusterer.maxChecks = 1
            let pairs = [ScoredPair(i: 0, j: 1, weight: 30), ScoredPair(i: 1, j: 2, weight: 29)]
            return clusterer.cluster(records: records.count, pairs: pairs)
        }
        let copy = ContactBuilder.person(
            0, 0, given: "anna", surname: "meyer", emails: ["a@x.org"], mobiles: ["+491510000001"])
        let copies = try cluster([copy, copy, copy])
        #expect(Set(copies.clusterOf).count == 1)
        #expect(copies.keptApart.isEmpty)

        let different = try cluster([
            copy,
            ContactBuilder.person(
                0, 1, given: "anna", surname: "meyer", emails: ["a@x.org"], landlines: ["+4922810001"]),
            ContactBuilder.person(0, 2, given: "anna", surname: "meyer", emails: ["a@x.org"], street: "1 main st"),
        ])
        #expect(Set(different.clusterOf).count == 2)
        let reasons = different.keptApart.map(\.1.reason)
        #expect(
            reasons == ["kept apart: the two people hold too many different records to check every pair for a conflict"]
        )
    }
}
