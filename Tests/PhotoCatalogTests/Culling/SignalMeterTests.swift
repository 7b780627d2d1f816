import Foundation
import Testing
import PhotoModel
import PhotoRead
import SampleCard

/// Sharpness and the perceptual hash on the development corpus's real photos, against copies
/// made blurry (Gaussian defocus, motion) or made into a burst (a shifted crop, brighter).
@Suite(.enabled(if: Fixtures.corpus != nil, Fixtures.corpusMissing))
struct SignalMeterTests {
    /// Healthy corpus JPEGs of at least 320 px, decoded in gray at 256 to 511 px on the long
    /// edge, as photocat's smallest default thumbnail sees them (the meter measures at 256 px;
    /// gray and the small size keep the blur cheap in a debug build).
    static let photos: [String] = {
        guard let corpus = Fixtures.corpus else { return [] }
        return CorpusThumbnailTests.photos.filter {
            CorpusThumbnailTests.isHealthy($0) && min($0.width ?? 0, $0.height ?? 0) >= 320 && ($0.width ?? 0) * ($0.height ?? 0) <= 50_000_000
        }.map(\.path).filter { FileManager.default.fileExists(atPath: corpus.appendingPathComponent($0).path) }
    }()

    static func image(_ path: String) throws -> RasterImage {
        let data = try Data(contentsOf: Fixtures.corpus!.appendingPathComponent(path))
        let decoded = try JPEGCodec.decode(data, maxPixels: 60_000_000) { header in
            Thumbnailer.dctScale(longEdge: max(header.width, header.height), target: 128)
        }.image
        return gray(decoded)
    }

    static func gray(_ image: RasterImage) -> RasterImage {
        guard image.components == 3 else { return image }
        let pixels = (0..<(image.width * image.height)).map { i -> UInt8 in
            let (r, g, b) = (Int(image.pixels[3 * i]), Int(image.pixels[3 * i + 1]), Int(image.pixels[3 * i + 2]))
            return UInt8((299 * r + 587 * g + 114 * b) / 1000)
        }
        return RasterImage(width: image.width, height: image.height, components: 1, pixels: pixels)
    }

    /// The signals photocat measures on a photo: at the analysis size, from this image.
    static func signals(_ image: RasterImage) -> ImageSignals { SignalMeter.measure(image) }

    @Test func theCorpusHasEnoughPhotos() {
        #expect(Self.photos.count >= 60)
    }

    @Test(arguments: photos)
    func aBlurredCopyScoresClearlyLower(path: String) throws {
        let original = try Self.image(path)
        let sharp = Self.signals(original).sharpness
        try #require(sharp > 5, "\(path) has almost no detail to lose")
        let radius = Double(original.longEdge) / 150  // defocus a photographer would see
        for (kind, blurred) in [("gaussian", Painter.blurred(original, sigma: radius)), ("motion", Blur.motion(original, length: Int(radius * 4)))] {
            let soft = Self.signals(blurred).sharpness
            #expect(soft < 0.3 * sharp, "\(kind): \(soft) against \(sharp)")
        }
    }

    @Test(arguments: photos)
    func aBurstFrameHashesClose(path: String) throws {
        let original = try Self.image(path)
        let base = Self.signals(original)
        let (dx, dy) = (original.width / 100, original.height / 100)
        let shifted = Painter.crop(original, x: dx, y: dy, width: original.width - dx, height: original.height - dy)
        let brighter = Blur.brighten(original, by: 12)
        #expect(base.distance(to: Self.signals(shifted)) <= 12, "\(path): a 1 % shift")
        #expect(base.distance(to: Self.signals(brighter)) <= 12, "\(path): brighter")
    }

    /// Different photos are told apart: almost every pair differs in more than the burst limit.
    @Test func differentPhotosHashFarApart() throws {
        let hashes = try Self.photos.prefix(60).map { Self.signals(try Self.image($0)) }
        var close = 0, pairs = 0
        for i in hashes.indices {
            for j in hashes.indices where j > i {
                pairs += 1
                if hashes[i].distance(to: hashes[j]) <= 12 { close += 1 }
            }
        }
        #expect(Double(close) / Double(pairs) < 0.02, "\(close) of \(pairs) pairs of different photos look alike")
    }
}

/// Image edits for the tests beside the sample card's (`Painter.blurred`, `Painter.crop`): motion blur, exposure.
enum Blur {
    static func motion(_ image: RasterImage, length: Int) -> RasterImage {
        let n = max(3, length | 1)
        return convolve(image, [Double](repeating: 1 / Double(n), count: n), horizontal: true)
    }

    static func convolve(_ image: RasterImage, _ kernel: [Double], horizontal: Bool) -> RasterImage {
        let (w, h, c) = (image.width, image.height, image.components)
        let r = kernel.count / 2
        var out = [UInt8](repeating: 0, count: image.pixels.count)
        for y in 0..<h {
            for x in 0..<w {
                for ch in 0..<c {
                    var sum = 0.0
                    for k in -r...r {
                        let (sx, sy) = horizontal ? (min(w - 1, max(0, x + k)), y) : (x, min(h - 1, max(0, y + k)))
                        sum += kernel[k + r] * Double(image.pixels[(sy * w + sx) * c + ch])
                    }
                    out[(y * w + x) * c + ch] = UInt8(max(0, min(255, sum.rounded())))
                }
            }
        }
        return RasterImage(width: w, height: h, components: c, pixels: out)
    }

    static func brighten(_ image: RasterImage, by amount: Int) -> RasterImage {
        RasterImage(
            width: image.width, height: image.height, components: image.components,
            pixels: image.pixels.map { UInt8(min(255, Int($0) + amount)) })
    }
}
