import Foundation
import PhotoModel

/// One run in `catalog.sqlite` (table `run`). A row is written when a run starts and completed
/// when it ends, so a run that was killed shows as one with no end.
public struct RunRow: Sendable, Equatable, Codable {
    public var id: Int64?
    /// ISO 8601, UTC.
    public var started: String
    public var ended: String?
    public var exitCode: Int32?
    public var toolVersion: String
    public var card: String
    public var shard: String?
    /// The photos in the batch after the run, by status.
    public var counts: RunReport.Counts?
    /// What the run had to do.
    public var work: RunWork?
    /// `report.json` as this run wrote it.
    public var report: RunReport?
    /// The event's title and people, for the batch files.
    public var batch: BatchHeader?
    /// Why a run ended without a batch (refused, interrupted, out of disk).
    public var message: String?

    enum CodingKeys: String, CodingKey {
        case id, started, ended, exitCode = "exit_code", toolVersion = "tool_version", card, shard, counts, work, report, batch, message
    }

    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
