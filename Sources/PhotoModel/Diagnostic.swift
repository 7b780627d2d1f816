import Foundation

/// One thing worth telling the user about a file: a failure, a warning or a notice.
/// `id` is stable (e.g. `jpeg.truncated`) so scripts can count or filter by it.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Every diagnostic photocat gives, by the stable id printed in brackets and kept in
    /// report.json. docs/diagnostics.md lists them.
    public enum ID: String, Sendable, Hashable, Codable, CaseIterable {
        // The card walk.
        case scanUnreadableFolder = "scan.unreadable-folder"
        case scanUnreadable = "scan.unreadable"
        case scanNameNotUTF8 = "scan.name-not-utf8"
        case scanSpecialFile = "scan.special-file"
        case scanSymlink = "scan.symlink"
        case scanSymlinkLoop = "scan.symlink-loop"
        case scanDanglingSymlink = "scan.dangling-symlink"
        case scanSymlinkOutside = "scan.symlink-outside"
        case scanNotJPEG = "scan.not-jpeg"
        case scanVideo = "scan.video"
        case scanUnknownFile = "scan.unknown-file"
        // Reading a photo.
        case readMissing = "read.missing"
        case readEmpty = "read.empty"
        case readUnreadable = "read.unreadable"
        case jpegNotJPEG = "jpeg.not-jpeg"
        case jpegNoFrame = "jpeg.no-frame"
        case jpegStructure = "jpeg.structure"
        case jpegDamaged = "jpeg.damaged"
        case jpegCorrupt = "jpeg.corrupt"
        case jpegTooLarge = "jpeg.too-large"
        case jpegUnsupported = "jpeg.unsupported"
        case exifMissing = "exif.missing"
        case exifInvalid = "exif.invalid"
        case exifNoDate = "exif.no-date"
        case exifDateFallback = "exif.date-fallback"
        // Planning the batch.
        case manifestSync = "manifest.sync"
        case manifestSyncPhoto = "manifest.sync-photo"
        case manifestSceneOverlap = "manifest.scene-overlap"
        case manifestUnknownPhoto = "manifest.unknown-photo"
        case commonsName = "commons.name"
        // Placing photos from track logs.
        case geotagTrack = "geotag.track"
        case geotagNoFix = "geotag.no-fix"
        // What happened to the card since the last run.
        case cardRemoved = "card.removed"
        case cardSettling = "card.settling"
        case cardChanged = "card.changed"

        /// Whether the card walk passed over a file with this diagnostic (it is not a photo
        /// photocat catalogues, or cannot be reached): the report's `skipped_files`.
        public var passesOverAFile: Bool {
            switch self {
            case .scanUnreadable, .scanSpecialFile, .scanSymlink, .scanSymlinkLoop, .scanDanglingSymlink, .scanSymlinkOutside,
                .scanNotJPEG, .scanVideo, .scanUnknownFile:
                true
            default:
                false
            }
        }

        /// Whether it is about the manifest (what `validate` shows besides errors).
        public var isAboutTheManifest: Bool {
            switch self {
            case .manifestSync, .manifestSyncPhoto, .manifestSceneOverlap, .manifestUnknownPhoto: true
            default: false
            }
        }
    }

    public var severity: Severity
    public var id: ID
    /// Path of the file concerned, relative to the card where possible.
    public var path: String
    public var message: String

    public init(_ severity: Severity, _ id: ID, path: String, _ message: String) {
        self.severity = severity
        self.id = id
        self.path = path
        self.message = message
    }

    /// Compiler style, as editors and grep expect: `path: warning: [exif.bad-gps] message`.
    public var description: String { "\(path): \(severity.rawValue): [\(id.rawValue)] \(message)" }
}
