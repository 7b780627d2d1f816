import Foundation

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
        /// Entries of the manifest's `photos:` lists and map that match no photo on the card.
        public var unmatchedPhotoEntries = 0
        /// Of those, the entries of people who did not consent or consented to group photos only:
        /// their photos may go out unexcluded, so the run exits 1.
        public var unmatchedConsentEntries = 0

        public init(photos: Int = 0, ready: Int = 0, excluded: Int = 0, duplicate: Int = 0, failed: Int = 0, skippedFiles: Int = 0) {
            (self.photos, self.ready, self.excluded, self.duplicate, self.failed, self.skippedFiles) = (
                photos, ready, excluded, duplicate, failed, skippedFiles
            )
        }

        enum CodingKeys: String, CodingKey {
            case photos, ready, excluded, duplicate, failed
            case skippedFiles = "skipped_files"
            case unmatchedPhotoEntries = "unmatched_photo_entries"
            case unmatchedConsentEntries = "unmatched_consent_entries"
        }

        /// Counts written by an earlier photocat lack the later fields: those are 0.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func count(_ key: CodingKeys) throws -> Int { try c.decodeIfPresent(Int.self, forKey: key) ?? 0 }
            (photos, ready, excluded, duplicate, failed) = (
                try count(.photos), try count(.ready), try count(.excluded), try count(.duplicate), try count(.failed)
            )
            (skippedFiles, unmatchedPhotoEntries, unmatchedConsentEntries) = (
                try count(.skippedFiles), try count(.unmatchedPhotoEntries), try count(.unmatchedConsentEntries)
            )
        }

        /// Counts one photo of the batch under its status.
        public mutating func add(_ status: BatchEntry.Status) {
            photos += 1
            switch status {
            case .ready: ready += 1
            case .excluded: excluded += 1
            case .duplicate: duplicate += 1
            case .failed: failed += 1
            }
        }

        /// One line in exiftool's manner: `12 photos: 9 ready, 1 excluded, 1 duplicate, 1 failed`.
        public var summary: String {
            var parts = ["\(ready) ready"]
            if excluded > 0 { parts.append("\(excluded) excluded") }
            if duplicate > 0 { parts.append("\(duplicate) duplicate") }
            if failed > 0 { parts.append("\(failed) failed") }
            var line = "\(photos) photo\(photos == 1 ? "" : "s"): " + parts.joined(separator: ", ")
            if skippedFiles > 0 { line += "; \(skippedFiles) other file\(skippedFiles == 1 ? "" : "s") skipped" }
            if unmatchedPhotoEntries > 0 {
                line += "; \(unmatchedPhotoEntries) manifest photo entr\(unmatchedPhotoEntries == 1 ? "y matches" : "ies match") no photo"
                if unmatchedConsentEntries > 0 { line += " (\(unmatchedConsentEntries) guarding consent)" }
            }
            return line
        }
    }

    public var tool: String
    public var card: String
    public var counts: Counts
    public var thumbnailSizes: [Int]
    public var diagnostics: [Diagnostic]

    public init(tool: String, card: String, counts: Counts, thumbnailSizes: [Int], diagnostics: [Diagnostic]) {
        (self.tool, self.card, self.counts, self.thumbnailSizes, self.diagnostics) = (tool, card, counts, thumbnailSizes, diagnostics)
    }

    enum CodingKeys: String, CodingKey {
        case tool, card, counts
        case thumbnailSizes = "thumbnail_sizes"
        case diagnostics
    }

    /// 0 when every photo is fine (excluded and duplicate photos are the user's choice and
    /// photocat's care, not failures), 1 when some photo failed or a manifest entry that guards
    /// someone's consent matches no photo.
    public var exitCode: Int32 { counts.failed > 0 || counts.unmatchedConsentEntries > 0 ? 1 : 0 }

    /// One line in exiftool's manner: `12 photos: 9 ready, 1 excluded, 1 duplicate, 1 failed`.
    public var summary: String { counts.summary }
}
