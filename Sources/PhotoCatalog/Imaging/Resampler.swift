/// Downscaling by area averaging (a box filter with exact fractional coverage): every source
/// pixel contributes in proportion to the area it covers, which is what keeps fine detail from
/// aliasing when a camera frame shrinks to a thumbnail.
public enum Resampler {
    /// The size that fits `longEdge`, keeping the aspect ratio; never larger than the source.
    public static func fittedSize(width: Int, height: Int, longEdge: Int) -> (width: Int, height: Int) {
        let long = max(width, height)
        guard long > longEdge else { return (width, height) }
        let factor = Double(longEdge) / Double(long)
        return (max(1, Int((Double(width) * factor).rounded())), max(1, Int((Double(height) * factor).rounded())))
    }

    public static func resize(_ image: RasterImage, width: Int, height: Int) -> RasterImage {
        guard width != image.width || height != image.height else { return image }
        // Rows first: the column pass then works on the narrower image.
        return resizeColumns(resizeRows(image, to: width), to: height)
    }

    /// Fixed-point weights (sum 1 << 14) of the source pixels each target pixel covers.
    struct Span {
        var start: Int
        var weights: [Int32]
    }

    static func spans(source: Int, target: Int) -> [Span] {
        let scale = Double(source) / Double(target)
        return (0..<target).map { i in
            let lo = Double(i) * scale, hi = Double(i + 1) * scale
            let first = Int(lo), last = min(source - 1, Int((hi - 1e-9).rounded(.down)))
            var raw = (first...max(first, last)).map { j in min(hi, Double(j + 1)) - max(lo, Double(j)) }
            let total = raw.reduce(0, +)
            raw = raw.map { $0 / total }
            var weights = raw.map { Int32(($0 * 16384).rounded()) }
            weights[weights.count - 1] += 16384 - weights.reduce(0, +) // exact sum: flat areas stay flat
            return Span(start: first, weights: weights)
        }
    }

    private static func resizeRows(_ image: RasterImage, to width: Int) -> RasterImage {
        guard width != image.width else { return image }
        let c = image.components
        let spans = spans(source: image.width, target: width)
        var out = [UInt8](repeating: 0, count: width * image.height * c)
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<image.height {
                    let srcRow = y * image.rowBytes, dstRow = y * width * c
                    for (x, span) in spans.enumerated() {
                        for ch in 0..<c {
                            var sum: Int32 = 8192
                            var index = srcRow + span.start * c + ch
                            for w in span.weights {
                                sum += w * Int32(src[index])
                                index += c
                            }
                            dst[dstRow + x * c + ch] = UInt8(clamping: sum >> 14)
                        }
                    }
                }
            }
        }
        return RasterImage(width: width, height: image.height, components: c, pixels: out)
    }

    /// The vertical pass: each output row is a weighted sum of whole source rows, which reads
    /// memory in order and vectorises.
    private static func resizeColumns(_ image: RasterImage, to height: Int) -> RasterImage {
        guard height != image.height else { return image }
        let rowBytes = image.rowBytes
        let spans = spans(source: image.height, target: height)
        var out = [UInt8](repeating: 0, count: rowBytes * height)
        var sums = [Int32](repeating: 0, count: rowBytes)
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                sums.withUnsafeMutableBufferPointer { acc in
                    for (y, span) in spans.enumerated() {
                        for i in 0..<rowBytes { acc[i] = 8192 }
                        for (k, w) in span.weights.enumerated() {
                            let row = (span.start + k) * rowBytes
                            for i in 0..<rowBytes { acc[i] &+= w &* Int32(src[row + i]) }
                        }
                        let outRow = y * rowBytes
                        for i in 0..<rowBytes { dst[outRow + i] = UInt8(clamping: acc[i] >> 14) }
                    }
                }
            }
        }
        return RasterImage(width: image.width, height: height, components: image.components, pixels: out)
    }
}
