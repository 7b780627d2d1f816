import Foundation
import PhotoModel

/// Everything a Commons file description page says about one photo, before rendering.
public struct FilePageContent: Sendable, Equatable {
    public var descriptions: [(language: String, text: String)]
    /// `YYYY-MM-DD hh:mm:ss` on the venue's clock, or nil when the photo has no date.
    public var date: String?
    public var author: Manifest.Author
    public var location: GPSPosition?
    public var withholdLocation: Bool
    public var license: String
    /// `{{Consent|…}}` value, when people are listed.
    public var consent: String?
    public var personalityRights: Bool
    public var categories: [String]

    public init(descriptions: [(language: String, text: String)], date: String?, author: Manifest.Author,
                location: GPSPosition?, withholdLocation: Bool, license: String, consent: String?,
                personalityRights: Bool, categories: [String]) {
        self.descriptions = descriptions
        self.date = date
        self.author = author
        self.location = location
        self.withholdLocation = withholdLocation
        self.license = license
        self.consent = consent
        self.personalityRights = personalityRights
        self.categories = categories
    }

    public static func == (a: FilePageContent, b: FilePageContent) -> Bool {
        a.descriptions.elementsEqual(b.descriptions, by: { $0 == $1 }) && a.date == b.date && a.author == b.author
            && a.location == b.location && a.withholdLocation == b.withholdLocation && a.license == b.license
            && a.consent == b.consent && a.personalityRights == b.personalityRights && a.categories == b.categories
    }
}

/// Renders the page in UploadWizard's layout (reference: commons.md §1). All free text passes
/// through `Wikitext.escape`, so nothing from EXIF or the manifest can break out of its place.
public enum FilePage {
    /// The page in the built-in layout, or through the user's Mustache template when given.
    public static func render(_ page: FilePageContent, template: PageTemplate?) -> String {
        template?.render(page) ?? render(page)
    }

    public static func render(_ page: FilePageContent) -> String {
        var lines = ["=={{int:filedesc}}==", "{{Information"]
        let descriptions = page.descriptions.map { "{{\($0.language)|1=\(Wikitext.escape($0.text))}}" }
        lines.append("|description=" + (descriptions.first ?? ""))
        lines += descriptions.dropFirst()
        lines.append("|date=" + (page.date ?? ""))
        lines.append("|source={{own}}")
        lines.append("|author=" + author(page.author))
        lines.append("|permission=")
        lines.append("|other versions=")
        lines.append("}}")
        let location = locationMarkup(page)
        if !location.isEmpty { lines.append(location) }
        lines += ["", "=={{int:license-header}}==", "{{self|\(page.license)}}"]
        if let consent = page.consent { lines.append("{{Consent|\(consent)}}") }
        if page.personalityRights { lines.append("{{Personality rights}}") }
        lines.append("")
        if page.categories.isEmpty {
            lines.append("{{subst:unc}}")
        } else {
            lines += page.categories.map { "[[Category:\(Wikitext.linkTarget($0))]]" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func locationMarkup(_ page: FilePageContent) -> String {
        if page.withholdLocation { return "{{Location withheld}}" }
        return page.location.map(location) ?? ""
    }

    static func author(_ author: Manifest.Author) -> String {
        guard let user = author.user else { return Wikitext.escape(author.name) }
        return "[[User:\(Wikitext.linkTarget(user))|\(Wikitext.escape(author.name))]]"
    }

    /// `{{Location|lat|lon|heading:N}}`: six decimals (about 10 cm), never an exponent.
    static func location(_ gps: GPSPosition) -> String {
        var text = "{{Location|\(String(format: "%.6f", gps.latitude))|\(String(format: "%.6f", gps.longitude))"
        if let heading = gps.imageDirection {
            text += "|heading:\(Int(heading.rounded()) % 360)"
        }
        return text + "}}"
    }
}
