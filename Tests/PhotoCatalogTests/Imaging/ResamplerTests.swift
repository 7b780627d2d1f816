import SampleCard
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct ResamplerTests {
    @Test(arguments: [
        (6000, 4000, 1280, 1280, 853),
        (4000, 6000, 320, 213, 320),
        (640, 480, 1280, 640, 480),  // never enlarged
        (5000, 1, 320, 320, 1),  // never below one pixel
    ])
    func fittedSizeKeepsTheAspectRatio(width: Int, height: Int, edge: Int, expectedWidth: Int, expectedHeight: Int) {
        let size = Resampler.fittedSize(width: width, height: height, longEdge: edge)
        #expect(size.width == expectedWidth)
        #expect(size.height == expectedHeight)
    }

    @Test func flatAreasStayFlat() {
        let image = RasterImage(
            width: 37, height: 23, components: 3, pixels: [UInt8](repeating: 0, count: 37 * 23 * 3).enumerated().map { [200, 100, 7][$0.offset % 3] })
        let small = Resampler.resize(image, width: 10, height: 7)
        #expect(small.width == 10 && small.height == 7)
        #expect(small.pixels.enumerated().allSatisfy { $0.element == [200, 100, 7][$0.offset % 3] })
    }

    @Test func finestDetailBecomesGreyNotAliasing() {
        // Alternating black and white columns are detail no thumbnail can hold: mid-grey
        // (the outermost pixels lean a little, as the edge pixel stands in beyond the edge).
        let image = RasterImage(width: 64, height: 4, components: 1, pixels: (0..<256).map { $0 % 2 == 0 ? 0 : 255 })
        let small = Resampler.resize(image, width: 8, height: 2)
        for row in 0..<2 {
            #expect(small.pixels[(row * 8 + 1)...(row * 8 + 6)].allSatisfy { (120...135).contains($0) }, "\(small.pixels)")
        }
    }

    @Test func edgesStaySharp() {
        // A black-to-white step keeps a short transition, with at most slight ringing.
        let image = RasterImage(width: 400, height: 1, components: 1, pixels: (0..<400).map { $0 < 200 ? 0 : 255 })
        let small = Resampler.resize(image, width: 100, height: 1).pixels
        #expect(small[..<47].allSatisfy { $0 < 12 } && small[53...].allSatisfy { $0 > 243 }, "\(small)")
        #expect(small[48] < 100 && small[51] > 155, "\(small)")
    }

    @Test(arguments: [(37, 23, 10, 7), (101, 67, 40, 29), (640, 427, 213, 142)])
    func colourResizesLikeEachChannelAlone(width: Int, height: Int, targetWidth: Int, targetHeight: Int) {
        // Rows of 3 × width bytes and of width bytes split differently into 16-byte vectors
        // and a scalar tail, and the horizontal pass moves whole pixels: all must agree.
        var random = SplitMix64(seed: 7)
        let rgb = RasterImage(
            width: width, height: height, components: 3, pixels: (0..<(width * height * 3)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        let small = Resampler.resize(rgb, width: targetWidth, height: targetHeight)
        for channel in 0..<3 {
            let gray = RasterImage(
                width: width, height: height, components: 1, pixels: stride(from: channel, to: rgb.pixels.count, by: 3).map { rgb.pixels[$0] })
            let alone = Resampler.resize(gray, width: targetWidth, height: targetHeight)
            #expect(alone.pixels == stride(from: channel, to: small.pixels.count, by: 3).map { small.pixels[$0] })
        }
    }
}
