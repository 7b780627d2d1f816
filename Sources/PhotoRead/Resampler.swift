import Foundation
import PhotoModel

/// Downscaling with a Lanczos-3 filter stretched to the reduction factor, as libvips' reduce
/// does: it keeps edges crisp without aliasing. Plain area averaging measured visibly softer
/// (lower SSIM against a full-resolution reference; see bench/run).
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
        // Columns first: that pass vectorises over whole rows, and leaves the slower row pass
        // fewer rows to do.
        return resizeRows(resizeColumns(image, to: height), to: width)
    }

    static let lobes = 3.0

    /// Lanczos-3: sinc(x) · sinc(x / 3) inside three lobes.
    static func lanczos(_ x: Double) -> Double {
        let x = abs(x)
        guard x > 1e-9 else { return 1 }
        guard x < lobes else { return 0 }
        let px = Double.pi * x
        return lobes * sin(px) * sin(px / lobes) / (px * px)
    }

    /// Fixed-point weights (each target's sum is exactly 1 << 14) of the source pixels under
    /// each target pixel's filter, stored flat with `taps` slots per target (unused slots are
    /// 0), so the inner loops touch contiguous memory only. Past the image's edge the edge
    /// pixel stands in.
    struct Kernel {
        var taps: Int
        var starts: [Int]
        var weights: [Int32]

        init(source: Int, target: Int) {
            let scale = max(1, Double(source) / Double(target))
            let support = lobes * scale
            let lists: [(Int, [Int32])] = (0..<target).map { i in
                let center = (Double(i) + 0.5) * Double(source) / Double(target)
                // Pixel j (centred at j + 0.5) counts while |j + 0.5 - center| < support.
                let from = Int((center - support - 0.5).rounded(.up)), to = Int((center + support - 0.5).rounded(.down))
                let first = min(max(0, from), source - 1), last = max(min(source - 1, to), first)
                var raw = [Double](repeating: 0, count: last - first + 1)
                for j in from...max(from, to) {
                    raw[min(max(j, first), last) - first] += Resampler.lanczos((Double(j) + 0.5 - center) / scale)
                }
                let total = raw.reduce(0, +)
                var weights = raw.map { Int32(($0 / total * 16384).rounded()) }
                let peak = weights.indices.max { weights[$0] < weights[$1] } ?? 0
                weights[peak] += 16384 - weights.reduce(0, +)  // exact sum: flat areas stay flat
                return (first, weights)
            }
            let taps = min(source, lists.map(\.1.count).max() ?? 1)
            self.taps = taps
            // Every window of `taps` pixels lies inside the source: near the right edge the
            // window starts earlier and the weights sit further in.
            starts = lists.map { min($0.0, source - taps) }
            weights = zip(lists, starts).flatMap { list, start in
                let offset = list.0 - start
                return [Int32](repeating: 0, count: offset) + list.1 + [Int32](repeating: 0, count: taps - offset - list.1.count)
            }
        }

        /// The weights of target `i`, as (source index, weight) pairs within the source.
        func contributions(_ i: Int) -> [(Int, Int32)] {
            (0..<taps).compactMap { k in
                let w = weights[i * taps + k]
                return w == 0 ? nil : (starts[i] + k, w)
            }
        }
    }

    /// The horizontal pass. Each row is split into one plane per channel (padded so a vector
    /// load never leaves it); each target pixel is then a dot product of 16-tap weight vectors
    /// with 16 consecutive source bytes.
    private static func resizeRows(_ image: RasterImage, to width: Int) -> RasterImage {
        guard width != image.width else { return image }
        typealias Bytes = SIMD16<UInt8>
        typealias Sums = SIMD16<Int32>
        let c = image.components, sourceWidth = image.width
        let kernel = Kernel(source: sourceWidth, target: width)
        let chunks = (kernel.taps + 15) / 16
        // The weights regrouped as `chunks` vectors per target pixel, zero past the kernel's taps.
        var vectors = [Sums](repeating: Sums(), count: width * chunks)
        for x in 0..<width {
            for k in 0..<kernel.taps { vectors[x * chunks + k / 16][k % 16] = kernel.weights[x * kernel.taps + k] }
        }
        var plane = [UInt8](repeating: 0, count: sourceWidth + chunks * 16)
        var out = [UInt8](repeating: 0, count: width * image.height * c)
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                plane.withUnsafeMutableBytes { planeBytes in
                    vectors.withUnsafeBufferPointer { vectors in
                        kernel.starts.withUnsafeBufferPointer { starts in
                            for y in 0..<image.height {
                                let srcRow = y * image.rowBytes, dstRow = y * width * c
                                for ch in 0..<c {
                                    for x in 0..<sourceWidth { planeBytes[x] = src[srcRow + x * c + ch] }
                                    for x in 0..<width {
                                        var sum = Sums()
                                        for chunk in 0..<chunks {
                                            let pixels = planeBytes.loadUnaligned(fromByteOffset: starts[x] + chunk * 16, as: Bytes.self)
                                            sum &+= vectors[x * chunks + chunk] &* Sums(truncatingIfNeeded: pixels)
                                        }
                                        dst[dstRow + x * c + ch] = UInt8(clamping: (sum.wrappedSum() &+ 8192) >> 14)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return RasterImage(width: width, height: image.height, components: c, pixels: out)
    }

    /// The vertical pass: each output row is a weighted sum of whole source rows. It runs over
    /// the full decoded width, so it is written with 16-byte vectors (scalar for the tail).
    private static func resizeColumns(_ image: RasterImage, to height: Int) -> RasterImage {
        guard height != image.height else { return image }
        typealias Bytes = SIMD16<UInt8>
        typealias Sums = SIMD16<Int32>
        let rowBytes = image.rowBytes
        let vectorEnd = rowBytes / 16 * 16
        let kernel = Kernel(source: image.height, target: height)
        var out = [UInt8](repeating: 0, count: rowBytes * height)
        var sums = [Sums](repeating: Sums(), count: vectorEnd / 16)
        var tail = [Int32](repeating: 0, count: rowBytes - vectorEnd)
        image.pixels.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                sums.withUnsafeMutableBufferPointer { acc in
                    for y in 0..<height {
                        for v in acc.indices { acc[v] = Sums(repeating: 8192) }
                        for i in tail.indices { tail[i] = 8192 }
                        for (row, w) in kernel.contributions(y) {
                            let start = row * rowBytes, weight = Sums(repeating: w)
                            for v in acc.indices {
                                acc[v] &+= weight &* Sums(truncatingIfNeeded: src.loadUnaligned(fromByteOffset: start + v * 16, as: Bytes.self))
                            }
                            for i in tail.indices { tail[i] &+= w &* Int32(src[start + vectorEnd + i]) }
                        }
                        let outRow = y * rowBytes
                        for v in acc.indices {
                            let value = (acc[v] &>> 14).clamped(lowerBound: Sums(repeating: 0), upperBound: Sums(repeating: 255))
                            dst.storeBytes(of: Bytes(truncatingIfNeeded: value), toByteOffset: outRow + v * 16, as: Bytes.self)
                        }
                        for i in tail.indices { dst[outRow + vectorEnd + i] = UInt8(clamping: tail[i] >> 14) }
                    }
                }
            }
        }
        return RasterImage(width: image.width, height: height, components: image.components, pixels: out)
    }
}
