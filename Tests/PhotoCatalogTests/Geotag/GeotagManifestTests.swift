import Foundation
import Testing
import PhotoModel
import PhotoPlan
import PhotoCatalog

/// `tracks:`, `geotag:`, `privacy_zones:` and `prefer_track:`, and how they place a photo.
@Suite struct GeotagManifestTests {
    static let track = """
        <?xml version="1.0"?>
        <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
        <trkpt lat="40.3700" lon="49.8300"><ele>-20</ele><time>2026-01-15T10:00:00Z</time></trkpt>
        <trkpt lat="40.3800" lon="49.8400"><ele>-10</ele><time>2026-01-15T10:10:00Z</time></trkpt>
        </trkseg></trk></gpx>
        """

    /// A manifest with `extra` appended, its track logs read from `files` (name → text).
    static func manifest(_ extra: String, files: [String: String] = ["walk.gpx": track]) throws -> Manifest {
        try ManifestLoader(fileName: "m.yaml", directory: URL(fileURLWithPath: "/event")) { url in
            files[url.lastPathComponent].map { Data($0.utf8) }
        }.parse(ManifestLoaderTests.minimal + "\n" + extra)
    }

    static func photo(_ time: String, gps: GPSPosition? = nil, heading: Double? = nil) -> PhotoMetadata {
        var metadata = PhotoMetadata()
        metadata.make = "Canon"
        metadata.dateTimeOriginal = time
        metadata.offsetTimeOriginal = "+04:00"
        metadata.gps = gps
        metadata.imageDirection = heading
        return metadata
    }

    static func issues(_ extra: String, files: [String: String] = ["walk.gpx": track]) -> [String] {
        do {
            _ = try manifest(extra, files: files)
            return []
        } catch PhotoCatalogError.manifest(let issues) {
            return issues.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func aPhotoWithoutGPSIsPlacedFromTheTrackWithItsHeading() throws {
        let tagger = Tagger(manifest: try Self.manifest("tracks: [walk.gpx]"))
        let tagging = tagger.tag(relativePath: "IMG_1.JPG", metadata: Self.photo("2026:01:15 14:05:00", heading: 90))
        #expect(tagging.locationSource == .gpx)
        #expect(tagging.location == GPSPosition(latitude: 40.375, longitude: 49.835, altitude: -15, imageDirection: 90))
    }

    @Test func theCamerasOwnGPSWinsUnlessItPrefersTheTrack() throws {
        let own = GPSPosition(latitude: 1, longitude: 2)
        let plain = Tagger(manifest: try Self.manifest("tracks: [walk.gpx]"))
        #expect(plain.tag(relativePath: "IMG_1.JPG", metadata: Self.photo("2026:01:15 14:05:00", gps: own)).locationSource == .exif)
        let preferring = Tagger(manifest: try Self.manifest("tracks: [walk.gpx]\ncameras:\n  - {id: phone, make: Canon, prefer_track: true}"))
        let tagging = preferring.tag(relativePath: "IMG_1.JPG", metadata: Self.photo("2026:01:15 14:05:00", gps: own))
        #expect(tagging.locationSource == .gpx)
        // Outside the track's reach the camera's own position still counts.
        #expect(preferring.tag(relativePath: "IMG_1.JPG", metadata: Self.photo("2026:01:15 18:00:00", gps: own)).locationSource == .exif)
    }

    @Test func theLimitsComeFromTheManifestAndTheCommandLine() throws {
        var manifest = try Self.manifest("tracks: [walk.gpx]\ngeotag: {max_interpolation: 300, max_extrapolation: 60}")
        #expect(manifest.geotag == GeotagLimits(maxInterpolation: 300, maxExtrapolation: 60))
        let metadata = Self.photo("2026:01:15 14:05:00")
        #expect(Tagger(manifest: manifest).tag(relativePath: "a.jpg", metadata: metadata).locationSource == nil)
        let fingerprint = manifest.fingerprint
        manifest.overrideGeotag(maxInterpolation: 900, maxExtrapolation: nil)
        #expect(manifest.fingerprint != fingerprint, "pages are derived anew")
        #expect(Tagger(manifest: manifest).tag(relativePath: "a.jpg", metadata: metadata).locationSource == .gpx)
    }

    @Test func aPositionInAPrivacyZoneNeverReachesAPage() throws {
        let manifest = try Self.manifest(
            "tracks: [walk.gpx]\nprivacy_zones:\n  - {name: home, latitude: 40.3750, longitude: 49.8350, radius: 200}")
        var record = PhotoRecord(key: PathKey("DCIM/IMG_1.JPG"))
        record.metadata = Self.photo("2026:01:15 14:05:00")
        record.sha1 = "0000000000000000000000000000000000000001"
        let entry = try #require(BatchPlanner.plan(records: [record], manifest: manifest).entries.first)
        #expect(entry.location == nil && entry.locationSource == nil)
        #expect(entry.locationWithheld == "in the privacy zone `home`")
        #expect(entry.wikitext?.contains("{{Location withheld}}") == true)
        #expect(entry.sdc?.claims.contains { $0.mainsnak.property == "P1259" } == false)
        // 10 min later the walk is 1.3 km away: placed.
        record.metadata = Self.photo("2026:01:15 14:10:00")
        #expect(BatchPlanner.plan(records: [record], manifest: manifest).entries.first?.locationSource == .gpx)
    }

    @Test func aNewTrackDerivesEveryPageAnew() throws {
        let one = try Self.manifest("tracks: [walk.gpx]")
        let other = try Self.manifest("tracks: [walk.gpx]", files: ["walk.gpx": Self.track.replacingOccurrences(of: "40.3800", with: "40.3900")])
        #expect(one.fingerprint != other.fingerprint)
    }

    @Test func whatATrackPassedOverIsNoted() throws {
        let text = Self.track.replacingOccurrences(
            of: "<trk>",
            with:
                "<wpt lat=\"1\" lon=\"2\"/><trk><trkseg><trkpt lat=\"1\" lon=\"2\"/><trkpt lat=\"40.37\" lon=\"49.83\"><time>2026-01-15T10:00:00Z</time></trkpt></trkseg>"
        )
        let manifest = try Self.manifest("tracks: [walk.gpx]", files: ["walk.gpx": text])
        #expect(
            manifest.trackNotes == ["walk.gpx: 3 fixes; 1 fix without a time, 1 waypoint not used; 1 fix at an instant already seen, the later kept"])
    }

    @Test(arguments: [
        ("tracks: [gone.gpx]", "m.yaml:7:10: error: tracks: cannot read /event/gone.gpx"),
        ("tracks: [bad.gpx]", "/event/bad.gpx:3:12: error: <time>noon</time> is not a time such as 2026-01-15T10:05:12Z"),
        ("tracks: [empty.gpx]", "/event/empty.gpx:1:1: error: no track fix with a time: nothing to place photos with"),
        ("geotag: {max_interpolation: -5}", "m.yaml:7:29: error: geotag.max_interpolation (seconds) must be a number from 0.0 to 86400.0"),
        ("privacy_zones:\n  - {name: home, latitude: 40}", "m.yaml:8:5: error: privacy zone `home` needs `longitude`"),
    ])
    func mistakesSayWhere(extra: String, expected: String) {
        let files = [
            "bad.gpx": "<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\">\n<time>\nnoon</time></trkpt></trkseg></trk></gpx>",
            "empty.gpx": "<gpx version=\"1.1\"><wpt lat=\"1\" lon=\"2\"/></gpx>",
        ]
        #expect(Self.issues(extra, files: files).contains(expected), "\(Self.issues(extra, files: files))")
    }

    @Test func gpxOnTheCommandLinePlacesPhotosAndValidateShowsWhere() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let track = folder.appendingPathComponent("extra.gpx")
            // The sample Sony's cake photo, 17:05 in Baku (13:05 UTC), on a second phone's track.
            try Self.track.replacingOccurrences(of: "T10:", with: "T13:").write(to: track, atomically: true, encoding: .utf8)
            let result = try CommandLineTests.photocat([
                "validate", Fixtures.sampleManifest.path, "--card", Fixtures.sampleCard.path, "--gpx", track.path,
            ])
            #expect(result.status == 0)
            #expect(result.stdout.contains("track log \(track.path): 2 fixes"))
            #expect(
                result.stdout.contains("DCIM/101MSDCF/DSC00002.JPG | 2026-01-15 17:05:00 | scene: cake | people: - | place: gpx 40.37500,49.83500"))
            #expect(
                result.stdout.contains(
                    "DCIM/101MSDCF/DSC00001.JPG | 2026-01-15 14:42:00 | scene: talks | people: leyla | place: gpx 40.37702,49.89080"))
            let broken = try CommandLineTests.photocat([
                "validate", Fixtures.sampleManifest.path, "--gpx", folder.appendingPathComponent("none.gpx").path,
            ])
            #expect(broken.status == 2)
            #expect(broken.stderr.contains("none.gpx:1:1: error: cannot read this track log"))
        }
    }
}
