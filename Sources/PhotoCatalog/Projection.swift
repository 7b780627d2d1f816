import Foundation
import PhotoModel
import PhotoPlan
import PhotoStore

/// The output folder as a function of the catalogue: the batch lines of the photos on the card,
/// the pages and thumbnails of every photo whose outputs are kept, and the files of the batch
/// made by `run` (its report, card and header). A run writes it from the rows it just
/// committed; `photocat project` from the catalogue alone; both give the same bytes.
public enum Projection {
    /// Writes the folder. `rendered` are the thumbnails rendered since the folder was last
    /// written (compared byte for byte); the others are written when missing.
    static func write(rows: [PhotoRow], run: RunRow, to output: URL, rendered: Set<String>, catalog: Catalog) throws -> AtomicFile.Counts {
        let rows = rows.sorted { $0.key < $1.key }
        let entries = rows.filter { $0.state == .present }.compactMap(\.entry)
        let pages = rows.compactMap { row in
            row.entry.flatMap { entry in
                entry.filename.map { row.outputs.contains("commons/\($0).wikitext") } == true ? entry : nil
            }
        }
        guard let report = run.report, let header = run.batch else {
            throw PhotoCatalogError.catalog(catalog.url.path, "run \(run.id ?? 0) has no batch to write")
        }
        let files = try BatchFiles.make(entries: entries, pages: pages, report: report, card: run.card, header: header)
        let thumbnails = Set(rows.flatMap(\.outputs).filter { $0.hasPrefix("thumbs/") })
        return try OutputWriter(root: output).write(
            files: files.map { ($0.path, $0.data) }, thumbnails: thumbnails,
            rendered: rendered, jpeg: catalog.thumbnail)
    }

    /// `photocat project`: writes the output folder anew from its catalogue alone (no card),
    /// comparing every file byte for byte. For a folder whose files were deleted or damaged.
    public static func rebuild(output: URL) throws -> AtomicFile.Counts {
        let output = output.standardizedFileURL
        guard FileManager.default.fileExists(atPath: output.appendingPathComponent(Catalog.fileName).path) else {
            throw PhotoCatalogError.catalog(
                output.appendingPathComponent(Catalog.fileName).path,
                "not found: no run has finished in \(output.path) yet (is it the folder `photocat run --out` wrote?)")
        }
        let lock = try OutputLock(folder: output)
        defer { withExtendedLifetime(lock) {} }
        let catalog = try Catalog(folder: output)
        guard let run = try catalog.lastBatch() else {
            throw PhotoCatalogError.catalog(catalog.url.path, "no run has finished a batch here yet; run `photocat run` first")
        }
        let rows = Array(try catalog.photos().values)
        do {
            return try write(rows: rows, run: run, to: output, rendered: try catalog.thumbnailPaths(), catalog: catalog)
        } catch let error as PhotoCatalogError {
            throw error
        } catch {
            throw PhotoCatalogError.cannotWrite(output.path, error.reason)
        }
    }
}
