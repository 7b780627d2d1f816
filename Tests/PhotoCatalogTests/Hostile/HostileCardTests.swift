import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// Cards as they come back from events: odd names, files that cannot be read or vanish, text
/// written to escape the output folder. Each photo gets its own outcome; the rest goes on.
@Suite struct HostileCardTests {
    static func manifest(_ text: String = try! String(contentsOf: Fixtures.sampleManifest, encoding: .utf8)) throws -> Manifest {
        try ManifestLoader(fileName: "test.yaml", directory: Fixtures.folder, readData: Fixtures.readData).parse(text)
    }

    static func run(_ card: URL, _ output: URL, manifest: Manifest? = nil) async throws -> RunResult {
        try await Pipeline(
            configuration: RunConfiguration(
                card: card, manifest: manifest ?? Self.manifest(), output: output,
                jobs: 2, thumbnails: ThumbnailOptions(sizes: [64]), settleSeconds: 0)
        ).run()
    }

    /// Creates a file whose name is raw bytes (which need not be UTF-8).
    static func create(in folder: URL, nameBytes: [UInt8], contents: Data) throws {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + nameBytes + [0]
        let descriptor = path.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        defer { close(descriptor) }
        _ = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    @Test func oddFileNamesAreCatalogued() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let photos = folder.appendingPathComponent("card/DCIM/100CANON")
            try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
            var metadata = PhotoMetadata()
            metadata.dateTimeOriginal = "2026:01:15 14:10:00"
            let names = ["line\nbreak.JPG", "-n.JPG", "--help.JPG", "Cafe\u{0301} NFD.JPG", "Café NFC.JPG", "#[]{}|.JPG"]
            for (index, name) in names.enumerated() {
                try Images.jpeg(seed: UInt64(index + 1), metadata: metadata).write(to: photos.appendingPathComponent(name))
            }
            // Bytes that are not UTF-8 (a Latin-1 "ü" from an old camera or archiver).
            try Self.create(
                in: photos, nameBytes: Array("M\u{00FC}nchen ".utf8.prefix(1)) + [0xFC] + Array("nchen.JPG".utf8),
                contents: try Images.jpeg(seed: 9, metadata: metadata))
            let output = folder.appendingPathComponent("out")
            let result = try await Self.run(folder.appendingPathComponent("card"), output)
            let batch = try PipelineTests.batch(output)
            #expect(batch.count == names.count + 1)
            #expect(result.report.counts.ready == names.count + 1, "\(result.report.diagnostics)")
            // NFC and NFD spellings are two files on disk and stay two photos.
            #expect(Set(batch.compactMap(\.filename)).count == names.count + 1)
            #expect(batch.contains { $0.source == "DCIM/100CANON/line\nbreak.JPG" })
            // The batch files stay one line per photo, whatever the names hold.
            let lines = try String(contentsOf: output.appendingPathComponent("commons/batch.jsonl"), encoding: .utf8).split(separator: "\n")
            #expect(lines.count == names.count + 1)
            #expect(result.report.diagnostics.contains { $0.id == .scanNameNotUTF8 && $0.path == "DCIM/100CANON/M\\xFCnchen.JPG" })
            // The catalogue tells the twins apart byte for byte: a second run finds all unchanged.
            let second = try await Self.run(folder.appendingPathComponent("card"), output)
            #expect(second.work.unchanged == names.count + 1 && second.written.written == 0)
        }
    }

    @Test func aFileThatVanishesBetweenScanAndReadFailsAlone() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let scan = try CardScanner(root: card).scan()
            let victim = try #require(scan.files.first)
            try FileManager.default.removeItem(at: victim.url)
            let reader = PhotoReader(thumbnails: ThumbnailOptions(sizes: [64]))
            let records = scan.files.map(reader.read)
            #expect(records[0].failure?.hasPrefix("cannot read the file") == true)
            #expect(records[0].diagnostics.map(\.id) == [.readUnreadable])
            #expect(records.dropFirst().filter { $0.failure == nil }.count == 12)  // all but the damaged photo
            let plan = BatchPlanner.plan(records: records, manifest: try Self.manifest())
            #expect(plan.entries.first { $0.source == victim.relativePath }?.status == .failed)
        }
    }

    /// Root reads anything, so the run is made as `nobody`.
    @Test(
        .enabled(
            if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv to run as another user"))
    func anUnreadableFileFailsAlone() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            for path in [folder.path] + (FileManager.default.subpaths(atPath: folder.path) ?? []).map({ folder.path + "/" + $0 }) {
                chmod(path, FileManager.default.fileExists(atPath: path + "/.") ? 0o755 : 0o644)
            }
            chown(output.path, 65534, 65534)
            chmod(card.appendingPathComponent("DCIM/100CANON/IMG_0002.JPG").path, 0o000)
            let executable = try #require(CommandLineTests.executable)
            let result = try Subprocess.run(
                "/usr/bin/setpriv",
                [
                    "--reuid=65534", "--regid=65534", "--clear-groups", "--", executable.path,
                    "run", card.path, "--manifest", Fixtures.sampleManifest.path, "--out", output.path, "--settle", "0", "--sizes", "64",
                ])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("DCIM/100CANON/IMG_0002.JPG: error: [read.unreadable] cannot read the file"), "\(result.stderr)")
            #expect(result.stdout.contains("14 photos: 9 ready, 2 excluded, 1 duplicate, 2 failed"), "\(result.stdout)")
        }
    }

    /// A read-only bind mount of the card: any attempt to write would fail loudly, and every
    /// byte and modification time is compared afterwards.
    @Test func theCardIsNeverWritten() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let readOnly = folder.appendingPathComponent("read-only-card")
            try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
            let mounted = CrashSafetyTests.shell("mount --bind '\(card.path)' '\(readOnly.path)' && mount -o remount,bind,ro '\(readOnly.path)'") == 0
            defer { if mounted { _ = CrashSafetyTests.shell("umount '\(readOnly.path)'") } }
            let target = mounted ? readOnly : card
            if !mounted { print("no read-only bind mount here (needs root); checking bytes and times only") }
            let before = try PipelineTests.snapshot(card)
            _ = try await Self.run(target, folder.appendingPathComponent("out"))
            _ = try await Self.run(target, folder.appendingPathComponent("out"))
            #expect(try PipelineTests.snapshot(card) == before)
            if mounted { #expect(FileManager.default.createFile(atPath: readOnly.appendingPathComponent("probe").path, contents: nil) == false) }
        }
    }

    /// Text from a manifest or from EXIF becomes file names and pages: nothing in it can place
    /// a file outside the output folder.
    @Test func hostileNamesNeverLeaveTheOutputFolder() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let text = try String(contentsOf: Fixtures.sampleManifest, encoding: .utf8)
                .replacingOccurrences(of: "  name: Wikipedia 25 meetup Baku ", with: "  name: \"../../../tmp/x/..\\\\..\\0/etc/passwd\" ")
                .replacingOccurrences(of: "    name: talks\n", with: "    name: \"/absolute/../../path\"\n")
            let output = folder.appendingPathComponent("out")
            let result = try await Self.run(card, output, manifest: try Self.manifest(text))
            #expect(result.report.counts.ready == 10)
            let names = try PipelineTests.batch(output).compactMap(\.filename)
            #expect(names.count == 10 && names.allSatisfy { !$0.contains("/") && !$0.contains("\0") && !$0.hasPrefix(".") })
            // Only the card and the output folder exist beside each other; every page is in commons/.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out", "sample-card"])
            let pages = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("commons").path)
            #expect(pages.filter { $0.hasSuffix(".wikitext") }.count == 10)
        }
    }
}
