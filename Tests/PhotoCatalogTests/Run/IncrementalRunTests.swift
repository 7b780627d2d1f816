import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// Runs over a card that changes between them, as from cron: only the new work is done, and
/// the output folder always ends as a clean run over the same card would leave it.
@Suite struct IncrementalRunTests {
    /// One test's card and output folder, in a temporary folder.
    struct Setup {
        var folder: URL
        var card: URL
        var output: URL
        var manifest: Manifest

        func configuration(
            output: URL? = nil, manifest: Manifest? = nil, thumbnails: ThumbnailOptions = ThumbnailOptions(sizes: [64, 160]),
            settle: Int = 0, shard: Shard? = nil, rebuild: Bool = false,
            removed: RunConfiguration.RemovedPolicy = .delete, keys: StageKeys = .current
        ) -> RunConfiguration {
            RunConfiguration(
                card: card, manifest: manifest ?? self.manifest, output: output ?? self.output, jobs: 2,
                thumbnails: thumbnails, settleSeconds: settle, shard: shard, rebuild: rebuild, removed: removed, keys: keys)
        }

        func run(_ configuration: RunConfiguration? = nil) async throws -> RunResult {
            try await Pipeline(configuration: configuration ?? self.configuration()).run()
        }

        /// What a clean run (new output folder, same card and options) writes.
        func cleanRun(_ configuration: RunConfiguration? = nil) async throws -> [String: Data] {
            var clean = configuration ?? self.configuration()
            clean.output = folder.appendingPathComponent("clean-\(UUID().uuidString)")
            _ = try await Pipeline(configuration: clean).run()
            return try IncrementalRunTests.contents(clean.output)
        }

        func photo(_ name: String) -> URL { card.appendingPathComponent("DCIM/100CANON/\(name)") }
    }

    static func withSetup(_ body: (Setup) async throws -> Void) async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let setup = Setup(
                folder: folder, card: try Fixtures.copySampleCard(into: folder),
                output: folder.appendingPathComponent("out"),
                manifest: try ManifestLoader.load(contentsOf: Fixtures.sampleManifest))
            try await body(setup)
        }
    }

    /// The output folder's files and bytes, but the lock and the catalogue (which records runs).
    static func contents(_ output: URL) throws -> [String: Data] {
        try PipelineTests.snapshot(output).files
    }

    static func setModified(_ url: URL, secondsAgo: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -secondsAgo)], ofItemAtPath: url.path)
    }

    static func catalogue(_ output: URL) throws -> [PathKey: PhotoRow] {
        try Catalog(folder: output, writable: false).photos()
    }

    @Test func aTouchedPhotoIsReadAgainAndChangesNoFile() async throws {
        try await Self.withSetup { setup in
            _ = try await setup.run()
            try Self.setModified(setup.photo("IMG_0002.JPG"), secondsAgo: 3600)
            let second = try await setup.run()
            #expect(second.work.changed == 1 && second.work.unchanged == 13 && second.work.decoded == 1)
            #expect(second.written.written == 0 && second.written.removed == 0)
            let row = try #require(try Self.catalogue(setup.output)["DCIM/100CANON/IMG_0002.JPG"])
            #expect(row.readRun == second.runID && row.firstRun == 1)
        }
    }

    @Test func aReplacedPhotoIsReprocessedAndKeepsItsName() async throws {
        try await Self.withSetup { setup in
            _ = try await setup.run()
            let before = try PipelineTests.batch(setup.output).first { $0.source.hasSuffix("IMG_0002.JPG") }!
            // The photographer replaces it with an edited version: other pixels, same EXIF.
            let original = try Data(contentsOf: setup.photo("IMG_0002.JPG"))
            let metadata = ExifReader.read(segment: try #require(try JPEGStructure.parse(original).exifSegment)).metadata
            try Images.jpeg(width: 120, height: 80, seed: 99, metadata: metadata).write(to: setup.photo("IMG_0002.JPG"))
            let second = try await setup.run()
            #expect(second.work.changed == 1 && second.work.decoded == 1 && second.work.unchanged == 13)
            let after = try PipelineTests.batch(setup.output).first { $0.source.hasSuffix("IMG_0002.JPG") }!
            #expect(after.sha1 != before.sha1 && after.filename == before.filename)
            #expect(second.written.removed == 2)  // the old thumbnails
            for path in before.thumbnails {
                #expect(!FileManager.default.fileExists(atPath: setup.output.appendingPathComponent(path).path))
            }
            #expect(try Self.contents(setup.output) == (try await setup.cleanRun()))
        }
    }

    @Test(arguments: RunConfiguration.RemovedPolicy.allCases)
    func aDeletedPhotoLeavesTheBatchAndItsNameIsNotReused(policy: RunConfiguration.RemovedPolicy) async throws {
        try await Self.withSetup { setup in
            _ = try await setup.run()
            let gone = try PipelineTests.batch(setup.output).first { $0.source.hasSuffix("IMG_0002.JPG") }!
            let name = try #require(gone.filename)
            try FileManager.default.removeItem(at: setup.photo("IMG_0002.JPG"))
            let second = try await setup.run(setup.configuration(removed: policy))
            #expect(second.work.removed == 1 && second.work.decoded == 0)
            #expect(second.events.contains { $0.id == .cardRemoved && $0.path == gone.source })
            #expect(!(try PipelineTests.batch(setup.output)).contains { $0.source == gone.source })
            let outputs = ["commons/\(name).wikitext"] + gone.thumbnails
            for path in outputs {
                #expect(FileManager.default.fileExists(atPath: setup.output.appendingPathComponent(path).path) == (policy == .keep), "\(path)")
            }
            let row = try #require(try Self.catalogue(setup.output)[PathKey(gone.source)])
            #expect(row.state == .removed && row.removedRun == second.runID && row.name == name)
            #expect(row.outputs == (policy == .keep ? outputs : []))

            // A photo added later never takes the name of one that may already be on Commons.
            var metadata = PhotoMetadata()
            metadata.dateTimeOriginal = "2026:01:15 14:01:00"
            try Images.jpeg(seed: 5, metadata: metadata).write(to: setup.photo("IMG_0012.JPG"))
            _ = try await setup.run(setup.configuration(removed: policy))
            let names = try PipelineTests.batch(setup.output).compactMap(\.filename)
            #expect(!names.contains(name) && names.count == 10)
        }
    }

    @Test func aManifestEditRederivesEverythingWithoutDecoding() async throws {
        try await Self.withSetup { setup in
            _ = try await setup.run()
            let text = try String(contentsOf: Fixtures.sampleManifest, encoding: .utf8)
                .replacingOccurrences(of: "    name: talks\n", with: "    name: opening talks\n")
            let edited = try ManifestLoader(fileName: "edited.yaml", directory: Fixtures.folder, readData: Fixtures.readData).parse(text)
            let second = try await setup.run(setup.configuration(manifest: edited))
            #expect(second.work.decoded == 0 && second.work.unchanged == 14 && second.work.new + second.work.changed == 0)
            #expect(second.written.written > 0)
            #expect(try PipelineTests.batch(setup.output).contains { $0.filename == "Wikipedia 25 meetup Baku 2026-01-15 opening talks 01.jpg" })
            #expect(try Self.contents(setup.output) == (try await setup.cleanRun(setup.configuration(manifest: edited))))
            // The catalogue says which manifest each photo's pages come from.
            let keys = Set(try Self.catalogue(setup.output).values.compactMap(\.deriveKey))
            #expect(keys == [StageKeys.current.derive(manifest: edited.fingerprint, knownSHA1: [], shard: nil)])
        }
    }

    @Test func newThumbnailOptionsRenderThumbnailsAndTouchNoPage() async throws {
        try await Self.withSetup { setup in
            _ = try await setup.run()
            let options = ThumbnailOptions(sizes: [100], quality: 70)
            let second = try await setup.run(setup.configuration(thumbnails: options))
            #expect(second.work.changed == 14 && second.work.decoded == 13)
            #expect(!FileManager.default.fileExists(atPath: setup.output.appendingPathComponent("thumbs/64").path))
            #expect(!FileManager.default.fileExists(atPath: setup.output.appendingPathComponent("thumbs/160").path))
            #expect(try Self.contents(setup.output) == (try await setup.cleanRun(setup.configuration(thumbnails: options))))
            // Only the quality changes: the 13 thumbnails are rendered again, the pages and batch
            // files keep their bytes and mtimes.
            let commons = try PipelineTests.snapshot(setup.output.appendingPathComponent("commons"))
            let third = try await setup.run(setup.configuration(thumbnails: ThumbnailOptions(sizes: [100], quality: 60)))
            #expect(third.work.decoded == 13 && third.written.written == 13)
            #expect(try PipelineTests.snapshot(setup.output.appendingPathComponent("commons")) == commons)
        }
    }

    @Test func aNewStageVersionRedoesThatStageOnly() async throws {
        try await Self.withSetup { setup in
            _ = try await setup.run()
            var derive = StageKeys.current
            derive.deriveVersion += 1
            let rederived = try await setup.run(setup.configuration(keys: derive))
            #expect(rederived.work.decoded == 0 && rederived.work.unchanged == 14 && rederived.written.written == 0)
            #expect(try Self.catalogue(setup.output).values.allSatisfy { $0.deriveKey?.hasPrefix("v2 ") == true })
            var read = derive
            read.readVersion += 1
            let reread = try await setup.run(setup.configuration(keys: read))
            #expect(reread.work.changed == 14 && reread.work.decoded == 13 && reread.written.written == 0)
        }
    }

    @Test func aRebuildGivesByteIdenticalOutputs() async throws {
        try await Self.withSetup { setup in
            _ = try await setup.run()
            var metadata = PhotoMetadata()
            metadata.dateTimeOriginal = "2026:01:15 14:01:00"
            try Images.jpeg(seed: 77, metadata: metadata).write(to: setup.photo("IMG_0012.JPG"))
            _ = try await setup.run()
            let before = try PipelineTests.snapshot(setup.output)
            let rebuilt = try await setup.run(setup.configuration(rebuild: true))
            #expect(rebuilt.work.changed == 15 && rebuilt.work.decoded == 14)
            #expect(rebuilt.written.written == 0 && rebuilt.written.removed == 0)
            #expect(try PipelineTests.snapshot(setup.output) == before)
        }
    }

    @Test func photosStillBeingCopiedWaitForTheNextRun() async throws {
        try await Self.withSetup { setup in
            for name in try FileManager.default.subpathsOfDirectory(atPath: setup.card.path) {
                try Self.setModified(setup.card.appendingPathComponent(name), secondsAgo: 600)
            }
            _ = try await setup.run(setup.configuration(settle: 60))
            let batch = try PipelineTests.batch(setup.output)
            // A new photo arriving and an old one being overwritten, both this very moment.
            try Images.jpeg(seed: 8).write(to: setup.photo("IMG_0012.JPG"))
            try Images.jpeg(seed: 9).write(to: setup.photo("IMG_0002.JPG"))
            let second = try await setup.run(setup.configuration(settle: 60))
            #expect(second.work.settling == 2 && second.work.unchanged == 13 && second.work.decoded == 0)
            #expect(second.events.filter { $0.id == .cardSettling }.map(\.path) == ["DCIM/100CANON/IMG_0002.JPG", "DCIM/100CANON/IMG_0012.JPG"])
            #expect(try PipelineTests.batch(setup.output) == batch)  // the old IMG_0002 stays meanwhile
            // Once settled (here: no settle time), both are taken.
            let third = try await setup.run(setup.configuration(settle: 0))
            #expect(third.work.new == 1 && third.work.changed == 1)
            #expect(try PipelineTests.batch(setup.output).count == 15)
        }
    }

    @Test func shardsPartitionTheCardExactly() async throws {
        try await Self.withSetup { setup in
            _ = try await setup.run()
            let all = Set(try PipelineTests.batch(setup.output).map(\.source))
            var seen: [String] = []
            var names: [String] = []
            for index in 1...3 {
                let output = setup.folder.appendingPathComponent("shard-\(index)")
                let result = try await setup.run(setup.configuration(output: output, shard: try Shard(index: index, count: 3)))
                let batch = try PipelineTests.batch(output)
                #expect(result.work.otherShards == 14 - batch.count)
                seen += batch.map(\.source)
                names += batch.compactMap(\.filename)
                #expect(batch.compactMap(\.filename).allSatisfy { $0.contains("(part \(index) of 3)") })
            }
            #expect(seen.count == all.count && Set(seen) == all)
            #expect(Set(names.map { $0.lowercased() }).count == names.count)
        }
    }

    @Test func anotherCardInTheSameFolderIsPointedOut() async throws {
        try await Self.withSetup { setup in
            _ = try await setup.run()
            var other = setup.configuration()
            let second = setup.folder.appendingPathComponent("second")
            try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
            other.card = try Fixtures.copySampleCard(into: second)
            try FileManager.default.removeItem(at: other.card.appendingPathComponent("DCIM/101MSDCF"))
            let result = try await setup.run(other)
            #expect(result.events.first { $0.id == .cardChanged }?.message.contains("the 3 photos not on") == true)
        }
    }

    @Test func aLockLeftByAKilledRunDoesNotBlock() async throws {
        try await Self.withSetup { setup in
            try FileManager.default.createDirectory(at: setup.output, withIntermediateDirectories: true)
            try "4194304\n".write(to: setup.output.appendingPathComponent(".photocat.lock"), atomically: true, encoding: .utf8)
            #expect(try await setup.run().report.counts.photos == 14)
        }
    }
}
