import Foundation
import PhotoModel

/// What the manifest says about one photo.
public struct Tagging: Sendable, Equatable {
    public typealias LocationSource = BatchEntry.LocationSource

    public var capture: CaptureTime?
    /// The manifest's entry for the camera that took the photo.
    public var camera: Manifest.Camera?
    /// Where the photo was taken: its GPS, else the track's position, else the event's place.
    public var location: GPSPosition?
    public var locationSource: LocationSource?
    /// The privacy zone the position lies in: it is withheld from every page.
    public var privacyZone: String?
    /// Why the track logs could not place a photo that had no position of its own.
    public var trackMiss: String?
    public var scene: Manifest.Scene?
    /// Every scene that claimed the photo, the chosen one first: more than one is an overlap.
    public var sceneClaims: [String] = []
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

    /// For a photo without a usable capture time: the day it is taken to be from.
    public var inferredDay: InferredDay?

    public struct InferredDay: Sendable, Equatable {
        /// `YYYY-MM-DD`.
        public var day: String
        /// `scene` (the day of its scene's time window) or `event` (the event's first day).
        public var source: String
    }
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
        let claims = Self.claims(relativePath: relativePath, time: localTime, scenes: manifest.scenes)
        let scene = override?.scene.flatMap { id in manifest.scenes.first { $0.id == id } } ?? claims.first
        let named = manifest.people.filter { person in person.photos.contains { $0.matches(relativePath) } }.map(\.id)
        let ids = Self.unique((scene?.people ?? []) + named + (override?.people ?? []))
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
        let placement = Placement(manifest: manifest, metadata: metadata, capture: capture, camera: camera)
        var inferredDay: Tagging.InferredDay?
        if capture == nil {
            if let day = scene?.window?.from.dateString {
                inferredDay = Tagging.InferredDay(day: day, source: "scene")
            } else if let day = manifest.event.date {
                inferredDay = Tagging.InferredDay(day: day, source: "event")
            }
        }
        var tagging = Tagging(
            capture: capture, camera: camera, location: placement.location, locationSource: placement.source,
            privacyZone: placement.privacyZone, trackMiss: placement.trackMiss,
            scene: scene, sceneClaims: override?.scene == nil ? claims.map(\.id) : [], people: people,
            named: people.filter { $0.consent == .full },
            categories: Self.unique(manifest.event.categories + (scene?.categories ?? []) + (override?.categories ?? [])),
            exclusions: exclusions, override: override)
        tagging.inferredDay = inferredDay
        return tagging
    }

    /// The manifest entry for a photo: by card-relative path, else by file name, else by stem.
    static func override(for relativePath: String, in photos: [String: Manifest.PhotoOverride]) -> Manifest.PhotoOverride? {
        let fileName = (relativePath as NSString).lastPathComponent
        return photos[relativePath] ?? photos[fileName] ?? photos[(fileName as NSString).deletingPathExtension]
    }

    /// The scenes that claim a photo, most specific first: a photo named outright, then a range
    /// (the narrower first), then a glob, then a time window (the shorter first); equal claims
    /// go by the order of the manifest.
    static func claims(relativePath: String, time: LocalDateTime?, scenes: [Manifest.Scene]) -> [Manifest.Scene] {
        let ranked: [(rank: [Int], scene: Manifest.Scene)] = scenes.enumerated().compactMap { index, scene in
            if let pattern = scene.photos.filter({ $0.matches(relativePath) }).min(by: { ($0.specificity, $0.breadth) < ($1.specificity, $1.breadth) }
            ) {
                return ([pattern.specificity, pattern.breadth, index], scene)
            }
            if let time, let window = scene.window, window.contains(time) {
                return ([3, window.length, index], scene)
            }
            return nil
        }
        return ranked.sorted { $0.rank.lexicographicallyPrecedes($1.rank) }.map(\.scene)
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
