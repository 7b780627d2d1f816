import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// Thumbnails of every JPEG in the development corpus: all eight orientations, progressive,
/// grayscale, CMYK, 280-megapixel and damaged files. MANIFEST.tsv says what each file is.
@Suite(.enabled(if: Fixtures.corpus != nil, Fixtures.corpusMissing))
struct CorpusThumbnailTests {
    struct Photo: Sendable, CustomTestStringConvertible {
        var path: String
        var width: Int?
        var height: Int?
        /// jpeginfo's verdict on the pixel data: OK, WARNING or ERROR.
        var jpeginfo: String
        /// What jpeginfo said, from the manifest's notes.
        var jpeginfoMessage: String
        var features: Set<String>
        var testDescription: String { path }
    }

    /// jpeginfo cannot read CMYK data and says ERROR; libjpeg (and photocat) can.
    static let readableDespiteJpeginfo: Set<String> = ["sharp-Channel_digital_image_CMYK_color.jpg", "mdx-Multiple_ICC_segments.jpg"]

    /// Whether the pixels are whole: jpeginfo says OK, or cannot read what libjpeg reads. (Its
    /// one warning about stray bytes, pillow-hopper_bad_exif.jpg, hides bad Huffman codes after.)
    static func isHealthy(_ photo: Photo) -> Bool {
        photo.jpeginfo == "OK" || readableDespiteJpeginfo.contains(photo.path)
    }

    static let photos: [Photo] = {
        guard let corpus = Fixtures.corpus,
            let table = try? String(contentsOf: corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        else { return [] }
        let rows = table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first, let file = header.firstIndex(of: "file"), let width = header.firstIndex(of: "width"),
            let height = header.firstIndex(of: "height"), let verdict = header.firstIndex(of: "jpeginfo"),
            let features = header.firstIndex(of: "features"), let notes = header.firstIndex(of: "notes")
        else { return [] }
        return rows.dropFirst().compactMap { row -> Photo? in
            guard row.count > features else { return nil }
            let tags = Set(row[features].split(separator: ",").map(String.init))
            let message = row[notes].components(separatedBy: "jpeginfo: ").dropFirst().first?.components(separatedBy: " | ").first ?? ""
            // Files that are JPEG by content, wherever their name says otherwise.
            let head = (try? Data(contentsOf: corpus.appendingPathComponent(row[file]))).map { Array($0.prefix(16)) } ?? []
            guard !tags.contains(where: { $0.hasPrefix("format:") }), !tags.contains("symlink"),
                FileKind.sniff(head, fileName: row[file]) == .jpeg
            else { return nil }
            return Photo(
                path: row[file], width: Int(row[width]), height: Int(row[height]), jpeginfo: row[verdict], jpeginfoMessage: message, features: tags)
        }
    }()

    @Test func theCorpusHasEveryCase() {
        let features = Self.photos.reduce(into: Set<String>()) { $0.formUnion($1.features) }
        for needed in ["progressive", "grayscale", "CMYK", ">=100MP", "bad:truncated-50%", "bad:sof-bomb"] + (1...8).map({ "orientation:\($0)" }) {
            #expect(features.contains(needed), "no corpus photo with \(needed)")
        }
    }

    @Test(arguments: photos)
    func thumbnailIsUprightOrTheDamageIsReported(photo: Photo) throws {
        let data = try Data(contentsOf: Fixtures.corpus!.appendingPathComponent(photo.path))
        let structure = try JPEGStructure.parse(data)
        let orientation = structure.exifSegment.flatMap { ExifReader.read(segment: $0).metadata.orientation } ?? 1
        let healthy = Self.isHealthy(photo)
        let result: ThumbnailSet
        do {
            result = try Thumbnailer.render(jpeg: data, orientation: orientation, options: ThumbnailOptions(sizes: [96]))
        } catch {
            #expect(!healthy, "\(photo.path): \(error)")
            return
        }
        guard healthy else {
            #expect(result.warnings.isDamaged, "\(photo.path): jpeginfo says \(photo.jpeginfoMessage), photocat saw no damage")
            return
        }
        #expect(!result.warnings.isDamaged, "\(photo.path): \(result.warnings.firstDamage ?? "")")
        let thumbnail = try #require(result.thumbnails.first)
        let image = try JPEGCodec.decode(thumbnail.jpeg, maxPixels: 1 << 20) { _ in .full }.image
        #expect(image.components == (photo.features.contains("grayscale") ? 1 : 3))
        guard let width = photo.width, let height = photo.height, width != height else { return }
        let (uprightWidth, uprightHeight) = orientation >= 5 ? (height, width) : (width, height)
        #expect(max(image.width, image.height) == min(96, max(width, height)))
        #expect((image.width > image.height) == (uprightWidth > uprightHeight), "\(photo.path): orientation \(orientation)")
    }
}
