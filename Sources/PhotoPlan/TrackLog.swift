import Foundation
import PhotoModel

/// How far from the track a photo's instant may be, in seconds (exiftool's GeoMaxIntSecs and
/// GeoMaxExtSecs, with their defaults).
public struct GeotagLimits: Sendable, Equatable {
    /// Two fixes at most this far apart are interpolated between.
    public var maxInterpolation: Double = 1800
    /// Otherwise the nearest fix is used when it is at most this far from the instant, also
    /// before the first fix and after the last.
    public var maxExtrapolation: Double = 1800

    public init(maxInterpolation: Double = 1800, maxExtrapolation: Double = 1800) {
        self.maxInterpolation = maxInterpolation
        self.maxExtrapolation = maxExtrapolation
    }
}

/// The fixes of every track log of a run, merged and sorted by time, and where a photo taken
/// at an instant was, by exiftool's `-geotag` rules. Pure.
public struct TrackLog: Sendable, Equatable {
    /// One fix per instant, oldest first.
    public private(set) var points: [TrackPoint] = []
    /// Fixes that shared an instant with another; the one read last is kept, as exiftool does.
    public private(set) var duplicates = 0
    /// The instant of each log's first fix: a gap before it is a gap between logs, for which
    /// exiftool allows only the extrapolation limit.
    private var logStarts: Set<Double> = []

    public init() {}

    public var isEmpty: Bool { points.isEmpty }

    /// Adds one log's fixes, in the order the log gives them (any order).
    public mutating func add(_ fixes: [TrackPoint]) {
        guard let first = fixes.first else { return }
        var byTime = Dictionary(points.map { ($0.time, $0) }, uniquingKeysWith: { $1 })
        for fix in fixes {
            if byTime.updateValue(fix, forKey: fix.time) != nil { duplicates += 1 }
        }
        logStarts.insert(first.time)
        points = byTime.values.sorted { $0.time < $1.time }
    }

    /// How a position was found on the track.
    public enum Match: String, Sendable, Equatable {
        /// Between two fixes close enough in time.
        case interpolated
        /// The nearest fix, close enough in time (before, after or between far-apart fixes).
        case nearestFix = "nearest-fix"
    }

    /// Where the track says the camera was at `instant` (seconds since 1970, UTC), or nil when
    /// the instant is too far from every usable fix.
    public func position(at instant: Double, limits: GeotagLimits = GeotagLimits()) -> (GPSPosition, Match)? {
        guard let first = points.first, let last = points.last else { return nil }
        if instant <= first.time || instant >= last.time {
            let end = instant <= first.time ? 0 : points.count - 1
            return abs(instant - points[end].time) <= limits.maxExtrapolation ? (position(of: end, at: instant, limits), .nearestFix) : nil
        }
        let (low, high) = around(instant)
        let (before, after) = (points[low], points[high])
        let maxGap = logStarts.contains(after.time) && limits.maxInterpolation > 0 ? limits.maxExtrapolation : limits.maxInterpolation
        let nearest = instant - before.time < after.time - instant ? low : high
        guard after.time - before.time <= maxGap else {
            return abs(instant - points[nearest].time) <= limits.maxExtrapolation ? (position(of: nearest, at: instant, limits), .nearestFix) : nil
        }
        var position = Self.interpolate(before, after, at: instant)
        position.altitude = position.altitude ?? elevation(near: nearest, at: instant, limits)
        return (position, .interpolated)
    }

    /// How far `instant` is from the nearest fix, in seconds (nil for an empty track).
    public func distanceToNearestFix(_ instant: Double) -> Double? {
        guard let first = points.first, let last = points.last else { return nil }
        if instant <= first.time { return first.time - instant }
        if instant >= last.time { return instant - last.time }
        let (low, high) = around(instant)
        return min(instant - points[low].time, points[high].time - instant)
    }

    /// The two fixes around an instant strictly inside the track, by binary search:
    /// points[low].time ≤ instant < points[high].time, high = low + 1.
    private func around(_ instant: Double) -> (low: Int, high: Int) {
        var (low, high) = (0, points.count - 1)
        while high > low + 1 {
            let middle = (low + high) / 2
            if instant < points[middle].time { high = middle } else { low = middle }
        }
        return (low, high)
    }

    private func position(of index: Int, at instant: Double, _ limits: GeotagLimits) -> GPSPosition {
        let fix = points[index]
        return GPSPosition(latitude: fix.latitude, longitude: fix.longitude, altitude: elevation(near: index, at: instant, limits))
    }

    /// The elevation of the fix nearest in time to `index` that has one, within the
    /// extrapolation limit of the instant: a logger that records elevation only now and then
    /// still gives every photo one, as exiftool does.
    private func elevation(near index: Int, at instant: Double, _ limits: GeotagLimits) -> Double? {
        var (down, up) = (index, index + 1)
        while down >= 0 || up < points.count {
            let downGap = down >= 0 ? abs(points[down].time - instant) : .infinity
            let upGap = up < points.count ? abs(points[up].time - instant) : .infinity
            let next = downGap <= upGap ? down : up
            guard min(downGap, upGap) <= limits.maxExtrapolation else { return nil }
            if let elevation = points[next].elevation { return elevation }
            if next == down { down -= 1 } else { up += 1 }
        }
        return nil
    }

    /// Linear in latitude, longitude (across the antimeridian the short way) and elevation.
    private static func interpolate(_ a: TrackPoint, _ b: TrackPoint, at instant: Double) -> GPSPosition {
        let f = (instant - a.time) / (b.time - a.time)
        var (lon0, lon1) = (a.longitude, b.longitude)
        if abs(lon1 - lon0) > 180 {
            if lon0 < lon1 { lon0 += 360 } else { lon1 += 360 }
        }
        var longitude = lon1 * f + lon0 * (1 - f)
        if longitude >= 180 { longitude -= 360 }
        let elevation = a.elevation.flatMap { e0 in b.elevation.map { e1 in e1 * f + e0 * (1 - f) } }
        return GPSPosition(latitude: b.latitude * f + a.latitude * (1 - f), longitude: longitude, altitude: elevation)
    }
}
