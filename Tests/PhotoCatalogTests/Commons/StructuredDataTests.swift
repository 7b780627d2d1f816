import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct StructuredDataTests {
    static let page = FilePageContent(
        descriptions: [("en", "Participants cutting the birthday cake"), ("az", String(repeating: "ə", count: 300))],
        date: "2026-01-15 17:04:12", author: Manifest.Author(user: "Example Photographer", name: "Example Photographer"),
        location: GPSPosition(latitude: 40.3777, longitude: 49.892, imageDirection: 135.4), withholdLocation: false,
        license: "cc-by-sa-4.0", consent: "full", personalityRights: true, categories: [])

    static let people = [
        Manifest.Person(id: "leyla", name: "Leyla", user: nil, wikidata: "Q111", consent: .full, photos: []),
        Manifest.Person(id: "aysel", name: "Aysel", user: nil, wikidata: "Q222", consent: .group, photos: []),
        Manifest.Person(id: "rashad", name: "Rashad", user: nil, wikidata: nil, consent: .full, photos: []),
    ]

    static func json(_ data: StructuredData) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: StableJSON.encoder().encode(data)) as! [String: Any]
    }

    @Test func statementsAgreeWithThePage() throws {
        let sdc = StructuredData.make(page: Self.page, people: Self.people, eventItem: "Q999")
        let object = try Self.json(sdc)
        let labels = object["labels"] as! [String: [String: String]]
        #expect(labels["en"]?["value"] == "Participants cutting the birthday cake")
        #expect(labels["az"]?["value"]?.count == 250)  // captions are at most 250 characters
        let claims = object["claims"] as! [[String: Any]]
        func values(_ property: String) -> [Any] {
            claims.compactMap { claim in
                let snak = claim["mainsnak"] as! [String: Any]
                guard snak["property"] as? String == property else { return nil }
                return (snak["datavalue"] as? [String: Any])?["value"] ?? snak["snaktype"]!
            }
        }
        func item(_ value: Any) -> String? { (value as? [String: Any])?["id"] as? String }
        #expect(values("P7482").compactMap(item) == ["Q66458942"])
        #expect(values("P170") as? [String] == ["somevalue"])
        #expect(values("P6216").compactMap(item) == ["Q50423863"])
        #expect(values("P275").compactMap(item) == ["Q18199165"])
        #expect((values("P571").first as? [String: Any])?["time"] as? String == "+2026-01-15T00:00:00Z")
        let position = try #require(values("P1259").first as? [String: Any])
        #expect(position["latitude"] as? Double == 40.3777 && position["longitude"] as? Double == 49.892)
        #expect(values("P180").compactMap(item) == ["Q999", "Q111"])  // the event and Leyla; Aysel is never named
        #expect(values("P1344").compactMap(item) == ["Q999"])

        let creator = try #require(claims.first { ($0["mainsnak"] as! [String: Any])["property"] as? String == "P170" })
        let qualifiers = creator["qualifiers"] as! [String: [[String: Any]]]
        #expect(
            (qualifiers["P2699"]?.first?["datavalue"] as? [String: Any])?["value"] as? String
                == "https://commons.wikimedia.org/wiki/User:Example_Photographer")
        let heading = try #require(claims.first { ($0["mainsnak"] as! [String: Any])["property"] as? String == "P1259" })
        let headingValue =
            ((heading["qualifiers"] as! [String: [[String: Any]]])["P7787"]?.first?["datavalue"] as? [String: Any])?["value"] as? [String: String]
        #expect(headingValue?["amount"] == "+135")
        #expect(try JSONDecoder().decode(StructuredData.self, from: StableJSON.encoder().encode(sdc)) == sdc)
    }

    @Test func withheldLocationsAndMissingDatesStayOut() throws {
        var page = Self.page
        page.withholdLocation = true
        page.date = nil
        let properties = StructuredData.make(page: page, people: [], eventItem: nil).claims.map(\.mainsnak.property)
        #expect(properties == ["P7482", "P170", "P6216", "P275"])
    }
}
