import Mustache

/// The two kinds of text photocat's Mustache templates produce, each with its escaping: a
/// template says which with `{{% CONTENT_TYPE: WIKITEXT }}` or `{{% CONTENT_TYPE: PHOTOCAT_HTML }}`,
/// and every `{{ name }}` in it is escaped so no value can break the markup.
enum ContentTypes {
    static let wikitext = "WIKITEXT"
    static let html = "PHOTOCAT_HTML"

    /// Registers both, once per process, before the first template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(Wikitext(), named: wikitext)
        MustacheContentTypes.register(HTML(), named: html)
        return true
    }()

    struct Wikitext: MustacheContentType {
        func escapeText(_ text: String) -> String { PhotoPlan.Wikitext.escape(text) }
    }

    struct HTML: MustacheContentType {
        func escapeText(_ text: String) -> String { ReviewPage.escape(text) }
    }
}
