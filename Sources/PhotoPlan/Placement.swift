import Foundation
import PhotoModel

/// Where a photo was taken, and how that is known: the camera's own GPS, else the track logs
/// at the capture instant, else the event's place (an indoor meetup's photos are all there).
/// A camera with `prefer_track` takes the track's position over its own. A position inside a
/// privacy zone is withheld, whatever its source. Pure.
struct Placement {
    var location: GPSPosition?
    var source: BatchEntry.LocationSource?
    var privacyZone: String?
    var trackMiss: String?

    init(manifest: Manifest, metadata: PhotoMetadata?, capture: CaptureTime?, camera: Manifest.Camera?) {
        let own = metadata?.gps
        if !manifest.track.isEmpty, own == nil || camera?.preferTrack == true {
            if let instant = capture?.utc?.timeIntervalSince1970 {
                if let (position, _) = manifest.track.position(at: instant, limits: manifest.geotag) {
                    // Interpolation invents digits: 1e-7° (1 cm) and 1 cm of height are more than any logger knows.
                    var placed = GPSPosition(
                        latitude: (position.latitude * 1e7).rounded() / 1e7, longitude: (position.longitude * 1e7).rounded() / 1e7,
                        altitude: position.altitude.map { ($0 * 100).rounded() / 100 })
                    // A phone without a fix still knew where it pointed.
                    placed.imageDirection = metadata?.imageDirection ?? own?.imageDirection
                    placed.imageDirectionRef = metadata?.imageDirectionRef ?? own?.imageDirectionRef
                    (location, source) = (placed, .gpx)
                } else {
                    trackMiss = Self.miss(instant, manifest.track, manifest.geotag)
                }
            } else {
                trackMiss = "its capture instant is unknown (no capture time, or no zone for it), so the track cannot place it"
            }
        }
        if location == nil, let own {
            (location, source) = (own, .exif)
        }
        if location == nil, let place = manifest.event.place, let latitude = place.latitude, let longitude = place.longitude, place.onPages {
            (location, source) = (GPSPosition(latitude: latitude, longitude: longitude), .event)
        }
        if let position = location, let zone = manifest.privacyZones.first(where: { $0.contains(position) }) {
            privacyZone = zone.name
        }
    }

    /// How far the instant is from the track, in words.
    private static func miss(_ instant: Double, _ track: TrackLog, _ limits: GeotagLimits) -> String {
        let nearest = track.distanceToNearestFix(instant) ?? 0
        let limit = Int(limits.maxExtrapolation / 60)
        return "\(duration(nearest)) from the nearest fix of the track (more than \(limit) min), so the track cannot place it"
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 86_400 { return "\(s / 86_400) d \(s % 86_400 / 3600) h" }
        if s >= 3600 { return "\(s / 3600) h \(s % 3600 / 60) min" }
        if s >= 60 { return "\(s / 60) min \(s % 60) s" }
        return "\(s) s"
    }
}
