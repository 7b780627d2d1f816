import Foundation
import PhotoModel

/// Text in several languages, in the order the manifest gives the languages.
public typealias LocalizedText = [String: String]

/// What the photographer knows about the event, written once per card (YAML, `version: 1`).
/// docs/manifest.md describes the schema.
public struct Manifest: Sendable, Equatable {
    public var event: Event
    public var cameras: [Camera]
    public var scenes: [Scene]
    public var people: [Person]
    /// Per-photo overrides, keyed by file name (`IMG_0003.JPG`) or card-relative path.
    public var photos: [String: PhotoOverride]
    /// A hash of the manifest's text and page template: the catalogue's derive key, so a
    /// manifest edit shows in `sqlite3` as the reason pages were derived anew.
    public var fingerprint = "-"
    /// Every place the manifest names photos, with its position (see `PhotoReference`).
    public var photoReferences: [PhotoReference] = []
    /// The fixes of the track logs (`tracks:` and `run --gpx`): where photos without a position
    /// of their own were taken.
    public var track = TrackLog()
    /// What reading the track logs passed over (waypoints, fixes without a time), for notes.
    public var trackNotes: [String] = []
    /// How far from the track's fixes a photo may be (`geotag:`).
    public var geotag = GeotagLimits()
    /// Places whose positions never reach a page, whatever their source (`privacy_zones:`).
    public var privacyZones: [PrivacyZone] = []

    /// Time limits from the command line, which beat the manifest's `geotag:`. They count in the
    /// fingerprint, since they change where photos are placed.
    public mutating func overrideGeotag(maxInterpolation: Double?, maxExtrapolation: Double?) {
        guard maxInterpolation != nil || maxExtrapolation != nil else { return }
        geotag.maxInterpolation = maxInterpolation ?? geotag.maxInterpolation
        geotag.maxExtrapolation = maxExtrapolation ?? geotag.maxExtrapolation
        fingerprint = Fingerprint.of("\(fingerprint) geotag \(geotag.maxInterpolation) \(geotag.maxExtrapolation)")
    }

    /// A circle around a private place (the photographer's home): positions inside are withheld.
    public struct PrivacyZone: Sendable, Equatable {
        public var name: String
        public var latitude: Double
        public var longitude: Double
        /// Metres.
        public var radius: Double

        public init(name: String, latitude: Double, longitude: Double, radius: Double) {
            (self.name, self.latitude, self.longitude, self.radius) = (name, latitude, longitude, radius)
        }

        /// Great-circle distance within the radius (haversine on a sphere of 6,371 km).
        public func contains(_ position: GPSPosition) -> Bool {
            let radians = Double.pi / 180
            let (lat1, lat2) = (latitude * radians, position.latitude * radians)
            let dLat = lat2 - lat1
            let dLon = (position.longitude - longitude) * radians
            let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
            return 2 * 6_371_000 * asin(min(1, h.squareRoot())) <= radius
        }
    }

    public struct Event: Sendable, Equatable {
        public var title: LocalizedText
        /// File-name prefix, e.g. "Wikipedia 25 meetup Baku".
        public var name: String
        /// `YYYY-MM-DD`: the day bare `HH:MM` scene times refer to (the first of `dates`).
        public var date: String? { dates.first }
        /// The event's days.
        public var dates: [String]
        /// The event's Wikidata item (`Q…`), for structured data.
        public var wikidata: String?
        /// IANA zone of the venue; capture times are shown in it.
        public var timeZone: String
        public var place: Place?
        public var author: Author
        public var license: String
        public var languages: [String]
        public var categories: [String]
        /// Default description template per language (see `DescriptionTemplate`).
        public var description: LocalizedText
        /// Hide camera positions on every page ({{Location withheld}}).
        public var withholdLocation: Bool
        /// The user's own page layout (`template:`, a Mustache file), else the built-in one.
        public var pageTemplate: PageTemplate?
    }

    public struct Place: Sendable, Equatable {
        public var name: String
        public var country: String?
        public var latitude: Double?
        public var longitude: Double?
        /// How far a photo can be from this point, in metres: the place is the venue, not where
        /// the camera stood, and pages give it with no more precision than this.
        public var precision: Double = 100
        /// Whether photos without a position of their own are placed here (`on_pages`).
        public var onPages = true
    }

    public struct Author: Sendable, Equatable {
        /// Commons user name, without `User:`.
        public var user: String?
        public var name: String

        public init(user: String?, name: String) {
            self.user = user
            self.name = name
        }
    }

    /// A camera, matched by what its photos say (all given fields must agree), with its clock.
    public struct Camera: Sendable, Equatable {
        public var id: String
        public var make: String?
        public var model: String?
        public var serial: String?
        /// A card folder (`DCIM/101MSDCF`): every photo below it.
        public var folder: String?
        public var clock: CameraClock
        /// A photo of a clock; the clock correction is worked out from it on the card.
        public var sync: ClockSync?
        /// Who took this camera's photos, when it is not the event's author.
        public var photographer: Author?
        /// The track's position beats the camera's own GPS (`prefer_track: true`): for a phone
        /// whose fixes indoors are worse than the watch's track.
        public var preferTrack = false

        public func matches(relativePath: String, metadata: PhotoMetadata?) -> Bool {
            func same(_ wanted: String?, _ actual: String?) -> Bool {
                guard let wanted else { return true }
                return actual?.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(wanted) == .orderedSame
            }
            let inFolder = folder.map { relativePath.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") } ?? true
            return inFolder && same(make, metadata?.make) && same(model, metadata?.model) && same(serial, metadata?.serialNumber)
        }
    }

    /// This camera's photo `photo` shows the true time `shows`.
    public struct ClockSync: Sendable, Equatable {
        public var photo: String
        public var shows: LocalDateTime
    }

    /// The first camera entry that matches the photo.
    public func camera(for relativePath: String, metadata: PhotoMetadata?) -> Camera? {
        cameras.first { $0.matches(relativePath: relativePath, metadata: metadata) }
    }

    public struct Scene: Sendable, Equatable {
        public var id: String
        /// File-name fragment ("cake cutting").
        public var name: String
        public var window: TimeWindow?
        /// Photos the scene claims by name, range or glob.
        public var photos: [PhotoPattern]
        public var description: LocalizedText
        public var categories: [String]
        /// People shown throughout the scene (the speakers of a talk).
        public var people: [String]
        /// A group photo or a stage: people with `group` consent may appear.
        public var group: Bool
    }

    public struct Person: Sendable, Equatable {
        public var id: String
        public var name: String
        public var user: String?
        public var wikidata: String?
        public var consent: Consent
        /// Photos the person is in, by name, range or glob.
        public var photos: [PhotoPattern]

        public init(id: String, name: String, user: String?, wikidata: String?, consent: Consent, photos: [PhotoPattern]) {
            self.id = id
            self.name = name
            self.user = user
            self.wikidata = wikidata
            self.consent = consent
            self.photos = photos
        }
    }

    public typealias Consent = PhotoModel.Consent

    public struct PhotoOverride: Sendable, Equatable {
        public var title: String?
        public var description: LocalizedText
        public var people: [String]
        public var scene: String?
        public var categories: [String]
        public var exclude: String?
    }

    /// Commons licence templates photocat knows (the `{{self|…}}` argument).
    public static let licenses = ["cc-by-sa-4.0", "cc-by-4.0", "cc-zero", "cc-by-sa-3.0", "cc-by-3.0"]
}

/// A scene's time window, both ends inclusive, in the event's local time.
public struct TimeWindow: Sendable, Equatable {
    public var from: LocalDateTime
    public var to: LocalDateTime

    public init(from: LocalDateTime, to: LocalDateTime) {
        self.from = from
        self.to = to
    }

    public func contains(_ time: LocalDateTime) -> Bool { from <= time && time <= to }
    var length: Int { to.secondsAsUTC - from.secondsAsUTC }
}
