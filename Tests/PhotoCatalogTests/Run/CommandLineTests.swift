import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// The `photocat` executable as users and cron call it: its output contract and exit codes.
@Suite struct CommandLineTests {
    /// The executable built beside this test bundle (`swift build` puts both in one folder).
    static let executable: URL? = {
        let folder = Bundle.main.bundleURL.deletingLastPathComponent()
        return [Bundle.main.bundleURL, folder].map { $0.appendingPathComponent("photocat") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func photocat(_ arguments: [String], environment: [String: String] = [:]) throws -> Subprocess.Outcome {
        let executable = try #require(executable, "build the photocat executable first (make test does)")
        return try Subprocess.run(executable.path, arguments, environment: environment)
    }

    @Test func runExitsOneWhenAPhotoFailed() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let out = folder.appendingPathComponent("out").path
            let result = try Self.photocat([
                "run", card.path, "--manifest", Fixtures.sampleManifest.path, "--out", out, "--jobs", "2", "--settle", "0",
            ])
            #expect(result.status == 1)
            #expect(result.stdout.contains("14 photos: 10 ready, 2 excluded, 1 duplicate, 1 failed; 1 other file skipped"))
            #expect(result.stderr.contains("DCIM/100CANON/IMG_0009.JPG: error: [jpeg.damaged]"))

            // Without the damaged photo every photo is fine: exit 0, and a second run writes nothing.
            try FileManager.default.removeItem(at: card.appendingPathComponent("DCIM/100CANON/IMG_0009.JPG"))
            let arguments = ["run", card.path, "--manifest", Fixtures.sampleManifest.path, "--out", out, "--settle", "0"]
            let second = try Self.photocat(arguments)
            #expect(second.status == 0 && second.stdout.contains("(13 unchanged, 1 removed)"))
            #expect(second.stderr.contains("DCIM/100CANON/IMG_0009.JPG: note: [card.removed] no longer on the card"))
            let third = try Self.photocat(arguments)
            #expect(third.status == 0 && third.stdout.contains("13 photos: 10 ready, 2 excluded, 1 duplicate; 1 other file skipped (13 unchanged)"))
            #expect(third.stdout.contains(": 0 files written, 38 files unchanged"))
        }
    }

    @Test func badManifestExitsTwoAndWritesNothing() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let manifest = folder.appendingPathComponent("broken.yaml")
            try "version: 1\nevent:\n  titel: x\n".write(to: manifest, atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("out")
            let result = try Self.photocat(["run", Fixtures.sampleCard.path, "--manifest", manifest.path, "--out", out.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("broken.yaml:3:3: error: unknown key `titel` in event (did you mean `title`?)"))
            #expect(!FileManager.default.fileExists(atPath: out.path))

            let validate = try Self.photocat(["validate", manifest.path])
            #expect(validate.status == 2)
            // Only compiler-style lines, with no timestamp or prefix, though stderr is no terminal here.
            let lines = validate.stderr.split(separator: "\n")
            #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix(manifest.path + ":") && $0.contains(": error: ") }, "\(validate.stderr)")
        }
    }

    @Test(arguments: [
        ["run"], ["run", "card", "--manifest", "m.yaml", "--out", "o", "--quality", "0"], ["frobnicate"],
        ["run", "card", "--manifest", "m.yaml", "--out", "o", "--shard", "5/4"],
        ["run", "card", "--manifest", "m.yaml", "--out", "o", "--settle", "-1"], ["status"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        #expect(try Self.photocat(arguments).status == 2)
    }

    @Test func validManifestValidates() throws {
        let result = try Self.photocat(["validate", Fixtures.sampleManifest.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("valid: 1 camera, 3 scenes, 4 people, 5 photo entries"))
        let dryRun = try Self.photocat(["validate", Fixtures.sampleManifest.path, "--card", Fixtures.sampleCard.path])
        #expect(dryRun.status == 0)
        #expect(dryRun.stdout.contains("1 photo no scene claims: DCIM/100CANON/IMG_0008.JPG"))
    }

    @Test func initPrintsAStarterManifest() throws {
        let result = try Self.photocat(["init", Fixtures.sampleCard.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# Manifest for sample-card"))
        #expect(result.stdout.contains("cameras:"))
    }

    @Test func helpDocumentsTheExitCodes() throws {
        let result = try Self.photocat(["--help"])
        #expect(result.status == 0)
        for code in ["0 ", "1 ", "2 ", "74 ", "75 ", "130 "] { #expect(result.stdout.contains("  \(code)")) }
    }

    @Test func statusShowsTheRunsAndThePhotosNeedingAttention() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let out = folder.appendingPathComponent("out").path
            #expect(try Self.photocat(["status", "--out", out]).status == 74)  // no catalogue yet
            let run = try Self.photocat(["run", card.path, "--manifest", Fixtures.sampleManifest.path, "--out", out, "--settle", "0", "--quiet"])
            // Not a terminal: timestamped lines, the summary and nothing but errors.
            #expect(run.stdout.split(separator: "\n").count == 1 && run.stdout.hasPrefix("20") && run.stdout.contains("Z 14 photos: 10 ready"))
            #expect(!run.stderr.contains("warning:") && run.stderr.contains("error: [jpeg.damaged]"))
            let status = try Self.photocat(["status", "--out", out])
            #expect(status.status == 1)
            #expect(status.stdout.contains("#1  20") && status.stdout.contains("exit 1  14 photos: 10 ready"))
            #expect(status.stdout.contains("Needs attention:\n  DCIM/100CANON/IMG_0009.JPG  failed: damaged image data"))
            let json = try Self.photocat(["status", "--out", out, "--json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect((object["runs"] as? [Any])?.count == 1 && (object["removed"] as? Int) == 0)
        }
    }

    @Test func inspectPrintsJSONLines() throws {
        let photo = Fixtures.sampleCard.appendingPathComponent("DCIM/100CANON/IMG_0001.JPG").path
        let result = try Self.photocat(["inspect", "--json", photo, Fixtures.sampleCard.appendingPathComponent("DCIM/100CANON/IMG_0008.JPG").path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(object["SourceFile"] as? String == photo)
        #expect(object["Model"] as? String == "Canon EOS 90D")
        #expect(object["DateTimeOriginal"] as? String == "2026:01:15 14:05:12")
        #expect(object["SubSecTimeOriginal"] as? Int == 31)
        #expect(object["OffsetTimeOriginal"] as? String == "+04:00")
        #expect(object["GPSImgDirection"] as? Double == 135)
        #expect(object["ImageWidth"] as? Int == 640)
        #expect(String(lines[1]).contains("\"ImageWidth\":640") && !lines[1].contains("Make"))
    }

    @Test func inspectOfANonPhotoFails() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let text = folder.appendingPathComponent("notes.jpg")
            try "not a photo".write(to: text, atomically: true, encoding: .utf8)
            let result = try Self.photocat(["inspect", "--json", text.path])
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("error: [scan.not-jpeg]"))
        }
    }

    /// An error printed for a file means a non-zero exit, even when its EXIF could be shown;
    /// a file that is no JPEG is named by what it is.
    @Test func inspectExitsOneOnAnyErrorAndNamesOtherFormats() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let noFrame = Fixtures.folder.appendingPathComponent("fuzz-regressions/scan-before-frame.jpg").path
            let partial = try Self.photocat(["inspect", "--json", noFrame])
            #expect(partial.status == 1 && partial.stderr.contains("error: [jpeg.no-frame]"), "\(partial.stderr)")
            for (name, format) in [("scan.tiff", "TIFF"), ("raw.dng", "DNG")] {
                let url = folder.appendingPathComponent(name)
                try Data([0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00]).write(to: url)
                let result = try Self.photocat(["inspect", url.path])
                #expect(result.status == 1 && result.stderr.contains("a \(format) file, not a JPEG"), "\(result.stderr)")
            }
        }
    }
}

/// Two runs on one output folder: the second is refused with exit 75 and writes nothing.
@Suite struct OutputLockTests {
    @Test func aSecondRunIsRefusedWhileTheFirstHoldsTheFolder() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            var lock: OutputLock? = try OutputLock(folder: output)
            #expect(throws: PhotoCatalogError.locked(output.path, Int(getpid()))) { try OutputLock(folder: output) }

            let card = try Fixtures.copySampleCard(into: folder)
            let refused = try CommandLineTests.photocat([
                "run", card.path, "--manifest", Fixtures.sampleManifest.path, "--out", output.path, "--settle", "0",
            ])
            #expect(refused.status == 75)
            #expect(refused.stderr.contains("another photocat run (process \(getpid())) is writing"))
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("commons").path))

            lock = nil  // released: the next run goes ahead
            #expect(lock == nil)
            let allowed = try CommandLineTests.photocat([
                "run", card.path, "--manifest", Fixtures.sampleManifest.path, "--out", output.path, "--settle", "0",
            ])
            #expect(allowed.status == 1)
        }
    }
}
