import Foundation
import PhotoModel

public struct ThumbnailSet: Sendable {
    public var thumbnails: [Thumbnail]
    public var warnings = DecodeWarnings()
    /// Sharpness, look and clipping, measured on the same pixels (nil when nothing was decoded).
    public var signals: ImageSignals?
    /// Decode, resize and encode times.
    public var times = StageTimes()
}

/// Makes upright thumbnails with one decode per photo, like libvips' shrink-on-load: libjpeg
/// decodes at the coarsest DCT scale that still leaves 2× for the area-average resize, and
/// smaller sizes are made from larger results.
public enum Thumbnailer {
    /// The largest of 8, 4, 2, 1 that keeps at least twice `target` pixels on the long edge.
    public static func scaleDenominator(longEdge: Int, target: Int) -> Int {
        for denominator in [8, 4, 2] where (longEdge + denominator - 1) / denominator >= 2 * target {
            return denominator
        }
        return 1
    }

    public static func render(jpeg data: Data, orientation: Int?, options: ThumbnailOptions) throws -> ThumbnailSet {
        let sizes = Array(Set(options.sizes)).sorted(by: >)
        guard let largest = sizes.first else { return ThumbnailSet(thumbnails: []) }
        var times = StageTimes()
        let decoded = try StageTimes.measure(&times.decode) {
            try JPEGCodec.decode(data, maxPixels: options.maxPixels) { header in
                scaleDenominator(longEdge: max(header.width, header.height), target: largest)
            }
        }
        // The full frame's proportions, so every size has the shape the photo has.
        let fullWidth = decoded.image.width * decoded.scaleDenominator
        let fullHeight = decoded.image.height * decoded.scaleDenominator
        var source = decoded.image
        var thumbnails: [Thumbnail] = []
        // Measured on the smallest image at least as large as the analysis size.
        var measured = decoded.image
        for size in sizes {
            var fitted = Resampler.fittedSize(width: fullWidth, height: fullHeight, longEdge: size)
            fitted = (min(fitted.width, source.width), min(fitted.height, source.height))
            let (resized, upright) = StageTimes.measure(&times.resize) {
                let resized = Resampler.resize(source, width: fitted.width, height: fitted.height)
                return (resized, Orientation.upright(resized, orientation: orientation ?? 1))
            }
            let jpeg = try StageTimes.measure(&times.encode) { try JPEGCodec.encode(upright, quality: options.quality) }
            thumbnails.append(Thumbnail(size: size, width: upright.width, height: upright.height, jpeg: jpeg))
            if resized.longEdge >= ImageSignals.analysisEdge { measured = resized }
            source = resized
        }
        let signals = StageTimes.measure(&times.signals) { SignalMeter.measure(measured) }
        return ThumbnailSet(thumbnails: thumbnails.reversed(), warnings: decoded.warnings, signals: signals, times: times)
    }
}
