import Foundation

/// One line of `commons/batch.jsonl`: a photo, its planned Commons name and page, and whether it
/// may be uploaded. Upload tools read `filename`, `wikitext` and `status`.
public struct BatchEntry: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case ready, excluded, duplicate, failed
    }

    /// Where the position on the page came from.
    public enum LocationSource: String, Sendable, Codable {
        /// The photo's own GPS position.
        case exif
        /// The event's place from the manifest.
        case event
        /// The track logs (GPX), at the photo's capture instant.
        case gpx
    }

    /// Path relative to the card, for people (`PathKey.display`).
    public var source: String
    /// The path's bytes in base64, only when they are not UTF-8 (`source` then shows each
    /// stray byte as `\xNN`): what a tool needs to open the file.
    public var sourceBytes: String?
    public var sha1: String?
    public var filename: String?
    public var wikitext: String?
    public var status: Status
    public var reasons: [String]
    /// Paths relative to the output folder, smallest first.
    public var thumbnails: [String]
    /// For duplicates: the source of the identical file that is uploaded instead.
    public var duplicateOf: String?
    /// Capture time on the venue's clock, `YYYY-MM-DD hh:mm:ss`.
    public var captured: String?
    /// The capture instant in UTC (ISO 8601), when the zone is known.
    public var capturedUTC: String?
    /// Which tag the time came from, where its zone came from, and any clock correction.
    public var timeSource: String?
    /// Where the photo was taken, as on its page (absent when withheld).
    public var location: GPSPosition?
    public var locationSource: LocationSource?
    /// Why a known position is kept off the page: the privacy zone it lies in.
    public var locationWithheld: String?
    public var scene: String?
    public var people: [String]
    public var width: Int?
    public var height: Int?
    /// Captions and statements for `wbeditentity` after upload (ready photos only).
    public var sdc: StructuredData?
    /// How crisp the photo is (`ImageSignals.sharpness`, one decimal), for the review.
    public var sharpness: Double?
    /// The burst of near-identical frames the photo belongs to, named by its first photo.
    public var group: String?
    /// Suggestions for the person who culls; the status stays as it is until they decide.
    public var hints: [Hint]?

    public struct Hint: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable {
            /// In a burst, and not its sharpest frame.
            case nearDuplicate = "near-duplicate"
            /// Far less sharp than the card's (or its burst's) typical photo.
            case blurry
        }

        public var kind: Kind
        public var reason: String

        public init(_ kind: Kind, _ reason: String) {
            self.kind = kind
            self.reason = reason
        }
    }

    public init(key: PathKey, sha1: String?, status: Status, thumbnails: [String], width: Int?, height: Int?) {
        self.source = key.display
        self.sourceBytes = key.isUTF8 ? nil : Data(key.bytes).base64EncodedString()
        self.sha1 = sha1
        self.status = status
        self.reasons = []
        self.thumbnails = thumbnails
        self.people = []
        self.width = width
        self.height = height
    }

    public init(source: String, sha1: String?, status: Status, thumbnails: [String], width: Int?, height: Int?) {
        self.init(key: PathKey(source), sha1: sha1, status: status, thumbnails: thumbnails, width: width, height: height)
    }

    /// The photo's identity: its path's bytes.
    public var key: PathKey {
        PathKey(bytes: sourceBytes.flatMap { Data(base64Encoded: $0) }.map(Array.init) ?? Array(source.utf8))
    }

    enum CodingKeys: String, CodingKey {
        case source
        case sourceBytes = "source_bytes"
        case sha1, filename, wikitext, status, reasons, thumbnails
        case duplicateOf = "duplicate_of"
        case captured
        case capturedUTC = "captured_utc"
        case timeSource = "time_source"
        case location
        case locationSource = "location_source"
        case locationWithheld = "location_withheld"
        case scene, people, width, height, sdc, sharpness, group, hints
    }
}
