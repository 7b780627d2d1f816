import Foundation
import GRDB
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// `catalog.sqlite` itself: what goes in comes out, and a catalogue photocat cannot trust is
/// refused with a message that says what to do.
@Suite struct CatalogTests {
    /// Every corpus photo's read result survives the catalogue unchanged, so a reused result
    /// plans exactly what a fresh read would.
    @Test(.enabled(if: Fixtures.corpus != nil, Fixtures.corpusMissing))
    func readResultsComeBackUnchanged() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let (scan, records) = try await Pipeline.readMetadata(card: Fixtures.corpus!, jobs: 2)
            let catalog = try Catalog(folder: folder)
            let run = try catalog.beginRun(card: Fixtures.corpus!, shard: nil)
            let files = Dictionary(uniqueKeysWithValues: scan.files.map { ($0.relativePath, $0) })
            for record in records {
                try catalog.save(PhotoRow(file: files[record.relativePath]!, record: record, keys: .current, options: ThumbnailOptions(), run: run))
            }
            let stored = try catalog.photos()
            #expect(stored.count == records.count && records.count > 100)
            for var record in records {
                // What the run did (times, decoding) is not part of what was learnt.
                (record.times, record.decoded) = (StageTimes(), false)
                #expect(stored[PathKey(record.relativePath)]?.record == record, "\(record.relativePath)")
            }
        }
    }

    @Test func aCatalogueFromANewerPhotocatIsRefused() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            _ = try Catalog(folder: folder)
            let database = try DatabaseQueue(path: folder.appendingPathComponent(Catalog.fileName).path)
            try database.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
            let error = #expect(throws: PhotoCatalogError.self) { try Catalog(folder: folder) }
            #expect(error?.description.contains("written by a newer photocat") == true)
            #expect(error?.exitCode == 74)
        }
    }

    @Test func aDamagedCatalogueIsReportedWithAWayOut() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            try Data(repeating: 0x42, count: 4096).write(to: folder.appendingPathComponent(Catalog.fileName))
            let error = #expect(throws: PhotoCatalogError.self) { try Catalog(folder: folder) }
            #expect(error?.description.contains("move it away and run again") == true)
        }
    }

    /// Monitoring as a user who may read the output folder but not write it (root may write
    /// anything, so `status` runs as `nobody`).
    @Test(
        .enabled(
            if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv to run as another user"))
    func statusWorksForAUserWhoCanOnlyRead() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("out")
            _ = try await PipelineTests.run(card: try Fixtures.copySampleCard(into: folder), output: output)
            for path in [folder.path] + (FileManager.default.subpaths(atPath: folder.path) ?? []).map({ folder.path + "/" + $0 }) {
                chmod(path, FileManager.default.fileExists(atPath: path + "/.") ? 0o755 : 0o644)
            }
            let before = try PipelineTests.snapshot(output)
            let executable = try #require(CommandLineTests.executable)
            let status = try Subprocess.run(
                "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--", executable.path, "status", "--out", output.path])
            #expect(status.status == 1, "\(status.stderr)")  // the sample card's damaged photo
            #expect(status.stdout.contains("Now: 14 photos: 10 ready, 2 excluded, 1 duplicate, 1 failed"), "\(status.stdout)")
            #expect(status.stderr.isEmpty, "\(status.stderr)")
            #expect(try PipelineTests.snapshot(output) == before)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(Catalog.fileName + "-shm").path))
        }
    }

    @Test func statusNeedsAnExistingCatalogue() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let error = #expect(throws: PhotoCatalogError.self) { try Catalog(folder: folder, writable: false) }
            #expect(error?.description.contains("no run has finished in") == true)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(Catalog.fileName).path))
        }
    }

    /// The example queries of docs/nightly.md run as printed against a real catalogue.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "the sqlite3 command is not installed"))
    func theReadmeQueriesWork() async throws {
        let readme = try String(contentsOf: Fixtures.repository.appendingPathComponent("docs/nightly.md"), encoding: .utf8)
        let queries = readme.split(separator: "\n").filter { $0.hasPrefix("sqlite3 DIR/catalog.sqlite ") }
        #expect(queries.count >= 4)
        try await Fixtures.withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("out")
            _ = try await PipelineTests.run(card: try Fixtures.copySampleCard(into: folder), output: output)
            var answers: [String] = []
            for query in queries {
                let result = try Subprocess.run("/bin/sh", ["-c", query.replacingOccurrences(of: "DIR/", with: "'\(output.path)'/")])
                #expect(result.status == 0 && result.stderr.isEmpty, "\(query): \(result.stderr)")
                answers.append(result.stdout)
            }
            #expect(answers[0].contains("DCIM/100CANON/IMG_0009.JPG|[\"damaged image data"))
            #expect(answers[1].contains("Canon EOS 90D|"))
            #expect(answers[2].contains("cake cutting"))
            #expect(answers[3].hasPrefix("1|"))
        }
    }

    @Test func statusCountsThePhotosAndNamesThoseNeedingAttention() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            _ = try await PipelineTests.run(card: card, output: output)
            try FileManager.default.removeItem(at: card.appendingPathComponent("DCIM/100CANON/IMG_0001.JPG"))
            let second = try await PipelineTests.run(card: card, output: output)
            let status = try Catalog(folder: output, writable: false).status(runs: 5)
            #expect(status.runs.map(\.id) == [2, 1])
            #expect(status.runs[0].counts == second.report.counts && status.runs[0].work == second.work)
            #expect(status.runs[0].exitCode == 1 && status.runs[0].ended != nil && status.runs[0].report == second.report)
            #expect(status.counts == RunReport.Counts(photos: 13, ready: 9, excluded: 2, duplicate: 1, failed: 1))
            #expect(status.removed == 1)
            #expect(status.attention.map(\.path) == ["DCIM/100CANON/IMG_0009.JPG"])
        }
    }
}
