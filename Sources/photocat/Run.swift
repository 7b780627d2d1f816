import ArgumentParser
import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

extension ThumbnailOptions.DamagePolicy: ExpressibleByArgument {}
extension RunConfiguration.RemovedPolicy: ExpressibleByArgument {}

extension Photocat {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Catalogue a card and write the Commons upload batch.",
            discussion: """
                Writes into DIR: thumbs/<size>/<sha1>.jpg, commons/<file name>.wikitext per ready photo, \
                commons/batch.jsonl (one line per photo), commons/batch.csv, review.html, report.json \
                (counts and diagnostics) and catalog.sqlite (every photo and run; query it with sqlite3). \
                Files whose bytes would not change are left untouched.

                Runs are incremental: a photo whose size and modification time are unchanged is not read \
                again, so the same command can run nightly from cron over a folder that cards are copied \
                into. A run can be stopped at any moment (Ctrl-C, SIGTERM, even SIGKILL): the next run goes \
                on from where it was and ends in the same state.
                """
        )

        @Argument(help: "The card folder (e.g. /media/card or a copy of its DCIM folder). Never written to.")
        var card: String

        @Option(help: "The YAML manifest describing the event, scenes and people.")
        var manifest: String

        @Option(name: .customLong("out"), help: "Output folder (created if missing; must not be inside the card).")
        var out: String

        @OptionGroup(title: "Beside the manifest")
        var besides: ManifestOptions

        @Option(help: "Photos processed at the same time.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(
            help: ArgumentHelp("Thumbnail long-edge sizes in pixels, comma-separated (default: 320,1280).", valueName: "sizes"),
            transform: ThumbnailOptions.sizes(parsing:))
        var sizes: [Int] = ThumbnailOptions().sizes

        @Option(help: "Thumbnail JPEG quality (1-100).")
        var quality: Int = 85

        @Option(
            name: .customLong("fail-on"),
            help: ArgumentHelp(
                "Which photos fail: 'damaged' (any damaged image data, the default) or 'unreadable' (only photos that cannot be decoded; damaged ones are kept with a warning).",
                valueName: "damaged|unreadable"))
        var failOn: ThumbnailOptions.DamagePolicy = .damaged

        @Option(name: .customLong("max-megapixels"), help: "Refuse frames larger than this, before decoding (decompression bombs).")
        var maxMegapixels: Int = 300

        @Option(
            name: .customLong("known-sha1"),
            help: ArgumentHelp(
                "A file of SHA-1s already on Commons (one per line, e.g. from earlier batches): those photos become duplicates.",
                valueName: "file"))
        var knownSHA1: String?

        @Option(
            help: ArgumentHelp(
                "Leave files modified less than this many seconds ago for the next run: they may still be being copied. 0 takes everything now.",
                valueName: "seconds"))
        var settle: Int = 60

        @Option(
            help: ArgumentHelp(
                "Process only shard K of N (1 ≤ K ≤ N), chosen by a stable hash of each photo's path, so N machines can split one archive. Give each shard its own --out.",
                valueName: "K/N"), transform: Shard.init(parsing:))
        var shard: Shard?

        @Flag(help: "Read and render every photo again instead of trusting the catalogue; the outputs come out byte-identical.")
        var rebuild = false

        @Option(
            help: ArgumentHelp(
                "What happens to the page and thumbnails of a photo no longer on the card: 'delete' them (the default) or 'keep' them. Either way it leaves the batch and stays in the catalogue, marked removed.",
                valueName: "delete|keep"))
        var removed: RunConfiguration.RemovedPolicy = .delete

        @Flag(
            name: .customLong("allow-removal"),
            help:
                "Let this run take more than half of the catalogue's photos out of the batch. Without it such a run is refused and changes nothing: a card that is not mounted looks like an empty folder."
        )
        var allowRemoval = false

        @Flag(help: "Also print notes (skipped files, photos without EXIF).")
        var verbose = false

        @Flag(help: "Print only the summary and errors (for cron).")
        var quiet = false

        @Flag(help: "Print the time spent per stage (summed over photos and workers).")
        var timings = false

        func validate() throws {
            guard (1...100).contains(quality) else { throw ValidationError("--quality must be from 1 to 100") }
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard (1...10_000).contains(maxMegapixels) else { throw ValidationError("--max-megapixels must be from 1 to 10000") }
            guard settle >= 0 else { throw ValidationError("--settle must be 0 or more seconds") }
            if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
        }

        func run() async throws {
            let manifest = try besides.manifest(at: self.manifest)
            let options = ThumbnailOptions(sizes: sizes, quality: quality, maxPixels: maxMegapixels * 1_000_000, failOn: failOn)
            let known = try knownSHA1.map { try RunConfiguration.knownSHA1(contentsOf: URL(fileURLWithPath: $0)) } ?? []
            let configuration = RunConfiguration(
                card: URL(fileURLWithPath: card), manifest: manifest, output: URL(fileURLWithPath: out), jobs: jobs,
                thumbnails: options, knownSHA1: known, settleSeconds: settle, shard: shard,
                rebuild: rebuild, removed: removed, allowRemoval: allowRemoval)
            let signals = SignalWatcher()
            let progress = ProgressLine(enabled: !quiet)
            let result: RunResult
            do {
                result = try await Pipeline(configuration: configuration).run(stop: signals.stop) { done, total, path in
                    progress.update(done: done, total: total, path: path)
                }
            } catch {
                progress.finish()
                throw error
            }
            progress.finish()
            let threshold: Diagnostic.Severity = verbose ? .note : quiet ? .error : .warning
            for diagnostic in result.report.diagnostics where diagnostic.severity >= threshold {
                Log.warn(diagnostic.description)
            }
            if !quiet { result.events.forEach { Log.warn($0.description) } }
            Log.say(result.report.summary + Self.workSummary(result.work))
            if !quiet {
                let removed = result.written.removed > 0 ? ", \(result.written.removed) stale removed" : ""
                Log.say(
                    "Output in \(configuration.output.path): \(counted(result.written.written, "file")) written, \(counted(result.written.unchanged, "file")) unchanged\(removed)"
                )
            }
            if timings { printTimings(result.times, photos: result.report.counts.photos) }
            if result.report.exitCode != 0 { throw ExitCode(result.report.exitCode) }
        }

        /// What the run had to do, when it was not simply everything: ` (3 new, 297 unchanged)`.
        static func workSummary(_ work: RunWork) -> String {
            var parts: [String] = []
            if work.new > 0 { parts.append("\(work.new) new") }
            if work.changed > 0 { parts.append("\(work.changed) read again") }
            if work.unchanged > 0 { parts.append("\(work.unchanged) unchanged") }
            if work.removed > 0 { parts.append("\(work.removed) removed") }
            if work.settling > 0 { parts.append("\(work.settling) left for the next run") }
            if work.otherShards > 0 { parts.append("\(work.otherShards) in other shards") }
            return parts.isEmpty || parts == ["\(work.new) new"] ? "" : " (" + parts.joined(separator: ", ") + ")"
        }

        private func printTimings(_ times: StageTimes, photos: Int) {
            func milliseconds(_ d: Duration) -> Double {
                Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
            }
            let count = Double(max(1, photos))
            print("stage       total s   per photo ms")
            for (name, time) in times.rows + [("thumbnails", times.thumbnails)] {
                let total = milliseconds(time)
                print(name.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%9.2f %14.1f", total / 1000, total / count))
            }
        }
    }
}
