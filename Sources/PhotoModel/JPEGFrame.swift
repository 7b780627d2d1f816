/// The frame header (SOFn) of a JPEG: the true pixel size, whatever EXIF claims.
public struct JPEGFrame: Sendable, Equatable, Codable {
    public enum Process: String, Sendable, Codable {
        case baseline, extended, progressive, lossless
    }

    public var width: Int
    public var height: Int
    public var components: Int
    public var precision: Int
    public var process: Process
    public var arithmetic: Bool

    public init(width: Int, height: Int, components: Int, precision: Int, process: Process, arithmetic: Bool) {
        self.width = width
        self.height = height
        self.components = components
        self.precision = precision
        self.process = process
        self.arithmetic = arithmetic
    }
}
