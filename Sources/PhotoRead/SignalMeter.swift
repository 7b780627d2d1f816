import Foundation
import PhotoModel

/// Measures `ImageSignals` on a decoded image: luminance at the analysis size, then the
/// Laplacian's variance, a difference hash and the clipped shares. A few milliseconds per photo,
/// on pixels the thumbnails already decoded.
public enum SignalMeter {
    public static func measure(_ image: RasterImage) -> ImageSignals {
        let (width, height) = Resampler.fittedSize(width: image.width, height: image.height, longEdge: ImageSignals.analysisEdge)
        let small = image.longEdge > ImageSignals.analysisEdge ? Resampler.resize(image, width: width, height: height) : image
        let luma = luminance(small)
        let (highlights, shadows) = clipped(luma)
        return ImageSignals(
            sharpness: laplacianVariance(luma, width: small.width, height: small.height),
            hash: differenceHash(luma, width: small.width, height: small.height),
            highlights: highlights, shadows: shadows)
    }

    /// Rec. 601 luma, 0–255.
    static func luminance(_ image: RasterImage) -> [Double] {
        let c = image.components
        var luma = [Double](repeating: 0, count: image.width * image.height)
        for i in luma.indices {
            let p = i * c
            if c < 3 {
                luma[i] = Double(image.pixels[p])
            } else {
                let (r, g, b) = (Double(image.pixels[p]), Double(image.pixels[p + 1]), Double(image.pixels[p + 2]))
                luma[i] = 0.299 * r + 0.587 * g + 0.114 * b
            }
        }
        return luma
    }

    /// The variance of the second derivative along each axis over the inner pixels, the weaker
    /// axis taken: defocus lowers both, motion blur the one it smeared along, and the weaker axis
    /// catches either (the plain Laplacian keeps the other axis's detail and misses motion).
    static func laplacianVariance(_ luma: [Double], width: Int, height: Int) -> Double {
        guard width > 2, height > 2 else { return 0 }
        var (sumX, squaresX, sumY, squaresY) = (0.0, 0.0, 0.0, 0.0)
        for y in 1..<(height - 1) {
            for x in 1..<(width - 1) {
                let i = y * width + x
                let dxx = luma[i - 1] + luma[i + 1] - 2 * luma[i]
                let dyy = luma[i - width] + luma[i + width] - 2 * luma[i]
                (sumX, squaresX) = (sumX + dxx, squaresX + dxx * dxx)
                (sumY, squaresY) = (sumY + dyy, squaresY + dyy * dyy)
            }
        }
        let n = Double((width - 2) * (height - 2))
        return min(squaresX / n - (sumX / n) * (sumX / n), squaresY / n - (sumY / n) * (sumY / n))
    }

    /// dHash: the luminance averaged into 9×8 cells; each bit says whether a cell is brighter
    /// than its right-hand neighbour.
    static func differenceHash(_ luma: [Double], width: Int, height: Int) -> String {
        var cells = [Double](repeating: 0, count: 72)
        var counts = [Double](repeating: 0, count: 72)
        for y in 0..<height {
            for x in 0..<width {
                let cell = min(7, y * 8 / height) * 9 + min(8, x * 9 / width)
                cells[cell] += luma[y * width + x]
                counts[cell] += 1
            }
        }
        var bits: UInt64 = 0
        for row in 0..<8 {
            for column in 0..<8 {
                let left = cells[row * 9 + column] / max(1, counts[row * 9 + column])
                let right = cells[row * 9 + column + 1] / max(1, counts[row * 9 + column + 1])
                bits = bits << 1 | (left > right ? 1 : 0)
            }
        }
        return String(format: "%016llx", bits)
    }

    static func clipped(_ luma: [Double]) -> (highlights: Double, shadows: Double) {
        guard !luma.isEmpty else { return (0, 0) }
        let n = Double(luma.count)
        return (Double(luma.filter { $0 >= 250 }.count) / n, Double(luma.filter { $0 <= 5 }.count) / n)
    }
}
