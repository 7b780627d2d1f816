import Foundation
import Mustache
import PhotoModel

/// A file-page layout of the user's own, in Mustache with `<% %>` as delimiters, since wikitext
/// itself is made of `{{ }}`. `<% name %>` inserts text escaped for wikitext, so no value can
/// break the markup; `<%& name_markup %>` inserts markup photocat has built (and escaped inside)
/// itself; `<%# list %>…<%/ list %>` repeats.
///
/// Values: `descriptions` (a list of `language`, `text`), `date`, `author_name`, `author_user`,
/// `license`, `consent`, `personality_rights` (true or absent), `categories` (a list of names),
/// and `author_markup`, `location_markup`, `categories_markup`.
public struct PageTemplate: Sendable, Equatable {
    let template: MustacheTemplate
    /// The template's own text.
    public let text: String

    public static func == (a: PageTemplate, b: PageTemplate) -> Bool { a.text == b.text }

    private static let registered: Bool = {
        MustacheContentTypes.register(WikitextContentType(), named: "WIKITEXT")
        return true
    }()

    struct WikitextContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { Wikitext.escape(text) }
    }

    public struct SyntaxError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(text: String) throws {
        _ = Self.registered
        self.text = text
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: WIKITEXT}}{{=<% %>=}}" + text)
        } catch {
            throw SyntaxError(description: "\(error)")
        }
    }

    public func render(_ page: FilePageContent) -> String {
        var values: [String: Any] = [
            "descriptions": page.descriptions.map { ["language": $0.language, "text": $0.text] },
            "author_name": page.author.name,
            "author_markup": FilePage.author(page.author),
            "license": page.license,
            "location_markup": FilePage.locationMarkup(page),
            "categories": page.categories,
            "categories_markup": page.categories.map { "[[Category:\(Wikitext.linkTarget($0))]]" }.joined(separator: "\n"),
        ]
        if let date = page.date { values["date"] = date }
        if let user = page.author.user { values["author_user"] = user }
        if let consent = page.consent { values["consent"] = consent }
        if page.personalityRights { values["personality_rights"] = true }
        return template.render(values)
    }
}
