import ArgumentParser
import Foundation
import PhotoCatalog

extension Photocat {
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a manifest and print what is wrong, as file:line:column: message.",
            discussion: "Exits 0 when the manifest is valid and 2 when it is not."
        )

        @Argument(help: "The YAML manifest.")
        var file: String

        func run() async throws {
            let manifest = try ManifestLoader.load(contentsOf: URL(fileURLWithPath: file))
            print("\(file): valid (\(manifest.scenes.count) scenes, \(manifest.people.count) people, \(manifest.photos.count) photo entries)")
        }
    }
}
