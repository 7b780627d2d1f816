import Foundation
import PhotoModel

/// The files of the output folder made from the whole batch: a wikitext page per ready photo,
/// `commons/batch.jsonl`, `commons/batch.csv`, `review.html` and `report.json`. Pure: the
/// store writes them.
public enum BatchFiles {
    public struct File: Sendable, Equatable {
        /// Relative to the output folder.
        public var path: String
        public var data: Data
    }

    public static func make(entries: [BatchEntry], report: RunReport, card: URL, manifest: Manifest) throws -> [File] {
        var files: [File] = []
        for entry in entries {
            guard let name = entry.filename, let wikitext = entry.wikitext else { continue }
            files.append(File(path: "commons/\(name).wikitext", data: Data(wikitext.utf8)))
        }
        let encoder = StableJSON.encoder()
        var batch = Data()
        for entry in entries {
            batch.append(try encoder.encode(entry))
            batch.append(0x0A)
        }
        files.append(File(path: "commons/batch.jsonl", data: batch))
        files.append(File(path: "commons/batch.csv", data: Data(BatchCSV.text(entries: entries, card: card).utf8)))
        let title = manifest.event.title[manifest.event.languages.first ?? "en"] ?? manifest.event.name
        let consent = Dictionary(manifest.people.map { ($0.id, $0.consent) }, uniquingKeysWith: { a, _ in a })
        files.append(File(path: "review.html", data: Data(ReviewPage.render(entries: entries, title: title, consent: consent).utf8)))
        files.append(File(path: "report.json", data: try StableJSON.encoder(pretty: true).encode(report) + Data("\n".utf8)))
        return files
    }
}
