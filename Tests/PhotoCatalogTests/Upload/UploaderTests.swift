import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// `photocat upload` against a real MediaWiki: the sample card goes up page for page, nothing
/// twice, no one's file overwritten, and a batch broken off by a dead server is completed.
@Suite(.enabled(if: TestWiki.installed, Comment(rawValue: TestWiki.missing)), .serialized)
struct UploaderTests {
    struct Setup {
        var wiki: TestWiki
        var folder: URL
        var output: URL
        var card: URL
        var password: String { wiki.password }

        func options(_ change: (inout Uploader.Options) -> Void = { _ in }) -> Uploader.Options {
            var options = Uploader.Options(endpoint: wiki.endpoint)
            options.user = wiki.user
            options.password = wiki.password
            options.delay = .zero
            change(&options)
            return options
        }

        func upload(_ change: (inout Uploader.Options) -> Void = { _ in }) async throws -> [Uploader.Step] {
            try await Uploader(output: output, card: nil, options: options(change)).run()
        }

        func api() async throws -> (WikiAPI, String) {
            let api = WikiAPI(endpoint: wiki.endpoint, contact: "tests")
            try await api.login(user: wiki.user, password: wiki.password)
            return (api, try await api.csrfToken())
        }
    }

    /// A wiki and the sample card's batch (with one photo given a title the wiki's blacklist refuses).
    static func withSetup(_ body: (Setup) async throws -> Void) async throws {
        let wiki = try TestWiki()
        defer { wiki.stop() }
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            let text = try String(contentsOf: Fixtures.sampleManifest, encoding: .utf8).replacingOccurrences(
                of: "    title: venue", with: "    title: forbidden venue")
            let manifest = try ManifestLoader(fileName: "m.yaml", directory: Fixtures.folder, readData: Fixtures.readData).parse(text)
            _ = try await Pipeline(
                configuration: RunConfiguration(
                    card: card, manifest: manifest, output: output, jobs: 2,
                    thumbnails: ThumbnailOptions(sizes: [64]), settleSeconds: 0)
            ).run()
            try await body(Setup(wiki: wiki, folder: folder, output: output, card: card))
        }
    }

    static func sha1(_ data: Data) -> String {
        Fingerprint.sha1(data)
    }

    @Test func theSampleCardGoesUpPageForPageAndNothingTwice() async throws {
        try await Self.withSetup { setup in
            let notices = NoticeList()
            let steps = try await Uploader(output: setup.output, card: nil, options: setup.options()).run(notice: { notices.add($0.text) })
            #expect(notices.all == ["TestWiki has no WikibaseMediaInfo: the batch's structured data (captions, depicts, …) is not written there"])
            #expect(steps.filter { $0.outcome == .uploaded }.count == 9)
            let refused = try #require(steps.first { $0.outcome == .refused })
            #expect(refused.filename.contains("forbidden venue") && refused.detail.contains("titleblacklist"), "\(refused)")
            let (api, _) = try await setup.api()
            let batch = try PipelineTests.batch(setup.output).filter { $0.status == .ready }
            for entry in batch where !entry.filename!.contains("forbidden") {
                let text = try await api.filePageText(entry.filename!)
                #expect(text == entry.wikitext!.trimmingCharacters(in: .whitespacesAndNewlines), "\(entry.filename!)")
            }
            // A second run asks nothing: everything is on record.
            let again = try await setup.upload()
            #expect(again.count == 10 && again.allSatisfy(\.earlier))
            let rows = try Catalog(folder: setup.output, writable: false).uploads(wiki: setup.wiki.endpoint.absoluteString)
            #expect(rows.values.filter { $0.outcome == .uploaded && $0.pageID != nil && $0.wikiName != nil }.count == 9)
            let status = try CommandLineTests.photocat(["status", "--out", setup.output.path])
            #expect(status.stdout.contains("Uploads to \(setup.wiki.endpoint.absoluteString): 9 uploaded, 1 refused"), "\(status.stdout)")
        }
    }

    @Test func knownBytesAreADuplicateAndATakenNameIsNeverOverwritten() async throws {
        try await Self.withSetup { setup in
            let batch = try PipelineTests.batch(setup.output).filter { $0.status == .ready }
            let (api, token) = try await setup.api()
            // Someone uploaded the first photo already, under a name of their own…
            let first = try Data(contentsOf: setup.card.appendingPathComponent(batch[0].source))
            _ = try await api.upload(first, filename: "Someone else's copy.jpg", text: "theirs", comment: "x", token: token)
            // …and another file already has the second photo's planned name.
            let theirs = try Images.jpeg(width: 80, height: 60, seed: 42)
            _ = try await api.upload(theirs, filename: batch[1].filename!, text: "their page", comment: "x", token: token)

            let steps = try await setup.upload()
            let bySource = Dictionary(uniqueKeysWithValues: steps.map { ($0.path, $0) })
            #expect(bySource[batch[0].source]?.outcome == .duplicate)
            #expect(bySource[batch[0].source]?.detail.contains("Someone_else's_copy.jpg") == true)
            #expect(bySource[batch[1].source]?.outcome == .nameTaken)
            #expect(try await api.filePageText(batch[1].filename!) == "their page")
            #expect(try await api.files(withSHA1: Self.sha1(theirs)).count == 1)
            #expect(try await api.files(withSHA1: Self.sha1(first)) == ["Someone_else's_copy.jpg"])
        }
    }

    @Test func largeFilesGoUpInChunks() async throws {
        try await Self.withSetup { setup in
            let steps = try await setup.upload {
                $0.chunkSize = 8192
                $0.only = PhotoPattern.parse("IMG_0001..IMG_0003")
            }
            #expect(steps.map(\.outcome) == [.uploaded, .uploaded, .uploaded])
            let (api, _) = try await setup.api()
            for entry in try PipelineTests.batch(setup.output) where steps.contains(where: { $0.path == entry.source }) {
                let data = try Data(contentsOf: setup.card.appendingPathComponent(entry.source))
                #expect(data.count > 3 * 8192)
                #expect(try await api.files(withSHA1: Self.sha1(data)).count == 1)
            }
        }
    }

    @Test func aBatchCutOffByADeadServerIsCompletedWithoutDuplicates() async throws {
        try await Self.withSetup { setup in
            let done = Counter()
            let wiki = setup.wiki
            // The server dies after the third upload.
            let cut = await #expect(throws: PhotoCatalogError.self) {
                _ = try await Uploader(output: setup.output, card: nil, options: setup.options { $0.attempts = 2 }).run(progress: { step in
                    if step.outcome == .uploaded, done.increment() == 3 { wiki.kill() }
                })
            }
            #expect(cut?.exitCode == 74)
            try wiki.start()
            let steps = try await setup.upload()
            #expect(steps.filter(\.earlier).count == 3)
            #expect(steps.filter { $0.outcome == .uploaded }.count == 9)
            let (api, _) = try await setup.api()
            for entry in try PipelineTests.batch(setup.output) where entry.status == .ready && !entry.filename!.contains("forbidden") {
                #expect(try await api.files(withSHA1: entry.sha1!).count == 1, "\(entry.source)")
            }
        }
    }

    @Test func aDryRunChangesNothingAndLimitStopsEarly() async throws {
        try await Self.withSetup { setup in
            let dry = try await setup.upload {
                $0.dryRun = true
                $0.user = nil
                $0.password = nil
            }
            #expect(dry.count == 10 && dry.filter { $0.outcome == .uploaded }.count == 10)
            #expect(try Catalog(folder: setup.output, writable: false).uploads(wiki: setup.wiki.endpoint.absoluteString).isEmpty)
            let limited = try await setup.upload { $0.limit = 2 }
            #expect(limited.filter { $0.outcome == .uploaded }.count == 2)
        }
    }

    /// The batch that goes up is the catalogue's: the output folder's batch file is never read.
    @Test func theCatalogueNotTheBatchFileIsUploaded() async throws {
        try await Self.withSetup { setup in
            let batch = setup.output.appendingPathComponent("commons/batch.jsonl")
            try Data("not a batch\n".utf8).write(to: batch)
            let dry = try await setup.upload { $0.dryRun = true }
            #expect(dry.count == 10 && dry.filter { $0.outcome == .uploaded }.count == 10)
            try FileManager.default.removeItem(at: setup.output.appendingPathComponent("commons"))
            let steps = try await setup.upload { $0.limit = 1 }
            #expect(steps.filter { $0.outcome == .uploaded }.count == 1)
        }
    }

    /// A run refused because the card looked empty leaves the last batch in place; an upload
    /// after it says which batch goes up.
    @Test func anUploadAfterARefusedRunSaysWhichBatchGoesUp() async throws {
        try await Self.withSetup { setup in
            try RemovalGuardTests.empty(setup.card)
            let refused = try CommandLineTests.photocat([
                "run", setup.card.path, "--manifest", Fixtures.sampleManifest.path, "--out", setup.output.path,
            ])
            #expect(refused.status == 1)
            let notices = NoticeList()
            let steps = try await Uploader(output: setup.output, card: nil, options: setup.options { $0.dryRun = true })
                .run(notice: { notices.add($0.text) })
            #expect(notices.all.contains { $0.contains("made no batch") && $0.contains("is the card mounted?") && $0.contains("run #1") })
            #expect(steps.isEmpty || steps.allSatisfy { $0.outcome == .review })  // the card is gone: nothing can go up
        }
    }

    /// Names that are not UTF-8 go up from the files they name.
    @Test func photosWhoseNamesAreNotUTF8GoUpFromTheirOwnFiles() async throws {
        let wiki = try TestWiki()
        defer { wiki.stop() }
        try await Fixtures.withTemporaryFolder { folder in
            let card = try SourceOfTruthTests.latin1Card(in: folder)
            let output = folder.appendingPathComponent("out")
            _ = try await HostileCardTests.run(card, output)
            var options = Uploader.Options(endpoint: wiki.endpoint)
            (options.user, options.password, options.delay) = (wiki.user, wiki.password, .zero)
            let steps = try await Uploader(output: output, card: nil, options: options).run()
            #expect(steps.map(\.outcome) == [.uploaded, .uploaded], "\(steps)")
            let api = WikiAPI(endpoint: wiki.endpoint, contact: "tests")
            for entry in try PipelineTests.batch(output) {
                let bytes = try FileSystemPath(bytes: Array(card.path.utf8) + [UInt8(ascii: "/")] + entry.key.bytes).read()
                #expect(try await api.files(withSHA1: Fingerprint.sha1(bytes)).count == 1, "\(entry.source)")
            }
        }
    }

    @Test func badCredentialsFailBeforeAnyUpload() async throws {
        try await Self.withSetup { setup in
            let error = await #expect(throws: PhotoCatalogError.self) {
                _ = try await setup.upload { $0.password = "0123456789abcdef0123456789abcdef" }
            }
            #expect(error?.description.contains("login as Admin@upload failed") == true, "\(String(describing: error))")
            #expect(try Catalog(folder: setup.output, writable: false).uploads(wiki: setup.wiki.endpoint.absoluteString).isEmpty)
            // On the command line: a password file others can read is refused before anything.
            let file = setup.folder.appendingPathComponent("password")
            try setup.password.write(to: file, atomically: true, encoding: .utf8)
            chmod(file.path, 0o644)
            let result = try CommandLineTests.photocat([
                "upload", "--out", setup.output.path, "--api", setup.wiki.endpoint.absoluteString,
                "--user", setup.wiki.user, "--password-file", file.path,
            ])
            #expect(result.status == 2 && result.stderr.contains("can be read by others"))
            chmod(file.path, 0o600)
            let ok = try CommandLineTests.photocat([
                "upload", "--out", setup.output.path, "--api", setup.wiki.endpoint.absoluteString,
                "--user", setup.wiki.user, "--password-file", file.path, "--delay", "0", "--limit", "1",
            ])
            #expect(ok.status == 0 && ok.stdout.contains(": uploaded (page id"), "\(ok.stdout) \(ok.stderr)")
            #expect(!ok.stdout.contains(setup.password) && !ok.stderr.contains(setup.password))
        }
    }

    final class NoticeList: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String] = []
        func add(_ text: String) { lock.withLock { texts.append(text) } }
        var all: [String] { lock.withLock { texts } }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int {
            lock.withLock {
                value += 1
                return value
            }
        }
    }
}
