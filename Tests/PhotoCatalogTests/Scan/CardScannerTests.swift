import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct CardScannerTests {
    /// A card with the awkward things real cards have, made at test time (links do not survive copying).
    private func makeCard(_ root: URL) throws {
        let fm = FileManager.default
        let jpeg = try Images.jpeg()
        func put(_ path: String, _ data: Data) throws {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try put("DCIM/100CANON/IMG_0002.JPG", jpeg)
        try put("DCIM/100CANON/IMG_0001.JPG", jpeg)
        try put("DCIM/100CANON/._IMG_0001.JPG", Data("resource fork".utf8))
        try put("DCIM/100CANON/Thumbs.db", Data("x".utf8))
        try put("DCIM/100CANON/IMG_0003.CR2", Data([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]))
        try put("DCIM/100CANON/notes.jpg", Data("not a photo".utf8))
        try put("DCIM/IMG_0099.JPG/.keep", Data())  // a folder named like a photo
        try put("DCIM/IMG_0099.JPG/inside.jpg", jpeg)
        try put(".Trashes/IMG_0050.JPG", jpeg)
        try put("../outside.jpg", jpeg)  // beside the card, not on it
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("DCIM/alias.jpg").path, withDestinationPath: "100CANON/IMG_0001.JPG")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("DCIM/loop_a.jpg").path, withDestinationPath: "loop_b.jpg")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("DCIM/loop_b.jpg").path, withDestinationPath: "loop_a.jpg")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("DCIM/dangling.jpg").path, withDestinationPath: "missing/IMG_9999.JPG")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("DCIM/100CANON/again").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("DCIM/escape.jpg").path, withDestinationPath: "../../outside.jpg")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("DCIM/etc.jpg").path, withDestinationPath: "/etc/hostname")
    }

    @Test func findsPhotosInStableOrderAndReportsTheRest() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let root = folder.appendingPathComponent("card")
            try makeCard(root)
            let result = try CardScanner(root: root).scan()
            #expect(
                result.files.map(\.relativePath) == [
                    "DCIM/100CANON/IMG_0001.JPG", "DCIM/100CANON/IMG_0002.JPG", "DCIM/100CANON/notes.jpg",
                    "DCIM/IMG_0099.JPG/inside.jpg", "DCIM/alias.jpg",
                ])
            // The link is read as the photo it names, with that photo's size.
            #expect(result.files.last?.size == result.files.first?.size)
            #expect(result.files.first { $0.relativePath.hasSuffix("notes.jpg") }?.kind == .unknown)
            let ids = Dictionary(result.diagnostics.map { ($0.path, $0.id.rawValue) }, uniquingKeysWith: { a, _ in a })
            #expect(ids["DCIM/loop_a.jpg"] == "scan.symlink-loop")
            #expect(ids["DCIM/dangling.jpg"] == "scan.dangling-symlink")
            #expect(ids["DCIM/alias.jpg"] == nil)
            #expect(ids["DCIM/100CANON/again"] == "scan.symlink")
            #expect(ids["DCIM/escape.jpg"] == "scan.symlink-outside")
            #expect(ids["DCIM/etc.jpg"] == "scan.symlink-outside")
            #expect(ids["DCIM/100CANON/IMG_0003.CR2"] == "scan.not-jpeg")
            #expect(!result.diagnostics.contains { $0.path.contains("Thumbs.db") || $0.path.contains("._") || $0.path.contains(".Trashes") })
        }
    }

    @Test func missingCardIsAnError() throws {
        #expect(throws: PhotoCatalogError.cardNotFound("/nonexistent/card")) {
            try CardScanner(root: URL(fileURLWithPath: "/nonexistent/card")).scan()
        }
    }
}
