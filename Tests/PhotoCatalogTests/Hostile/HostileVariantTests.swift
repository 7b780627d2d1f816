import Foundation
import Testing
import PhotoModel
import PhotoRead

/// The damage real cameras and editors leave, made on the sample card's own photo by
/// fixtures/hostile/make.py with exiftool's answer beside each file: photocat must read each
/// photo whole, agree with exiftool on every field, and say what it repaired or passed over.
@Suite struct HostileVariantTests {
    static let folder = Fixtures.folder.appendingPathComponent("hostile")
    static let files = ExiftoolComparison(root: folder).files(exiftoolSaysJPEG: false)

    /// What each variant must report beside reading well: (diagnostic id, words of its message).
    static let expected: [String: (Diagnostic.ID, String)?] = [
        "stray-bytes-before-app1.jpg": (.jpegStructure, "2 extraneous bytes before marker 0xFFE1"),
        "stray-bytes-before-dqt.jpg": (.jpegStructure, "2 extraneous bytes before marker 0xFFDB"),
        "stray-bytes-before-sof.jpg": (.jpegStructure, "2 extraneous bytes before marker 0xFFC0"),
        "stray-bytes-before-dht.jpg": (.jpegStructure, "2 extraneous bytes before marker 0xFFC4"),
        "stray-bytes-before-sos.jpg": (.jpegStructure, "3 extraneous bytes before marker 0xFFDA"),
        // Inside the entropy-coded data, where libjpeg takes them for padding: nothing to say.
        "stray-bytes-before-eoi.jpg": nil,
        "numbers-in-other-types.jpg": nil,
        "tiff-magic-broken.jpg": (.exifInvalid, "TIFF header magic number is 43, not 42; repaired"),
        "entry-past-end.jpg": (.exifInvalid, "IFD0 Artist (tag 0x013B): its 65000 bytes"),
        "heading-without-position.jpg": nil,
    ]

    @Test func everyVariantIsThereWithItsAnswer() {
        #expect(Set(Self.files) == Set(Self.expected.keys))
    }

    @Test(arguments: files)
    func agreesWithExiftoolOnEveryField(name: String) throws {
        var comparison = ExiftoolComparison(root: Self.folder)
        let result = try comparison.compare(name)
        #expect(result.pairs >= 19)
        #expect(result.differences.isEmpty)
    }

    @Test(arguments: files)
    func readsWholeAndSaysWhatItRepaired(name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        let card = CardFile(relativePath: name, url: url, size: Int64(try Data(contentsOf: url).count), kind: .jpeg)
        let record = PhotoReader(thumbnails: ThumbnailOptions(sizes: [64])).read(card)
        #expect(record.failure == nil)
        #expect(record.rendered.count == 1, "the thumbnail is made")
        let reported = record.diagnostics.filter { $0.id != .exifMissing }
        if let (id, words) = try #require(Self.expected[name]) {
            #expect(reported.contains { $0.id == id && $0.message.contains(words) }, "\(reported)")
            #expect(reported.allSatisfy { $0.severity != .error })
        } else {
            #expect(reported.isEmpty, "\(reported)")
        }
    }

    @Test func aHeadingWithoutAPositionIsKept() throws {
        let segment = try #require(
            try JPEGStructure.parse(Data(contentsOf: Self.folder.appendingPathComponent("heading-without-position.jpg"))).exifSegment)
        let metadata = ExifReader.read(segment: segment).metadata
        #expect(metadata.gps == nil)
        #expect(metadata.imageDirection == 135)
        #expect(metadata.imageDirectionRef == "T")
    }

    @Test func numbersInOtherTypesKeepTheirValues() throws {
        let segment = try #require(
            try JPEGStructure.parse(Data(contentsOf: Self.folder.appendingPathComponent("numbers-in-other-types.jpg"))).exifSegment)
        let metadata = ExifReader.read(segment: segment).metadata
        #expect(metadata.fNumber == 5.6)
        #expect(metadata.focalLength == 35)
        #expect(metadata.exposureTime.map { abs($0 - 0.008) < 1e-9 } == true)
        #expect(metadata.iso == 1600)
        #expect(metadata.orientation == 1)
    }
}
