import Foundation

/// A thumbnail written to the output folder.
public struct ThumbnailFile: Sendable, Equatable, Codable {
    /// The requested long edge, in pixels.
    public var size: Int
    /// Relative to the output folder.
    public var path: String

    public init(size: Int, path: String) {
        self.size = size
        self.path = path
    }

    /// `thumbs/<size>/<sha1>.jpg`: named by content, so a renamed or re-planned photo keeps its
    /// thumbnails and identical files share them.
    public init(size: Int, sha1: String) {
        self.init(size: size, path: "thumbs/\(size)/\(sha1).jpg")
    }
}

/// What the read stage learnt about one file on the card.
public struct PhotoRecord: Sendable, Equatable, Codable {
    /// The photo's path below the card root, byte for byte.
    public var key: PathKey
    /// SHA-1 of the file bytes, as Commons identifies content.
    public var sha1: String?
    public var frame: JPEGFrame?
    public var metadata: PhotoMetadata?
    public var thumbnails: [ThumbnailFile] = []
    /// Sharpness, look and clipping of the decoded pixels, for the culling hints.
    public var signals: ImageSignals?
    /// The thumbnails this read rendered, until the store keeps them (not part of the record).
    public var rendered: [Thumbnail] = []
    public var times = StageTimes()
    /// Why the photo cannot go into the batch (unreadable, not a JPEG, damaged pixels…).
    public var failure: String?
    /// Problems that did not fail the photo but belong in its batch line (a kept damaged photo).
    public var warnings: [String] = []
    public var diagnostics: [Diagnostic] = []
    /// Whether this run decoded the photo's pixels (false when the catalogue's result was reused).
    public var decoded = false

    /// The catalogue keeps what was learnt; the work counters belong to the run that did it.
    enum CodingKeys: String, CodingKey {
        case key = "path", sha1, frame, metadata, thumbnails, signals, failure, warnings, diagnostics
    }

    public init(key: PathKey) {
        self.key = key
    }

    public init(relativePath: String) {
        self.init(key: PathKey(relativePath))
    }

    /// The path for people (`PathKey.display`).
    public var relativePath: String { key.display }
}
