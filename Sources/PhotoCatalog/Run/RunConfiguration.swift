import Foundation

public struct RunConfiguration: Sendable {
    public var card: URL
    public var manifest: Manifest
    public var output: URL
    /// Photos read at the same time; defaults to the number of cores.
    public var jobs: Int
    public var thumbnails: ThumbnailOptions
    /// SHA-1s of files already on Commons: such photos become `duplicate`.
    public var knownSHA1: Set<String>

    public init(card: URL, manifest: Manifest, output: URL,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, thumbnails: ThumbnailOptions = ThumbnailOptions(),
                knownSHA1: Set<String> = []) {
        self.card = card.standardizedFileURL
        self.manifest = manifest
        self.output = output.standardizedFileURL
        self.jobs = max(1, jobs)
        self.thumbnails = thumbnails
        self.knownSHA1 = knownSHA1
    }

    /// Reads a `--known-sha1` file: one hex SHA-1 per line; blank lines and `#` comments are skipped.
    public static func knownSHA1(contentsOf url: URL) throws -> Set<String> {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PhotoCatalogError.knownSHA1(url.path, 0, "cannot read it: \(error.reason)")
        }
        var hashes = Set<String>()
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard line.count == 40, line.allSatisfy(\.isHexDigit) else {
                throw PhotoCatalogError.knownSHA1(url.path, number + 1, "`\(line.prefix(60))` is not a 40-digit hex SHA-1")
            }
            hashes.insert(line.lowercased())
        }
        return hashes
    }
}
