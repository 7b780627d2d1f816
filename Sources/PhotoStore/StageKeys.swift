import Foundation
import PhotoModel

/// What each stage's stored result was computed from. A stage reruns for a photo exactly when
/// its key differs from the one the catalogue holds; keys are plain text so `sqlite3` shows why.
public struct StageKeys: Sendable, Equatable {
    /// Raised when a change to photocat changes what a stage produces, so the next run redoes
    /// that stage (and only that stage) for every photo. Releases that change nothing keep them.
    public var readVersion = 1
    /// 2: the read also measures `ImageSignals`.
    public var thumbnailVersion = 2
    public var deriveVersion = 1

    public static let current = StageKeys()

    public init() {}

    /// The file as the scan sees it: unchanged size and mtime mean unchanged bytes.
    public func read(_ file: CardFile) -> String {
        "v\(readVersion) size=\(file.size) mtime=\(file.modified)"
    }

    /// The bytes (by hash) and every option that shapes the thumbnails or the damage verdict.
    public func thumbnails(sha1: String?, options: ThumbnailOptions) -> String {
        "v\(thumbnailVersion) sha1=\(sha1 ?? "-") sizes=\(options.sizes.sorted().map(String.init).joined(separator: ","))"
            + " quality=\(options.quality) max-pixels=\(options.maxPixels) fail-on=\(options.failOn.rawValue)"
    }

    /// Names, tags and pages follow from the read results, the manifest and the known SHA-1s.
    /// `manifest` is the manifest's fingerprint.
    public func derive(manifest: String, knownSHA1: Set<String>, shard: Shard?) -> String {
        let known = knownSHA1.isEmpty ? "-" : Fingerprint.of(knownSHA1.sorted().joined(separator: "\n"))
        return "v\(deriveVersion) manifest=\(manifest) known-sha1=\(known) shard=\(shard?.description ?? "-")"
    }
}
