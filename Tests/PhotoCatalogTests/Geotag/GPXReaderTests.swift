import Foundation
import Testing
import PhotoModel
import PhotoPlan

@Suite struct GPXReaderTests {
    static func gpx(_ body: String, version: String = "1.1") -> Data {
        Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="\(version)" creator="test" xmlns="http://www.topografix.com/GPX/\(version == "1.1" ? "1/1" : "1/0")">
            \(body)
            </gpx>
            """.utf8)
    }

    @Test(arguments: ["1.0", "1.1"])
    func readsEveryTimedFixOfEveryTrackAndSegment(version: String) throws {
        let result = try GPXReader.read(
            Self.gpx(
                """
                <wpt lat="1" lon="2"><name>home</name></wpt>
                <rte><rtept lat="1" lon="2"/></rte>
                <trk><trkseg>
                  <trkpt lat="40.1" lon="49.8"><ele>-20.5</ele><time>2026-01-15T10:00:00Z</time></trkpt>
                  <trkpt lat="40.2" lon="49.9"><time>2026-01-15T10:01:00.5Z</time></trkpt>
                </trkseg><trkseg>
                  <trkpt lat="40.3" lon="50.0"></trkpt>
                </trkseg></trk>
                <trk><trkseg><trkpt lat="-33.9" lon="151.2"><time>2026-01-15T14:00:00+04:00</time></trkpt></trkseg></trk>
                """, version: version))
        let base = try #require(GPXReader.time("2026-01-15T10:00:00Z"))
        #expect(
            result.points == [
                TrackPoint(time: base, latitude: 40.1, longitude: 49.8, elevation: -20.5),
                TrackPoint(time: base + 60.5, latitude: 40.2, longitude: 49.9),
                TrackPoint(time: base, latitude: -33.9, longitude: 151.2),
            ])
        #expect(result.untimedFixes == 1)
        #expect(result.waypoints == 1)
        #expect(result.routePoints == 1)
    }

    @Test func aNamespacePrefixIsNoObstacle() throws {
        let data = Data(
            """
            <g:gpx xmlns:g="http://www.topografix.com/GPX/1/1" version="1.1">
            <g:trk><g:trkseg><g:trkpt lat="1" lon="2"><g:time>2020-01-01T00:00:00Z</g:time></g:trkpt></g:trkseg></g:trk></g:gpx>
            """.utf8)
        #expect(try GPXReader.read(data).points.count == 1)
    }

    @Test(arguments: [
        ("2008-05-08T17:50:54Z", 1_210_269_054.0), ("2008-05-08T17:50:54.25Z", 1_210_269_054.25),
        ("2008-05-08T19:50:54+02:00", 1_210_269_054.0), ("2008-05-08T12:50:54-0500", 1_210_269_054.0),
        ("2008-05-08T17:50:54", 1_210_269_054.0),
    ])
    func timesAreUTCUnlessTheySayOtherwise(text: String, expected: Double) {
        #expect(GPXReader.time(text) == expected)
    }

    @Test(arguments: ["2008-05-08", "2008-13-08T17:50:54Z", "yesterday", "2008-05-08T17:50:54Zjunk"])
    func notATime(text: String) {
        #expect(GPXReader.time(text) == nil)
    }

    /// Each failure names its line and column in the GPX file, as the manifest's errors do.
    @Test(arguments: [
        ("<trk><trkseg><trkpt lat=\"91\" lon=\"2\"/></trkseg></trk>", 3, "lat (-90 to 90)"),
        ("<trk><trkseg>\n<trkpt lat=\"1\" lon=\"2\"><time>noon</time></trkpt></trkseg></trk>", 4, "<time>noon</time>"),
        (
            "<trk><trkseg>\n\n<trkpt lat=\"1\" lon=\"2\"><time>2020-01-01T00:00:00Z</time></trkpt>\n<name>fish & chips</name></trkseg></trk>", 7,
            "not a readable GPX file"
        ),
    ])
    func failuresSayWhere(body: String, line: Int, words: String) throws {
        let failure = try #require(throws: GPXReader.Failure.self) { try GPXReader.read(Self.gpx(body)) }
        #expect(failure.line == line)
        #expect(failure.message.contains(words), "\(failure)")
    }

    @Test func otherXMLIsNotATrack() throws {
        let failure = try #require(throws: GPXReader.Failure.self) { try GPXReader.read(Data("<kml><Document/></kml>".utf8)) }
        #expect(failure.message.contains("not a GPX file"))
    }
}
