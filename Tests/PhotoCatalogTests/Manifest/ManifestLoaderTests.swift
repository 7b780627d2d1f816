import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct ManifestLoaderTests {
    static let minimal = """
        version: 1
        event:
          title: Wikipedia 25 birthday meetup in Baku
          date: 2026-01-15
          timezone: Asia/Baku
          author: {user: ExamplePhotographer, name: Example Photographer}
        """

    private func issues(_ yaml: String) -> [ManifestIssue] {
        do {
            _ = try ManifestLoader(fileName: "m.yaml").parse(yaml)
            return []
        } catch PhotoCatalogError.manifest(let issues) {
            return issues
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func sampleManifestLoads() throws {
        let manifest = try ManifestLoader.load(contentsOf: Fixtures.sampleManifest)
        #expect(manifest.event.name == "Wikipedia 25 meetup Baku")
        #expect(manifest.event.languages == ["en", "az"])
        #expect(manifest.event.license == "cc-by-sa-4.0")
        #expect(manifest.scenes.map(\.id) == ["talks", "group", "cake"])
        #expect(
            manifest.scenes[0].window
                == TimeWindow(
                    from: LocalDateTime(year: 2026, month: 1, day: 15, hour: 14),
                    to: LocalDateTime(year: 2026, month: 1, day: 15, hour: 15, minute: 30)))
        #expect(manifest.people.first { $0.id == "murad" }?.consent == Manifest.Consent.none)
        #expect(manifest.photos["IMG_0006.JPG"]?.people == ["murad"])
    }

    @Test func defaultsFillWhatIsLeftOut() throws {
        let manifest = try ManifestLoader(fileName: "m.yaml").parse(Self.minimal)
        #expect(manifest.event.name == "Wikipedia 25 birthday meetup in Baku")
        #expect(manifest.event.license == "cc-by-sa-4.0")
        #expect(manifest.event.languages == ["en"])
        #expect(manifest.scenes.isEmpty && manifest.people.isEmpty)
    }

    /// Each broken manifest gives one error at the right line and column, in plain words.
    @Test(arguments: [
        ("\n  titel: x", 7, 3, "unknown key `titel` in event (did you mean `title`?)"),
        ("\n  license: cc-by-sa-40", 7, 12, "unknown licence `cc-by-sa-40` (did you mean `cc-by-sa-4.0`?)"),
        ("\npeople:\n  - {id: ann, consent: maybe}", 8, 24, "consent of `ann` must be full, group or none"),
        ("\nscenes:\n  - {id: cake, from: \"2026-01-15 17:00\", to: \"2026-01-15 16:00\"}", 8, 46, "ends (2026-01-15 16:00:00) before it starts"),
        ("\nscenes:\n  - {id: group, photos: [IMG_0218..IMG_0212]}", 8, 26, "is not a photo range such as IMG_0212..IMG_0218"),
        ("\nscenes:\n  - {id: group, photos: [IMG_0212..DSC_0218]}", 8, 26, "is not a photo range"),
        (
            "\nscenes:\n  - {id: a, photos: IMG_0210..IMG_0215}\n  - {id: b, photos: IMG_0214..IMG_0218}", 8, 3,
            "the photo ranges IMG_0210..IMG_0215 (scene `a`) and IMG_0214..IMG_0218 (scene `b`) overlap"
        ),
        ("\nscenes:\n  - {id: cake, from: \"17:00\"}", 8, 16, "scene `cake` needs both `from` and `to`"),
        ("\nscenes:\n  - {id: cake, from: \"25:00\", to: \"17:00\"}", 8, 22, "is not a time such as 14:00"),
        (
            "\nscenes:\n  - {id: talks, people: [leila]}\npeople:\n  - {id: leyla, consent: full}", 8, 26,
            "unknown person `leila` (did you mean `leyla`?)"
        ),
        ("\nphotos:\n  IMG_0001.JPG: {scene: cak}\nscenes:\n  - {id: cake}", 8, 25, "unknown scene `cak` (did you mean `cake`?)"),
        ("\n  categories: [\"Foo [[bar]]\"]", 7, 15, "is not a valid category name"),
        ("\nfoo: 1", 7, 1, "unknown key `foo` in the manifest"),
        ("\n  wikidata: 123", 7, 13, "event.wikidata must be an item id such as Q42"),
        ("\ncameras:\n  - {model: X, offset: \"+01:00\", sync: {photo: a.jpg, shows: \"2026-01-15 17:00\"}}", 8, 34, "has both `offset` and `sync`"),
        ("\ncameras:\n  - {model: X, sync: {photo: a.jpg, shows: \"five past five\"}}", 8, 44, "is not a time such as 2026-01-15 17:04:10"),
        ("\ncameras:\n  - {id: x, offset: \"+01:00\"}", 8, 5, "camera `x` needs at least one of make, model, serial or folder"),
        (
            "\n  description: {en: \"Murad cutting the cake\"}\npeople:\n  - {id: murad, name: Murad, consent: none}", 7, 21,
            "event.description.en names Murad (`murad`), who did not consent to being photographed"
        ),
        (
            "\nphotos:\n  IMG_0001.JPG: {description: \"murad at the door\"}\npeople:\n  - {id: murad, name: Murad, consent: none}", 8, 31,
            "description of `IMG_0001.JPG` names Murad (`murad`), who did not consent"
        ),
        ("\n  categories: [\"<an existing Commons category>\"]", 7, 16, "is still the placeholder <an existing Commons category>; fill it in"),
    ])
    func errorsPointAtTheirPlace(addition: String, line: Int, column: Int, message: String) {
        let found = issues(Self.minimal + addition)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.line == line)
        #expect(found.first?.column == column)
        #expect(found.first?.message.contains(message) == true, "\(found.first?.message ?? "")")
    }

    /// A bad event.date is one error, at its place: the scene times that rely on it do not
    /// each report a missing date.
    @Test func aBadEventDateIsOneRootError() {
        let found = issues(
            Self.minimal.replacingOccurrences(of: "date: 2026-01-15", with: "date: 2026-13-45")
                + "\nscenes:\n  - {id: talks, from: \"14:00\", to: \"15:30\"}\n  - {id: cake, from: \"17:00\", to: \"17:20\"}")
        #expect(found.map(\.message) == ["event.date `2026-13-45` is not a date in the form YYYY-MM-DD"])
        #expect(found.first.map { [$0.line, $0.column] } == [4, 9])
    }

    @Test func badTimeZoneAndVersion() {
        let found = issues(
            Self.minimal.replacingOccurrences(of: "Asia/Baku", with: "Baku/Azerbaijan").replacingOccurrences(of: "version: 1", with: "version: 2"))
        #expect(found.map(\.line) == [1, 5])
        #expect(found.map(\.description).joined().contains("m.yaml:5:13: error: event.timezone `Baku/Azerbaijan` is not an IANA time zone"))
    }

    @Test func yamlSyntaxErrorHasAPosition() {
        let found = issues("version: 1\nevent: [unclosed\n")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("YAML syntax") == true)
        #expect(found.first?.line == 3)
    }

    @Test func emptyListsAreEmptyNotErrors() throws {
        let manifest = try ManifestLoader(fileName: "m.yaml").parse(Self.minimal + "\ncameras:\n  # none yet\nscenes:\npeople: ~\n")
        #expect(manifest.cameras.isEmpty && manifest.scenes.isEmpty && manifest.people.isEmpty)
    }

    @Test func errorsComeInFileOrder() {
        let found = issues(Self.minimal.replacingOccurrences(of: "Asia/Baku", with: "Nowhere") + "\npeople:\n  - {id: x, consent: maybe}")
        #expect(found.map(\.line) == [5, 8])
    }

    @Test func emptyManifest() {
        #expect(issues("").first?.message.contains("empty") == true)
    }
}
