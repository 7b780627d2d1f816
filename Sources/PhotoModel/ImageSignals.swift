import Foundation

/// What the pixels say about a photo, measured on the image the thumbnails were made from
/// (no extra decode): how sharp it is, what it looks like (a perceptual hash, to find
/// near-duplicates) and how much of it is clipped. They feed the culling hints.
public struct ImageSignals: Sendable, Equatable, Codable {
    /// Variance of the luminance's second derivative along its weaker axis, at
    /// `ImageSignals.analysisEdge` pixels on the long edge: high for crisp detail, low for
    /// defocus or motion blur. Comparable across photos of
    /// any size, since all are measured at that size.
    public var sharpness: Double
    /// A 64-bit difference hash (dHash) of the luminance, in hex: near-identical frames differ in
    /// a few bits.
    public var hash: String
    /// Share of pixels at or above 250 (blown highlights) and at or below 5 (crushed shadows).
    public var highlights: Double
    public var shadows: Double

    /// The long edge, in pixels, at which every photo is measured.
    public static let analysisEdge = 256

    public init(sharpness: Double, hash: String, highlights: Double, shadows: Double) {
        self.sharpness = sharpness
        self.hash = hash
        self.highlights = highlights
        self.shadows = shadows
    }

    /// Bits in which two hashes differ (64 when one cannot be read).
    public func distance(to other: ImageSignals) -> Int {
        guard let a = UInt64(hash, radix: 16), let b = UInt64(other.hash, radix: 16) else { return 64 }
        return (a ^ b).nonzeroBitCount
    }
}
