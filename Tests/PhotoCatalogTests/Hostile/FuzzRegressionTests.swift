import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// Every file in fixtures/fuzz-regressions (hostile cases made by fuzz/hostile-cases.py, and
/// whatever the fuzzer ever crashed on) goes through the whole read stage: marker walk, EXIF,
/// decode and thumbnails. Each ends as a photo that is ready or one that failed with a reason.
@Suite struct FuzzRegressionTests {
    static let folder = Fixtures.folder.appendingPathComponent("fuzz-regressions")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != "README.md" }.sorted()

    /// The outcome each hand-made case must keep: nil for a photo that reads fine, else the id
    /// of the error it fails with.
    static let expected: [String: String?] = [
        "app1-length-1.jpg": "jpeg.no-frame",
        "exif-header-only.jpg": nil,
        "exif-ifd-count-65535.jpg": nil,
        "exif-ifd0-offset-past-end.jpg": nil,
        "no-huffman-table.jpg": "jpeg.damaged",
        "no-quantisation-table.jpg": "jpeg.corrupt",
        "scan-all-ff.jpg": "jpeg.damaged",
        "scan-before-frame.jpg": "jpeg.no-frame",
        "sof-12-bit.jpg": "jpeg.corrupt",
        "sof-bogus-components.jpg": "jpeg.corrupt",
        "sof-zero-size.jpg": "jpeg.corrupt",
        "truncated-in-huffman-table.jpg": "jpeg.corrupt",
    ]

    @Test(arguments: files)
    func readsToAnOutcome(name: String) throws {
        let file = Self.folder.appendingPathComponent(name)
        let card = CardFile(relativePath: name, url: file, size: Int64(try Data(contentsOf: file).count), kind: .jpeg)
        let record = PhotoReader(thumbnails: ThumbnailOptions(sizes: [64, 16])).read(card)
        let error = record.diagnostics.first { $0.severity == .error }
        #expect((record.failure == nil) == (error == nil), "a failure always comes with its error, and only then")
        if let outcome = Self.expected[name] {
            #expect(error?.id.rawValue == outcome, "\(record.failure ?? "ready")")
        }
    }

    @Test func everyHandMadeCaseIsThere() {
        #expect(Set(Self.expected.keys).isSubset(of: Set(Self.files)))
    }
}
