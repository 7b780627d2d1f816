import Foundation
import PhotoModel

/// `photocat status`: what an operator wants to know in the morning.
public struct CatalogStatus: Sendable, Codable {
    public struct Attention: Sendable, Codable, Equatable {
        public var path: String
        public var status: BatchEntry.Status?
        public var reasons: [String]
    }

    /// Newest first.
    public var runs: [RunRow]
    /// Photos on the card, by batch status.
    public var counts: RunReport.Counts
    /// Photos the catalogue keeps as gone from the card.
    public var removed: Int
    /// Failed photos, and photos in the batch with a warning (a kept damaged photo, say).
    public var attention: [Attention]
    /// Per wiki (its API address): how many photos had each upload outcome.
    public var uploads: [String: [String: Int]]
}

extension Catalog {
    public func status(runs limit: Int = 5) throws -> CatalogStatus {
        let runs = try runs(limit: limit)
        let rows = try photos().values.sorted { $0.key < $1.key }
        var counts = RunReport.Counts()
        var removed = 0
        var attention: [CatalogStatus.Attention] = []
        for row in rows {
            guard row.state == .present else {
                removed += 1
                continue
            }
            if let status = row.status { counts.add(status) } else { counts.photos += 1 }
            if row.status == .failed || (row.status == .ready && !row.reasons.isEmpty) || row.status == nil {
                attention.append(
                    .init(
                        path: row.path, status: row.status,
                        reasons: row.status == nil ? ["read, but no run has finished planning it yet"] : row.reasons))
            }
        }
        var uploads: [String: [String: Int]] = [:]
        for row in try allUploads() { uploads[row.wiki, default: [:]][row.outcome.rawValue, default: 0] += 1 }
        return CatalogStatus(runs: runs, counts: counts, removed: removed, attention: attention, uploads: uploads)
    }
}
