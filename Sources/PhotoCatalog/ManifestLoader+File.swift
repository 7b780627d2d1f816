import Foundation
import PhotoModel
import PhotoPlan

extension ManifestLoader {
    /// Reads the manifest file and the files it names (a page template, track logs, choices
    /// files, relative to it), and the track logs and choices given besides (`--gpx`, `--choices`).
    public static func load(contentsOf url: URL, extraTracks: [URL] = [], extraIncludes: [URL] = []) throws -> Manifest {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PhotoCatalogError.manifest([ManifestIssue(file: url.path, line: 1, column: 1, message: "cannot read the manifest: \(error.reason)")]
            )
        }
        var loader = ManifestLoader(
            fileName: url.path, directory: url.deletingLastPathComponent(), extraTracks: extraTracks, readData: { try? Data(contentsOf: $0) })
        loader.extraIncludes = extraIncludes
        return try loader.parse(text)
    }
}
