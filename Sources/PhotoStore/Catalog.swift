import Foundation
internal import GRDB
import PhotoModel

/// `DIR/catalog.sqlite`: the one source of truth. Each photo's read result and thumbnails are
/// committed as soon as they are known, so a run killed at any point loses at most the photos
/// in flight; the derived batch lines and the run row are committed together at the end, and
/// the output folder is then written from what was committed.
///
/// Durable, not only atomic: the write-ahead log is synced at every commit (`synchronous =
/// FULL`), so a commit that returned survives a power cut.
public final class Catalog: Sendable {
    public static let fileName = "catalog.sqlite"

    public let url: URL
    private let database: DatabaseQueue

    /// Opens (creating and migrating when `writable`) the catalogue of an output folder. A
    /// read-only catalogue is opened as such, so a user who may only read the folder can still
    /// look at it.
    public init(folder: URL, writable: Bool = true) throws {
        url = folder.appendingPathComponent(Self.fileName)
        if !writable, !FileManager.default.fileExists(atPath: url.path) {
            throw PhotoCatalogError.catalog(
                url.path, "not found: no run has finished in \(folder.path) yet (is it the folder `photocat run --out` wrote?)")
        }
        var configuration = Configuration()
        configuration.readonly = !writable
        configuration.busyMode = .timeout(5)
        if writable {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        do {
            database = try DatabaseQueue(path: Self.openingPath(url, writable: writable), configuration: configuration)
            if writable {
                try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            }
            try database.read { db in
                if try Self.migrator.hasBeenSuperseded(db) {
                    throw PhotoCatalogError.catalog(url.path, "written by a newer photocat; use that version or another output folder")
                }
            }
            if writable { try Self.migrator.migrate(database) }
        } catch let error as PhotoCatalogError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw PhotoCatalogError.catalog(
                url.path,
                "\(error.reason); it is damaged: move it away and run again (`photocat adopt` then keeps the names of the batch already made)")
        } catch {
            throw PhotoCatalogError.catalog(url.path, error.reason)
        }
    }

    /// Where SQLite opens the catalogue. A reader who may not write the folder cannot create the
    /// write-ahead log's index that SQLite needs beside the file, so for such a reader the file
    /// is opened as it stands (`immutable=1`): complete as of the last run, which folds the log
    /// into the file before it ends.
    static func openingPath(_ url: URL, writable: Bool) -> String {
        guard !writable, access(url.deletingLastPathComponent().path, W_OK) != 0 else { return url.path }
        return url.absoluteString + "?immutable=1"
    }

    // MARK: photos

    /// Every photo row, by path compared byte for byte.
    public func photos() throws -> [PathKey: PhotoRow] {
        try guarded {
            let (rows, signals) = try database.read { db in
                (try PhotoColumns.fetchAll(db), try Row.fetchAll(db, sql: "SELECT sha1, value FROM signals"))
            }
            let bySHA1 = Dictionary(
                signals.compactMap { row -> (String, ImageSignals)? in
                    guard let sha1: String = row["sha1"], let text: String = row["value"],
                        let value = try? JSONDecoder().decode(ImageSignals.self, from: Data(text.utf8))
                    else { return nil }
                    return (sha1, value)
                }, uniquingKeysWith: { a, _ in a })
            return Dictionary(
                rows.map { columns in
                    var row = columns.row
                    row.record.signals = row.sha1.flatMap { bySHA1[$0] }
                    return (row.key, row)
                }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The row's image signals, under its bytes' SHA-1.
    private static func saveSignals(of row: PhotoRow, in db: Database) throws {
        guard let sha1 = row.sha1, let signals = row.record.signals else { return }
        let value = String(decoding: try StableJSON.encoder().encode(signals), as: UTF8.self)
        try db.execute(sql: "INSERT OR REPLACE INTO signals (sha1, value) VALUES (?, ?)", arguments: [sha1, value])
    }

    /// Commits one photo's read result with the thumbnails it rendered: the unit a killed run
    /// can lose at most one of per worker.
    public func save(_ row: PhotoRow, thumbnails: [(path: String, jpeg: Data)] = []) throws {
        try guarded {
            try database.write { db in
                try PhotoColumns(row).upsert(db)
                try Self.saveSignals(of: row, in: db)
                for (path, jpeg) in thumbnails {
                    try db.execute(sql: "INSERT OR REPLACE INTO thumbnail (path, jpeg) VALUES (?, ?)", arguments: [path, jpeg])
                }
            }
            FaultInjection.step()
        }
    }

    /// The paths of the thumbnails the catalogue holds (`thumbs/<size>/<sha1>.jpg`).
    public func thumbnailPaths() throws -> Set<String> {
        try guarded { Set(try database.read { db in try String.fetchAll(db, sql: "SELECT path FROM thumbnail") }) }
    }

    /// A thumbnail's JPEG bytes.
    public func thumbnail(_ path: String) throws -> Data? {
        try guarded { try database.read { db in try Data.fetchOne(db, sql: "SELECT jpeg FROM thumbnail WHERE path = ?", arguments: [path]) } }
    }

    // MARK: runs

    /// Records the start of a run and returns its id.
    public func beginRun(card: URL, shard: Shard?, at date: Date = Date()) throws -> Int64 {
        try guarded {
            var run = RunColumns(
                RunRow(started: RunRow.timestamp(date), toolVersion: PhotocatVersion.current, card: card.path, shard: shard?.description))
            try database.write { db in try run.insert(db) }
            FaultInjection.step()
            return run.value.id!
        }
    }

    /// Commits the batch a run derived, in one transaction: the rows that changed, and the run's
    /// counts, work, report and header. Drops the thumbnails no photo refers to any more. The
    /// output folder is written from what this returns and the rows; `endRun` then closes the
    /// run. Returns the run's row.
    public func commitBatch(
        _ id: Int64, rows: [PhotoRow], batch: BatchHeader, counts: RunReport.Counts, work: RunWork,
        report: RunReport
    ) throws -> RunRow {
        try guarded {
            let committed: RunRow = try database.write { db in
                for row in rows {
                    try PhotoColumns(row).upsert(db)
                    try Self.saveSignals(of: row, in: db)
                }
                try db.execute(sql: "DELETE FROM signals WHERE sha1 NOT IN (SELECT sha1 FROM photo WHERE state = 'present' AND sha1 IS NOT NULL)")
                try db.execute(
                    sql: """
                        DELETE FROM thumbnail WHERE path NOT IN (
                            SELECT value FROM photo, json_each(photo.outputs)
                            UNION SELECT json_extract(t.value, '$.path') FROM photo, json_each(photo.record, '$.thumbnails') AS t
                                WHERE photo.state = 'present')
                        """)
                guard var run = try RunColumns.fetchOne(db, key: id) else {
                    throw PhotoCatalogError.catalog(url.path, "run \(id) is missing")
                }
                (run.value.counts, run.value.work, run.value.report, run.value.batch) = (counts, work, report, batch)
                try run.update(db)
                return run.value
            }
            FaultInjection.step()
            return committed
        }
    }

    /// Closes a run with its exit status (and, for a run that stopped early, what it had done
    /// and why it stopped).
    public func endRun(_ id: Int64, exitCode: Int32, work: RunWork? = nil, message: String? = nil, at date: Date = Date()) throws {
        try guarded {
            try database.write { db in
                guard var run = try RunColumns.fetchOne(db, key: id) else { return }
                run.value.ended = RunRow.timestamp(date)
                run.value.exitCode = exitCode
                if let work { run.value.work = work }
                run.value.message = message
                try run.update(db)
            }
            // Fold the write-ahead log into the file, so catalog.sqlite alone is complete
            // (copied, mailed or opened read-only).
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            FaultInjection.step()
        }
    }

    /// The card of the last run before `run` that committed a batch.
    public func lastCard(before run: Int64) throws -> String? {
        try lastBatch(before: run)?.card
    }

    /// The last run before `run` that committed a batch: the batch the output folder shows.
    public func lastBatch(before run: Int64 = .max) throws -> RunRow? {
        try guarded {
            try database.read { db in
                try RunColumns.fetchOne(
                    db, sql: "SELECT * FROM run WHERE id < ? AND report IS NOT NULL ORDER BY id DESC LIMIT 1",
                    arguments: [run])?.value
            }
        }
    }

    /// The most recent runs, newest first.
    public func runs(limit: Int) throws -> [RunRow] {
        try guarded {
            try database.read { db in try RunColumns.order(Column("id").desc).limit(limit).fetchAll(db).map(\.value) }
        }
    }

    // MARK: uploads

    /// What was done with each photo on `wiki`, by path.
    public func uploads(wiki: String) throws -> [PathKey: UploadRow] {
        try guarded {
            let rows = try database.read { db in try UploadColumns.filter(Column("wiki") == wiki).fetchAll(db) }
            return Dictionary(rows.map { ($0.row.key, $0.row) }, uniquingKeysWith: { a, _ in a })
        }
    }

    func allUploads() throws -> [UploadRow] {
        try guarded { try database.read { db in try UploadColumns.fetchAll(db).map(\.row) } }
    }

    /// Commits one photo's upload outcome as soon as it is known.
    public func save(_ row: UploadRow) throws {
        try guarded {
            try database.write { db in try UploadColumns(row).upsert(db) }
            FaultInjection.step()
        }
    }

    // MARK: adopted names

    /// Names a batch made without this catalogue gave (`photocat adopt`), by path and SHA-1.
    public func adoptedNames() throws -> [AdoptedName] {
        try guarded { try database.read { db in try AdoptedNameColumns.order(Column("key")).fetchAll(db).map(\.value) } }
    }

    /// Keeps `names` for the next runs, replacing those adopted before.
    public func adopt(_ names: [AdoptedName]) throws {
        try guarded {
            try database.write { db in
                try AdoptedNameColumns.deleteAll(db)
                for name in names { try AdoptedNameColumns(name).insert(db) }
            }
            FaultInjection.step()
        }
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PhotoCatalogError {
            throw error
        } catch {
            throw PhotoCatalogError.catalog(url.path, error.reason)
        }
    }
}

/// A Commons name a photo had in a batch made without this catalogue.
public struct AdoptedName: Sendable, Equatable, Codable {
    public var key: PathKey
    public var sha1: String?
    public var name: String

    public init(key: PathKey, sha1: String?, name: String) {
        (self.key, self.sha1, self.name) = (key, sha1, name)
    }
}
