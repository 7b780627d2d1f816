import Foundation
import PhotoModel

/// `review.html`: one static page to look over the whole batch before uploading, offline, from
/// the output folder. Thumbnails in capture order, grouped by scene, each with its Commons
/// name, status and reasons, people, and page text. Every text is HTML-escaped.
public enum ReviewPage {
    /// `header` gives the title, and each person's name and consent, shown beside each photo.
    public static func render(entries: [BatchEntry], header: BatchHeader) -> String {
        let title = header.title
        let consent = Dictionary(header.people.map { ($0.id, $0.consent) }, uniquingKeysWith: { a, _ in a })
        var html = [head(title: title, entries: entries)]
        for (scene, members) in groups(entries) {
            html.append("<section><h2>\(escape(scene ?? "No scene"))</h2><div class=\"grid\">")
            html += members.map { card($0, consent: consent) }
            html.append("</div></section>")
        }
        html.append(script)
        html.append("</body></html>\n")
        return html.joined(separator: "\n")
    }

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

    static func head(title: String, entries: [BatchEntry]) -> String {
        let counts = BatchEntry.Status.allCases.map { status in (status, entries.filter { $0.status == status }.count) }
        let filters = counts.map { status, count in
            "<label><input type=\"checkbox\" data-filter=\"\(status.rawValue)\" checked> \(status.rawValue) (\(count))</label>"
        }.joined(separator: " ")
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title)) — photocat review</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #202122; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 1em; }
        .card { border: 1px solid #c8ccd1; border-radius: 4px; padding: .6em; background: #fff; }
        .card img { width: 100%; height: 190px; object-fit: contain; background: #eaecf0; }
        .name { font-weight: 600; word-break: break-word; }
        .status { display: inline-block; padding: 0 .5em; border-radius: 3px; color: #fff; font-size: 12px; }
        .ready { background: #14866d; } .excluded { background: #ac6600; } .duplicate { background: #72777d; } .failed { background: #d73333; }
        .reasons { color: #54595d; margin: .3em 0; } pre { white-space: pre-wrap; font-size: 12px; background: #f8f9fa; padding: .5em; }
        .missing { display: flex; align-items: center; justify-content: center; height: 190px; background: #eaecf0; color: #72777d; }
        </style></head>
        <body data-cards="\(entries.count)">
        <h1>\(escape(title))</h1>
        <p>\(entries.count) photos. Show: \(filters)</p>
        """
    }

    static func card(_ entry: BatchEntry, consent: [String: Consent]) -> String {
        let image = entry.thumbnails.first.map { "<img id=\"t-\(entry.sha1 ?? "")\" src=\"\(escape($0))\" alt=\"\(escape(entry.source))\">" }
            ?? "<div class=\"missing\">no thumbnail</div>"
        var lines = ["<article class=\"card\" data-status=\"\(entry.status.rawValue)\">", image]
        lines.append("<div class=\"name\">\(escape(entry.filename ?? entry.source))</div>")
        lines.append("<div><span class=\"status \(entry.status.rawValue)\">\(entry.status.rawValue)</span> \(escape(entry.captured ?? "no date"))</div>")
        if !entry.reasons.isEmpty { lines.append("<div class=\"reasons\">\(escape(entry.reasons.joined(separator: "; ")))</div>") }
        lines.append("<div>Source: \(escape(entry.source))</div>")
        if !entry.people.isEmpty {
            let people = entry.people.map { id in
                switch consent[id] {
                case .full?: "\(id) (named)"
                case .group?: "\(id) (group consent, not named)"
                case .none?: "\(id) (no consent)"
                case nil: id
                }
            }
            lines.append("<div>People: \(escape(people.joined(separator: ", ")))</div>")
        }
        if let wikitext = entry.wikitext { lines.append("<details><summary>Page text</summary><pre>\(escape(wikitext))</pre></details>") }
        lines.append("</article>")
        return lines.joined(separator: "\n")
    }

    /// Status filters, and a self-check for tests: thumbnails that failed to load.
    static let script = """
    <script>
    document.querySelectorAll('[data-filter]').forEach(function (box) {
      box.addEventListener('change', function () {
        document.querySelectorAll('.card[data-status="' + box.dataset.filter + '"]').forEach(function (card) { card.hidden = !box.checked; });
      });
    });
    window.addEventListener('load', function () {
      var broken = Array.prototype.filter.call(document.images, function (img) { return !(img.complete && img.naturalWidth > 0); });
      document.body.dataset.brokenImages = broken.map(function (img) { return img.id; }).join(' ');
      document.body.dataset.loaded = 'yes';
    });
    </script>
    """

    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
