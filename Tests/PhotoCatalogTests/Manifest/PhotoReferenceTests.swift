import Foundation
import PhotoCatalog
import PhotoModel
import PhotoPlan
import Testing

/// A typo in a `photos:` list must not let a photo of someone who did not consent slip out:
/// every entry that matches no photo is reported at its place in the manifest, with the card's
/// nearest name.
@Suite struct PhotoReferenceTests {
    /// The sample manifest with Murad (consent: none) listed by a typo, IMG_0060 for IMG_0006,
    /// instead of the photo override that excludes IMG_0006.
    static func typoManifest(in folder: URL) throws -> URL {
        var text = try String(contentsOf: Fixtures.sampleManifest, encoding: .utf8)
        text = text.replacingOccurrences(of: "  IMG_0006.JPG:\n    people: [murad]\n", with: "")
        text = text.replacingOccurrences(
            of: "    consent: none                           # wore a \"no photography\" lanyard",
            with: "    consent: none\n    photos: [IMG_0060]")
        text = text.replacingOccurrences(of: "tracks: [sample-track.gpx]", with: "tracks: [\(Fixtures.folder.path)/sample-track.gpx]")
        let url = folder.appendingPathComponent("typo.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// 1-based line and column of the first `text` in the file.
    static func position(of text: String, in url: URL) throws -> String {
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains(text) })
        let column = lines[line].distance(from: lines[line].startIndex, to: lines[line].range(of: text)!.lowerBound)
        return "\(line + 1):\(column + 1)"
    }

    @Test func aConsentTypoIsAnErrorWithItsPlaceAndTheNearestName() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let manifestURL = try Self.typoManifest(in: folder)
            let manifest = try ManifestLoader.load(contentsOf: manifestURL)
            let output = folder.appendingPathComponent("out")
            let result = try await Pipeline(
                configuration: RunConfiguration(card: card, manifest: manifest, output: output, jobs: 2, settleSeconds: 0)
            ).run()
            let place = "\(manifestURL.path):\(try Self.position(of: "IMG_0060", in: manifestURL))"
            let diagnostic = try #require(result.report.diagnostics.first { $0.id == .manifestUnknownPhoto })
            #expect(diagnostic.severity == .error && diagnostic.path == place, "\(diagnostic)")
            #expect(diagnostic.message.contains("photos of `murad` (consent none): `IMG_0060` matches no photo on the card; did you mean IMG_0006?"))
            #expect(result.report.counts.unmatchedPhotoEntries == 1 && result.report.counts.unmatchedConsentEntries == 1)
            #expect(result.report.exitCode == 1)

            // On the command line: shown without --verbose, and validate --card refuses the manifest.
            let run = try CommandLineTests.photocat([
                "run", card.path, "--manifest", manifestURL.path, "--out", folder.appendingPathComponent("cli").path, "--settle", "0",
            ])
            #expect(run.status == 1 && run.stderr.contains("\(place): error: [manifest.unknown-photo]"), "\(run.stderr)")
            #expect(run.stdout.contains("1 manifest photo entry matches no photo (1 guarding consent)"), "\(run.stdout)")
            let validate = try CommandLineTests.photocat(["validate", manifestURL.path, "--card", card.path])
            #expect(validate.status == 2 && validate.stderr.contains("did you mean IMG_0006?"), "\(validate.stderr)")
        }
    }

    @Test func anUnmatchedSceneEntryIsAWarning() throws {
        let manifest = try ManifestLoader(fileName: "m.yaml").parse(
            ManifestLoaderTests.minimal + """

                scenes:
                  - id: cake
                    name: cake cutting
                    photos: [IMG_0100..IMG_0110, DSC*.JPG, IMG_0009]
                """)
        let records = ["DCIM/IMG_0105.JPG", "DCIM/IMG_0099.JPG"].map { BatchPlannerTests.record($0, time: "2026:01:15 17:05:00") }
        let plan = BatchPlanner.plan(records: records, manifest: manifest)
        let misses = plan.diagnostics.filter { $0.id == .manifestUnknownPhoto }
        #expect(misses.map(\.severity) == [.warning, .warning])
        #expect(misses.map(\.path) == ["m.yaml:10:34", "m.yaml:10:44"], "\(misses)")  // DSC*.JPG and IMG_0009
        #expect(misses[1].message.contains("did you mean IMG_0099?"))
    }
}
