import Foundation
import PhotoModel

/// Where thumbnails go: `thumbs/<size>/<sha1>.jpg` under the output folder.
public struct ThumbnailStore: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func save(_ thumbnail: Thumbnail, sha1: String) throws -> AtomicFile.Outcome {
        try AtomicFile.write(thumbnail.jpeg, to: root.appendingPathComponent(ThumbnailFile(size: thumbnail.size, sha1: sha1).path))
    }
}
