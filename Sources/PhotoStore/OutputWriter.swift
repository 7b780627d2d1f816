import Foundation
import PhotoModel

/// Writes the output folder from the catalogue: each file atomically and only when its bytes
/// change; pages and thumbnails that are not part of the projection are removed, so the folder
/// always equals what a fresh run would write. Nothing here is read back into the catalogue.
public struct OutputWriter: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Writes `files` (paths relative to the folder) and the `thumbnails`, and removes the pages
    /// and thumbnails that are not among them.
    ///
    /// Thumbnails are named by content (`thumbs/<size>/<sha1>.jpg`) and their bytes change only
    /// when the photo is rendered again, so only those in `rendered` are compared byte for byte;
    /// the others are written when missing. `jpeg` gives a thumbnail's bytes from the catalogue.
    public func write(
        files: [(path: String, data: Data)], thumbnails: Set<String>, rendered: Set<String>,
        jpeg: (String) throws -> Data?
    ) throws -> AtomicFile.Counts {
        var result = AtomicFile.Counts()
        for path in thumbnails.sorted() {
            let url = root.appendingPathComponent(path)
            guard rendered.contains(path) || !FileManager.default.fileExists(atPath: url.path) else {
                result.unchanged += 1
                continue
            }
            guard let data = try jpeg(path) else { continue }
            result.add(try AtomicFile.write(data, to: url))
        }
        for file in files {
            result.add(try AtomicFile.write(file.data, to: root.appendingPathComponent(file.path)))
        }
        let pages = Set(files.map(\.path).filter { $0.hasPrefix("commons/") && $0.hasSuffix(".wikitext") })
        result.removed = try removeStalePages(keeping: Set(pages.map { ($0 as NSString).lastPathComponent }))
        result.removed += try removeStaleThumbnails(keeping: thumbnails)
        return result
    }

    /// Pages of photos renamed or gone since the last run would otherwise linger and be uploaded.
    private func removeStalePages(keeping pages: Set<String>) throws -> Int {
        let folder = root.appendingPathComponent("commons")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names.sorted() where name.hasSuffix(".wikitext") && !pages.contains(name) {
            if try AtomicFile.remove(folder.appendingPathComponent(name)) { removed += 1 }
        }
        return removed
    }

    /// A changed photo or a dropped size leaves thumbnails that nothing refers to.
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
}
