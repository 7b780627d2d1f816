import Foundation
import Mustache
import PhotoModel

/// `review.html`: one static page to look over the whole batch before uploading, offline, from
/// the output folder. Thumbnails in capture order, grouped by scene, each with its Commons
/// name, status and reasons, people, and page text. Every text is HTML-escaped.
public enum ReviewPage {
    /// `header` gives the title, and each person's name and consent, shown beside each photo.
    public static func render(entries: [BatchEntry], header: BatchHeader) -> String {
        let people = Dictionary(header.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let filters = BatchEntry.Status.allCases.enumerated().map { index, status -> [String: Any] in
            ["status": status.rawValue, "count": entries.filter { $0.status == status }.count, "first": index == 0]
        }
        let groups = groups(entries).map { scene, members -> [String: Any] in
            ["scene": scene ?? "No scene", "cards": members.map { card($0, people: people) }]
        }
        let options = header.people.map { person -> [String: Any] in
            ["id": person.id, "label": "\(person.name) (consent \(person.consent.rawValue))"]
        }
        var values: [String: Any] = [
            "title": header.title, "count": entries.count, "filters": filters, "groups": groups, "personOptions": options,
            "scenes": Array(Set(entries.compactMap(\.scene))).sorted(),
            // Past a few hundred photos, images load as they scroll into view.
            "lazy": entries.count > lazyFrom,
        ]
        if let zone = header.timeZone { values["zone"] = zone }
        return template.render(values)
    }

    /// The number of photos from which thumbnails load lazily.
    public static let lazyFrom = 200

    private static let template: MustacheTemplate = {
        _ = ContentTypes.registered
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: \(ContentTypes.html)}}" + templateText)
        } catch {
            preconditionFailure("the review page template does not parse: \(error)")
        }
    }()

    /// Scenes in the order of their first photo, photos by capture time; no scene last.
    public static func groups(_ entries: [BatchEntry]) -> [(String?, [BatchEntry])] {
        let sorted = entries.sorted { ($0.captured ?? "~", $0.source) < ($1.captured ?? "~", $1.source) }
        var order: [String?] = []
        var members: [String?: [BatchEntry]] = [:]
        for entry in sorted {
            if members[entry.scene] == nil { order.append(entry.scene) }
            members[entry.scene, default: []].append(entry)
        }
        order.sort { ($0 == nil ? 1 : 0) < ($1 == nil ? 1 : 0) }
        return order.map { ($0, members[$0]!) }
    }

    /// One photo's values for the template.
    static func card(_ entry: BatchEntry, people: [String: BatchHeader.Person]) -> [String: Any] {
        // Reasons name people by id in backticks (`murad`): a person reads their names.
        func readable(_ text: String) -> String {
            var text = text
            for (id, person) in people { text = text.replacingOccurrences(of: "`\(id)`", with: person.name) }
            return text.replacingOccurrences(of: "`", with: "")
        }
        var values: [String: Any] = [
            "status": entry.status.rawValue, "name": entry.filename ?? entry.source, "source": entry.source,
            "captured": captured(entry),
        ]
        if let thumbnail = entry.thumbnails.first {
            values["thumbnail"] = thumbnail
            values["sha1"] = entry.sha1 ?? ""
        }
        if !entry.reasons.isEmpty { values["reasons"] = readable(entry.reasons.joined(separator: "; ")) }
        if !entry.people.isEmpty {
            values["people"] = entry.people.map { id in
                guard let person = people[id] else { return id }
                return switch person.consent {
                case .full: "\(person.name) (named)"
                case .group: "\(person.name) (group consent, not named)"
                case .none: "\(person.name) (no consent)"
                }
            }.joined(separator: ", ")
        }
        if let wikitext = entry.wikitext { values["wikitext"] = wikitext }
        values["scene"] = entry.scene ?? ""
        let hints = entry.hints ?? []
        values["hints"] = hints.map { ["kind": $0.kind.rawValue, "reason": readable($0.reason)] }
        values["hintKinds"] = hints.map(\.kind.rawValue).joined(separator: " ")
        if let group = entry.group {
            values["group"] = group
            values["pick"] = !hints.contains { $0.kind == .nearDuplicate }
        }
        if let sharpness = entry.sharpness { values["sharpness"] = String(format: "%.0f", sharpness) }
        return values
    }

    /// The capture time as the page gives it, and a day taken from the scene or event said so.
    public static func captured(_ entry: BatchEntry) -> String {
        guard let captured = entry.captured else { return "no date" }
        switch entry.timeSource {
        case "scene": return "about \(captured) (its scene's day: the photo records no time)"
        case "event": return "about \(captured) (the event's day: the photo records no time)"
        default:
            // The instant too, where the zone is known: `…T10:05:12.57Z` → `10:05:12 UTC`.
            guard let utc = entry.capturedUTC, let time = utc.split(separator: "T").last?.prefix(8) else { return captured }
            return "\(captured) (\(time) UTC)"
        }
    }

    /// HTML escaping for text and attribute values.
    public static func escape(_ text: String) -> String {
        // By byte, not by character: a quote followed by a combining mark is one Character that
        // is not `"`, yet the browser still sees the quote.
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
