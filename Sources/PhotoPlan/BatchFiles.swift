import Foundation
import PhotoModel

/// The files of the output folder made from the batch: a wikitext page per photo that has one,
/// `commons/batch.jsonl`, `commons/batch.csv`, `review.html` and `report.json`. Pure: the
/// run takes the batch from the catalogue and the store writes the files.
public enum BatchFiles {
    public struct File: Sendable, Equatable {
        /// Relative to the output folder.
        public var path: String
        public var data: Data
    }

    /// `entries` are the batch's lines in path order; `pages` are the lines whose page files
    /// exist (the batch's ready photos, and removed photos whose outputs are kept); `card` is
    /// the card folder's path.
    public static func make(
        entries: [BatchEntry], pages: [BatchEntry], report: RunReport, card: String,
        header: BatchHeader
    ) throws -> [File] {
        var files: [File] = []
        for entry in pages {
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
        files.append(File(path: "commons/batch.csv", data: BatchCSV.data(entries: entries, card: card)))
        files.append(File(path: "review.html", data: Data(ReviewPage.render(entries: entries, header: header).utf8)))
        files.append(File(path: "report.json", data: try StableJSON.encoder(pretty: true).encode(report) + Data("\n".utf8)))
        return files
    }
}

extension BatchHeader {
    /// The header of a batch made with `manifest`.
    public init(manifest: Manifest) {
        let title = manifest.event.title[manifest.event.languages.first ?? "en"] ?? manifest.event.name
        self.init(
            title: title, people: manifest.people.map { Person(id: $0.id, name: $0.name, consent: $0.consent) },
            timeZone: manifest.event.timeZone)
    }
}
