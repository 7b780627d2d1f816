import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// The executable killed, interrupted or starved of disk at every point that matters: the next
/// run always ends in exactly the state of a run that was never disturbed.
@Suite struct CrashSafetyTests {
    /// Small thumbnails and one worker: quick runs with a fixed order of steps.
    static func arguments(card: URL, output: URL) -> [String] {
        [
            "run", card.path, "--manifest", Fixtures.sampleManifest.path, "--out", output.path,
            "--sizes", "64", "--jobs", "1", "--settle", "0", "--quiet",
        ]
    }

    /// What a run leaves: every output file's bytes, and the catalogue's photo rows without the
    /// run numbers (a killed run takes a number too).
    struct State: Equatable {
        var files: [String: Data]
        var photos: [PhotoRow]
    }

    static func state(_ output: URL) throws -> State {
        let photos = try Catalog(folder: output, writable: false).photos().values.map { row in
            var row = row
            (row.firstRun, row.readRun, row.removedRun) = (0, 0, row.removedRun.map { _ in 0 })
            return row
        }.sorted { $0.path < $1.path }
        return State(files: try PipelineTests.snapshot(output).files, photos: photos)
    }

    static func leftovers(_ output: URL) -> [String] {
        (FileManager.default.subpaths(atPath: output.path) ?? []).filter { $0.hasSuffix(".tmp") }
    }

    /// Kills the run at step 1, 2, 3, … (`PHOTOCAT_TEST_KILL_AT`) until one finishes, each time
    /// on a fresh copy of `start`, and checks that a rerun ends in `expected`. Returns the number
    /// of steps killed at.
    static func killAtEveryStep(card: URL, start: URL?, scratch: URL, expected: State) throws -> Int {
        var step = 1
        while true {
            let output = scratch.appendingPathComponent("kill-\(step)")
            if let start { try FileManager.default.copyItem(at: start, to: output) }
            let killed = try CommandLineTests.photocat(arguments(card: card, output: output), environment: ["PHOTOCAT_TEST_KILL_AT": "\(step)"])
            if killed.signal == nil { return step - 1 }
            #expect(killed.signal == SIGKILL)
            let rerun = try CommandLineTests.photocat(arguments(card: card, output: output))
            #expect(rerun.status == 1, "step \(step): \(rerun.stderr)")  // the damaged photo
            #expect(try state(output) == expected, "killed at step \(step), the rerun differs from an undisturbed run")
            #expect(leftovers(output).isEmpty, "step \(step): \(leftovers(output))")
            try? FileManager.default.removeItem(at: output)
            step += 1
        }
    }

    @Test func aFirstRunKilledAtAnyStepIsCompletedByTheNext() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let clean = folder.appendingPathComponent("clean")
            #expect(try CommandLineTests.photocat(Self.arguments(card: card, output: clean)).status == 1)
            let steps = try Self.killAtEveryStep(card: card, start: nil, scratch: folder, expected: try Self.state(clean))
            // Every durable step: one run row, 13 thumbnails (written, renamed) and 14 photo
            // commits, 10 pages and 4 batch files (written, renamed), the closing commit.
            #expect(steps >= 1 + 26 + 14 + 28 + 1, "only \(steps) steps")
        }
    }

    @Test func anIncrementalRunKilledAtAnyStepIsCompletedByTheNext() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let start = folder.appendingPathComponent("start")
            _ = try CommandLineTests.photocat(Self.arguments(card: card, output: start))
            // Overnight: a photo deleted, one added, one edited.
            let photos = card.appendingPathComponent("DCIM/100CANON")
            try FileManager.default.removeItem(at: photos.appendingPathComponent("IMG_0001.JPG"))
            var metadata = PhotoMetadata()
            metadata.dateTimeOriginal = "2026:01:15 14:01:00"
            try Images.jpeg(seed: 5, metadata: metadata).write(to: photos.appendingPathComponent("IMG_0012.JPG"))
            try Images.jpeg(seed: 6, metadata: metadata).write(to: photos.appendingPathComponent("IMG_0002.JPG"))
            let undisturbed = folder.appendingPathComponent("undisturbed")
            try FileManager.default.copyItem(at: start, to: undisturbed)
            #expect(try CommandLineTests.photocat(Self.arguments(card: card, output: undisturbed)).status == 1)
            let steps = try Self.killAtEveryStep(card: card, start: start, scratch: folder, expected: try Self.state(undisturbed))
            #expect(steps >= 10, "only \(steps) steps")
        }
    }

    @Test(arguments: [("TERM", SIGTERM), ("INT", SIGINT)])
    func aSignalStopsCleanlyAndTheNextRunGoesOn(name: String, number: Int32) async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let clean = folder.appendingPathComponent("clean")
            _ = try CommandLineTests.photocat(Self.arguments(card: card, output: clean))
            let output = folder.appendingPathComponent("out")
            // The signal arrives after the third photo's thumbnail is in place.
            let stopped = try CommandLineTests.photocat(
                Self.arguments(card: card, output: output),
                environment: ["PHOTOCAT_TEST_KILL_AT": "7", "PHOTOCAT_TEST_SIGNAL": name])
            #expect(stopped.signal == nil && stopped.status == 128 + number)
            #expect(stopped.stderr.contains("SIG\(name) received") && stopped.stderr.contains("the photos read so far are saved"))
            let catalog = try Catalog(folder: output, writable: false)
            let saved = try catalog.photos().count
            #expect((1..<12).contains(saved), "\(saved) photos committed")
            #expect(try catalog.runs(limit: 1).first?.exitCode == 128 + number)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("commons/batch.jsonl").path))
            #expect(Self.leftovers(output).isEmpty)

            let status = try CommandLineTests.photocat(["status", "--out", output.path])
            #expect(status.status == 1 && status.stdout.contains("stopped by a signal, exit \(128 + number)"))
            let rerun = try CommandLineTests.photocat(Self.arguments(card: card, output: output))
            #expect(rerun.status == 1)
            #expect(try Catalog(folder: output, writable: false).runs(limit: 1).first?.work?.unchanged == saved)
            #expect(try Self.state(output) == (try Self.state(clean)))
        }
    }

    @Test func aFullDiskStopsTheRunWithThePathAndLeavesNothingHalfWritten() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("small-disk")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            // A 256 KB file system: room for the catalogue and some thumbnails, not for all.
            guard Self.shell("mount -t tmpfs -o size=256k tmpfs '\(output.path)'") == 0 else {
                print("skipped: mounting a small tmpfs needs root")
                return
            }
            defer { _ = Self.shell("umount '\(output.path)'") }
            let full = try CommandLineTests.photocat(Self.arguments(card: card, output: output).filter { $0 != "64" && $0 != "--sizes" })
            #expect(full.status == 74, "\(full.stderr)")
            // Whichever write meets the full disk first (a thumbnail, a page, the catalogue) says so.
            let message = full.stderr.lowercased()
            #expect(
                (message.contains("no space left on device") || message.contains("disk is full")) && full.stderr.contains(output.path),
                "\(full.stderr)")
            #expect(Self.leftovers(output).isEmpty)
            // Room again: the next run completes as if nothing had happened.
            #expect(Self.shell("mount -o remount,size=64m '\(output.path)'") == 0)
            #expect(try CommandLineTests.photocat(Self.arguments(card: card, output: output).filter { $0 != "64" && $0 != "--sizes" }).status == 1)
            let clean = folder.appendingPathComponent("clean")
            _ = try CommandLineTests.photocat(Self.arguments(card: card, output: clean).filter { $0 != "64" && $0 != "--sizes" })
            #expect(try Self.state(output) == (try Self.state(clean)))
        }
    }

    @Test func anOutputFolderThatCannotBeMadeIsNamed() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("not-a-folder")
            try Data("x".utf8).write(to: file)
            let result = try CommandLineTests.photocat(Self.arguments(card: Fixtures.sampleCard, output: file.appendingPathComponent("out")))
            #expect(result.status == 74)
            #expect(result.stderr.contains("photocat: cannot write \(file.path)/out"))
        }
    }

    static func shell(_ command: String) -> Int32 {
        (try? Subprocess.run("/bin/sh", ["-c", command]))?.status ?? -1
    }
}
