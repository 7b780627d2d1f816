import Foundation

/// One regular file found on the card.
public struct CardFile: Sendable, Equatable {
    /// Path relative to the card root, `/`-separated, byte for byte: the photo's identity.
    public var key: PathKey
    /// Where to read it.
    public var path: FileSystemPath
    public var size: Int64
    /// Modification time in nanoseconds since 1970: with the size, how a later run knows the
    /// file is unchanged without reading it.
    public var modified: Int64
    public var kind: FileKind

    public init(key: PathKey, path: FileSystemPath, size: Int64, modified: Int64 = 0, kind: FileKind) {
        self.key = key
        self.path = path
        self.size = size
        self.modified = modified
        self.kind = kind
    }

    public init(relativePath: String, path: FileSystemPath, size: Int64, modified: Int64 = 0, kind: FileKind) {
        self.init(key: PathKey(relativePath), path: path, size: size, modified: modified, kind: kind)
    }

    public init(relativePath: String, url: URL, size: Int64, modified: Int64 = 0, kind: FileKind) {
        self.init(relativePath: relativePath, path: FileSystemPath(url.path), size: size, modified: modified, kind: kind)
    }

    /// The path for people (`PathKey.display`).
    public var relativePath: String { key.display }

    public var url: URL { URL(fileURLWithPath: path.string) }
}
