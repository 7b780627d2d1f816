import Foundation
import Testing
import PhotoModel
import PhotoPlan

/// exiftool's `-geotag` rules on a small track: fixes at 0, 60 and 120 s, then a gap to 7200 s.
@Suite struct TrackLogTests {
    static let fixes = [
        TrackPoint(time: 0, latitude: 10, longitude: 20, elevation: 100),
        TrackPoint(time: 60, latitude: 11, longitude: 22, elevation: 110),
        TrackPoint(time: 120, latitude: 12, longitude: 24),
        TrackPoint(time: 7200, latitude: 30, longitude: 40, elevation: 5),
    ]

    static var track: TrackLog {
        var track = TrackLog()
        track.add(fixes)
        return track
    }

    /// (instant, latitude, longitude, altitude, how) — nil: no position.
    @Test(arguments: [
        (-1800.0, 10.0, 20.0, 100.0 as Double?, TrackLog.Match.nearestFix),  // 30 min before the first fix: still the first
        (30, 10.5, 21, 105, .interpolated),
        (60, 11, 22, 110, .interpolated),
        (120, 12, 24, 110, .nearestFix),  // the gap after it is too long: the fix itself
        (90, 11.5, 23, 110, .interpolated),  // one fix has no elevation: the nearest fix that has one
        (1920, 12, 24, nil, .nearestFix),  // no elevation within 30 min; gap of 1 h 58 min: too long to interpolate; 30 min from the fix before
        (5400, 30, 40, 5, .nearestFix),  // ... 30 min from the fix after
        (9000, 30, 40, 5, .nearestFix),  // 30 min after the last
    ])
    func placesAnInstant(instant: Double, latitude: Double, longitude: Double, altitude: Double?, how: TrackLog.Match) throws {
        let (position, match) = try #require(Self.track.position(at: instant))
        #expect(abs(position.latitude - latitude) < 1e-9)
        #expect(abs(position.longitude - longitude) < 1e-9)
        #expect(position.altitude.map { abs($0 - altitude!) < 1e-9 } ?? (altitude == nil))
        #expect(match == how)
    }

    @Test(arguments: [-1801.0, 1921, 5399, 9001])
    func tooFarFromEveryFixIsNoPosition(instant: Double) {
        #expect(Self.track.position(at: instant) == nil)
    }

    /// How far a photo the track cannot place is from it (what its note says).
    @Test(arguments: [(-1801.0, 1801.0), (0, 0), (50, 10), (1921, 1801), (5399, 1801), (9001, 1801)])
    func distanceToTheNearestFix(instant: Double, distance: Double) {
        #expect(Self.track.distanceToNearestFix(instant) == distance)
        #expect(TrackLog().distanceToNearestFix(instant) == nil)
    }

    @Test func theLimitsAreSettings() throws {
        let strict = GeotagLimits(maxInterpolation: 30, maxExtrapolation: 10)
        #expect(Self.track.position(at: 30, limits: strict) == nil)  // the fixes are 60 s apart
        #expect(Self.track.position(at: 65, limits: strict)?.1 == .nearestFix)
        let generous = GeotagLimits(maxInterpolation: 7200, maxExtrapolation: 1800)
        #expect(Self.track.position(at: 3660, limits: generous)?.1 == .interpolated)
    }

    @Test func fixesInAnyOrderAndDuplicateInstants() throws {
        var track = TrackLog()
        track.add(Self.fixes.reversed() + [TrackPoint(time: 60, latitude: 50, longitude: 60)])
        #expect(track.points.map(\.time) == [0, 60, 120, 7200])
        #expect(track.duplicates == 1)
        #expect(track.points[1].latitude == 50, "the fix read last wins, as in exiftool")
    }

    @Test func acrossTheAntimeridianTheShortWay() throws {
        var track = TrackLog()
        track.add([TrackPoint(time: 0, latitude: 0, longitude: 179), TrackPoint(time: 100, latitude: 0, longitude: -179)])
        let (position, _) = try #require(track.position(at: 75))
        #expect(abs(position.longitude - (-179.5)) < 1e-9)
    }

    /// Between two logs, exiftool interpolates only within the extrapolation limit.
    @Test func aGapBetweenTwoLogsUsesTheExtrapolationLimit() throws {
        var track = TrackLog()
        track.add([TrackPoint(time: 0, latitude: 0, longitude: 0)])
        track.add([TrackPoint(time: 1000, latitude: 1, longitude: 1)])
        let limits = GeotagLimits(maxInterpolation: 1800, maxExtrapolation: 400)
        #expect(track.position(at: 500, limits: limits) == nil)
        #expect(track.position(at: 700, limits: limits)?.1 == .nearestFix)
    }
}
