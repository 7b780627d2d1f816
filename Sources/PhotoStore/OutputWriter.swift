import Foundation
import PhotoModel

/// The write stage: wikitext pages, `commons/batch.jsonl` and `report.json`, each written
/// atomically and only when its bytes change; pages and thumbnails no photo of the batch uses
/// any more are removed, so the folder always equals what a fresh run would write.
public struct OutputWriter: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Writes `files` (paths relative to the folder) and removes the pages and thumbnails that
    /// are not among them nor in `thumbnails`. `keeping` lists files to leave even though no
    /// photo uses them: the outputs of removed photos under `--removed keep`.
    public func write(files: [(path: String, data: Data)], thumbnails: Set<String>, keeping: Set<String> = []) throws -> AtomicFile.Counts {
        var result = AtomicFile.Counts()
        for file in files {
            result.add(try AtomicFile.write(file.data, to: root.appendingPathComponent(file.path)))
        }
        let pages = Set(files.map(\.path).filter { $0.hasPrefix("commons/") && $0.hasSuffix(".wikitext") })
        result.removed = try removeStalePages(keeping: Set(pages.union(keeping).map { ($0 as NSString).lastPathComponent }))
        result.removed += try removeStaleThumbnails(keeping: thumbnails.union(keeping))
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
}
