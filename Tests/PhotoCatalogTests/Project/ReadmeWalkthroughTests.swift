import Foundation
import Testing

/// The commands of the README and docs/ work as printed: each `photocat` command of their `sh`
/// blocks runs on a copy of the sample card, with the card, manifest and output folder put where
/// the text says. Uploads to Commons itself are the exception: the same commands run against a
/// throwaway MediaWiki in `UploaderTests`.
@Suite struct ReadmeWalkthroughTests {
    /// The `photocat …` lines of the `sh` blocks between "## Your first card" and the next section.
    static func commands() throws -> [String] {
        let readme = try String(contentsOf: Fixtures.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Your first card").dropFirst().first?.components(separatedBy: "\n## ").first)
        return section.components(separatedBy: "```sh\n").dropFirst().flatMap { block in
            block.components(separatedBy: "```")[0].split(separator: "\n").map(String.init).filter { $0.hasPrefix("photocat ") }
        }
    }

    /// The `photocat …` commands of every `sh` block of a page, continuation lines joined.
    static func commands(in page: String) throws -> [String] {
        let text = try String(contentsOf: Fixtures.repository.appendingPathComponent(page), encoding: .utf8)
        return text.components(separatedBy: "```sh\n").dropFirst().flatMap { block in
            block.components(separatedBy: "```")[0].replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").map(String.init)
                .filter { $0.hasPrefix("photocat ") }
        }
    }

    /// A card whose photos were written an hour ago, as a real card's were.
    static func card(in folder: URL) throws -> URL {
        let card = try Fixtures.copySampleCard(into: folder)
        for name in FileManager.default.subpaths(atPath: card.path) ?? [] {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: card.appendingPathComponent(name).path)
        }
        return card
    }

    @Test(arguments: ["docs/manifest.md", "docs/nightly.md", "docs/uploading.md", "docs/running.md", "docs/review.md", "docs/exif-and-time.md"])
    func everyCommandOfAPageRuns(page: String) async throws {
        let executable = try #require(CommandLineTests.executable)
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Self.card(in: folder)
            try String(contentsOf: Fixtures.sampleManifest, encoding: .utf8)
                .replacingOccurrences(of: "tracks: [sample-track.gpx]", with: "tracks: [\(Fixtures.folder.path)/sample-track.gpx]")
                .write(to: folder.appendingPathComponent("meetup.yaml"), atomically: true, encoding: .utf8)
            try FileManager.default.copyItem(at: folder.appendingPathComponent("meetup.yaml"), to: folder.appendingPathComponent("m.yaml"))
            for command in try Self.commands(in: page) where !command.contains("--api") && !command.contains("…") {
                let line = command.replacingOccurrences(of: "/media/card", with: card.path).replacingOccurrences(of: "/archive", with: card.path)
                    .replacingOccurrences(of: "~/commons/meetup", with: folder.appendingPathComponent("meetup").path)
                    .replacingOccurrences(of: "/results/", with: folder.path + "/")
                    .replacingOccurrences(of: "photocat ", with: "'\(executable.path)' ", options: .anchored)
                    .replacingOccurrences(of: "> meetup.yaml", with: "> started.yaml")
                let result = try Subprocess.run(
                    "/bin/sh", ["-c", "cd '\(folder.path)' && \(line)"], environment: ["SLURM_ARRAY_TASK_ID": "1", "JOB_COMPLETION_INDEX": "0"])
                // 1: the sample card's damaged photo; 2 would be a command that does not parse.
                #expect(result.status == 0 || result.status == 1, "\(page): \(command): \(result.stderr)")
            }
        }
    }

    @Test func everyStepRunsAsPrinted() async throws {
        let commands = try Self.commands()
        #expect(commands.count >= 8, "\(commands)")
        let executable = try #require(CommandLineTests.executable)
        try await Fixtures.withTemporaryFolder { folder in
            // A fresh copy's files are a moment old, which `run` would leave for the next run as
            // perhaps still being copied; a real card's were written hours ago.
            let card = try Self.card(in: folder)
            let output = folder.appendingPathComponent("meetup")
            // Step 2 is the person's: the filled-in manifest is the sample card's. A choices file
            // as the review page saves it.
            let manifest = folder.appendingPathComponent("meetup.yaml")
            let sample = try String(contentsOf: Fixtures.sampleManifest, encoding: .utf8)
            try sample.replacingOccurrences(of: "tracks: [sample-track.gpx]", with: "tracks: [\(Fixtures.folder.path)/sample-track.gpx]")
                .write(to: manifest, atomically: true, encoding: .utf8)
            try "photos:\n  \"DCIM/100CANON/IMG_0011.JPG\":\n    exclude: \"out of focus\"\n"
                .write(to: folder.appendingPathComponent("choices.yaml"), atomically: true, encoding: .utf8)
            for command in commands where !command.contains("https://commons.wikimedia.org") {
                var line = command.replacingOccurrences(of: "/media/card", with: card.path)
                    .replacingOccurrences(of: "~/commons/meetup", with: output.path)
                    .replacingOccurrences(of: "photocat ", with: "'\(executable.path)' ", options: .anchored)
                if line.contains(" init ") { line = line.replacingOccurrences(of: "> meetup.yaml", with: "> started.yaml") }
                let result = try Subprocess.run("/bin/sh", ["-c", "cd '\(folder.path)' && \(line)"])
                // The sample card holds a damaged photo on purpose: run and status exit 1.
                let expected: Int32 = line.contains(" run ") || line.contains(" status ") ? 1 : 0
                #expect(result.status == expected, "\(command): \(result.stderr)")
            }
            let started = try String(contentsOf: folder.appendingPathComponent("started.yaml"), encoding: .utf8)
            #expect(started.contains("# 3 photos in DCIM/101MSDCF"))
            let batch = try PipelineTests.batch(output)
            #expect(batch.first { $0.source.hasSuffix("IMG_0011.JPG") }?.status == .excluded)
        }
    }
}
