import Foundation

/// What the manifest says about one photo.
public struct Tagging: Sendable, Equatable {
    public enum LocationSource: String, Sendable, Codable {
        /// The photo's own GPS position.
        case exif
        /// The event's place from the manifest.
        case event
    }

    public var capture: CaptureTime?
    /// The manifest's entry for the camera that took the photo.
    public var camera: Manifest.Camera?
    /// Where the photo was taken: its GPS, else the event's place.
    public var location: GPSPosition?
    public var locationSource: LocationSource?
    public var scene: Manifest.Scene?
    /// Everyone listed as shown, by scene or by photo.
    public var people: [Manifest.Person]
    /// Those who may be named (consent `full`).
    public var named: [Manifest.Person]
    public var categories: [String]
    /// Why the photo must not be uploaded; empty when it may.
    public var exclusions: [String]
    public var override: Manifest.PhotoOverride?

    /// Capture time on the venue's wall clock.
    public var localTime: LocalDateTime? { capture?.venueLocal }
}

/// Applies the manifest to a photo. Pure: the same photo and manifest always give the same tags.
public struct Tagger: Sendable {
    public let manifest: Manifest

    public init(manifest: Manifest) {
        self.manifest = manifest
    }

    public func tag(relativePath: String, metadata: PhotoMetadata?) -> Tagging {
        let override = Self.override(for: relativePath, in: manifest.photos)
        let camera = manifest.camera(for: relativePath, metadata: metadata)
        let capture = metadata.flatMap { CaptureTime.resolve($0, clock: camera?.clock, eventZone: manifest.event.timeZone) }
        let localTime = capture?.venueLocal
        let scene = override?.scene.flatMap { id in manifest.scenes.first { $0.id == id } } ?? Self.scene(at: localTime, in: manifest.scenes)
        let ids = Self.unique((scene?.people ?? []) + (override?.people ?? []))
        let people = ids.compactMap { id in manifest.people.first { $0.id == id } }
        var exclusions: [String] = []
        if let reason = override?.exclude { exclusions.append("excluded in the manifest: \(reason)") }
        for person in people {
            switch person.consent {
            case .none:
                exclusions.append("shows `\(person.id)`, who did not consent to being photographed")
            case .group where scene?.group != true:
                exclusions.append("shows `\(person.id)`, who consented to group and stage photos only")
            default:
                break
            }
        }
        let (location, locationSource) = Self.location(metadata?.gps, place: manifest.event.place)
        return Tagging(capture: capture, camera: camera, location: location, locationSource: locationSource,
                       scene: scene, people: people,
                       named: people.filter { $0.consent == .full },
                       categories: Self.unique(manifest.event.categories + (scene?.categories ?? []) + (override?.categories ?? [])),
                       exclusions: exclusions, override: override)
    }

    /// The manifest entry for a photo: by card-relative path, else by file name, else by stem.
    static func override(for relativePath: String, in photos: [String: Manifest.PhotoOverride]) -> Manifest.PhotoOverride? {
        let fileName = (relativePath as NSString).lastPathComponent
        return photos[relativePath] ?? photos[fileName] ?? photos[(fileName as NSString).deletingPathExtension]
    }

    /// The photo's GPS position, else the event's place (an indoor meetup's photos are all there).
    static func location(_ gps: GPSPosition?, place: Manifest.Place?) -> (GPSPosition?, Tagging.LocationSource?) {
        if let gps { return (gps, .exif) }
        if let latitude = place?.latitude, let longitude = place?.longitude {
            return (GPSPosition(latitude: latitude, longitude: longitude), .event)
        }
        return (nil, nil)
    }

    /// The scene whose window holds `time`; where windows overlap, the shortest (most specific)
    /// wins, then the one listed first.
    static func scene(at time: LocalDateTime?, in scenes: [Manifest.Scene]) -> Manifest.Scene? {
        guard let time else { return nil }
        return scenes.filter { $0.window?.contains(time) == true }
            .enumerated()
            .min { ($0.element.window!.length, $0.offset) < ($1.element.window!.length, $1.offset) }?
            .element
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
