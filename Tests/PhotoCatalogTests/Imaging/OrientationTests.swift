import SampleCard
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct OrientationTests {
    /// A 3×2 image whose pixels are numbered 1…6, row by row.
    static let numbered = RasterImage(width: 3, height: 2, components: 1, pixels: [1, 2, 3, 4, 5, 6])

    @Test(arguments: [
        (1, 3, [1, 2, 3, 4, 5, 6]),
        (2, 3, [3, 2, 1, 6, 5, 4]),
        (3, 3, [6, 5, 4, 3, 2, 1]),
        (4, 3, [4, 5, 6, 1, 2, 3]),
        (5, 2, [1, 4, 2, 5, 3, 6]),
        (6, 2, [4, 1, 5, 2, 6, 3]),
        (7, 2, [6, 3, 5, 2, 4, 1]),
        (8, 2, [3, 6, 2, 5, 1, 4]),
    ])
    func eachOrientationMovesPixelsAsExifSays(orientation: Int, width: Int, pixels: [UInt8]) {
        let upright = Orientation.upright(Self.numbered, orientation: orientation)
        #expect(upright.width == width)
        #expect(upright.pixels == pixels)
    }

    @Test(arguments: 1...8)
    func largeColourPicturesMoveWholePixels(orientation: Int) {
        // Larger than one 32 × 32 tile of the pixel walk, with three bytes per pixel: pixel
        // (x, y) holds x, y and x ^ y.
        let (w, h) = (70, 45)
        let pixels: [UInt8] = (0..<(w * h)).flatMap { i -> [UInt8] in
            let (x, y) = (i % w, i / w)
            return [UInt8(x), UInt8(y), UInt8(x ^ y)]
        }
        let image = RasterImage(width: w, height: h, components: 3, pixels: pixels)
        let upright = Orientation.upright(image, orientation: orientation)
        let source: (Int, Int) -> (Int, Int) =
            switch orientation {
            case 2: { x, y in (w - 1 - x, y) }
            case 3: { x, y in (w - 1 - x, h - 1 - y) }
            case 4: { x, y in (x, h - 1 - y) }
            case 5: { x, y in (y, x) }
            case 6: { x, y in (y, h - 1 - x) }
            case 7: { x, y in (w - 1 - y, h - 1 - x) }
            case 8: { x, y in (w - 1 - y, x) }
            default: { x, y in (x, y) }
            }
        let outWidth = orientation >= 5 ? h : w, outHeight = orientation >= 5 ? w : h
        let expected: [UInt8] = (0..<(outWidth * outHeight)).flatMap { i -> [UInt8] in
            let (sx, sy) = source(i % outWidth, i / outWidth)
            return [UInt8(sx), UInt8(sy), UInt8(sx ^ sy)]
        }
        #expect(upright.width == outWidth)
        #expect(upright.pixels == expected)
    }

    @Test(arguments: 1...8)
    func storedThenUprightGivesThePictureBack(orientation: Int) {
        let picture = Painter.scene(width: 24, height: 16, seed: 3)
        #expect(Orientation.upright(Painter.stored(picture, orientation: orientation), orientation: orientation) == picture)
    }

    @Test(arguments: [0, 9, -1])
    func invalidOrientationLeavesThePictureAsIs(orientation: Int) {
        #expect(Orientation.upright(Self.numbered, orientation: orientation) == Self.numbered)
    }
}
