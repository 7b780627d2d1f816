import Foundation
import PhotoCatalog
import PhotoModel
import PhotoPlan
import PhotoRead
import PhotoStore
import Testing

/// A card that is not mounted is an empty folder, not an empty card: a run that would take all
/// of the batch's photos out of it, or more than half, is refused and changes nothing.
@Suite struct RemovalGuardTests {
    static func configuration(card: URL, output: URL, allowRemoval: Bool = false) throws -> RunConfiguration {
        RunConfiguration(
            card: card, manifest: try ManifestLoader.load(contentsOf: Fixtures.sampleManifest), output: output, jobs: 2,
            thumbnails: ThumbnailOptions(sizes: [64]), settleSeconds: 0, allowRemoval: allowRemoval)
    }

    /// Every photo row of the catalogue, with the run that read it.
    static func rows(_ output: URL) throws -> [PhotoRow] {
        try Catalog(folder: output, writable: false).photos().values.sorted { $0.key < $1.key }
    }

    static func empty(_ card: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: card.path) {
            try FileManager.default.removeItem(at: card.appendingPathComponent(name))
        }
    }

    @Test func aCardThatIsNotMountedChangesNothing() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            _ = try await Pipeline(configuration: try Self.configuration(card: card, output: output)).run()
            let files = try PipelineTests.snapshot(output)
            let rows = try Self.rows(output)

            try Self.empty(card)  // what an unmounted mount point looks like
            await #expect(throws: PhotoCatalogError.tooManyRemoved(card.path, 14, 14)) {
                try await Pipeline(configuration: try Self.configuration(card: card, output: output)).run()
            }
            #expect(try PipelineTests.snapshot(output) == files)
            #expect(try Self.rows(output) == rows)

            // On the command line: exit 1, the card named, and `status` says it in the morning.
            let run = try CommandLineTests.photocat(["run", card.path, "--manifest", Fixtures.sampleManifest.path, "--out", output.path])
            #expect(run.status == 1 && run.stderr.contains("\(card.path) holds 0 of the 14 photos the catalogue knows: is the card mounted?"))
            #expect(try PipelineTests.snapshot(output) == files)
            let status = try CommandLineTests.photocat(["status", "--out", output.path])
            #expect(status.status == 1 && status.stdout.contains("is the card mounted?"), "\(status.stdout)")

            // Meant: the photos leave the batch.
            let allowed = try await Pipeline(configuration: try Self.configuration(card: card, output: output, allowRemoval: true)).run()
            #expect(allowed.work.removed == 14 && allowed.report.counts.photos == 0)
        }
    }

    @Test(arguments: [(removed: 7, refused: false), (removed: 8, refused: true)])
    func moreThanHalfOfTheBatchIsRefused(removed: Int, refused: Bool) async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            _ = try await Pipeline(configuration: try Self.configuration(card: card, output: output)).run()
            // 14 photos in the catalogue: 7 gone is half, 8 is more.
            for file in try CardScanner(root: card).scan().files.prefix(removed) { try FileManager.default.removeItem(at: file.url) }
            do {
                let second = try await Pipeline(configuration: try Self.configuration(card: card, output: output)).run()
                #expect(!refused && second.work.removed == removed)
            } catch let error as PhotoCatalogError {
                #expect(refused && error == .tooManyRemoved(card.path, removed, 14), "\(error)")
            }
        }
    }
}
