import Foundation
import Mustache
import PhotoModel

/// A file-page layout of the user's own, in Mustache with `<% %>` as delimiters, since wikitext
/// itself is made of `{{ }}`. `<% name %>` inserts text escaped for wikitext, so no value can
/// break the markup; `<%& name_markup %>` inserts markup photocat has built (and escaped inside)
/// itself; `<%# list %>…<%/ list %>` repeats.
///
/// Values: `descriptions` (a list of `language`, `text` and `first`, true for the first), `date`,
/// `author_name`, `author_user`, `license`, `consent`, `personality_rights` (true or absent),
/// `categories` (a list of names), and `author_markup`, `location_markup` and
/// `categories_markup` (each absent when empty). The built-in page is such a template too
/// (`builtInText`).
public struct PageTemplate: Sendable, Equatable {
    let template: MustacheTemplate
    /// The template's own text.
    public let text: String

    public static func == (a: PageTemplate, b: PageTemplate) -> Bool { a.text == b.text }

    public struct SyntaxError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The built-in page.
    public static let builtIn: PageTemplate = {
        do {
            return try PageTemplate(text: builtInText)
        } catch {
            preconditionFailure("the built-in page template does not parse: \(error)")
        }
    }()

    public init(text: String) throws {
        _ = ContentTypes.registered
        self.text = text
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(ContentTypes.wikitext)}}{{=<% %>=}}" + text)
        } catch {
            throw SyntaxError(description: "\(error)")
        }
    }

    public func render(_ page: FilePageContent) -> String {
        var values: [String: Any] = [
            "descriptions": page.descriptions.enumerated().map { index, description -> [String: Any] in
                ["language": description.language, "text": description.text, "first": index == 0]
            },
            "author_name": page.author.name,
            "author_markup": FilePage.author(page.author),
            "license": page.license,
            "categories": page.categories,
        ]
        let location = FilePage.locationMarkup(page)
        if !location.isEmpty { values["location_markup"] = location }
        if !page.categories.isEmpty {
            values["categories_markup"] = page.categories.map { "[[Category:\(Wikitext.linkTarget($0))]]" }.joined(separator: "\n")
        }
        if let date = page.date {
            values["date"] = date
            values["date_markup"] = FilePage.dateMarkup(page)
        }
        if let user = page.author.user { values["author_user"] = user }
        if let consent = page.consent { values["consent"] = consent }
        if page.personalityRights { values["personality_rights"] = true }
        return template.render(values)
    }
}
