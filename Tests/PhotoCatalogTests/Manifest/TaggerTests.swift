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

    @Test func cameraClockOffsetMovesPhotosIntoTheirScene() throws {
        let manifest = try ManifestLoader(fileName: "m.yaml").parse(ManifestLoaderTests.minimal + """

            cameras:
              - {id: second, folder: DCIM/101MSDCF, offset: "+01:02:00"}
            scenes:
              - {id: cake, from: "17:00", to: "17:20"}
            """)
        let tagger = Tagger(manifest: manifest)
        let late = tagger.tag(relativePath: "DCIM/101MSDCF/DSC00002.JPG", metadata: Self.metadata("2026:01:15 16:03:00"))
        #expect(late.camera?.id == "second")
        #expect(late.localTime?.description == "2026-01-15 17:05:00")
        #expect(late.scene?.id == "cake")
        let other = tagger.tag(relativePath: "DCIM/100CANON/IMG_0001.JPG", metadata: Self.metadata("2026:01:15 16:03:00"))
        #expect(other.camera == nil && other.scene == nil)
    }

    @Test func locationComesFromGPSElseTheEventPlace() throws {
        let tagger = Tagger(manifest: try ManifestLoader.load(contentsOf: Fixtures.sampleManifest))
        var metadata = Self.metadata("2026:01:15 14:05:12")
        let venue = tagger.tag(relativePath: "a.jpg", metadata: metadata)
        #expect(venue.locationSource == .event)
        #expect(venue.location == GPSPosition(latitude: 40.3777, longitude: 49.892))
        metadata.gps = GPSPosition(latitude: 40.4, longitude: 49.8, imageDirection: 90)
        let own = tagger.tag(relativePath: "a.jpg", metadata: metadata)
        #expect(own.locationSource == .exif)
        #expect(own.location?.imageDirection == 90)
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
