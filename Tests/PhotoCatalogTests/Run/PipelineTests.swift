import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// `photocat run` on a copy of the sample card, checked file by file.
@Suite struct PipelineTests {
    struct Snapshot: Equatable {
        var files: [String: Data]
        var modified: [String: Date]
    }

    /// Every file below `root` with its bytes and mtime, but for the lock file, which each run
    /// stamps with its process id, and the catalogue, which records each run.
    static func snapshot(_ root: URL) throws -> Snapshot {
        var snapshot = Snapshot(files: [:], modified: [:])
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .contentModificationDateKey])!
        for case let url as URL in enumerator {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .contentModificationDateKey])
            guard values.isRegularFile == true, url.lastPathComponent != ".photocat.lock",
                !url.lastPathComponent.hasPrefix(Catalog.fileName)
            else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            snapshot.files[path] = try Data(contentsOf: url)
            snapshot.modified[path] = values.contentModificationDate
        }
        return snapshot
    }

    /// A run as tests need it: the card was copied a moment ago, so no settle time.
    static func run(card: URL, output: URL, jobs: Int = 2) async throws -> RunResult {
        let manifest = try ManifestLoader.load(contentsOf: Fixtures.sampleManifest)
        return try await Pipeline(configuration: RunConfiguration(card: card, manifest: manifest, output: output, jobs: jobs, settleSeconds: 0)).run()
    }

    static func batch(_ output: URL) throws -> [BatchEntry] {
        let text = try String(contentsOf: output.appendingPathComponent("commons/batch.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(BatchEntry.self, from: Data($0.utf8)) }
    }

    @Test func sampleCardGivesTheExpectedBatch() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            let result = try await Self.run(card: card, output: output)

            #expect(result.report.counts == RunReport.Counts(photos: 14, ready: 10, excluded: 2, duplicate: 1, failed: 1, skippedFiles: 1))
            #expect(result.report.exitCode == 1)
            let entries = try Self.batch(output)
            #expect(entries == result.entries)
            let byName = Dictionary(uniqueKeysWithValues: entries.map { (($0.source as NSString).lastPathComponent, $0) })
            #expect(byName["IMG_0001.JPG"]?.filename == "Wikipedia 25 meetup Baku 2026-01-15 talks 01.jpg")
            #expect(byName["DSC00001.JPG"]?.filename == "Wikipedia 25 meetup Baku 2026-01-15 talks 03.jpg")
            #expect(byName["IMG_0008.JPG"]?.filename == "Wikipedia 25 meetup Baku venue 01.jpg")
            #expect(byName["IMG_0006.JPG"]?.status == .excluded)
            #expect(byName["IMG_0007.JPG"]?.status == .excluded)
            #expect(byName["IMG_0009.JPG"]?.status == .failed)
            #expect(byName["IMG_0009.JPG"]?.reasons.first?.contains("Premature end of JPEG file") == true)
            #expect(byName["DSC00003.JPG"]?.status == .duplicate)
            #expect(byName["DSC00003.JPG"]?.duplicateOf == "DCIM/101MSDCF/DSC00001.JPG")
            #expect(byName["DSC00004.ARW"] == nil)
            #expect(result.report.diagnostics.contains { $0.id == .scanNotJPEG && $0.path.hasSuffix("DSC00004.ARW") })

            // Every ready photo has a page on disk with the same text as its batch line.
            for entry in entries where entry.status == .ready {
                let name = try #require(entry.filename)
                let page = try String(contentsOf: output.appendingPathComponent("commons/\(name).wikitext"), encoding: .utf8)
                #expect(page == entry.wikitext)
                #expect(CommonsName.problem(with: name) == nil)
                #expect(entry.sha1?.count == 40)
            }
            let pages = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("commons").path).filter {
                $0.hasSuffix(".wikitext")
            }
            #expect(pages.count == 10)
            let csv = try String(contentsOf: output.appendingPathComponent("commons/batch.csv"), encoding: .utf8)
            #expect(BatchCSVTests.parse(csv).count == 11)  // header and the 10 ready photos
            #expect(Set(entries.compactMap(\.filename).map { $0.lowercased() }).count == 10)
        }
    }

    @Test func thumbnailsAreUprightAtBothSizes() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("out")
            _ = try await Self.run(card: try Fixtures.copySampleCard(into: folder), output: output)
            let entries = try Self.batch(output)
            // IMG_0005 was shot with the camera turned (Orientation 6), DSC00002 the other way (8).
            for name in ["IMG_0001.JPG", "IMG_0005.JPG", "DSC00002.JPG"] {
                let entry = try #require(entries.first { $0.source.hasSuffix(name) })
                #expect(entry.thumbnails.count == 2)
                let portrait = name != "IMG_0001.JPG"
                for (path, longEdge) in zip(entry.thumbnails, [320, 640]) {  // the 1280 size is capped at the photo's 640 px
                    let image = try JPEGCodec.decode(Data(contentsOf: output.appendingPathComponent(path)), maxPixels: 1 << 24) { _ in .full }.image
                    #expect(max(image.width, image.height) == longEdge)
                    #expect((image.height > image.width) == portrait, "\(name) \(path)")
                    #expect(Images.isRed(Images.mean(image, x: 2, y: 2, size: 6)), "\(name) \(path) is not upright")
                }
            }
        }
    }

    @Test func wikitextMatchesTheGoldenFiles() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("out")
            _ = try await Self.run(card: try Fixtures.copySampleCard(into: folder), output: output)
            let commons = output.appendingPathComponent("commons")
            let names = try FileManager.default.contentsOfDirectory(atPath: commons.path).sorted()
            for name in names where name != "batch.csv" {
                try Golden.check(Data(contentsOf: commons.appendingPathComponent(name)), against: "commons/\(name)")
            }
            // The CSV holds absolute paths: compared with the card's folder written as CARD.
            let csv = try String(contentsOf: commons.appendingPathComponent("batch.csv"), encoding: .utf8)
                .replacingOccurrences(of: folder.appendingPathComponent("sample-card").standardizedFileURL.path, with: "CARD")
            try Golden.check(Data(csv.utf8), against: "commons/batch.csv")
            try Golden.check(Data(contentsOf: output.appendingPathComponent("report.json")), against: "report.json")
            try Golden.check(Data(contentsOf: output.appendingPathComponent("review.html")), against: "review.html")
            if !Golden.recording {
                let golden = try FileManager.default.contentsOfDirectory(atPath: Fixtures.golden.appendingPathComponent("commons").path).sorted()
                #expect(golden == names, "a page was added or lost")
            }
        }
    }

    @Test func secondRunChangesNothingAndTheCardIsNeverTouched() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            let cardBefore = try Self.snapshot(card)
            let first = try await Self.run(card: card, output: output, jobs: 1)
            let outputAfterFirst = try Self.snapshot(output)
            let second = try await Self.run(card: card, output: output, jobs: 4)
            #expect(try Self.snapshot(output) == outputAfterFirst)  // same bytes, same mtimes: nothing rewritten
            #expect(second.written.written == 0 && second.written.removed == 0)
            // The catalogue answers for every photo: none is opened, let alone decoded.
            #expect(second.work.unchanged == 14 && second.work.new + second.work.changed + second.work.decoded == 0)
            #expect(first.work.new == 14 && first.work.decoded == 13)  // all but the second copy of a duplicate
            #expect(try Self.snapshot(card) == cardBefore)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("commons/.batch.jsonl.tmp").path))
        }
    }

    @Test func renamedPhotosLeaveNoStalePage() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            _ = try await Self.run(card: card, output: output)
            try FileManager.default.removeItem(at: card.appendingPathComponent("DCIM/100CANON/IMG_0001.JPG"))
            let result = try await Self.run(card: card, output: output)
            #expect(result.written.removed == 3)  // IMG_0001's page and 2 thumbnails; the others keep their names
            #expect(result.work.removed == 1 && result.work.unchanged == 13)
            let names = try Self.batch(output).compactMap(\.filename)
            #expect(names.contains("Wikipedia 25 meetup Baku 2026-01-15 talks 02.jpg"))
            #expect(names.contains("Wikipedia 25 meetup Baku 2026-01-15 talks 03.jpg"))
            #expect(!names.contains("Wikipedia 25 meetup Baku 2026-01-15 talks 01.jpg"))
            let pages = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("commons").path).filter {
                $0.hasSuffix(".wikitext")
            }
            #expect(pages.count == 9)
        }
    }

    @Test func addingPhotosRenamesNone() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            _ = try await Self.run(card: card, output: output)
            let before = Dictionary(uniqueKeysWithValues: try Self.batch(output).compactMap { e in e.filename.map { (e.source, $0) } })
            // A photo taken before all the others in the talks, copied in later.
            var metadata = PhotoMetadata()
            metadata.dateTimeOriginal = "2026:01:15 14:01:00"
            try Images.jpeg(seed: 77, metadata: metadata).write(to: card.appendingPathComponent("DCIM/100CANON/IMG_0012.JPG"))
            _ = try await Self.run(card: card, output: output)
            let after = Dictionary(uniqueKeysWithValues: try Self.batch(output).compactMap { e in e.filename.map { (e.source, $0) } })
            for (source, name) in before { #expect(after[source] == name, "\(source) was renamed") }
            #expect(after["DCIM/100CANON/IMG_0012.JPG"] == "Wikipedia 25 meetup Baku 2026-01-15 talks 04.jpg")
        }
    }

    @Test func outputInsideTheCardIsRefused() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            await #expect(throws: PhotoCatalogError.self) {
                try await Self.run(card: card, output: card.appendingPathComponent("out"))
            }
            #expect(!FileManager.default.fileExists(atPath: card.appendingPathComponent("out").path))
        }
    }

    /// The whole development corpus, hostile files included: the run finishes and every JPEG
    /// (and every file named like one) has a batch line.
    @Test(.enabled(if: Fixtures.corpus != nil, Fixtures.corpusMissing))
    func corpusRunCompletesWithALinePerPhoto() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("out")
            let manifest = try ManifestLoader.load(contentsOf: Fixtures.sampleManifest)
            let configuration = RunConfiguration(
                card: Fixtures.corpus!, manifest: manifest, output: output,
                thumbnails: ThumbnailOptions(sizes: [64]))
            let result = try await Pipeline(configuration: configuration).run()
            let scan = try CardScanner(root: Fixtures.corpus!).scan()
            #expect(Set(try Self.batch(output).map(\.source)) == Set(scan.files.map(\.relativePath)))
            let jpegs = scan.files.filter { $0.kind == .jpeg }.count
            #expect(jpegs > 100)
            #expect(result.report.counts.photos >= jpegs)
            #expect(result.report.counts.failed > 0 && result.report.counts.ready > 90)
            #expect(result.report.exitCode == 1)
            // Hostile EXIF text (wikitext, HTML, a signature, line breaks) reaches a page only escaped.
            let nasty = try #require(try Self.batch(output).first { $0.source == "bad/nasty_metadata_text.jpg" })
            let page = try #require(nasty.wikitext)
            #expect(page.contains("|description={{en|1=Sunset&#125;&#125; &#123;&#123;Delete&#124;reason&#61;x&#125;&#125;"))
            #expect(page.components(separatedBy: "[[Category:").count == 2 && !page.contains("<script") && !page.contains("~~~~"))
            #expect(page.components(separatedBy: "\n}}\n").count == 2)
            for id in ["jpeg.too-large", "jpeg.damaged", "jpeg.no-frame", "read.empty"] {
                #expect(result.report.diagnostics.contains { $0.id.rawValue == id }, "no \(id) diagnostic")
            }
        }
    }
}
