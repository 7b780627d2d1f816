import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct TaggerTests {
    static func metadata(_ time: String?, offset: String? = nil) -> PhotoMetadata {
        var m = PhotoMetadata()
        m.dateTimeOriginal = time
        m.offsetTimeOriginal = offset
        return m
    }

    @Test func cameraClockOffsetMovesPhotosIntoTheirScene() throws {
        let manifest = try ManifestLoader(fileName: "m.yaml").parse(
            ManifestLoaderTests.minimal + """

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

    @Test func locationComesFromGPSElseTheTrackElseTheEventPlace() throws {
        let tagger = Tagger(manifest: try ManifestLoader.load(contentsOf: Fixtures.sampleManifest))
        // 14:05 in Baku is 10:05 UTC, 25 min before the sample track's first fix: placed there.
        var metadata = Self.metadata("2026:01:15 14:05:12")
        let walk = tagger.tag(relativePath: "a.jpg", metadata: metadata)
        #expect(walk.locationSource == .gpx)
        #expect(walk.location == GPSPosition(latitude: 40.376, longitude: 49.889, altitude: -24))
        let venue = tagger.tag(relativePath: "a.jpg", metadata: Self.metadata("2026:01:15 16:05:12"))
        #expect(venue.locationSource == .event)
        #expect(venue.location == GPSPosition(latitude: 40.3777, longitude: 49.892))
        #expect(venue.trackMiss?.contains("1 h 15 min from the nearest fix") == true)
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
        #expect(groupPhoto.named.map(\.id) == ["rashad", "leyla"])  // aysel is shown but never named

        let between = tagger.tag(relativePath: "DCIM/100CANON/IMG_0100.JPG", metadata: Self.metadata("2026:01:15 15:45:00"))
        #expect(between.scene == nil)
    }

    @Test func theShortestOverlappingWindowWins() throws {
        let manifest = try ManifestLoader(fileName: "m.yaml").parse(
            ManifestLoaderTests.minimal + """

                scenes:
                  - {id: evening, from: "16:00", to: "20:00"}
                  - {id: cake, from: "17:00", to: "17:20"}
                """)
        let tagger = Tagger(manifest: manifest)
        #expect(tagger.tag(relativePath: "a.jpg", metadata: Self.metadata("2026:01:15 17:10:00")).scene?.id == "cake")
        #expect(tagger.tag(relativePath: "a.jpg", metadata: Self.metadata("2026:01:15 17:30:00")).scene?.id == "evening")
    }
}

@Suite struct SceneSelectionTests {
    static let manifest: Manifest = try! ManifestLoader(fileName: "m.yaml").parse(
        ManifestLoaderTests.minimal + """

            scenes:
              - {id: evening, from: "16:00", to: "20:00"}
              - {id: cake, from: "17:00", to: "17:20"}
              - {id: party, from: "23:00", to: "01:30"}
              - {id: group, name: group photo, photos: IMG_0212..IMG_0218}
              - {id: second-camera, photos: "DCIM/101MSDCF/*"}
              - {id: portrait, photos: [IMG_0214.JPG]}
            people:
              - {id: leyla, consent: full, photos: [IMG_0300..IMG_0310, "DSC*"]}
            """)

    static func tag(_ path: String, _ time: String?) -> Tagging {
        var metadata = PhotoMetadata()
        metadata.dateTimeOriginal = time
        return Tagger(manifest: manifest).tag(relativePath: path, metadata: metadata)
    }

    /// (photo, EXIF time) → chosen scene and every scene that claimed it.
    @Test(
        arguments: [
            ("DCIM/100CANON/IMG_0100.JPG", "2026:01:15 16:30:00", "evening", ["evening"]),
            ("DCIM/100CANON/IMG_0100.JPG", "2026:01:15 17:10:00", "cake", ["cake", "evening"]),  // shorter window wins
            ("DCIM/100CANON/IMG_0213.JPG", "2026:01:15 17:10:00", "group", ["group", "cake", "evening"]),  // a range beats a window
            ("DCIM/100CANON/IMG_0214.JPG", "2026:01:15 17:10:00", "portrait", ["portrait", "group", "cake", "evening"]),  // a name beats a range
            ("DCIM/101MSDCF/DSC00001.JPG", "2026:01:15 17:10:00", "second-camera", ["second-camera", "cake", "evening"]),  // a glob beats a window
            ("DCIM/100CANON/img_0219.jpg", "2026:01:15 12:00:00", nil, []),  // just past the range
            ("DCIM/100CANON/IMG_0400.JPG", "2026:01:15 23:30:00", "party", ["party"]),  // before midnight
            ("DCIM/100CANON/IMG_0401.JPG", "2026:01:16 01:10:00", "party", ["party"]),  // after midnight, next day
            ("DCIM/100CANON/IMG_0402.JPG", "2026:01:16 02:00:00", nil, []),
        ] as [(String, String, String?, [String])])
    func mostSpecificClaimWins(path: String, time: String, scene: String?, claims: [String]) {
        let tagging = Self.tag(path, time)
        #expect(tagging.scene?.id == scene)
        #expect(tagging.sceneClaims == claims)
    }

    @Test(arguments: [("IMG_0305.JPG", true), ("IMG_0311.JPG", false), ("DSC00007.JPG", true), ("dsc00008.jpg", true)])
    func peopleAttachByRangeAndGlob(name: String, shown: Bool) {
        #expect(Self.tag("DCIM/X/" + name, nil).people.map(\.id) == (shown ? ["leyla"] : []))
    }

    @Test(arguments: [
        ("IMG_0212..IMG_0218", PhotoPattern.range(prefix: "IMG_", from: 212, to: 218, digits: 4)),
        ("IMG_0003.JPG", .exact("IMG_0003.JPG")),
        ("DCIM/*/IMG_00[0-4]?.JPG", .glob("DCIM/*/IMG_00[0-4]?.JPG")),
    ])
    func patternsParse(text: String, expected: PhotoPattern) {
        #expect(PhotoPattern.parse(text) == expected)
    }

    @Test func overlapsAreReportedInTheRun() throws {
        var record = PhotoRecord(relativePath: "DCIM/100CANON/IMG_0100.JPG")
        record.sha1 = String(repeating: "b", count: 40)
        var metadata = PhotoMetadata()
        metadata.dateTimeOriginal = "2026:01:15 17:10:00"
        record.metadata = metadata
        let plan = BatchPlanner.plan(records: [record], manifest: Self.manifest)
        let overlap = try #require(plan.diagnostics.first { $0.id == .manifestSceneOverlap })
        #expect(overlap.message == "claimed by scenes cake, evening; `cake` is the most specific")
    }
}
