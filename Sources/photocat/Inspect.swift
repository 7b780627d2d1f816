import ArgumentParser
import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

extension Photocat {
    struct Inspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the EXIF photocat reads from photos.",
            discussion: """
                With --json, one JSON object per photo (JSON Lines) with exiftool's tag names and \
                `exiftool -n` value forms, so the output can be diffed against `exiftool -json -n`. \
                Folders are walked like a card. Problems go to standard error.
                """
        )

        @Argument(help: "Photos or folders.")
        var paths: [String]

        @Flag(help: "JSON Lines output.")
        var json = false

        func run() async throws {
            var failed = false
            // Written in blocks of about 64 KB, not a write per photo.
            var output = Data()
            func flush() {
                FileHandle.standardOutput.write(output)
                output.removeAll(keepingCapacity: true)
            }
            for path in paths {
                try Inspector.inspect(path: path) { item in
                    if !item.diagnostics.isEmpty {
                        flush()  // a problem shows up next to the photos around it
                        item.diagnostics.forEach { complain($0.description) }
                    }
                    failed = failed || item.failed
                    guard let object = item.object else { return }
                    output.append(contentsOf: ((json ? object.serialized() : Inspector.text(object)) + "\n").utf8)
                    if output.count >= 1 << 16 { flush() }
                }
            }
            flush()
            if failed { throw ExitCode(ExitStatus.somePhotosFailed) }
        }
    }
}
