import Foundation
import PhotoModel
import PhotoRead

/// Paints small, deterministic "photos": a sky-to-floor gradient, some round shapes, grain like
/// a camera's, and two corner marks (red top-left, yellow top-right) so that tests and people
/// can see at a glance whether a thumbnail is upright.
public enum Painter {
    public static func scene(width: Int, height: Int, seed: UInt64, hue: Int = 0) -> RasterImage {
        var random = SplitMix64(seed: seed)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let shapes = (0..<6).map { _ in
            (
                x: Int(random.next() % UInt64(width)), y: height / 3 + Int(random.next() % UInt64(max(1, height / 2))),
                r: max(4, min(width, height) / 10 + Int(random.next() % 20)),
                color: [UInt8(150 + random.next() % 100), UInt8(90 + random.next() % 90), UInt8(60 + random.next() % 80)]
            )
        }
        let mark = max(4, min(width, height) / 8)
        for y in 0..<height {
            for x in 0..<width {
                let t = Double(y) / Double(max(1, height - 1))
                var rgb = [70 + 90 * t + Double(hue), 120 + 40 * t, 200 - 120 * t].map { Int($0) }
                for s in shapes where (x - s.x) * (x - s.x) + (y - s.y) * (y - s.y) < s.r * s.r {
                    rgb = s.color.map(Int.init)
                }
                if y < mark, x < mark { rgb = [220, 30, 30] }
                if y < mark, x >= width - mark { rgb = [240, 220, 40] }
                let grain = Int(random.next() % 13) - 6
                let index = (y * width + x) * 3
                for c in 0..<3 { pixels[index + c] = UInt8(clamping: rgb[c] + grain) }
            }
        }
        return RasterImage(width: width, height: height, components: 3, pixels: pixels)
    }

    /// A camera-sized picture: soft light gradients, a few large shapes and sensor-like grain
    /// (luminance and some chroma noise), which gives a JPEG about the entropy of a real photo.
    public static func photographic(width: Int, height: Int, seed: UInt64) -> RasterImage {
        var random = SplitMix64(seed: seed)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let shapes = (0..<12).map { _ in
            (
                x: Int(random.next() % UInt64(width)), y: Int(random.next() % UInt64(height)),
                r: height / 12 + Int(random.next() % UInt64(height / 6)),
                color: (Int(random.next() % 200) + 30, Int(random.next() % 200) + 30, Int(random.next() % 200) + 30)
            )
        }
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let t = y * 255 / height
                for x in 0..<width {
                    let s = x * 255 / width
                    var (r, g, b) = (60 + t / 2, 90 + s / 3, 200 - t / 2)
                    for shape in shapes where abs(x - shape.x) < shape.r && abs(y - shape.y) < shape.r {
                        let dx = x - shape.x, dy = y - shape.y
                        if dx * dx + dy * dy < shape.r * shape.r { (r, g, b) = shape.color }
                    }
                    let n = random.next()
                    let luma = Int(n & 31) + Int(n >> 5 & 31) - 31  // triangular, ±31
                    let chroma = (Int(n >> 10 & 15) - 7, Int(n >> 14 & 15) - 7)
                    let i = (y * width + x) * 3
                    out[i] = UInt8(clamping: r + luma + chroma.0)
                    out[i + 1] = UInt8(clamping: g + luma)
                    out[i + 2] = UInt8(clamping: b + luma + chroma.1)
                }
            }
        }
        return RasterImage(width: width, height: height, components: 3, pixels: pixels)
    }

    /// The `width`×`height` part of `image` whose top-left corner is at (x, y).
    public static func crop(_ image: RasterImage, x: Int, y: Int, width: Int, height: Int) -> RasterImage {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height * image.components)
        for row in y..<(y + height) {
            let start = (row * image.width + x) * image.components
            pixels += image.pixels[start..<(start + width * image.components)]
        }
        return RasterImage(width: width, height: height, components: image.components, pixels: pixels)
    }

    /// The picture out of focus: a Gaussian blur of `sigma` pixels, one axis at a time.
    public static func blurred(_ image: RasterImage, sigma: Double) -> RasterImage {
        let radius = Int((3 * sigma).rounded(.up))
        let weights = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = weights.reduce(0, +)
        var current = image
        for horizontal in [true, false] {
            var out = current.pixels
            for y in 0..<current.height {
                for x in 0..<current.width {
                    for c in 0..<current.components {
                        var sum = 0.0
                        for k in -radius...radius {
                            let sx = horizontal ? min(current.width - 1, max(0, x + k)) : x
                            let sy = horizontal ? y : min(current.height - 1, max(0, y + k))
                            sum += weights[k + radius] * Double(current.pixels[(sy * current.width + sx) * current.components + c])
                        }
                        out[(y * current.width + x) * current.components + c] = UInt8(clamping: Int((sum / total).rounded()))
                    }
                }
            }
            current = RasterImage(width: current.width, height: current.height, components: current.components, pixels: out)
        }
        return current
    }

    /// The pixels a camera stores for an upright picture when it records `orientation`:
    /// the inverse of the transform a viewer applies.
    public static func stored(_ upright: RasterImage, orientation: Int) -> RasterImage {
        let inverse = [1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 8, 7: 7, 8: 6][orientation] ?? 1
        return Orientation.upright(upright, orientation: inverse)
    }
}

/// A tiny, well-known PRNG: the same seed paints the same picture on every machine.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
