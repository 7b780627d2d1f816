import Foundation
import SampleCard
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// The committed sample card is what photocat's own encoder and EXIF writer produce, so no
/// third-party photo can hide in it. (`make fixtures` rewrites it.)
@Suite struct SampleCardTests {
    /// The card was made with libjpeg-turbo 2.1 (Debian 12); another encoder gives other bytes
    /// for the same pixels, so there the pictures are compared instead of the files.
    static let sameEncoder = JPEGCodec.libraryVersion / 1000 == 2001

    @Test func committedCardIsReproducible() throws {
        var total = 0
        for file in try SampleCard.files() {
            let committed = try Data(contentsOf: Fixtures.sampleCard.appendingPathComponent(file.path))
            total += committed.count
            if Self.sameEncoder {
                #expect(committed == file.data, "\(file.path) differs from what photocat-fixtures makes; run `make fixtures`")
            } else {
                try expectSamePicture(committed, file.data, file.path)
            }
        }
        #expect(total < 1_000_000)
    }

    private func expectSamePicture(_ a: Data, _ b: Data, _ path: String) throws {
        let structureA = try? JPEGStructure.parse(a), structureB = try? JPEGStructure.parse(b)
        #expect(structureA?.exifSegment == structureB?.exifSegment, "\(path): EXIF differs")
        #expect(structureA?.frame == structureB?.frame, "\(path): frame differs")
        guard let imageA = try? JPEGCodec.decode(a, maxPixels: 1 << 24, scale: { _ in .full }).image,
            let imageB = try? JPEGCodec.decode(b, maxPixels: 1 << 24, scale: { _ in .full }).image
        else { return }
        let difference = zip(imageA.pixels, imageB.pixels).map { abs(Int($0) - Int($1)) }.reduce(0, +)
        #expect(Double(difference) / Double(imageA.pixels.count) < 2, "\(path): pixels differ")
    }
}
