import Foundation

/// The write stage: wikitext pages, `commons/batch.jsonl` and `report.json`, each written
/// atomically and only when its bytes change; pages and thumbnails no photo of the batch uses
/// any more are removed, so the folder always equals what a fresh run would write.
public struct OutputWriter: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    /// `keeping` lists files (relative to the folder) to leave even though no entry uses them:
    /// the outputs of removed photos under `--removed keep`.
    public func write(entries: [BatchEntry], report: RunReport, card: URL, manifest: Manifest,
                      keeping: Set<String> = []) throws -> AtomicFile.Counts {
        var result = AtomicFile.Counts()
        func put(_ data: Data, _ path: String) throws {
            result.add(try AtomicFile.write(data, to: root.appendingPathComponent(path)))
        }
        var pages = Set<String>()
        for entry in entries {
            guard let name = entry.filename, let wikitext = entry.wikitext else { continue }
            let page = name + ".wikitext"
            pages.insert(page)
            try put(Data(wikitext.utf8), "commons/" + page)
        }
        result.removed = try removeStalePages(keeping: pages.union(keeping.map { ($0 as NSString).lastPathComponent }))
        result.removed += try removeStaleThumbnails(keeping: Set(entries.flatMap(\.thumbnails)).union(keeping))
        let encoder = Self.encoder()
        var batch = Data()
        for entry in entries {
            batch.append(try encoder.encode(entry))
            batch.append(0x0A)
        }
        try put(batch, "commons/batch.jsonl")
        try put(Data(BatchCSV.text(entries: entries, card: card).utf8), "commons/batch.csv")
        let title = manifest.event.title[manifest.event.languages.first ?? "en"] ?? manifest.event.name
        let consent = Dictionary(manifest.people.map { ($0.id, $0.consent) }, uniquingKeysWith: { a, _ in a })
        try put(Data(ReviewPage.render(entries: entries, title: title, consent: consent).utf8), "review.html")
        encoder.outputFormatting.insert(.prettyPrinted)
        try put(try encoder.encode(report) + Data("\n".utf8), "report.json")
        return result
    }

    /// Pages of photos renamed or gone since the last run would otherwise linger and be uploaded.
    private func removeStalePages(keeping pages: Set<String>) throws -> Int {
        let folder = root.appendingPathComponent("commons")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names where name.hasSuffix(".wikitext") && !pages.contains(name) {
            if try AtomicFile.remove(folder.appendingPathComponent(name)) { removed += 1 }
        }
        return removed
    }

    /// Thumbnails are named by content, so a changed photo or a dropped size leaves files that
    /// nothing refers to.
    private func removeStaleThumbnails(keeping paths: Set<String>) throws -> Int {
        let thumbs = root.appendingPathComponent("thumbs")
        guard let sizes = try? FileManager.default.contentsOfDirectory(atPath: thumbs.path) else { return 0 }
        var removed = 0
        for size in sizes.sorted() {
            let folder = thumbs.appendingPathComponent(size)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".jpg") && !paths.contains("thumbs/\(size)/\(name)") {
                if try AtomicFile.remove(folder.appendingPathComponent(name)) { removed += 1 }
            }
            if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: folder)
            }
        }
        return removed
    }

    /// Path and SHA-1 → Commons name from the batch this folder already holds, so names stay put.
    public func previousNames() -> [String: String] {
        guard let text = try? String(contentsOf: root.appendingPathComponent("commons/batch.jsonl"), encoding: .utf8) else { return [:] }
        var names: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let entry = try? JSONDecoder().decode(BatchEntry.self, from: Data(line.utf8)),
                  let name = entry.filename else { continue }
            names[entry.source] = name
            if let sha1 = entry.sha1 { names[sha1] = name }
        }
        return names
    }

    /// Sorted keys and no escaped slashes: stable bytes that diff well.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
