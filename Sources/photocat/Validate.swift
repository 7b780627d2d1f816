import ArgumentParser
import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

extension Photocat {
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a manifest and print what is wrong, as file:line:column: message.",
            discussion: """
                With --card, also a dry run: for every photo of the card, its capture time, scene, \
                people, consent decision and planned Commons name, then the photos no scene claims. \
                Nothing is decoded or written. Exits 0 when the manifest is valid and 2 when it is not.
                """
        )

        @Argument(help: "The YAML manifest.")
        var file: String

        @Option(help: "A card to try the manifest on.")
        var card: String?

        @OptionGroup(title: "Beside the manifest")
        var besides: ManifestOptions

        @Flag(
            help:
                "With --card, also decode each photo's image data (nothing is written), so damaged photos fail as in `run` and the planned names are the run's."
        )
        var decode = false

        func run() async throws {
            let manifest = try besides.manifest(at: file)
            print(
                "\(file): valid: "
                    + [
                        counted(manifest.cameras.count, "camera"), counted(manifest.scenes.count, "scene"),
                        manifest.people.count == 1 ? "1 person" : "\(manifest.people.count) people",
                        counted(manifest.photos.count, "photo entry", "photo entries"),
                    ].joined(separator: ", ")
            )
            manifest.trackNotes.forEach { print("track log \($0)") }
            guard let card else { return }
            let dryRun = try await DryRun.plan(card: URL(fileURLWithPath: card), manifest: manifest, decode: decode)
            print("")
            dryRun.lines().forEach { print($0) }
            dryRun.diagnostics.filter { $0.id.isAboutTheManifest || $0.id == .geotagNoFix || $0.severity == .error }.forEach {
                complain($0.description)
            }
            // An entry that guards someone's consent and matches no photo is a manifest error.
            if dryRun.diagnostics.contains(where: { $0.id.isAboutTheManifest && $0.severity == .error }) {
                throw ExitCode(ExitStatus.usageOrManifest)
            }
        }
    }

    struct Initialize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Print a commented starter manifest for a card.",
            discussion: """
                Reads the card's EXIF (nothing is written) and prints a manifest with the cameras \
                found (with serial numbers, for clock offsets), the date span, photo counts per hour \
                (to help set scene windows) and placeholders to fill: photocat init CARD > manifest.yaml
                """
        )

        @Argument(help: "The card folder.")
        var card: String

        func run() async throws {
            let url = URL(fileURLWithPath: card)
            let (_, records) = try await Pipeline.readMetadata(card: url)
            print(ManifestStarter.text(cardName: url.lastPathComponent, records: records), terminator: "")
        }
    }
}
