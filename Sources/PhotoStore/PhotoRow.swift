import Foundation
import GRDB
import PhotoModel

/// One photo in `catalog.sqlite` (table `photo`): what the scan saw, what the read stage
/// learnt, what was derived from it, and the key each stage's result was computed from.
/// README "The catalogue" documents the columns for people querying it with `sqlite3`.
public struct PhotoRow: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "photo"

    public enum State: String, Sendable, Codable {
        case present, removed
    }

    /// Relative to the card root, `/`-separated.
    public var path: String
    public var size: Int64
    /// Nanoseconds since 1970.
    public var mtimeNs: Int64
    public var sha1: String?
    public var state: State
    /// The read stage's whole result (JSON), reused while `readKey` and `thumbsKey` hold.
    public var record: PhotoRecord
    /// A copy of the EXIF part of `record`, for queries (`json_extract(metadata, '$.Model')`).
    public var metadata: PhotoMetadata?
    public var readKey: String
    public var thumbsKey: String
    // Derived: rewritten whenever the manifest, the other photos or the options change them.
    public var deriveKey: String?
    public var status: BatchEntry.Status?
    public var name: String?
    public var reasons: [String]
    public var scene: String?
    public var people: [String]
    public var captured: String?
    /// Files of the output folder made for this photo, relative to it.
    public var outputs: [String]
    /// Ids in `run`: when the photo was first seen, last read, and found gone.
    public var firstRun: Int64
    public var readRun: Int64
    public var removedRun: Int64?

    enum CodingKeys: String, CodingKey {
        case path, size, mtimeNs = "mtime_ns", sha1, state, record, metadata
        case readKey = "read_key", thumbsKey = "thumbs_key", deriveKey = "derive_key"
        case status, name, reasons, scene, people, captured, outputs
        case firstRun = "first_run", readRun = "read_run", removedRun = "removed_run"
    }

    /// The row of a photo just read. The derived columns are the `previous` row's until the run
    /// plans anew: a run killed before that must not lose the photo's Commons name.
    public init(file: CardFile, record: PhotoRecord, keys: StageKeys, options: ThumbnailOptions, run: Int64, previous: PhotoRow? = nil) {
        path = file.relativePath
        size = file.size
        mtimeNs = file.modified
        sha1 = record.sha1
        state = .present
        self.record = record
        metadata = record.metadata
        readKey = keys.read(file)
        thumbsKey = keys.thumbnails(sha1: record.sha1, options: options)
        deriveKey = previous?.deriveKey
        status = previous?.status
        name = previous?.name
        reasons = previous?.reasons ?? []
        scene = previous?.scene
        people = previous?.people ?? []
        captured = previous?.captured
        outputs = previous?.outputs ?? []
        firstRun = previous?.firstRun ?? run
        readRun = run
    }

    /// The row with the derived columns of `entry` (and nothing else changed).
    public func deriving(_ entry: BatchEntry, key: String) -> PhotoRow {
        var row = self
        row.deriveKey = key
        row.status = entry.status
        row.name = entry.filename
        row.reasons = entry.reasons
        row.scene = entry.scene
        row.people = entry.people
        row.captured = entry.captured
        row.outputs = (entry.wikitext != nil ? entry.filename.map { ["commons/\($0).wikitext"] } ?? [] : []) + entry.thumbnails
        return row
    }
}
