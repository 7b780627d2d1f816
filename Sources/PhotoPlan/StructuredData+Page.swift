import Foundation
import PhotoModel

extension StructuredData {
    /// Licence items for the `{{self|…}}` licences photocat writes.
    static let licenseItems = [
        "cc-by-sa-4.0": "Q18199165", "cc-by-4.0": "Q20007257", "cc-zero": "Q6938433",
        "cc-by-sa-3.0": "Q14946043", "cc-by-3.0": "Q14947546",
    ]

    /// Captions and statements for a page: the same author, licence, date, place and people.
    public static func make(page: FilePageContent, people: [Manifest.Person], eventItem: String?) -> StructuredData {
        var labels: [String: Label] = [:]
        for (language, text) in page.descriptions {
            labels[language] = Label(language: language, value: String(text.prefix(250)))
        }
        func value(_ property: String, _ data: DataValue) -> Snak { Snak(snaktype: "value", property: property, datavalue: data) }
        var claims = [Statement(mainsnak: value("P7482", .item("Q66458942")))]
        var creator: [String: [Snak]] = ["P2093": [value("P2093", .string(page.author.name))]]
        var order = ["P2093"]
        if let user = page.author.user {
            creator["P4174"] = [value("P4174", .string(user))]
            creator["P2699"] = [value("P2699", .string("https://commons.wikimedia.org/wiki/User:" + user.replacingOccurrences(of: " ", with: "_")))]
            order += ["P4174", "P2699"]
        }
        claims.append(Statement(mainsnak: Snak(snaktype: "somevalue", property: "P170", datavalue: nil), qualifiers: creator, qualifiersOrder: order))
        claims.append(Statement(mainsnak: value("P6216", .item("Q50423863"))))
        if let license = licenseItems[page.license] { claims.append(Statement(mainsnak: value("P275", .item(license)))) }
        if let date = page.date {
            var inception = Statement(mainsnak: value("P571", .day(String(date.prefix(10)))))
            if page.dateIsApproximate {
                // Sourcing circumstances: circa, as {{circa}} on the page says.
                inception.qualifiers = ["P1480": [value("P1480", .item("Q5727902"))]]
                inception.qualifiersOrder = ["P1480"]
            }
            claims.append(inception)
        }
        if let location = page.location, !page.withholdLocation {
            // The decimals and whole degrees {{Location}} on the page has, and that precision.
            let scale = pow(10, Double(page.locationDecimals))
            let coordinate = DataValue.coordinate(
                latitude: (location.latitude * scale).rounded() / scale,
                longitude: (location.longitude * scale).rounded() / scale, precision: 1 / scale)
            var statement = Statement(mainsnak: value("P1259", coordinate))
            if let heading = location.imageDirection {
                statement.qualifiers = ["P7787": [value("P7787", .degrees(Double(Int(heading.rounded()) % 360)))]]
                statement.qualifiersOrder = ["P7787"]
            }
            claims.append(statement)
        }
        // Depicts: the event, and the people who may be named and have an item.
        let depicted = (eventItem.map { [$0] } ?? []) + people.filter { $0.consent == .full }.compactMap(\.wikidata)
        claims += depicted.map { Statement(mainsnak: value("P180", .item($0))) }
        if let eventItem { claims.append(Statement(mainsnak: value("P1344", .item(eventItem)))) }
        return StructuredData(labels: labels, claims: claims)
    }
}
