import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct PhotoReaderTests {
    private func read(_ data: Data, policy: ThumbnailOptions.DamagePolicy, in folder: URL) throws -> PhotoRecord {
        let url = folder.appendingPathComponent("IMG_0001.JPG")
        try data.write(to: url)
        let file = CardFile(relativePath: "IMG_0001.JPG", url: url, size: Int64(data.count), kind: .jpeg)
        let reader = PhotoReader(thumbnails: ThumbnailOptions(sizes: [64], failOn: policy), claims: ThumbnailClaims())
        return reader.read(file)
    }

    @Test func damagedPhotoFailsByDefault() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let jpeg = try Images.jpeg(width: 300, height: 200)
            let record = try read(jpeg.prefix(jpeg.count / 2), policy: .damaged, in: folder)
            #expect(record.failure?.hasPrefix("damaged image data: Premature end of JPEG file") == true)
            #expect(record.diagnostics.contains { $0.id == .jpegDamaged && $0.severity == .error })
        }
    }

    @Test func failOnUnreadableKeepsADamagedPhotoWithAWarning() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let jpeg = try Images.jpeg(width: 300, height: 200)
            let record = try read(jpeg.prefix(jpeg.count / 2), policy: .unreadable, in: folder)
            #expect(record.failure == nil)
            #expect(record.thumbnails.count == 1)
            #expect(record.warnings.first?.contains("kept by --fail-on unreadable") == true)
            let manifest = try ManifestLoader(fileName: "m.yaml").parse(ManifestLoaderTests.minimal)
            let entry = BatchPlanner.plan(records: [record], manifest: manifest).entries[0]
            #expect(entry.status == .ready)
            #expect(entry.reasons == record.warnings)  // never uploaded without the warning in sight
        }
    }

    @Test func undecodablePhotoFailsUnderEitherPolicy() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let record = try read(Data([0xFF, 0xD8, 0xFF, 0xD9]), policy: .unreadable, in: folder)
            #expect(record.failure != nil)
        }
    }
}
