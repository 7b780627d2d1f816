import Foundation
import GRDB
import PhotoModel

/// `DIR/catalog.sqlite`: the source of truth for incremental runs. Each photo's read result is
/// committed as soon as it is known, so a run killed at any point loses at most the photos in
/// flight; derived columns and the run row are committed together at the end.
public final class Catalog: Sendable {
    public static let fileName = "catalog.sqlite"

    public let url: URL
    private let database: DatabaseQueue

    /// Opens (creating and migrating when `writable`) the catalogue of an output folder.
    public init(folder: URL, writable: Bool = true) throws {
        url = folder.appendingPathComponent(Self.fileName)
        if !writable, !FileManager.default.fileExists(atPath: url.path) {
            throw PhotoCatalogError.catalog(url.path, "not found; has `photocat run` written to \(folder.path)?")
        }
        var configuration = Configuration()
        configuration.readonly = !writable
        configuration.busyMode = .timeout(5)
        do {
            database = try DatabaseQueue(path: url.path, configuration: configuration)
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
        } catch {
            throw PhotoCatalogError.catalog(url.path, "\(error.reason); if it is damaged, move it away and run again (names are kept from commons/batch.jsonl)")
        }
    }

    /// Versioned schema changes; a released migration is never edited, only followed by another.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("started", .text).notNull()
                t.column("ended", .text)
                t.column("exit_code", .integer)
                t.column("tool_version", .text).notNull()
                t.column("card", .text).notNull()
                t.column("shard", .text)
                t.column("counts", .jsonText)
                t.column("work", .jsonText)
                t.column("report", .jsonText)
            }
            try db.create(table: "photo") { t in
                t.primaryKey("path", .text)
                t.column("size", .integer).notNull()
                t.column("mtime_ns", .integer).notNull()
                t.column("sha1", .text).indexed()
                t.column("state", .text).notNull()
                t.column("record", .jsonText).notNull()
                t.column("metadata", .jsonText)
                t.column("read_key", .text).notNull()
                t.column("thumbs_key", .text).notNull()
                t.column("derive_key", .text)
                t.column("status", .text).indexed()
                t.column("name", .text)
                t.column("reasons", .jsonText).notNull()
                t.column("scene", .text)
                t.column("people", .jsonText).notNull()
                t.column("captured", .text)
                t.column("outputs", .jsonText).notNull()
                t.column("first_run", .integer).notNull().references("run")
                t.column("read_run", .integer).notNull().references("run")
                t.column("removed_run", .integer).references("run")
            }
        }
        migrator.registerMigration("v2: uploads") { db in
            try db.create(table: "upload") { t in
                t.column("wiki", .text).notNull()
                t.column("path", .text).notNull()
                t.column("sha1", .text).notNull()
                t.column("filename", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("wiki_name", .text)
                t.column("page_id", .integer)
                t.column("detail", .text)
                t.column("at", .text).notNull()
                t.primaryKey(["wiki", "path"])
            }
        }
        return migrator
    }()

    /// What was done with each photo on `wiki`, by path.
    public func uploads(wiki: String) throws -> [PathKey: UploadRow] {
        try guarded {
            let rows = try database.read { db in try UploadRow.filter(Column("wiki") == wiki).fetchAll(db) }
            return Dictionary(rows.map { (PathKey($0.path), $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    func allUploads() throws -> [UploadRow] {
        try guarded { try database.read { db in try UploadRow.fetchAll(db) } }
    }

    /// Commits one photo's upload outcome as soon as it is known.
    public func save(_ row: UploadRow) throws {
        try guarded {
            try database.write { db in try row.upsert(db) }
            FaultInjection.step()
        }
    }

    /// Every photo row, by path compared byte for byte.
    public func photos() throws -> [PathKey: PhotoRow] {
        try guarded {
            let rows = try database.read { db in try PhotoRow.fetchAll(db) }
            return Dictionary(rows.map { (PathKey($0.path), $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// Records the start of a run and returns its id.
    public func beginRun(card: URL, shard: Shard?, at date: Date = Date()) throws -> Int64 {
        try guarded {
            var row = RunRow(started: RunRow.timestamp(date), toolVersion: PhotocatVersion.current, card: card.path, shard: shard?.description)
            try database.write { db in try row.insert(db) }
            FaultInjection.step()
            return row.id!
        }
    }

    /// Commits one photo's read result: the unit a killed run can lose at most one of per worker.
    public func save(_ row: PhotoRow) throws {
        try guarded {
            try database.write { db in try row.upsert(db) }
            FaultInjection.step()
        }
    }

    /// Commits the derived columns of the rows that changed and completes the run row, in one
    /// transaction.
    public func finishRun(_ id: Int64, rows: [PhotoRow], counts: RunReport.Counts?, work: RunWork,
                          report: RunReport?, exitCode: Int32, at date: Date = Date()) throws {
        try guarded {
            try database.write { db in
                for row in rows { try row.upsert(db) }
                guard var run = try RunRow.fetchOne(db, key: id) else { return }
                run.ended = RunRow.timestamp(date)
                run.exitCode = exitCode
                run.counts = counts
                run.work = work
                run.report = report
                try run.update(db)
            }
            // Fold the write-ahead log into the file, so catalog.sqlite alone is complete
            // (copied, mailed or opened read-only).
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            FaultInjection.step()
        }
    }

    /// The card of the last run before `run` that finished its batch (exit 0 or 1).
    public func lastCard(before run: Int64) throws -> String? {
        try guarded {
            try database.read { db in
                try String.fetchOne(db, sql: """
                    SELECT card FROM run WHERE id < ? AND ended IS NOT NULL AND exit_code IN (0, 1) ORDER BY id DESC LIMIT 1
                    """, arguments: [run])
            }
        }
    }

    /// The most recent runs, newest first.
    public func runs(limit: Int) throws -> [RunRow] {
        try guarded {
            try database.read { db in try RunRow.order(Column("id").desc).limit(limit).fetchAll(db) }
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
