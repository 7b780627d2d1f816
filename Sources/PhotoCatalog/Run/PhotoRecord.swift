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
}

/// What the read stage learnt about one file on the card.
public struct PhotoRecord: Sendable, Equatable, Codable {
    public var relativePath: String
    /// SHA-1 of the file bytes, as Commons identifies content.
    public var sha1: String?
    public var frame: JPEGFrame?
    public var metadata: PhotoMetadata?
    public var thumbnails: [ThumbnailFile] = []
    public var thumbnailWrites = AtomicFile.Counts()
    public var times = StageTimes()
    /// Why the photo cannot go into the batch (unreadable, not a JPEG, damaged pixels…).
    public var failure: String?
    /// Problems that did not fail the photo but belong in its batch line (a kept damaged photo).
    public var warnings: [String] = []
    public var diagnostics: [Diagnostic] = []
    /// Whether this run decoded the photo's pixels (false when the catalogue's result was reused).
    public var decoded = false
    /// A thumbnail could not be written (disk full, say): a fault of the output folder, not of
    /// the photo, so the run stops instead of recording the photo as failed.
    public var outputError: PhotoCatalogError?

    /// The catalogue keeps what was learnt; the work counters belong to the run that did it.
    enum CodingKeys: String, CodingKey {
        case relativePath = "path", sha1, frame, metadata, thumbnails, failure, warnings, diagnostics
    }

    public init(relativePath: String) {
        self.relativePath = relativePath
    }
}
