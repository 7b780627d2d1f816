import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// The development corpus's `bad/` folder (hostile inputs described in its README.txt), run as
/// one card. Its symbolic links arrive as small text files naming their targets, so the card is
/// copied and the links made real first. Every file has the outcome this table gives it.
@Suite(.enabled(if: Fixtures.corpus != nil, Fixtures.corpusMissing))
struct HostileCorpusTests {
    enum Outcome: Sendable, CustomStringConvertible {
        case ready, duplicate
        /// In the batch as failed, with this error.
        case failed(String)
        /// Not in the batch; the scan reports it with this id.
        case skipped(String)

        var description: String {
            switch self {
            case .ready: "ready"
            case .duplicate: "duplicate"
            case .failed(let id): "failed [\(id)]"
            case .skipped(let id): "skipped [\(id)]"
            }
        }
    }

    static let links = ["alias_of_photo.jpg", "dangling.jpg", "loop_a.jpg", "loop_b.jpg", "Vacation 2019/again"]

    static let expected: [(String, Outcome)] = [
        ("-n.jpg", .ready),
        ("IMG_7731_truncated.jpg", .failed("jpeg.damaged")),
        ("IMG_7732_cut_in_exif.jpg", .failed("jpeg.no-frame")),
        ("Vacation 2019/IMG_0042.JPG", .ready),
        ("Vacation 2019/again", .skipped("scan.symlink")),
        ("alias_of_photo.jpg", .duplicate),
        ("app1_length_overflow.jpg", .failed("jpeg.no-frame")),
        ("corrupt_exif_ifd0_offset.jpg", .ready),
        ("corrupt_exif_ifd1_loop.jpg", .ready),
        ("corrupt_exif_ifd_pointer.jpg", .ready),
        ("corrupt_exif_thumb_offset.jpg", .ready),
        ("dangling.jpg", .skipped("scan.dangling-symlink")),
        ("empty.jpg", .failed("read.empty")),
        ("loop_a.jpg", .skipped("scan.symlink-loop")),
        ("loop_b.jpg", .skipped("scan.symlink-loop")),
        ("nasty_metadata_text.jpg", .ready),
        ("notes.jpg", .failed("scan.not-jpeg")),
        ("screenshot.JPG", .failed("scan.not-jpeg")),
        ("sof_65000x65000.jpg", .failed("jpeg.too-large")),
        ("soi_eoi_only.jpg", .failed("jpeg.no-frame")),
        ("trailing_zip_after_eoi.jpg", .ready),
        ("Ünïcødé photo #1 – 東京 (copy).jpg", .ready),
    ]

    struct Run: Sendable {
        var batch: [String: BatchEntry]
        var report: RunReport
    }

    /// One run for all the cases.
    static let run = Task<Run, Error> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("photocat-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let card = folder.appendingPathComponent("bad")
        try FileManager.default.copyItem(at: Fixtures.corpus!.appendingPathComponent("bad"), to: card)
        for link in links {
            let url = card.appendingPathComponent(link)
            let target = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }
        let output = folder.appendingPathComponent("out")
        let result = try await Pipeline(
            configuration: RunConfiguration(
                card: card, manifest: try ManifestLoader.load(contentsOf: Fixtures.sampleManifest), output: output,
                jobs: 2, thumbnails: ThumbnailOptions(sizes: [64]), settleSeconds: 0)
        ).run()
        let batch = Dictionary(uniqueKeysWithValues: try PipelineTests.batch(output).map { ($0.source, $0) })
        return Run(batch: batch, report: result.report)
    }

    @Test(arguments: expected)
    func eachHostileFileHasItsOutcome(file: String, outcome: Outcome) async throws {
        let run = try await Self.run.value
        let entry = run.batch[file]
        let errors = run.report.diagnostics.filter { $0.path == file }.map(\.id.rawValue)
        switch outcome {
        case .ready:
            #expect(entry?.status == .ready, "\(entry?.reasons ?? [])")
        case .duplicate:
            #expect(entry?.status == .duplicate && entry?.duplicateOf != nil)
        case .failed(let id):
            #expect(entry?.status == .failed && errors.contains(id), "\(errors)")
        case .skipped(let id):
            #expect(entry == nil && errors.contains(id), "\(errors)")
        }
    }

    @Test func theRestOfTheCardIsProcessed() async throws {
        let run = try await Self.run.value
        // Every photo file of the folder has a line, and nothing is in the batch unaccounted for.
        let listed = Set(Self.expected.filter { if case .skipped = $0.1 { false } else { true } }.map(\.0))
        #expect(Set(run.batch.keys) == listed)
        var counts = run.report.counts
        counts.unmatchedPhotoEntries = 0  // the sample manifest names photos of the sample card
        #expect(counts == RunReport.Counts(photos: 18, ready: 9, duplicate: 1, failed: 8, skippedFiles: run.report.counts.skippedFiles))
    }
}
