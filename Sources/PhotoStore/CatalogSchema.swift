import Foundation
internal import GRDB
import PhotoModel

/// The tables of `catalog.sqlite` and how GRDB reads and writes them. Only this file and
/// `Catalog` see GRDB; the rest of photocat sees the rows as plain values.
extension Catalog {
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
        migrator.registerMigration("v3: byte keys, batch lines, thumbnails") { db in
            // Photos and uploads are keyed by the path's bytes (a name need not be UTF-8); `path`
            // stays, as text for people. A photo keeps its whole batch line, page included.
            try db.create(table: "photo_v3") { t in
                t.primaryKey("key", .blob)
                t.column("path", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("mtime_ns", .integer).notNull()
                t.column("sha1", .text)
                t.column("state", .text).notNull()
                t.column("record", .jsonText).notNull()
                t.column("metadata", .jsonText)
                t.column("read_key", .text).notNull()
                t.column("thumbs_key", .text).notNull()
                t.column("derive_key", .text)
                t.column("entry", .jsonText)
                t.column("status", .text)
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
            // The batch line of a v2 row is rebuilt from its columns, so its name is kept.
            try db.execute(
                sql: """
                    INSERT INTO photo_v3
                    SELECT CAST(path AS BLOB), path, size, mtime_ns, sha1, state, record, metadata, read_key, thumbs_key,
                           derive_key,
                           CASE WHEN status IS NULL THEN NULL ELSE json_object(
                               'source', path, 'sha1', sha1, 'filename', name, 'status', status, 'reasons', json(reasons),
                               'thumbnails', json('[]'), 'scene', scene, 'people', json(people), 'captured', captured) END,
                           status, name, reasons, scene, people, captured, outputs, first_run, read_run, removed_run
                    FROM photo
                    """)
            try db.drop(table: "photo")
            try db.rename(table: "photo_v3", to: "photo")
            try db.create(index: "photo_on_sha1", on: "photo", columns: ["sha1"])
            try db.create(index: "photo_on_status", on: "photo", columns: ["status"])
            try db.create(table: "upload_v3") { t in
                t.column("wiki", .text).notNull()
                t.column("key", .blob).notNull()
                t.column("path", .text).notNull()
                t.column("sha1", .text).notNull()
                t.column("filename", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("wiki_name", .text)
                t.column("page_id", .integer)
                t.column("detail", .text)
                t.column("at", .text).notNull()
                t.primaryKey(["wiki", "key"])
            }
            try db.execute(
                sql: """
                    INSERT INTO upload_v3
                    SELECT wiki, CAST(path AS BLOB), path, sha1, filename, outcome, wiki_name, page_id, detail, at FROM upload
                    """)
            try db.drop(table: "upload")
            try db.rename(table: "upload_v3", to: "upload")
            // Thumbnails live in the catalogue, so the output folder can be written from it alone.
            try db.create(table: "thumbnail") { t in
                t.primaryKey("path", .text)
                t.column("jpeg", .blob).notNull()
            }
            try db.create(table: "adopted_name") { t in
                t.primaryKey("key", .blob)
                t.column("path", .text).notNull()
                t.column("sha1", .text)
                t.column("name", .text).notNull()
            }
            try db.alter(table: "run") { t in t.add(column: "batch", .jsonText) }
        }
        migrator.registerMigration("v4: run messages") { db in
            try db.alter(table: "run") { t in t.add(column: "message", .text) }
        }
        migrator.registerMigration("v5: image signals by content") { db in
            // What the pixels say belongs to the bytes, like the thumbnails: of two files with the
            // same bytes only one is decoded, and which one depends on the run's timing.
            try db.create(table: "signals") { t in
                t.primaryKey("sha1", .text)
                t.column("value", .jsonText).notNull()
            }
        }
        return migrator
    }()
}

extension PhotoColumns: FetchableRecord, PersistableRecord {
    static let databaseTableName = "photo"
}

/// The `run` table: a `RunRow` as it is.
struct RunColumns: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"
    var value: RunRow

    init(_ value: RunRow) {
        self.value = value
    }

    init(from decoder: Decoder) throws {
        value = try RunRow(from: decoder)
    }

    func encode(to encoder: Encoder) throws {
        try value.encode(to: encoder)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        value.id = inserted.rowID
    }
}

/// The `upload` table: an `UploadRow`, its key as a BLOB beside the path for people.
struct UploadColumns: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "upload"
    var wiki: String
    var key: Data
    var path: String
    var sha1: String
    var filename: String
    var outcome: UploadRow.Outcome
    var wikiName: String?
    var pageID: Int?
    var detail: String?
    var at: String

    enum CodingKeys: String, CodingKey {
        case wiki, key, path, sha1, filename, outcome, wikiName = "wiki_name", pageID = "page_id", detail, at
    }

    init(_ row: UploadRow) {
        (wiki, key, path, sha1, filename, outcome) = (row.wiki, Data(row.key.bytes), row.path, row.sha1, row.filename, row.outcome)
        (wikiName, pageID, detail, at) = (row.wikiName, row.pageID, row.detail, row.at)
    }

    var row: UploadRow {
        UploadRow(
            wiki: wiki, key: PathKey(bytes: Array(key)), sha1: sha1, filename: filename, outcome: outcome,
            wikiName: wikiName, pageID: pageID, detail: detail, at: at)
    }
}

/// The `adopted_name` table.
struct AdoptedNameColumns: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "adopted_name"
    var key: Data
    var path: String
    var sha1: String?
    var name: String

    init(_ name: AdoptedName) {
        (key, path, sha1, self.name) = (Data(name.key.bytes), name.key.display, name.sha1, name.name)
    }

    var value: AdoptedName {
        AdoptedName(key: PathKey(bytes: Array(key)), sha1: sha1, name: name)
    }
}
