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
/// decodes at the smallest DCT scale that still leaves `margin` × the largest size, the Lanczos
/// resize makes that size, and each smaller size is made from the one above it.
public enum Thumbnailer {
    /// How much larger than the largest thumbnail the decoded picture must stay: twice, as
    /// libvips leaves it. A DCT-scaled decode averages each block, and averaging lets detail
    /// finer than the decoded grid fold back (alias) into coarser detail; the Lanczos resize
    /// after it removes what lies between the two grids, but not what has folded below the
    /// thumbnail's own grid. Measured by SSIM as bench/run computes it: at 1.17× (24 MP decoded at
    /// 1/4 for 1280 px) the thumbnails scored below libvips', on the benchmark card and on real
    /// 13 to 24 MP photos alike, and at 1.6× (45 MP at 1/4, 12 MP at 1/2) still a little below.
    public static let margin = 2.0

    /// libjpeg-turbo has SIMD code for the inverse DCTs of 1/8, 1/4, 1/2 and the full size only;
    /// the scales between (3/8, 5/8, …) run plain C, and a 24 MP photo decoded more slowly at
    /// 3/8 than at 1/2 although 3/8 leaves fewer pixels.
    static let fastScales = [1, 2, 4, 8].map(DCTScale.init(eighths:))

    /// The smallest fast scale whose long edge is at least `margin` × `target`, or the full size.
    public static func dctScale(longEdge: Int, target: Int) -> DCTScale {
        let needed = Int((Double(target) * margin).rounded(.up))
        return fastScales.first { $0.scaled(longEdge) >= needed } ?? .full
    }

    public static func render(jpeg data: Data, orientation: Int?, options: ThumbnailOptions) throws -> ThumbnailSet {
        let sizes = Array(Set(options.sizes)).sorted(by: >)
        guard let largest = sizes.first else { return ThumbnailSet(thumbnails: []) }
        var times = StageTimes()
        let decoded = try StageTimes.measure(&times.decode) {
            try JPEGCodec.decode(data, maxPixels: options.maxPixels) { header in
                dctScale(longEdge: max(header.width, header.height), target: largest)
            }
        }
        // The full frame's proportions, so every size has the shape the photo has.
        let fullWidth = decoded.header.width, fullHeight = decoded.header.height
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
