import Foundation

/// One fix of a track log (GPX `trkpt`): where a phone or logger was at an instant.
public struct TrackPoint: Sendable, Equatable {
    /// Seconds since 1970-01-01 UTC, with fractions.
    public var time: Double
    public var latitude: Double
    public var longitude: Double
    /// Metres above sea level, when the log has it.
    public var elevation: Double?

    public init(time: Double, latitude: Double, longitude: Double, elevation: Double? = nil) {
        self.time = time
        self.latitude = latitude
        self.longitude = longitude
        self.elevation = elevation
    }
}
