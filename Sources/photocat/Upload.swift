import ArgumentParser
import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

extension Photocat {
    struct Upload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload the ready photos of a batch to Commons (or another MediaWiki).",
            discussion: """
                Uploads the original files of the `ready` photos of the batch in DIR/catalog.sqlite with their \
                pages, one at a time. Before each, the wiki is asked for the file's SHA-1 (a known file \
                is recorded as a duplicate, not uploaded) and for its name (another file's name is never \
                overwritten). Every outcome is kept in DIR/catalog.sqlite, so a rerun uploads nothing \
                twice and goes on where a stopped run ended. Log in with a bot password \
                (Special:BotPasswords, grants: basic, high-volume editing, upload, edit existing pages, \
                create pages): --user Name@BotName, the password in a file only you can read \
                (--password-file) or in PHOTOCAT_WIKI_PASSWORD. A safe first run: --limit 5, then look \
                at the five pages on the wiki.
                """
        )

        @Option(name: .customLong("out"), help: "The output folder of `photocat run`.")
        var out: String

        @Option(help: "The card the batch was made from (default: the card of the folder's last run).")
        var card: String?

        @Option(help: "The wiki's API, e.g. https://commons.wikimedia.org/w/api.php.")
        var api: String

        @Option(help: "Bot-password login: User@BotName.")
        var user: String?

        @Option(name: .customLong("password-file"), help: "A file holding the bot password; it must not be readable by others.")
        var passwordFile: String?

        @Flag(name: .customLong("dry-run"), help: "Look every photo up and say what would happen, without changing the wiki.")
        var dryRun = false

        @Option(help: "Upload at most this many photos in this run.")
        var limit: Int?

        @Option(help: "Only photos whose card path or file name matches (IMG_0001.JPG, IMG_0003..IMG_0007, DCIM/100CANON/*).")
        var only: String?

        @Option(help: "Seconds to wait between uploads.")
        var delay: Double = 5

        @Option(help: "The upload summary.")
        var comment: String?

        @Option(name: .customLong("chunk-megabytes"), help: "Files larger than this go up in chunks of this size.")
        var chunkMegabytes: Double = 8

        @Flag(help: "Print only the summary and the photos that did not go up (for cron).")
        var quiet = false

        func validate() throws {
            guard URL(string: api)?.scheme?.hasPrefix("http") == true else { throw ValidationError("--api takes the address of a wiki's api.php") }
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
            guard delay >= 0 else { throw ValidationError("--delay must be 0 or more seconds") }
            guard chunkMegabytes >= 0.0625 else { throw ValidationError("--chunk-megabytes must be at least 0.0625 (64 KB)") }
            if let only, PhotoPattern.parse(only) == nil { throw ValidationError("--only: `\(only)` is not a photo name, range or pattern") }
        }

        func run() async throws {
            var options = Uploader.Options(endpoint: URL(string: api)!)
            options.user = user
            options.password = try password()
            options.dryRun = dryRun
            options.limit = limit
            options.only = only.flatMap(PhotoPattern.parse)
            options.delay = .milliseconds(Int(delay * 1000))
            options.comment = comment
            options.chunkSize = Int(chunkMegabytes * 1_048_576)
            let uploader = Uploader(output: URL(fileURLWithPath: out), card: card.map { URL(fileURLWithPath: $0) }, options: options)
            let signals = SignalWatcher()
            let steps = try await uploader.run(
                stop: signals.stop, notice: { Log.warn("note: \($0.text)") },
                progress: { step in
                    guard !step.earlier, !(quiet && step.outcome == .uploaded) else { return }
                    let what = dryRun && step.outcome == .uploaded ? "would upload" : step.outcome.rawValue
                    Log.say("\(step.path) → \(step.filename): \(what)\(step.detail.isEmpty ? "" : " (\(step.detail))")")
                })
            var counts: [UploadRow.Outcome: Int] = [:]
            for step in steps { counts[step.outcome, default: 0] += 1 }
            let earlier = steps.filter(\.earlier).count
            let parts = UploadRow.Outcome.allCases.compactMap { outcome in
                counts[outcome].map { "\($0) \(dryRun && outcome == .uploaded ? "to upload" : outcome.rawValue)" }
            }
            Log.say(
                "\(steps.count) photo\(steps.count == 1 ? "" : "s")\(dryRun ? " (dry run)" : ""): "
                    + (parts.isEmpty ? "nothing to do" : parts.joined(separator: ", "))
                    + (earlier > 0 ? " (\(earlier) done in earlier runs)" : ""))
            let unsettled = (counts[.refused] ?? 0) + (counts[.review] ?? 0) + (counts[.nameTaken] ?? 0)
            if unsettled > 0 { throw ExitCode(ExitStatus.somePhotosFailed) }
        }

        /// From --password-file (refused when others can read it) or PHOTOCAT_WIKI_PASSWORD;
        /// never from the command line, where `ps` and shell history would show it.
        func password() throws -> String? {
            if let passwordFile {
                var info = stat()
                guard stat(passwordFile, &info) == 0 else {
                    throw ValidationError("--password-file \(passwordFile): \(String(cString: strerror(errno)))")
                }
                guard info.st_mode & 0o077 == 0 else {
                    throw ValidationError("--password-file \(passwordFile) can be read by others; chmod 600 it first")
                }
                let text = try String(contentsOfFile: passwordFile, encoding: .utf8)
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return ProcessInfo.processInfo.environment["PHOTOCAT_WIKI_PASSWORD"]
        }
    }
}
