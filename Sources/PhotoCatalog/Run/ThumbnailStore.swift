import Foundation

/// Where thumbnails go: `thumbs/<size>/<sha1>.jpg` under the output folder. Named by content,
/// so a renamed or re-planned photo keeps its thumbnails and identical files share them.
public final class ThumbnailStore: @unchecked Sendable {
    public let root: URL
    private let lock = NSLock()
    private var claimed = Set<String>()

    public init(root: URL) {
        self.root = root
    }

    /// True for the first photo with these bytes in this run: that one renders the thumbnails.
    func claim(_ sha1: String) -> Bool {
        lock.withLock { claimed.insert(sha1).inserted }
    }

    func file(size: Int, sha1: String) -> ThumbnailFile {
        ThumbnailFile(size: size, path: "thumbs/\(size)/\(sha1).jpg")
    }

    public func save(_ thumbnail: Thumbnail, sha1: String) throws -> (ThumbnailFile, AtomicFile.Outcome) {
        let file = file(size: thumbnail.size, sha1: sha1)
        return (file, try AtomicFile.write(thumbnail.jpeg, to: root.appendingPathComponent(file.path)))
    }
}
