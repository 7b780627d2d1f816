import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// `validate --card` and `init`: read the card, write nothing.
@Suite struct DryRunTests {
    @Test func sampleCardDryRun() async throws {
        let before = try PipelineTests.snapshot(Fixtures.sampleCard)
        let manifest = try ManifestLoader.load(contentsOf: Fixtures.sampleManifest)
        let dryRun = try await DryRun.plan(card: Fixtures.sampleCard, manifest: manifest)
        let lines = dryRun.lines()
        #expect(
            lines.first
                == "DCIM/100CANON/IMG_0001.JPG | 2026-01-15 14:05:12 | scene: talks | people: leyla | place: exif 40.37770,49.89200 | ready as \"Wikipedia 25 meetup Baku 2026-01-15 talks 01.jpg\""
        )
        #expect(
            lines.contains(
                "DCIM/100CANON/IMG_0006.JPG | 2026-01-15 17:03:44 | scene: cake | people: murad | place: event 40.37770,49.89200 | excluded: shows `murad`, who did not consent to being photographed"
            ))
        #expect(
            lines.contains(
                "DCIM/101MSDCF/DSC00002.JPG | 2026-01-15 17:05:00 | scene: cake | people: - | place: event 40.37770,49.89200 | ready as \"Wikipedia 25 meetup Baku 2026-01-15 cake cutting 04.jpg\""
            ))
        // The Sony has no GPS; the phone's track places it (its clock corrected by the manifest).
        #expect(
            lines.contains {
                $0.hasPrefix("DCIM/101MSDCF/DSC00001.JPG | 2026-01-15 14:42:00 | scene: talks | people: leyla | place: gpx 40.37702,49.89080 |")
            })
        #expect(lines.contains("1 photo no scene claims: DCIM/100CANON/IMG_0008.JPG"))
        #expect(try PipelineTests.snapshot(Fixtures.sampleCard) == before)
    }

    /// Without decoding, the damaged photo is planned as ready and takes a number; with
    /// `--decode` it fails as in `run`, and every planned name is the run's.
    @Test func withDecodeTheDryRunPlansTheRunsNames() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let manifest = try ManifestLoader.load(contentsOf: Fixtures.sampleManifest)
            let run = try await PipelineTests.run(card: try Fixtures.copySampleCard(into: folder), output: folder.appendingPathComponent("out"))
            let dryRun = try await DryRun.plan(card: Fixtures.sampleCard, manifest: manifest, decode: true)
            #expect(dryRun.entries.map(\.filename) == run.entries.map(\.filename))
            #expect(dryRun.entries.map(\.status) == run.entries.map(\.status))
            #expect(!dryRun.lines().contains { $0.contains("not decoded") })
        }
    }

    @Test func starterManifestDescribesTheCardAndValidatesOnceFilledIn() async throws {
        let (_, records) = try await Pipeline.readMetadata(card: Fixtures.sampleCard)
        let text = ManifestStarter.text(cardName: "sample-card", records: records)
        #expect(text.contains("  # - {make: \"Canon\", model: \"Canon EOS 90D\", serial: \"093021004512\", offset: \"+00:00:00\"}"))
        #expect(text.contains("  # 3 photos in DCIM/101MSDCF"))
        #expect(text.contains("#   2026-01-15 17:00  ▇▇▇▇▇ 5"))
        #expect(text.contains("  date: 2026-01-15\n"))
        // Left as it is, every placeholder is an error; filled in, it is a valid manifest.
        // Every placeholder is named in the first pass, once, and nothing else is.
        let placeholders = text.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0] }
            .reduce(0) { $0 + $1.matches(of: /<[^>\n]*>/).count }
        do {
            _ = try ManifestLoader(fileName: "m.yaml").parse(text)
            Issue.record("the starter manifest validated with its placeholders")
        } catch PhotoCatalogError.manifest(let issues) {
            #expect(
                issues.count == placeholders && issues.allSatisfy { $0.message.contains("placeholder") },
                "\(issues.count) of \(placeholders): \(issues.map(\.message))")
        }
        let filled = text.replacing(/<[^>\n]*>/) { match in
            switch match.output {
            case "<IANA zone of the venue, e.g. Asia/Baku>": "Asia/Baku"
            case "<HH:MM>": "14:00"
            case "<full | group | none>": "full"
            case "<IMG_0001..IMG_0010>": "IMG_0001..IMG_0003"
            default: "Filled in"
            }
        }
        let manifest = try ManifestLoader(fileName: "m.yaml").parse(filled)
        #expect(manifest.people.first?.photos == [PhotoPattern.range(prefix: "IMG_", from: 1, to: 3, digits: 4)])
    }
}
