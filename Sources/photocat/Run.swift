import ArgumentParser
import Foundation
import PhotoCatalog

extension ThumbnailOptions.DamagePolicy: ExpressibleByArgument {}

extension Photocat {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Catalogue a card and write the Commons upload batch.",
            discussion: """
            Writes into DIR: thumbs/<size>/<sha1>.jpg, commons/<file name>.wikitext per ready photo, \
            commons/batch.jsonl (one line per photo) and report.json (counts and diagnostics). \
            Files whose bytes would not change are left untouched.
            """
        )

        @Argument(help: "The card folder (e.g. /media/card or a copy of its DCIM folder). Never written to.")
        var card: String

        @Option(help: "The YAML manifest describing the event, scenes and people.")
        var manifest: String

        @Option(name: .customLong("out"), help: "Output folder (created if missing; must not be inside the card).")
        var out: String

        @Option(help: "Photos processed at the same time.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Thumbnail long-edge sizes in pixels, comma-separated.")
        var sizes: String = "320,1280"

        @Option(help: "Thumbnail JPEG quality (1-100).")
        var quality: Int = 85

        @Option(name: .customLong("fail-on"), help: ArgumentHelp(
            "Which photos fail: 'damaged' (any damaged image data, the default) or 'unreadable' (only photos that cannot be decoded; damaged ones are kept with a warning).",
            valueName: "damaged|unreadable"))
        var failOn: ThumbnailOptions.DamagePolicy = .damaged

        @Option(name: .customLong("max-megapixels"), help: "Refuse frames larger than this, before decoding (decompression bombs).")
        var maxMegapixels: Int = 300

        @Option(name: .customLong("known-sha1"), help: ArgumentHelp(
            "A file of SHA-1s already on Commons (one per line, e.g. from earlier batches): those photos become duplicates.",
            valueName: "file"))
        var knownSHA1: String?

        @Flag(help: "Also print notes (skipped files, photos without EXIF).")
        var verbose = false

        @Flag(help: "Print only the summary and errors.")
        var quiet = false

        @Flag(help: "Print the time spent per stage (summed over photos and workers).")
        var timings = false

        func parsedSizes() throws -> [Int] {
            let values = sizes.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) >= 16 && ($0 ?? 0) <= 8192 }) else {
                throw ValidationError("--sizes takes long-edge sizes from 16 to 8192, such as 320,1280")
            }
            return values.compactMap { $0 }
        }

        func validate() throws {
            _ = try parsedSizes()
            guard (1...100).contains(quality) else { throw ValidationError("--quality must be from 1 to 100") }
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard (1...10_000).contains(maxMegapixels) else { throw ValidationError("--max-megapixels must be from 1 to 10000") }
        }

        func run() async throws {
            let manifest = try ManifestLoader.load(contentsOf: URL(fileURLWithPath: self.manifest))
            let options = ThumbnailOptions(sizes: try parsedSizes(), quality: quality, maxPixels: maxMegapixels * 1_000_000, failOn: failOn)
            let known = try knownSHA1.map { try RunConfiguration.knownSHA1(contentsOf: URL(fileURLWithPath: $0)) } ?? []
            let configuration = RunConfiguration(card: URL(fileURLWithPath: card), manifest: manifest,
                                                 output: URL(fileURLWithPath: out), jobs: jobs, thumbnails: options, knownSHA1: known)
            let progress = ProgressLine(enabled: !quiet)
            let result = try await Pipeline(configuration: configuration).run { done, total, path in
                progress.update(done: done, total: total, path: path)
            }
            progress.finish()
            for diagnostic in result.report.diagnostics where diagnostic.severity >= (verbose ? .note : quiet ? .error : .warning) {
                complain(diagnostic.description)
            }
            print(result.report.summary)
            if !quiet {
                let removed = result.written.removed > 0 ? ", \(result.written.removed) stale removed" : ""
                print("Output in \(configuration.output.path): \(result.written.written) files written, \(result.written.unchanged) unchanged\(removed)")
            }
            if timings { printTimings(result.times, photos: result.report.counts.photos) }
            if result.report.exitCode != 0 { throw ExitCode(result.report.exitCode) }
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

/// Progress on standard error: one rewritten line on a terminal, a line every 25 photos in a log.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let terminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(done: Int, total: Int, path: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if terminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)] \(path)".utf8))
        } else if done % 25 == 0 || done == total {
            complain("[\(done)/\(total)] photos read")
        }
    }

    func finish() {
        guard enabled, terminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
