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

/// `report.json`: the run's counts and every diagnostic. Holds no clock time, so an identical
/// run writes identical bytes.
public struct RunReport: Sendable, Equatable, Codable {
    public struct Counts: Sendable, Equatable, Codable {
        public var photos = 0
        public var ready = 0
        public var excluded = 0
        public var duplicate = 0
        public var failed = 0
        /// Files on the card that are not JPEG photos (RAW, video, …), passed over.
        public var skippedFiles = 0

        public init(photos: Int = 0, ready: Int = 0, excluded: Int = 0, duplicate: Int = 0, failed: Int = 0, skippedFiles: Int = 0) {
            (self.photos, self.ready, self.excluded, self.duplicate, self.failed, self.skippedFiles) = (photos, ready, excluded, duplicate, failed, skippedFiles)
        }

        enum CodingKeys: String, CodingKey {
            case photos, ready, excluded, duplicate, failed
            case skippedFiles = "skipped_files"
        }
    }

    public var tool: String
    public var card: String
    public var counts: Counts
    public var thumbnailSizes: [Int]
    public var diagnostics: [Diagnostic]

    enum CodingKeys: String, CodingKey {
        case tool, card, counts
        case thumbnailSizes = "thumbnail_sizes"
        case diagnostics
    }

    /// 0 when every photo is fine (excluded and duplicate photos are the user's choice and
    /// photocat's care, not failures), 1 when some photo failed.
    public var exitCode: Int32 { counts.failed > 0 ? 1 : 0 }

    /// One line in exiftool's manner: `12 photos: 9 ready, 1 excluded, 1 duplicate, 1 failed`.
    public var summary: String {
        var parts = ["\(counts.ready) ready"]
        if counts.excluded > 0 { parts.append("\(counts.excluded) excluded") }
        if counts.duplicate > 0 { parts.append("\(counts.duplicate) duplicate") }
        if counts.failed > 0 { parts.append("\(counts.failed) failed") }
        var line = "\(counts.photos) photo\(counts.photos == 1 ? "" : "s"): " + parts.joined(separator: ", ")
        if counts.skippedFiles > 0 { line += "; \(counts.skippedFiles) other file\(counts.skippedFiles == 1 ? "" : "s") skipped" }
        return line
    }
}
