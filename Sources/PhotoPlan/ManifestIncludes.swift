import Foundation
import Yams
import PhotoModel

/// `include: [choices.yaml]` (and `run --choices FILE`): files in the shape of the manifest's
/// `photos:` map, as the review page saves them. Each is checked like the manifest, with its
/// own file name in every message; its entries win over the manifest's for the same photo,
/// field by field.
extension NodeReader {
    mutating func readIncludes(
        _ node: Node?, event: Manifest.Event, people: Set<String>, scenes: Set<String>, into photos: inout [String: Manifest.PhotoOverride]
    ) {
        var files = entries(node, "include").map { path, item -> (URL, String, Node?) in
            let url = resolved(path)
            return (url, path, item)
        }
        files += extraIncludes.map { ($0, $0.path, nil) }
        for (url, path, item) in files {
            guard let data = readData(url), let text = String(data: data, encoding: .utf8) else {
                if let item {
                    fail(item, "include: cannot read \(url.path)")
                } else {
                    issues.append(ManifestIssue(file: url.path, line: 1, column: 1, message: "cannot read this choices file"))
                }
                continue
            }
            includeDigests.append(Fingerprint.sha1(data))
            var reader = NodeReader(file: item == nil ? url.path : path)
            reader.unnameable = unnameable
            let choices = reader.choices(text, event: event, people: people, scenes: scenes)
            issues += reader.issues
            references += reader.references
            for (key, choice) in choices {
                photos[key] = photos[key].map { $0.overridden(by: choice) } ?? choice
            }
        }
    }

    /// The `photos:` map of a choices file; nothing else may be in it.
    private mutating func choices(_ text: String, event: Manifest.Event, people: Set<String>, scenes: Set<String>) -> [String: Manifest.PhotoOverride]
    {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            issues.append(issue(for: error))
            return [:]
        } catch {
            issues.append(ManifestIssue(file: file, line: 1, column: 1, message: "YAML: \(error)"))
            return [:]
        }
        guard let root, !Self.isNull(root) else { return [:] }
        guard let top = fields(root, "a choices file", allowed: ["photos"]) else { return [:] }
        return photoOverrides(top["photos"]?.value, event: event, people: people, scenes: scenes)
    }
}

extension Manifest.PhotoOverride {
    /// This entry with what `choice` sets taken over.
    func overridden(by choice: Manifest.PhotoOverride) -> Manifest.PhotoOverride {
        var merged = self
        merged.title = choice.title ?? title
        merged.exclude = choice.exclude ?? exclude
        merged.scene = choice.scene ?? scene
        merged.people = people + choice.people.filter { !people.contains($0) }
        merged.categories = categories + choice.categories.filter { !categories.contains($0) }
        for (language, text) in choice.description { merged.description[language] = text }
        return merged
    }
}
