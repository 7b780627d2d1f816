import Foundation

/// What one run had to do, as opposed to the state of the batch (`RunReport`): how many
/// photos the catalogue answered for, how many were read or decoded, what was left for later.
public struct RunWork: Sendable, Equatable, Codable {
    /// Photos on the card within this run's shard, settled or not.
    public var scanned = 0
    /// Taken from the catalogue without opening the file.
    public var unchanged = 0
    /// Read because they were new to the catalogue.
    public var new = 0
    /// Read again: the file, the thumbnail options or photocat changed (or `--rebuild`).
    public var changed = 0
    /// Whose pixels were decoded (thumbnails rendered).
    public var decoded = 0
    /// Gone from the card since the last run.
    public var removed = 0
    /// Changed too recently (`--settle`); left for the next run.
    public var settling = 0
    /// On the card but in another shard.
    public var otherShards = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case scanned, unchanged, new, changed, decoded, removed, settling
        case otherShards = "other_shards"
    }
}
