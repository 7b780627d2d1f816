import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload

/// The incremental decision, made before any photo is opened: which photos the catalogue
/// answers for, which must be read, which wait for their copy to finish, and which are gone.
/// Pure: the clock and the thumbnail check come in as values, so every rule is testable.
public struct WorkPlan: Sendable {
    /// Photos whose stored result still holds.
    public var reused: [PhotoRow] = []
    /// Photos to read (new ones, changed ones, or all of them with `--rebuild`).
    public var toRead: [CardFile] = []
    /// Changed within the settle window: left for the next run. A photo the catalogue already
    /// knows keeps its previous result in this batch meanwhile (`held`).
    public var settling: [CardFile] = []
    public var held: [PhotoRow] = []
    /// Catalogue rows whose photo is no longer on the card (or no longer in this shard).
    public var removed: [PhotoRow] = []
    public var otherShards = 0

    public struct Rules: Sendable {
        public var keys: StageKeys
        public var thumbnails: ThumbnailOptions
        /// Files modified less than this many seconds before `now` are still being written.
        public var settleSeconds: Int
        public var shard: Shard?
        /// Ignore every stored result and read everything again.
        public var rebuild: Bool

        public init(keys: StageKeys, thumbnails: ThumbnailOptions, settleSeconds: Int, shard: Shard?, rebuild: Bool) {
            (self.keys, self.thumbnails, self.settleSeconds, self.shard, self.rebuild) = (keys, thumbnails, settleSeconds, shard, rebuild)
        }
    }

    /// - Parameters:
    ///   - now: nanoseconds since 1970.
    ///   - thumbnailExists: whether the catalogue holds a thumbnail (by its path in the output folder).
    public static func make(
        files: [CardFile], catalogue: [PathKey: PhotoRow], rules: Rules, now: Int64,
        thumbnailExists: (String) -> Bool
    ) -> WorkPlan {
        var plan = WorkPlan()
        var seen = Set<PathKey>()
        for file in files {
            if let shard = rules.shard, !shard.contains(file.key) {
                plan.otherShards += 1
                continue
            }
            seen.insert(file.key)
            let row = catalogue[file.key]
            if isSettling(file, now: now, seconds: rules.settleSeconds) {
                plan.settling.append(file)
                if let row, row.state == .present { plan.held.append(row) }
            } else if let row, !rules.rebuild, stillHolds(row, for: file, rules: rules, thumbnailExists: thumbnailExists) {
                plan.reused.append(row)
            } else {
                plan.toRead.append(file)
            }
        }
        plan.removed = catalogue.values.filter { $0.state == .present && !seen.contains($0.key) }.sorted { $0.key < $1.key }
        return plan
    }

    /// A copy still in progress has a modification time of about now; a file whose time lies
    /// well in the future (a card from a camera whose clock runs ahead, copied with its times)
    /// is not being written and would otherwise wait for ever.
    static func isSettling(_ file: CardFile, now: Int64, seconds: Int) -> Bool {
        guard seconds > 0 else { return false }
        let window = Int64(seconds) * 1_000_000_000
        let slack: Int64 = 5_000_000_000
        return file.modified > now - window && file.modified <= now + slack
    }

    static func stillHolds(_ row: PhotoRow, for file: CardFile, rules: Rules, thumbnailExists: (String) -> Bool) -> Bool {
        row.readKey == rules.keys.read(file)
            && row.thumbsKey == rules.keys.thumbnails(sha1: row.sha1, options: rules.thumbnails)
            && row.record.thumbnails.allSatisfy { thumbnailExists($0.path) }
    }
}
