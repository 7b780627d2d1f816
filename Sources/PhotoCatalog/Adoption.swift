import Foundation
import PhotoModel
import PhotoStore

/// `photocat adopt`: takes the Commons names of a batch made without this catalogue (its
/// catalogue deleted, or moved away when damaged) into the catalogue, so the next run keeps
/// them. The one place photocat reads a batch file: on purpose, when a person asks.
public enum Adoption {
    /// Reads `batch` (default: `DIR/commons/batch.jsonl`) and keeps its names in the catalogue
    /// of `output`; returns how many were adopted.
    public static func adopt(output: URL, batch: URL? = nil) throws -> Int {
        let batch = batch ?? output.appendingPathComponent("commons/batch.jsonl")
        let text: String
        do {
            text = try String(contentsOf: batch, encoding: .utf8)
        } catch {
            throw PhotoCatalogError.cannotRead(batch.path, error.reason)
        }
        var names: [AdoptedName] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let entry: BatchEntry
            do {
                entry = try JSONDecoder().decode(BatchEntry.self, from: Data(line.utf8))
            } catch {
                throw PhotoCatalogError.cannotRead("\(batch.path):\(number + 1)", "not a batch line: \(error)")
            }
            if let name = entry.filename { names.append(AdoptedName(key: entry.key, sha1: entry.sha1, name: name)) }
        }
        let lock = try OutputLock(folder: output)
        defer { withExtendedLifetime(lock) {} }
        try Catalog(folder: output).adopt(names)
        return names.count
    }
}
