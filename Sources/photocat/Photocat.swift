import ArgumentParser
import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// Exit codes, documented in `--help` and the README; those of errors that stop a whole run
/// (74, 75, 130, 143) come from `PhotoCatalogError.exitCode`.
enum ExitStatus {
    static let somePhotosFailed: Int32 = 1
    static let usageOrManifest: Int32 = 2
}

struct Photocat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "photocat",
        abstract: "Turn a camera memory card into a Wikimedia Commons upload batch.",
        discussion: """
            photocat reads the card without ever writing to it, makes upright thumbnails, tags people \
            and scenes from a manifest you write once, and plans Commons file names and file pages.

            Exit codes:
              0   every photo is fine (excluded and duplicate photos are fine)
              1   some photos failed (see report.json); or the run was refused
                  because it would empty the batch (is the card mounted?)
              2   usage or manifest error, or the card is missing
              74  the output folder or its catalogue cannot be written (disk
                  full, permissions), or the wiki cannot be reached or refuses
                  the login (upload)
              75  another run holds the output folder's lock; try again later
              130 stopped by SIGINT, 143 by SIGTERM; the photos read so far
                  are kept
            """,
        version: PhotocatVersion.current,
        subcommands: [Run.self, Upload.self, Status.self, Project.self, Adopt.self, Inspect.self, Validate.self, Initialize.self]
    )
}

/// Prints a message on standard error.
func complain(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

@main
enum Main {
    static func main() async {
        do {
            var command = try Photocat.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch PhotoCatalogError.manifest(let issues) {
            // Compiler-style lines exactly, terminal or not, so editors and scripts can read them.
            issues.forEach { complain($0.description) }
            Foundation.exit(ExitStatus.usageOrManifest)
        } catch let error as PhotoCatalogError {
            Log.warn("photocat: \(error)")
            Foundation.exit(error.exitCode)
        } catch {
            let code = Photocat.exitCode(for: error)
            if code == .success {
                Photocat.exit(withError: error)  // --help, --version
            }
            complain(Photocat.fullMessage(for: error))
            Foundation.exit(code == .validationFailure ? ExitStatus.usageOrManifest : code.rawValue)
        }
    }
}
