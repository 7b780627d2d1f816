import ArgumentParser
import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

extension Photocat {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the last runs of an output folder and the photos that need attention.",
            discussion: """
                Reads DIR/catalog.sqlite without changing it; safe while a run is going on. \
                Exits 1 when the last run did not succeed or a photo failed, so a monitoring check can call it.
                """
        )

        @Option(name: .customLong("out"), help: "The output folder of `photocat run`.")
        var out: String

        @Option(help: "How many runs to list.")
        var runs: Int = 5

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func validate() throws {
            guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        }

        func run() throws {
            let status = try Catalog(folder: URL(fileURLWithPath: out), writable: false).status(runs: runs)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(status), as: UTF8.self))
            } else {
                printText(status)
            }
            let lastRunFailed = status.runs.first.map { ($0.exitCode ?? 1) != 0 } ?? false
            if lastRunFailed || status.counts.failed > 0 { throw ExitCode(ExitStatus.somePhotosFailed) }
        }

        private func printText(_ status: CatalogStatus) {
            print("Last runs (newest first):")
            for run in status.runs {
                var line = "  #\(run.id ?? 0)  \(run.started)  "
                switch (run.ended, run.exitCode) {
                case (nil, _): line += "did not finish (killed, or still running)"
                case (_, let code?) where code >= 128: line += "stopped by a signal, exit \(code)"
                case (_, let code?): line += "exit \(code)"
                default: break
                }
                if let counts = run.counts {
                    line += "  " + counts.summary + (run.work.map(Run.workSummary) ?? "")
                }
                print(line)
                if let message = run.message { print("      \(message)") }
            }
            print("Now: \(status.counts.summary)" + (status.removed > 0 ? "; \(status.removed) removed from the card" : ""))
            for (wiki, counts) in status.uploads.sorted(by: { $0.key < $1.key }) {
                let parts = UploadRow.Outcome.allCases.compactMap { outcome in counts[outcome.rawValue].map { "\($0) \(outcome.rawValue)" } }
                print("Uploads to \(wiki): " + parts.joined(separator: ", "))
            }
            guard !status.attention.isEmpty else { return }
            print("Needs attention:")
            for item in status.attention {
                print("  \(item.path)  \(item.status?.rawValue ?? "unplanned"): \(item.reasons.joined(separator: "; "))")
            }
        }
    }
}
