import Foundation
import Testing

/// Paths to the repository's fixtures and the shared development corpus, found from this file.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("fixtures")
    static let sampleCard = folder.appendingPathComponent("sample-card")
    static let sampleManifest = folder.appendingPathComponent("sample-manifest.yaml")
    static let golden = folder.appendingPathComponent("golden")

    /// The development corpus of real camera files, beside the checkout (`../shared/corpus/dev`)
    /// or where PHOTOCAT_CORPUS points. Absent on a user's machine: tests that need it skip.
    static let corpus: URL? = {
        let candidates = [
            ProcessInfo.processInfo.environment["PHOTOCAT_CORPUS"].map { URL(fileURLWithPath: $0) },
            repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("MANIFEST.tsv").path) }
    }()

    static let corpusMissing: Comment = "the development corpus ../shared/corpus/dev is not present"

    /// A fresh, empty folder that is removed when `body` returns.
    static func withTemporaryFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("photocat-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url)
    }

    /// A copy of the sample card in `folder`, so nothing a test does can touch the fixture.
    static func copySampleCard(into folder: URL) throws -> URL {
        let card = folder.appendingPathComponent("sample-card")
        try FileManager.default.copyItem(at: sampleCard, to: card)
        return card
    }

    static func data(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// What the run gives the manifest loader to read the files a manifest names.
    static let readData: @Sendable (URL) -> Data? = { try? Data(contentsOf: $0) }
}
