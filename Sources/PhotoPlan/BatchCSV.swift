import Foundation
import PhotoModel

/// `commons/batch.csv`: one row per ready photo, for spreadsheet-driven upload tools such as
/// OpenRefine's Commons upload. RFC 4180: a header, CRLF between records, every field quoted
/// (wikitext spans lines and holds commas and quotes).
public enum BatchCSV {
    public static let header = ["path", "filename", "wikitext", "sha1"]

    public static func text(entries: [BatchEntry], card: URL) -> String {
        let rows = entries.filter { $0.status == .ready }.map { entry in
            [card.appendingPathComponent(entry.source).path, entry.filename ?? "", entry.wikitext ?? "", entry.sha1 ?? ""]
        }
        return ([header] + rows).map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
