import Foundation
import PhotoModel
import PhotoPlan

extension ManifestLoader {
    /// Reads the manifest file and the files it names (a page template and track logs,
    /// relative to it), and the track logs given besides (`--gpx`).
    public static func load(contentsOf url: URL, extraTracks: [URL] = []) throws -> Manifest {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PhotoCatalogError.manifest([ManifestIssue(file: url.path, line: 1, column: 1, message: "cannot read the manifest: \(error.reason)")]
            )
        }
        return try ManifestLoader(
            fileName: url.path, directory: url.deletingLastPathComponent(), extraTracks: extraTracks,
            readData: { try? Data(contentsOf: $0) }
        ).parse(text)
    }
}
