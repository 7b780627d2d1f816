import Foundation
import PhotoCatalog
import Testing

@Suite struct TaggerTests {
    static func metadata(_ time: String?, offset: String? = nil) -> PhotoMetadata {
        var m = PhotoMetadata()
        m.dateTimeOriginal = time
        m.offsetTimeOriginal = offset
        return m
    }

    @Test(arguments: [
        ("2026:01:15 17:04:12", nil, "2026-01-15 17:04:12"),          // camera on local time
        ("2026:01:15 17:04:12", "+04:00", "2026-01-15 17:04:12"),     // already in Baku's zone
        ("2026:01:15 13:04:12", "+00:00", "2026-01-15 17:04:12"),     // phone left on UTC
        ("2026:01:15 22:30:00", "-03:00", "2026-01-16 05:30:00"),     // crosses midnight
    ] as [(String, String?, String)])
    func localTimeIsOnTheVenueClock(time: String, offset: String?, expected: String) {
        #expect(Tagger.localTime(of: Self.metadata(time, offset: offset), zone: "Asia/Baku")?.description == expected)
    }

    @Test func fallsBackToCreateDate() {
        var m = PhotoMetadata()
        m.createDate = "2026:01:15 10:00:00"
        m.offsetTimeOriginal = "+00:00" // belongs to DateTimeOriginal, so not applied to CreateDate
        #expect(Tagger.localTime(of: m, zone: "Asia/Baku")?.description == "2026-01-15 10:00:00")
        #expect(Tagger.localTime(of: PhotoMetadata(), zone: "Asia/Baku") == nil)
    }

    @Test func sampleScenesAndConsent() throws {
        let tagger = Tagger(manifest: try ManifestLoader.load(contentsOf: Fixtures.sampleManifest))
        let talk = tagger.tag(relativePath: "DCIM/100CANON/IMG_0001.JPG", metadata: Self.metadata("2026:01:15 14:05:12"))
        #expect(talk.scene?.id == "talks")
        #expect(talk.named.map(\.id) == ["leyla"])
        #expect(talk.categories == ["Wikipedia 25 in Azerbaijan", "Talks at Wikipedia 25 in Azerbaijan"])
        #expect(talk.exclusions.isEmpty)

        let noConsent = tagger.tag(relativePath: "DCIM/100CANON/IMG_0006.JPG", metadata: Self.metadata("2026:01:15 17:03:44"))
        #expect(noConsent.exclusions == ["shows `murad`, who did not consent to being photographed"])

        let groupOnly = tagger.tag(relativePath: "DCIM/100CANON/IMG_0007.JPG", metadata: Self.metadata("2026:01:15 17:10:00"))
        #expect(groupOnly.exclusions == ["shows `aysel`, who consented to group and stage photos only"])

        let groupPhoto = tagger.tag(relativePath: "DCIM/100CANON/IMG_0003.JPG", metadata: Self.metadata("2026:01:15 16:05:00"))
        #expect(groupPhoto.scene?.id == "group")
        #expect(groupPhoto.exclusions.isEmpty)
        #expect(groupPhoto.named.map(\.id) == ["leyla", "rashad"]) // aysel is shown but never named

        let between = tagger.tag(relativePath: "DCIM/100CANON/IMG_0100.JPG", metadata: Self.metadata("2026:01:15 15:45:00"))
        #expect(between.scene == nil)
    }

    @Test func theShortestOverlappingWindowWins() throws {
        let manifest = try ManifestLoader(fileName: "m.yaml").parse(ManifestLoaderTests.minimal + """

            scenes:
              - {id: evening, from: "16:00", to: "20:00"}
              - {id: cake, from: "17:00", to: "17:20"}
            """)
        let tagger = Tagger(manifest: manifest)
        #expect(tagger.tag(relativePath: "a.jpg", metadata: Self.metadata("2026:01:15 17:10:00")).scene?.id == "cake")
        #expect(tagger.tag(relativePath: "a.jpg", metadata: Self.metadata("2026:01:15 17:30:00")).scene?.id == "evening")
    }
}
