import Foundation
import PhotoModel

/// `photocat init CARD`: a commented manifest to start from, filled with what the card holds.
public enum ManifestStarter {
    public static func text(cardName: String, records: [PhotoRecord]) -> String {
        let photos = records.filter { $0.failure == nil }
        let times = photos.compactMap { $0.metadata.flatMap { CaptureTime.resolve($0)?.cameraLocal } }.sorted()
        var lines = [
            "# Manifest for \(cardName), started by `photocat init`. Fill in the <…> placeholders,",
            "# then check it with `photocat validate THIS_FILE --card CARD`. docs/manifest.md in photocat's source lists every key.",
            "version: 1",
            "",
            "event:",
            "  title:",
            "    en: <event title, e.g. Wikipedia 25 birthday meetup in Baku>",
            "  name: <start of every file name, e.g. Wikipedia 25 meetup Baku>",
            "  date: \(times.first?.dateString ?? "<YYYY-MM-DD>")"
                + (times.first?.dateString != times.last?.dateString
                    ? "   # the card spans \(times.first!.dateString) to \(times.last!.dateString)" : ""),
            "  timezone: <IANA zone of the venue, e.g. Asia/Baku>",
            "  place: {name: <city or venue>, country: <country>}   # add latitude and longitude if you know them",
            "  author: {user: <your Commons user name>, name: <your name as credited>}",
            "  license: cc-by-sa-4.0",
            "  languages: [en]",
            "  categories: [<an existing Commons category>]",
            "",
        ]
        lines += cameras(photos)
        lines += hours(times)
        lines += [
            "scenes:",
            "  - id: <scene id, e.g. talks>",
            "    from: \"<HH:MM>\"",
            "    to: \"<HH:MM>\"",
            "    description: {en: \"<what the photos show, e.g. {people} speaking at the {event}>\"}",
            "",
            "people:",
            "  - id: <person id>",
            "    name: <name as it may appear on Commons>",
            "    consent: <full | group | none>",
            "    photos: [<IMG_0001..IMG_0010>]",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// One entry per camera (Make, Model, serial), commented out, with where its photos are.
    static func cameras(_ photos: [PhotoRecord]) -> [String] {
        var cameras: [String: (count: Int, folders: Set<String>)] = [:]
        for photo in photos {
            guard let m = photo.metadata, m.make != nil || m.model != nil else { continue }
            let key = [m.make ?? "", m.model ?? "", m.serialNumber ?? ""].joined(separator: "\u{1F}")
            cameras[key, default: (0, [])].count += 1
            cameras[key]!.folders.insert((photo.relativePath as NSString).deletingLastPathComponent)
        }
        guard !cameras.isEmpty else { return [] }
        var lines = ["# Cameras on the card. Uncomment an entry to correct its clock: offset is added to its times.", "cameras:"]
        for (key, value) in cameras.sorted(by: { $0.key < $1.key }) {
            let parts = key.components(separatedBy: "\u{1F}")
            lines.append("  # \(value.count) photo\(value.count == 1 ? "" : "s") in \(value.folders.sorted().joined(separator: ", "))")
            var entry = "  # - {make: \(yaml(parts[0])), model: \(yaml(parts[1]))"
            if !parts[2].isEmpty { entry += ", serial: \(yaml(parts[2]))" }
            lines.append(entry + ", offset: \"+00:00:00\"}")
        }
        return lines + [""]
    }

    /// Photos per hour of the camera clocks, to help set the scene windows.
    static func hours(_ times: [LocalDateTime]) -> [String] {
        guard !times.isEmpty else { return [] }
        var counts: [String: Int] = [:]
        for time in times { counts[time.dateString + String(format: " %02d:00", time.hour), default: 0] += 1 }
        return ["# Photos per hour (camera clocks, before any offset):"]
            + counts.sorted { $0.key < $1.key }.map { "#   \($0.key)  \(String(repeating: "▇", count: min(40, $0.value))) \($0.value)" }
            + [""]
    }

    /// A YAML scalar in double quotes, so names like `NO` or `1.0` stay text.
    static func yaml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
