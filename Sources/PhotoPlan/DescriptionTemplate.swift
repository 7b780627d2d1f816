import PhotoModel
/// Description templates: `{event}`, `{place}`, `{people}` and `{date}` are filled per language.
/// When nobody may be named, `{people}` disappears together with the spaces around it.
public enum DescriptionTemplate {
    public static func fill(_ template: String, language: String, event: Manifest.Event, names: [String], date: String?) -> String {
        var text =
            template
            .replacingOccurrences(of: "{event}", with: event.title[language] ?? event.name)
            .replacingOccurrences(of: "{place}", with: event.place?.name ?? "")
            .replacingOccurrences(of: "{date}", with: date ?? "")
            .replacingOccurrences(of: "{people}", with: names.joined(separator: ", "))
        text = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
