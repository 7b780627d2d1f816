import PhotoModel
/// 8-bit pixels, rows packed without padding: 1 component (gray), 3 (RGB) or 4 (CMYK).
public struct RasterImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var components: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, components: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * components, "pixel buffer does not match the size")
        self.width = width
        self.height = height
        self.components = components
        self.pixels = pixels
    }

    public var rowBytes: Int { width * components }
    public var longEdge: Int { max(width, height) }
}
