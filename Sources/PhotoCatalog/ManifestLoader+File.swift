import Foundation
import PhotoModel
import PhotoPlan

extension ManifestLoader {
    /// Reads the manifest file and the files it names (a page template, relative to it).
    public static func load(contentsOf url: URL) throws -> Manifest {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PhotoCatalogError.manifest([ManifestIssue(file: url.path, line: 1, column: 1, message: "cannot read the manifest: \(error.reason)")]
            )
        }
        return try ManifestLoader(
            fileName: url.path, directory: url.deletingLastPathComponent(), readFile: { try? String(contentsOf: $0, encoding: .utf8) }
        ).parse(text)
    }
}
