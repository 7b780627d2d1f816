import ArgumentParser
import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// Exit codes, documented in `--help` and docs/diagnostics.md; those of errors that stop a whole run
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
              0    every photo is fine
                   (excluded photos and duplicates are fine)
              1    some photos failed (see report.json),
                   or the run was refused: is the card mounted?
              2    a usage or manifest error, or no card
              74   the output folder cannot be written
                   (disk full, permissions),
                   or the wiki cannot be reached or refuses the login
              75   another run holds the output folder; try later
              130  stopped by SIGINT, 143 by SIGTERM
                   (the photos read so far are kept)
            """,
        version: PhotocatVersion.current,
        subcommands: [Run.self, Upload.self, Status.self, Project.self, Adopt.self, Inspect.self, Validate.self, Initialize.self]
    )
}

/// "1 camera", "3 cameras".
func counted(_ n: Int, _ one: String, _ many: String? = nil) -> String {
    "\(n) \(n == 1 ? one : many ?? one + "s")"
}

/// Prints a message on standard error.
func complain(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

@main
enum Main {
    static func main() async {
        MemoryTuning.keepPhotoBuffers()
        var command: ParsableCommand
        do {
            command = try Photocat.parseAsRoot()
        } catch {
            let code = Photocat.exitCode(for: error)
            if code == .success {
                Photocat.exit(withError: error)  // --help, --version
            }
            complain(Photocat.fullMessage(for: error))
            Foundation.exit(code == .validationFailure ? ExitStatus.usageOrManifest : code.rawValue)
        }
        do {
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
        } catch let error as ValidationError {
            // A value refused once the command runs (a password file others can read): the
            // message, not the whole usage.
            complain("photocat: error: \(error.message)")
            Foundation.exit(ExitStatus.usageOrManifest)
        } catch {
            let code = Photocat.exitCode(for: error)
            if code == .success {
                Photocat.exit(withError: error)  // `photocat` alone: its help
            }
            complain("photocat: error: \(Photocat.message(for: error))")
            Foundation.exit(code.rawValue)
        }
    }
}
