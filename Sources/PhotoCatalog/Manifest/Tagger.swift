import Foundation

/// What the manifest says about one photo.
public struct Tagging: Sendable, Equatable {
    /// Capture time on the venue's wall clock.
    public var localTime: LocalDateTime?
    public var scene: Manifest.Scene?
    /// Everyone listed as shown, by scene or by photo.
    public var people: [Manifest.Person]
    /// Those who may be named (consent `full`).
    public var named: [Manifest.Person]
    public var categories: [String]
    /// Why the photo must not be uploaded; empty when it may.
    public var exclusions: [String]
    public var override: Manifest.PhotoOverride?
}

/// Applies the manifest to a photo. Pure: the same photo and manifest always give the same tags.
public struct Tagger: Sendable {
    public let manifest: Manifest

    public init(manifest: Manifest) {
        self.manifest = manifest
    }

    public func tag(relativePath: String, metadata: PhotoMetadata?) -> Tagging {
        let override = Self.override(for: relativePath, in: manifest.photos)
        let localTime = metadata.flatMap { Self.localTime(of: $0, zone: manifest.event.timeZone) }
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
        return Tagging(localTime: localTime, scene: scene, people: people,
                       named: people.filter { $0.consent == .full },
                       categories: Self.unique(manifest.event.categories + (scene?.categories ?? []) + (override?.categories ?? [])),
                       exclusions: exclusions, override: override)
    }

    /// The manifest entry for a photo: by card-relative path, else by file name, else by stem.
    static func override(for relativePath: String, in photos: [String: Manifest.PhotoOverride]) -> Manifest.PhotoOverride? {
        let fileName = (relativePath as NSString).lastPathComponent
        return photos[relativePath] ?? photos[fileName] ?? photos[(fileName as NSString).deletingPathExtension]
    }

    /// The capture time on the venue's clock. With OffsetTimeOriginal the camera said which zone
    /// its clock was in, so the time is moved into the venue's zone; without it the camera clock
    /// is taken to show local time, as it does at almost every event.
    public static func localTime(of metadata: PhotoMetadata, zone: String) -> LocalDateTime? {
        guard let capture = metadata.captureDate, let wallClock = LocalDateTime(exif: capture.value) else { return nil }
        guard capture.source == .dateTimeOriginal, let offsetText = metadata.offsetTimeOriginal,
              let offset = ExifValues.offsetSeconds(offsetText), let venue = TimeZone(identifier: zone) else { return wallClock }
        let utc = wallClock.secondsAsUTC - offset
        return LocalDateTime(secondsAsUTC: utc + venue.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc))))
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
