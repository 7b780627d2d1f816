import Foundation
import PhotoModel

/// One photo in `catalog.sqlite` (table `photo`): what the scan saw, what the read stage
/// learnt, what was derived from it (its whole batch line: status, name, page, structured
/// data), and the key each stage's result was computed from. docs/nightly.md ("The catalogue") documents
/// the columns for people querying it with `sqlite3`.
public struct PhotoRow: Sendable, Equatable {
    public enum State: String, Sendable, Codable {
        case present, removed
    }

    /// The path below the card root, byte for byte (column `key`, a BLOB); `path` shows it.
    public var key: PathKey
    public var size: Int64
    /// Nanoseconds since 1970.
    public var mtimeNs: Int64
    public var sha1: String?
    public var state: State
    /// The read stage's whole result, reused while `readKey` and `thumbsKey` hold.
    public var record: PhotoRecord
    public var readKey: String
    public var thumbsKey: String
    // Derived: rewritten whenever the manifest, the other photos or the options change them.
    public var deriveKey: String?
    /// The photo's line of the batch, as the last run derived it.
    public var entry: BatchEntry?
    /// Files of the output folder made for this photo, relative to it.
    public var outputs: [String]
    /// Ids in `run`: when the photo was first seen, last read, and found gone.
    public var firstRun: Int64
    public var readRun: Int64
    public var removedRun: Int64?

    /// The row of a photo just read. The derived columns are the `previous` row's until the run
    /// plans anew: a run killed before that must not lose the photo's Commons name.
    public init(file: CardFile, record: PhotoRecord, keys: StageKeys, options: ThumbnailOptions, run: Int64, previous: PhotoRow? = nil) {
        key = file.key
        size = file.size
        mtimeNs = file.modified
        sha1 = record.sha1
        state = .present
        self.record = record
        readKey = keys.read(file)
        thumbsKey = keys.thumbnails(sha1: record.sha1, options: options)
        deriveKey = previous?.deriveKey
        entry = previous?.entry
        outputs = previous?.outputs ?? []
        firstRun = previous?.firstRun ?? run
        readRun = run
    }

    /// The path for people.
    public var path: String { key.display }
    public var status: BatchEntry.Status? { entry?.status }
    public var name: String? { entry?.filename }
    public var reasons: [String] { entry?.reasons ?? [] }

    /// The row with the derived columns of `entry` (and nothing else changed).
    public func deriving(_ entry: BatchEntry, key: String) -> PhotoRow {
        var row = self
        row.deriveKey = key
        row.entry = entry
        row.outputs = (entry.wikitext != nil ? entry.filename.map { ["commons/\($0).wikitext"] } ?? [] : []) + entry.thumbnails
        return row
    }
}

/// The `photo` table as GRDB reads and writes it. Besides the row's values it holds copies for
/// people's queries: the EXIF as JSON (`json_extract(metadata, '$.model')`) and the batch
/// line's status, name, reasons, scene, people and capture time as columns of their own.
struct PhotoColumns: Codable {
    var key: Data
    var path: String
    var size: Int64
    var mtimeNs: Int64
    var sha1: String?
    var state: PhotoRow.State
    var record: PhotoRecord
    var metadata: PhotoMetadata?
    var readKey: String
    var thumbsKey: String
    var deriveKey: String?
    var entry: BatchEntry?
    var status: BatchEntry.Status?
    var name: String?
    var reasons: [String]
    var scene: String?
    var people: [String]
    var captured: String?
    var outputs: [String]
    var firstRun: Int64
    var readRun: Int64
    var removedRun: Int64?

    enum CodingKeys: String, CodingKey {
        case key, path, size, mtimeNs = "mtime_ns", sha1, state, record, metadata
        case readKey = "read_key", thumbsKey = "thumbs_key", deriveKey = "derive_key"
        case entry, status, name, reasons, scene, people, captured, outputs
        case firstRun = "first_run", readRun = "read_run", removedRun = "removed_run"
    }

    /// Reads the columns the row is made of; the copies kept for people's queries (`metadata`,
    /// and the batch line's own columns) are written, never read back.
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(Data.self, forKey: .key)
        path = try c.decode(String.self, forKey: .path)
        (size, mtimeNs) = (try c.decode(Int64.self, forKey: .size), try c.decode(Int64.self, forKey: .mtimeNs))
        (sha1, state) = (try c.decodeIfPresent(String.self, forKey: .sha1), try c.decode(PhotoRow.State.self, forKey: .state))
        record = try c.decode(PhotoRecord.self, forKey: .record)
        (readKey, thumbsKey) = (try c.decode(String.self, forKey: .readKey), try c.decode(String.self, forKey: .thumbsKey))
        deriveKey = try c.decodeIfPresent(String.self, forKey: .deriveKey)
        entry = try c.decodeIfPresent(BatchEntry.self, forKey: .entry)
        outputs = try c.decode([String].self, forKey: .outputs)
        (firstRun, readRun) = (try c.decode(Int64.self, forKey: .firstRun), try c.decode(Int64.self, forKey: .readRun))
        removedRun = try c.decodeIfPresent(Int64.self, forKey: .removedRun)
        (metadata, status, name, reasons, scene, people, captured) = (nil, nil, nil, [], nil, [], nil)
    }

    init(_ row: PhotoRow) {
        key = Data(row.key.bytes)
        path = row.path
        (size, mtimeNs, sha1, state, metadata) = (row.size, row.mtimeNs, row.sha1, row.state, row.record.metadata)
        record = row.record
        record.signals = nil  // kept by content, in the `signals` table
        (readKey, thumbsKey, deriveKey, entry) = (row.readKey, row.thumbsKey, row.deriveKey, row.entry)
        (status, name, reasons, scene) = (row.entry?.status, row.entry?.filename, row.entry?.reasons ?? [], row.entry?.scene)
        (people, captured, outputs) = (row.entry?.people ?? [], row.entry?.captured, row.outputs)
        (firstRun, readRun, removedRun) = (row.firstRun, row.readRun, row.removedRun)
    }

    var row: PhotoRow {
        var record = self.record
        record.key = PathKey(bytes: Array(key))
        return PhotoRow(
            key: record.key, size: size, mtimeNs: mtimeNs, sha1: sha1, state: state, record: record,
            readKey: readKey, thumbsKey: thumbsKey, deriveKey: deriveKey, entry: entry, outputs: outputs,
            firstRun: firstRun, readRun: readRun, removedRun: removedRun)
    }
}

extension PhotoRow {
    /// Every column, as stored.
    init(
        key: PathKey, size: Int64, mtimeNs: Int64, sha1: String?, state: State, record: PhotoRecord, readKey: String,
        thumbsKey: String, deriveKey: String?, entry: BatchEntry?, outputs: [String], firstRun: Int64, readRun: Int64,
        removedRun: Int64?
    ) {
        (self.key, self.size, self.mtimeNs, self.sha1, self.state, self.record) = (key, size, mtimeNs, sha1, state, record)
        (self.readKey, self.thumbsKey, self.deriveKey, self.entry, self.outputs) = (readKey, thumbsKey, deriveKey, entry, outputs)
        (self.firstRun, self.readRun, self.removedRun) = (firstRun, readRun, removedRun)
    }
}
