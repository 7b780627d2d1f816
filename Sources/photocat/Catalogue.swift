import ArgumentParser
import Foundation
import PhotoCatalog

extension Photocat {
    struct Project: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an output folder anew from its catalogue alone.",
            discussion: """
                The catalogue (DIR/catalog.sqlite) holds every photo's batch line, page, structured \
                data and thumbnails; the rest of DIR is written from it. When files of DIR were \
                deleted or changed by hand, this writes them back as the last run left them, without \
                the card. Files already right are not touched.
                """
        )

        @Option(name: .customLong("out"), help: "The output folder of `photocat run`.")
        var out: String

        func run() throws {
            let written = try Projection.rebuild(output: URL(fileURLWithPath: out))
            let removed = written.removed > 0 ? ", \(written.removed) stale removed" : ""
            Log.say("\(out): \(counted(written.written, "file")) written, \(counted(written.unchanged, "file")) unchanged\(removed)")
        }
    }

    struct Adopt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep the Commons names of a batch that its catalogue does not know.",
            discussion: """
                When DIR/catalog.sqlite was deleted (or moved away because it was damaged), `run` \
                refuses to plan DIR anew, since new names could give photos already uploaded a \
                second name. This reads DIR/commons/batch.jsonl (or --batch) and keeps its names in a \
                new catalogue; the next run gives each photo its old name, found by path or SHA-1.
                """
        )

        @Option(name: .customLong("out"), help: "The output folder.")
        var out: String

        @Option(help: "The batch file to take the names from (default: DIR/commons/batch.jsonl).")
        var batch: String?

        func run() throws {
            let count = try Adoption.adopt(output: URL(fileURLWithPath: out), batch: batch.map { URL(fileURLWithPath: $0) })
            Log.say("\(count) name\(count == 1 ? "" : "s") adopted into \(out)/catalog.sqlite; the next `photocat run` keeps them")
        }
    }
}
