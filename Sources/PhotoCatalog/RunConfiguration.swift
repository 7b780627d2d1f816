import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload

public struct RunConfiguration: Sendable {
    public var card: URL
    public var manifest: Manifest
    public var output: URL
    /// Photos read at the same time; defaults to the number of cores.
    public var jobs: Int
    public var thumbnails: ThumbnailOptions
    /// SHA-1s of files already on Commons: such photos become `duplicate`.
    public var knownSHA1: Set<String>
    /// Files modified less than this many seconds ago are left for the next run (`--settle`).
    public var settleSeconds: Int
    /// Only the photos of this shard (`--shard K/N`).
    public var shard: Shard?
    /// Read every photo again instead of trusting the catalogue (`--rebuild`).
    public var rebuild: Bool
    public var removed: RemovedPolicy
    /// Let a run remove more than half of the catalogue's photos (`--allow-removal`): without
    /// it, such a run is refused, since a card that is not mounted looks like an empty one.
    public var allowRemoval: Bool
    /// Stage versions; tests raise one to play a new photocat release.
    public var keys: StageKeys

    /// What happens to the outputs of a photo that is no longer on the card (`--removed`).
    public enum RemovedPolicy: String, Sendable, CaseIterable {
        /// Its page and thumbnails are deleted; it leaves the batch (the default).
        case delete
        /// Its page and thumbnails stay; it leaves the batch and is marked removed in the catalogue.
        case keep
    }

    public init(
        card: URL, manifest: Manifest, output: URL,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, thumbnails: ThumbnailOptions = ThumbnailOptions(),
        knownSHA1: Set<String> = [], settleSeconds: Int = 60, shard: Shard? = nil, rebuild: Bool = false,
        removed: RemovedPolicy = .delete, allowRemoval: Bool = false, keys: StageKeys = .current
    ) {
        self.card = card.standardizedFileURL
        self.manifest = manifest
        self.output = output.standardizedFileURL
        self.jobs = max(1, jobs)
        self.thumbnails = thumbnails
        self.knownSHA1 = knownSHA1
        self.settleSeconds = max(0, settleSeconds)
        self.shard = shard
        self.rebuild = rebuild
        self.removed = removed
        self.allowRemoval = allowRemoval
        self.keys = keys
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
