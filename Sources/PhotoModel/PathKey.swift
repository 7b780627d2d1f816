/// A card-relative path compared byte for byte. Swift's String equality is canonical
/// equivalence, under which "Café" written two ways (NFC, and NFD as a Mac may write it) is one
/// string, though on disk they are two files; the catalogue's keys must keep them apart.
public struct PathKey: Hashable, Sendable, ExpressibleByStringLiteral {
    public let bytes: [UInt8]

    public init(_ path: String) {
        bytes = Array(path.utf8)
    }

    public init(stringLiteral path: String) {
        self.init(path)
    }
}
