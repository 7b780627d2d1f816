import Foundation

public struct Thumbnail: Sendable, Equatable {
    /// The requested long edge (the file's folder name); the image may be smaller if the photo is.
    public var size: Int
    public var width: Int
    public var height: Int
    public var jpeg: Data

    public init(size: Int, width: Int, height: Int, jpeg: Data) {
        (self.size, self.width, self.height, self.jpeg) = (size, width, height, jpeg)
    }
}
