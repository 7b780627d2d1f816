import Foundation
import Testing
import PhotoModel
import PhotoPlan
import PhotoCatalog

/// photocat's track placement against exiftool's `-geotag` on the same photos and track: a real
/// Garmin track (`../shared/corpus/gpx/FurnaceCreekInn.gpx`, 42 timed fixes) and photos
/// written at chosen instants around it. exiftool gets `-Geotime<SubSecDateTimeOriginal`, so
/// that it uses the photos' offsets and sub-seconds as photocat does (newer exiftool does by
/// default), and `-geosync` for the camera whose clock is slow.
@Suite(.enabled(if: Oracle.exiftool != nil && Oracle.track != nil, "needs exiftool (libimage-exiftool-perl) and ../shared/corpus/gpx"))
struct GeotagOracleTests {
    static var exiftool: String? { Oracle.exiftool }
    static var track: URL? { Oracle.track }

    /// A photo: its name, the UTC instant it was really taken, and whether its camera's clock
    /// was 5 min 30 s slow.
    struct Shot {
        var name: String
        var utc: String
        var subSeconds: String? = nil
        var slowClock = false
    }

    static let shots = [
        Shot(name: "IMG_0001.JPG", utc: "2008:05:08 17:51:10", subSeconds: "5"),  // between close fixes
        Shot(name: "IMG_0002.JPG", utc: "2008:05:08 17:53:30"),
        Shot(name: "IMG_0003.JPG", utc: "2008:05:08 17:55:39", subSeconds: "25"),
        Shot(name: "IMG_0004.JPG", utc: "2008:05:08 18:01:00"),  // fixes 11 min 38 s apart: interpolated
        Shot(name: "IMG_0005.JPG", utc: "2008:05:08 18:20:00"),  // 12 min after the last fix
        Shot(name: "IMG_0006.JPG", utc: "2008:05:08 18:40:00"),  // 32 min after: no position
        Shot(name: "IMG_0007.JPG", utc: "2008:05:08 17:30:00"),  // a 20-day gap, 21 min before its end
        Shot(name: "IMG_0008.JPG", utc: "2008:05:08 17:15:00"),  // 36 min before its end: no position
        Shot(name: "IMG_0009.JPG", utc: "2008:04:18 19:00:00"),  // 15 min after the first fix
        Shot(name: "IMG_0010.JPG", utc: "2008:04:18 18:00:00"),  // 45 min before it: no position
        Shot(name: "DSC_0001.JPG", utc: "2008:05:08 17:53:30", slowClock: true),  // placed only once corrected
        Shot(name: "DSC_0002.JPG", utc: "2008:05:08 17:51:00", slowClock: true),
    ]

    /// The card: every photo in Pacific daylight time, as the camera showed it.
    static func writeCard(_ folder: URL) throws {
        let parse = { (text: String) in LocalDateTime(exif: text)!.secondsAsUTC }
        for shot in shots {
            let slowBy = shot.slowClock ? 330 : 0
            var metadata = PhotoMetadata()
            (metadata.make, metadata.model) = shot.slowClock ? ("NIKON", "D700") : ("Canon", "Canon EOS 5D")
            let shown = LocalDateTime(secondsAsUTC: parse(shot.utc) - 7 * 3600 - slowBy)
            metadata.dateTimeOriginal = String(
                format: "%04d:%02d:%02d %02d:%02d:%02d", shown.year, shown.month, shown.day, shown.hour, shown.minute, shown.second)
            metadata.offsetTimeOriginal = "-07:00"
            metadata.subSecTimeOriginal = shot.subSeconds
            let camera = folder.appendingPathComponent(shot.slowClock ? "DCIM/101NIKON" : "DCIM/100CANON")
            try FileManager.default.createDirectory(at: camera, withIntermediateDirectories: true)
            try Images.jpeg(metadata: metadata).write(to: camera.appendingPathComponent(shot.name))
        }
    }

    /// exiftool's signed position for each photo of `card` (by file name), geotagged in place.
    static func exiftoolPositions(card: URL, track: URL) throws -> [String: GPSPosition] {
        let geotag = ["-q", "-q", "-overwrite_original", "-geotag", track.path, "-Geotime<SubSecDateTimeOriginal"]
        _ = try Subprocess.run(exiftool!, geotag + [card.appendingPathComponent("DCIM/100CANON").path])
        _ = try Subprocess.run(exiftool!, geotag + ["-geosync=+00:05:30", card.appendingPathComponent("DCIM/101NIKON").path])
        let read = try Subprocess.run(
            exiftool!, ["-json", "-n", "-r", "-Composite:GPSLatitude", "-Composite:GPSLongitude", "-GPSAltitude", card.path])
        let answers = try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [[String: Any]] ?? []
        var positions: [String: GPSPosition] = [:]
        for answer in answers {
            guard let file = answer["SourceFile"] as? String, let latitude = answer["GPSLatitude"] as? Double,
                let longitude = answer["GPSLongitude"] as? Double
            else { continue }
            positions[(file as NSString).lastPathComponent] = GPSPosition(latitude: latitude, longitude: longitude)
        }
        return positions
    }

    static func photocatPositions(card: URL, track: URL, folder: URL) async throws -> [String: (GPSPosition, BatchEntry.LocationSource?)] {
        let manifest = folder.appendingPathComponent("manifest.yaml")
        try """
        version: 1
        event:
          title: Death Valley
          timezone: America/Los_Angeles
          author: {name: Tester}
        tracks: [\(track.path)]
        cameras:
          - {id: slow, make: NIKON, offset: "+00:05:30"}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let plan = try await DryRun.plan(card: card, manifest: ManifestLoader.load(contentsOf: manifest))
        var positions: [String: (GPSPosition, BatchEntry.LocationSource?)] = [:]
        for entry in plan.entries {
            guard let location = entry.location else { continue }
            positions[(entry.source as NSString).lastPathComponent] = (location, entry.locationSource)
        }
        return positions
    }

    /// Metres between two positions (haversine).
    static func metres(_ a: GPSPosition, _ b: GPSPosition) -> Double {
        let r = Double.pi / 180
        let h =
            pow(sin((b.latitude - a.latitude) * r / 2), 2) + cos(a.latitude * r) * cos(b.latitude * r)
            * pow(sin((b.longitude - a.longitude) * r / 2), 2)
        return 2 * 6_371_000 * asin(min(1, h.squareRoot()))
    }

    /// The same track three ways: as the logger wrote it, newest fix first, and cut into two
    /// segments across the 11-minute gap.
    enum Variant: String, CaseIterable {
        case asWritten = "as written", newestFirst = "newest first", twoSegments = "two segments"

        func write(from track: URL, to url: URL) throws {
            let text = try String(contentsOf: track, encoding: .utf8)
            switch self {
            case .asWritten:
                try text.write(to: url, atomically: true, encoding: .utf8)
            case .newestFirst:
                let points = text.matches(of: /<trkpt[\s\S]*?<\/trkpt>/).map { String($0.output) }
                let head = text[..<text.firstRange(of: "<trkpt")!.lowerBound]
                let tail = text[text.ranges(of: "</trkpt>").last!.upperBound...]
                try (head + points.reversed().joined(separator: "\n") + tail).write(to: url, atomically: true, encoding: .utf8)
            case .twoSegments:
                let split = text.replacing(/(<\/trkpt>\s*)(<trkpt[^>]*>\s*<ele>[^<]*<\/ele>\s*<time>2008-05-08T18:07:20Z)/) {
                    "\($0.1)</trkseg>\n<trkseg>\n\($0.2)"
                }
                #expect(split != text, "the segment cut was made")
                try split.write(to: url, atomically: true, encoding: .utf8)
            }
        }
    }

    @Test(arguments: Variant.allCases)
    func placesEveryPhotoWhereExiftoolDoes(variant: Variant) async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let track = folder.appendingPathComponent("track.gpx")
            try variant.write(from: Self.track!, to: track)
            let card = folder.appendingPathComponent("card")
            try Self.writeCard(card)
            let photocat = try await Self.photocatPositions(card: card, track: track, folder: folder)
            let oracle = folder.appendingPathComponent("oracle")
            try FileManager.default.copyItem(at: card, to: oracle)
            let exiftool = try Self.exiftoolPositions(card: oracle, track: track)
            #expect(exiftool.count >= 8, "exiftool placed \(exiftool.count) photos")
            for shot in Self.shots {
                let mine = photocat[shot.name]
                switch (mine, exiftool[shot.name]) {
                case (let (position, source)?, let expected?):
                    #expect(source == .gpx)
                    #expect(Self.metres(position, expected) < 1, "\(shot.name): \(Self.metres(position, expected)) m from exiftool's")
                case (nil, nil):
                    break
                default:
                    Issue.record(
                        "\(shot.name): photocat \(mine.map { "\($0.0)" } ?? "none"), exiftool \(exiftool[shot.name].map { "\($0)" } ?? "none")")
                }
            }
            // Placed from the track, the slow camera's first photo lies where the corrected time says.
            #expect(photocat["DSC_0001.JPG"].map { Self.metres($0.0, photocat["IMG_0002.JPG"]!.0) < 0.01 } == true)
            #expect(photocat["IMG_0006.JPG"] == nil && photocat["IMG_0008.JPG"] == nil && photocat["IMG_0010.JPG"] == nil)
        }
    }
}

/// What the oracle needs, found once.
enum Oracle {
    static let exiftool: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .map { "\($0)/exiftool" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    static let track: URL? = Fixtures.corpus.map {
        $0.deletingLastPathComponent().appendingPathComponent("gpx/FurnaceCreekInn.gpx")
    }.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
}
