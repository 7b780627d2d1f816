import PhotoModel

/// Pixel moves that exchange rows and columns or flip them: the resize's passes writing their
/// results on their side, and the eight EXIF orientations. Each is an affine walk of the source: output
/// pixel (x, y) is source pixel `origin + x · stepX + y · stepY` (counted in pixels).
enum Transposition {
    struct Walk {
        var origin: Int
        var stepX: Int
        var stepY: Int
        var swapsAxes: Bool
    }

    static func remapped(_ image: RasterImage, _ walk: Walk) -> RasterImage {
        switch image.components {
        case 1: remapped(image, walk, as: UInt8.self)
        case 3: remapped(image, walk, as: RGB.self)
        default: remapped(image, walk, as: UInt32.self)
        }
    }

    /// Copies `rows` rows of `width` pixels from `band` into `out` (rows `outWidth` pixels long)
    /// turned on their side: pixel x of band row r lands at (column + r, x).
    static func place(
        _ band: UnsafeRawBufferPointer, rows: Int, width: Int, components: Int,
        into out: UnsafeMutableRawBufferPointer, column: Int, outWidth: Int
    ) {
        switch components {
        case 1: place(band, rows, width, into: out, column, outWidth, as: UInt8.self)
        case 3: place(band, rows, width, into: out, column, outWidth, as: RGB.self)
        default: place(band, rows, width, into: out, column, outWidth, as: UInt32.self)
        }
    }

    private static func place<Pixel: BitwiseCopyable>(
        _ band: UnsafeRawBufferPointer, _ rows: Int, _ width: Int, into out: UnsafeMutableRawBufferPointer,
        _ column: Int, _ outWidth: Int, as _: Pixel.Type
    ) {
        let src = band.bindMemory(to: Pixel.self), dst = out.bindMemory(to: Pixel.self)
        for x in 0..<width {
            let to = x &* outWidth &+ column
            for r in 0..<rows { dst[to &+ r] = src[r &* width &+ x] }
        }
    }

    private struct RGB: BitwiseCopyable {
        var r, g, b: UInt8
    }

    /// Walks the output in 32 × 32 tiles, so that when the axes are exchanged the source rows
    /// read and the output rows written both stay in cache.
    private static func remapped<Pixel: BitwiseCopyable>(_ image: RasterImage, _ walk: Walk, as _: Pixel.Type) -> RasterImage {
        precondition(MemoryLayout<Pixel>.size == image.components, "one pixel per element")
        let outWidth = walk.swapsAxes ? image.height : image.width
        let outHeight = walk.swapsAxes ? image.width : image.height
        let tile = 32
        let pixels = [UInt8](unsafeUninitializedCapacity: image.pixels.count) { buffer, count in
            let dst = UnsafeMutableRawBufferPointer(buffer).bindMemory(to: Pixel.self)
            image.pixels.withUnsafeBytes { raw in
                let src = raw.bindMemory(to: Pixel.self)
                for tileY in stride(from: 0, to: outHeight, by: tile) {
                    for tileX in stride(from: 0, to: outWidth, by: tile) {
                        for y in tileY..<min(tileY + tile, outHeight) {
                            let row = y &* outWidth
                            var from = walk.origin &+ y &* walk.stepY &+ tileX &* walk.stepX
                            for x in tileX..<min(tileX + tile, outWidth) {
                                dst[row &+ x] = src[from]
                                from &+= walk.stepX
                            }
                        }
                    }
                }
            }
            count = image.pixels.count
        }
        return RasterImage(width: outWidth, height: outHeight, components: image.components, pixels: pixels)
    }
}
