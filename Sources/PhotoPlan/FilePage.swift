import Foundation
import PhotoModel

/// Everything a Commons file description page says about one photo, before rendering.
public struct FilePageContent: Sendable, Equatable {
    public var descriptions: [(language: String, text: String)]
    /// `YYYY-MM-DD hh:mm:ss` on the venue's clock, `YYYY-MM-DD` for a photo dated by its scene
    /// or event (`dateIsApproximate`), or nil when the photo has no date.
    public var date: String?
    /// The photo records no time: `date` is its scene's or the event's day, written "circa".
    public var dateIsApproximate: Bool
    public var author: Manifest.Author
    public var location: GPSPosition?
    /// How many decimals of a degree the position is good for: 6 (about 10 cm) for the camera's
    /// own fix, fewer for a place from the manifest, which is the venue, not the camera.
    public var locationDecimals = 6
    public var withholdLocation: Bool
    public var license: String
    /// `{{Consent|…}}` value, when people are listed.
    public var consent: String?
    public var personalityRights: Bool
    public var categories: [String]

    public init(
        descriptions: [(language: String, text: String)], date: String?, dateIsApproximate: Bool = false, author: Manifest.Author,
        location: GPSPosition?, withholdLocation: Bool, license: String, consent: String?,
        personalityRights: Bool, categories: [String]
    ) {
        self.descriptions = descriptions
        self.date = date
        self.dateIsApproximate = dateIsApproximate
        self.author = author
        self.location = location
        self.withholdLocation = withholdLocation
        self.license = license
        self.consent = consent
        self.personalityRights = personalityRights
        self.categories = categories
    }

    public static func == (a: FilePageContent, b: FilePageContent) -> Bool {
        a.descriptions.elementsEqual(b.descriptions, by: { $0 == $1 }) && a.date == b.date && a.dateIsApproximate == b.dateIsApproximate
            && a.author == b.author
            && a.location == b.location && a.locationDecimals == b.locationDecimals && a.withholdLocation == b.withholdLocation
            && a.license == b.license
            && a.consent == b.consent && a.personalityRights == b.personalityRights && a.categories == b.categories
    }
}

/// Renders a file page through a template (`PageTemplate`). All free text passes through
/// `Wikitext.escape`, so nothing from EXIF or the manifest can break out of its place.
public enum FilePage {
    /// The page through the user's Mustache template when given, else the built-in one.
    public static func render(_ page: FilePageContent, template: PageTemplate? = nil) -> String {
        (template ?? .builtIn).render(page)
    }

    /// The page's date: as recorded, or `{{circa|YYYY|MM|DD}}` for a day taken from the scene
    /// or the event, so the page does not claim a precision it does not have.
    static func dateMarkup(_ page: FilePageContent) -> String {
        guard let date = page.date else { return "" }
        guard page.dateIsApproximate else { return Wikitext.escape(date) }
        return "{{circa|" + date.prefix(10).split(separator: "-").joined(separator: "|") + "}}"
    }

    static func locationMarkup(_ page: FilePageContent) -> String {
        if page.withholdLocation { return "{{Location withheld}}" }
        return page.location.map { location($0, decimals: page.locationDecimals) } ?? ""
    }

    static func author(_ author: Manifest.Author) -> String {
        guard let user = author.user else { return Wikitext.escape(author.name) }
        return "[[User:\(Wikitext.linkTarget(user))|\(Wikitext.escape(author.name))]]"
    }

    /// The decimals of a degree (of latitude: 111 km) that match a precision in metres.
    public static func decimals(forMetres metres: Double) -> Int {
        min(6, max(0, Int((-log10(metres / 111_320)).rounded())))
    }

    /// `{{Location|lat|lon|heading:N}}`: as many decimals as the position is good for (six, about
    /// 10 cm, for a camera's fix), never an exponent.
    static func location(_ gps: GPSPosition, decimals: Int = 6) -> String {
        let format = "%.\(decimals)f"
        var text = "{{Location|\(String(format: format, gps.latitude))|\(String(format: format, gps.longitude))"
        if let heading = gps.imageDirection {
            text += "|heading:\(Int(heading.rounded()) % 360)"
        }
        return text + "}}"
    }
}
