import Foundation
import PhotoModel

/// What the manifest knows about one camera's clock.
public struct CameraClock: Sendable, Equatable {
    /// Seconds added to the camera's time: positive when its clock was behind.
    public var correction: Int
    /// The IANA zone the camera's clock was set to, for cameras that write no offset tag.
    public var zone: String?

    public init(correction: Int = 0, zone: String? = nil) {
        self.correction = correction
        self.zone = zone
    }
}

/// When a photo was taken: the camera's corrected wall-clock time, the instant (UTC) where
/// the zone is known, the venue's wall-clock time, and where each came from.
public struct CaptureTime: Sendable, Equatable {
    public enum ZoneSource: String, Sendable, Codable {
        /// OffsetTimeOriginal (or the offset tag of the fallback date).
        case exifOffset = "exif-offset"
        /// The camera's zone from the manifest.
        case camera = "camera"
        /// The event's zone: the camera clock is taken to show local time.
        case event = "event"
        /// No zone at all: the instant is unknown.
        case unknown = "unknown"
    }

    /// Which tag the time came from.
    public var source: PhotoMetadata.DateSource
    /// The camera's wall clock with the manifest's correction applied.
    public var cameraLocal: LocalDateTime
    /// Fraction of a second, as the SubSecTime digits.
    public var subSeconds: String?
    /// The correction that was applied, in seconds.
    public var correction: Int
    /// Seconds east of UTC of the camera's clock, when known.
    public var utcOffset: Int?
    public var zoneSource: ZoneSource
    /// The instant, when the zone is known.
    public var utc: Date?
    /// The venue's wall clock: the instant shown in the event's zone, or the camera's time when
    /// there is no instant. This is the Commons date and what scene windows match.
    public var venueLocal: LocalDateTime

    /// Resolves the capture time of `metadata`. Pure: no clock, no disk.
    public static func resolve(_ metadata: PhotoMetadata, clock: CameraClock? = nil, eventZone: String? = nil) -> CaptureTime? {
        guard let capture = metadata.captureDate, let exifTime = LocalDateTime(exif: capture.value) else { return nil }
        let correction = clock?.correction ?? 0
        let wall = LocalDateTime(secondsAsUTC: exifTime.secondsAsUTC + correction)
        let (offset, zoneSource) = zoneOffset(of: wall, exifOffset: capture.offset, cameraZone: clock?.zone, eventZone: eventZone)
        var time = CaptureTime(
            source: capture.source, cameraLocal: wall, subSeconds: capture.subSeconds, correction: correction,
            utcOffset: offset, zoneSource: zoneSource, utc: nil, venueLocal: wall)
        if let offset {
            let instant = wall.secondsAsUTC - offset
            time.utc = Date(timeIntervalSince1970: Double(instant) + fraction(capture.subSeconds))
            if let venue = eventZone.flatMap(TimeZone.init(identifier:)) {
                time.venueLocal = LocalDateTime(secondsAsUTC: instant + venue.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))))
            }
        }
        return time
    }

    /// The zone's offset in force at a wall-clock time: from the photo's offset tag, else the
    /// camera's zone, else the event's zone.
    static func zoneOffset(of wall: LocalDateTime, exifOffset: String?, cameraZone: String?, eventZone: String?) -> (Int?, ZoneSource) {
        if let offset = exifOffset.flatMap(LocalDateTime.offsetSeconds) { return (offset, .exifOffset) }
        for (name, source) in [(cameraZone, ZoneSource.camera), (eventZone, .event)] {
            guard let zone = name.flatMap(TimeZone.init(identifier:)) else { continue }
            // The offset at the wall time read as UTC, then again at the instant it gives, which
            // settles all but the hour a clock repeats in autumn.
            let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall.secondsAsUTC)))
            return (zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall.secondsAsUTC - guess))), source)
        }
        return (nil, .unknown)
    }

    static func fraction(_ subSeconds: String?) -> Double {
        guard let digits = subSeconds, let value = Double("0." + digits) else { return 0 }
        return value
    }

    /// Where the time came from, for the batch line: the tag, the zone's source, any correction.
    public var summary: String {
        "\(source.rawValue), zone: \(zoneSource.rawValue)" + (correction != 0 ? ", clock corrected by \(correction) s" : "")
    }

    /// The instant as ISO 8601 in UTC, with the sub-seconds the camera recorded.
    public var utcString: String? {
        guard let utc else { return nil }
        let whole = LocalDateTime(secondsAsUTC: Int(utc.timeIntervalSince1970.rounded(.down)))
        let digits = subSeconds.map { "." + $0 } ?? ""
        return "\(whole.dateString)T" + String(format: "%02d:%02d:%02d", whole.hour, whole.minute, whole.second) + digits + "Z"
    }
}
