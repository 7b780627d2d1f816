import Foundation
import SampleCard
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct ThumbnailerTests {
    @Test(arguments: [
        (6000, 1280, 4),  // 24 MP: 3000 px; 1/4 would leave 1500 < 2560
        (6000, 320, 1),  // 750 px
        (8208, 1280, 4),  // 45 MP: 4104 px; 1/4 would leave 2052
        (4240, 1280, 8),  // 12 MP, 3:2: 1/2 would leave 2120, so decoded whole
        (5120, 1280, 4),  // 2560 px exactly
        (640, 1280, 8),
    ])
    func scaleLeavesTheMarginAboveTheTarget(longEdge: Int, target: Int, eighths: Int) {
        let scale = Thumbnailer.dctScale(longEdge: longEdge, target: target)
        #expect(scale == DCTScale(eighths: eighths))
        #expect(scale == .full || scale.scaled(longEdge) >= 2 * target)
    }

    @Test(arguments: [1, 3, 6, 8])
    func thumbnailsAreUprightWithRedTopLeft(orientation: Int) throws {
        let picture = Painter.scene(width: 400, height: 300, seed: 9)
        let jpeg = try JPEGCodec.encode(Painter.stored(picture, orientation: orientation), quality: 92)
        let set = try Thumbnailer.render(jpeg: jpeg, orientation: orientation, options: ThumbnailOptions(sizes: [80, 200]))
        #expect(set.thumbnails.map(\.size) == [80, 200])
        #expect(set.warnings == DecodeWarnings())
        for thumbnail in set.thumbnails {
            let image = try JPEGCodec.decode(thumbnail.jpeg, maxPixels: 1 << 30) { _ in .full }.image
            #expect(image.width > image.height, "landscape picture must come out landscape")
            #expect(Images.isRed(Images.mean(image, x: 1, y: 1, size: 4)))
            #expect(Images.isYellow(Images.mean(image, x: image.width - 5, y: 1, size: 4)))
        }
    }

    @Test func outputIsDeterministic() throws {
        let jpeg = try Images.jpeg(width: 300, height: 200)
        let a = try Thumbnailer.render(jpeg: jpeg, orientation: 6, options: ThumbnailOptions(sizes: [64]))
        let b = try Thumbnailer.render(jpeg: jpeg, orientation: 6, options: ThumbnailOptions(sizes: [64]))
        #expect(a.thumbnails == b.thumbnails)
        #expect(a.thumbnails[0].width == 43 && a.thumbnails[0].height == 64)
    }

    @Test func truncatedDataIsCountedNotFatal() throws {
        let jpeg = try Images.jpeg(width: 300, height: 200)
        let set = try Thumbnailer.render(jpeg: jpeg.prefix(jpeg.count / 2), orientation: 1, options: ThumbnailOptions(sizes: [64]))
        #expect(set.warnings.isDamaged)
        #expect(set.warnings.firstDamage?.contains("Premature end") == true)
    }

    @Test func garbageAfterTheHeaderIsAnErrorNotAnExit() throws {
        var bytes = [UInt8](try Images.jpeg(width: 64, height: 64))
        // Destroy the Huffman tables: libjpeg's error_exit must come back as a Swift error.
        if let dht = (0..<bytes.count - 1).first(where: { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC4 }) {
            for i in (dht + 4)..<min(bytes.count, dht + 40) { bytes[i] = 0xFF }
        }
        #expect(throws: JPEGCodecError.self) {
            try Thumbnailer.render(jpeg: Data(bytes), orientation: 1, options: ThumbnailOptions(sizes: [32]))
        }
    }

    @Test func decompressionBombIsRefusedBeforeDecoding() throws {
        var bytes = [UInt8](try Images.jpeg(width: 64, height: 48))
        let sof = try #require((0..<bytes.count - 1).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes[sof + 5] = 0xFD
        bytes[sof + 6] = 0xE8  // height 65000
        bytes[sof + 7] = 0xFD
        bytes[sof + 8] = 0xE8  // width 65000
        #expect(throws: JPEGCodecError.tooLarge(width: 65000, height: 65000, limit: 300_000_000)) {
            try Thumbnailer.render(jpeg: Data(bytes), orientation: 1, options: ThumbnailOptions(sizes: [320]))
        }
    }

    @Test func grayscaleStaysGray() throws {
        let gray = RasterImage(width: 100, height: 50, components: 1, pixels: (0..<5000).map { UInt8($0 % 100) })
        let set = try Thumbnailer.render(jpeg: try JPEGCodec.encode(gray, quality: 90), orientation: 1, options: ThumbnailOptions(sizes: [40]))
        let image = try JPEGCodec.decode(set.thumbnails[0].jpeg, maxPixels: 1 << 20) { _ in .full }.image
        #expect(image.components == 1 && image.width == 40 && image.height == 20)
    }

    /// Photoshop's CMYK JPEGs hold inverted values behind an Adobe marker: red is C 0, M 100 %,
    /// Y 100 %, K 0, stored as 255, 0, 0, 255.
    @Test func adobeCMYKComesOutInTheRightColours() throws {
        let red: [UInt8] = [255, 0, 0, 255], blue: [UInt8] = [0, 0, 255, 255]
        let cmyk = RasterImage(width: 64, height: 32, components: 4, pixels: (0..<(64 * 32)).flatMap { $0 % 64 < 32 ? red : blue })
        let set = try Thumbnailer.render(jpeg: try JPEGCodec.encode(cmyk, quality: 95), orientation: 1, options: ThumbnailOptions(sizes: [32]))
        let image = try JPEGCodec.decode(set.thumbnails[0].jpeg, maxPixels: 1 << 20) { _ in .full }.image
        #expect(image.components == 3)
        #expect(Images.isRed(Images.mean(image, x: 2, y: 4, size: 6)))
        let right = Images.mean(image, x: 24, y: 4, size: 6)
        #expect(right[2] > 180 && right[0] < 60 && right[1] < 90, "\(right)")
    }

    @Test(
        arguments: [
            (true, [255, 255, 255, 255], [255, 255, 255]),  // Adobe inverted: 255 = no ink
            (true, [0, 255, 255, 255], [0, 255, 255]),  // full cyan
            (true, [255, 255, 255, 0], [0, 0, 0]),  // full black
            (false, [0, 0, 0, 0], [255, 255, 255]),  // plain CMYK: 0 = no ink
            (false, [0, 255, 0, 0], [255, 0, 255]),  // full magenta
        ] as [(Bool, [UInt8], [UInt8])])
    func cmykToRGB(adobe: Bool, cmyk: [UInt8], rgb: [UInt8]) {
        let image = RasterImage(width: 1, height: 1, components: 4, pixels: cmyk)
        #expect(ColorConversion.rgb(fromCMYK: image, adobeInverted: adobe).pixels == rgb)
    }
}
