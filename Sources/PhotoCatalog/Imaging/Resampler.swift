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
        // Columns first: that pass vectorises over whole rows, and leaves the slower row pass
        // fewer rows to do.
        return resizeRows(resizeColumns(image, to: height), to: width)
    }

    /// Fixed-point weights (each target's sum is exactly 1 << 14) of the source pixels that each
    /// target pixel covers, stored flat with `taps` slots per target (unused slots are 0), so
    /// the inner loops touch contiguous memory only.
    struct Kernel {
        var taps: Int
        var starts: [Int]
        var weights: [Int32]

        init(source: Int, target: Int) {
            let scale = Double(source) / Double(target)
            let lists: [(Int, [Int32])] = (0..<target).map { i in
                let lo = Double(i) * scale, hi = Double(i + 1) * scale
                let first = Int(lo), last = min(source - 1, Int((hi - 1e-9).rounded(.down)))
                let coverage = (first...max(first, last)).map { j in min(hi, Double(j + 1)) - max(lo, Double(j)) }
                let total = coverage.reduce(0, +)
                var weights = coverage.map { Int32(($0 / total * 16384).rounded()) }
                weights[weights.count - 1] += 16384 - weights.reduce(0, +) // exact sum: flat areas stay flat
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
        func contributions(_ i: Int, source: Int) -> [(Int, Int32)] {
            (0..<taps).compactMap { k in
                let w = weights[i * taps + k]
                return w == 0 ? nil : (starts[i] + k, w)
            }
        }
    }

    private static func resizeRows(_ image: RasterImage, to width: Int) -> RasterImage {
        guard width != image.width else { return image }
        let c = image.components
        let kernel = Kernel(source: image.width, target: width)
        let taps = kernel.taps
        var out = [UInt8](repeating: 0, count: width * image.height * c)
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                kernel.starts.withUnsafeBufferPointer { starts in
                    kernel.weights.withUnsafeBufferPointer { weights in
                        for y in 0..<image.height {
                            let srcRow = y * image.rowBytes, dstRow = y * width * c
                            for x in 0..<width {
                                let base = srcRow + starts[x] * c
                                let w0 = x * taps
                                if c == 3 {
                                    // RGB, the common case: three sums per weight load.
                                    var (r, g, b): (Int32, Int32, Int32) = (8192, 8192, 8192)
                                    for k in 0..<taps {
                                        let w = weights[w0 + k], p = base + k * 3
                                        r &+= w &* Int32(src[p])
                                        g &+= w &* Int32(src[p + 1])
                                        b &+= w &* Int32(src[p + 2])
                                    }
                                    let o = dstRow + x * 3
                                    dst[o] = UInt8(clamping: r >> 14)
                                    dst[o + 1] = UInt8(clamping: g >> 14)
                                    dst[o + 2] = UInt8(clamping: b >> 14)
                                    continue
                                }
                                for ch in 0..<c {
                                    var sum: Int32 = 8192
                                    for k in 0..<taps { sum &+= weights[w0 + k] &* Int32(src[base + k * c + ch]) }
                                    dst[dstRow + x * c + ch] = UInt8(clamping: sum >> 14)
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
                        for (row, w) in kernel.contributions(y, source: image.height) {
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
