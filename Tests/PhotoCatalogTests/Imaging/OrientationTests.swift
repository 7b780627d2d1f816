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
    func storedThenUprightGivesThePictureBack(orientation: Int) {
        let picture = Painter.scene(width: 24, height: 16, seed: 3)
        #expect(Orientation.upright(Painter.stored(picture, orientation: orientation), orientation: orientation) == picture)
    }

    @Test(arguments: [0, 9, -1])
    func invalidOrientationLeavesThePictureAsIs(orientation: Int) {
        #expect(Orientation.upright(Self.numbered, orientation: orientation) == Self.numbered)
    }
}
