import Foundation
import PhotoModel

/// One photo's upload to one wiki (table `upload`), written as soon as the outcome is known, so
/// a rerun uploads nothing twice and goes on where a killed run stopped.
public struct UploadRow: Sendable, Equatable, Codable {

    public enum Outcome: String, Sendable, Codable, CaseIterable {
        /// On the wiki under `wikiName`, page `pageID`.
        case uploaded
        /// The wiki already has these bytes, as `wikiName`: nothing uploaded.
        case duplicate
        /// Another file holds the planned name: never overwritten, nothing uploaded.
        case nameTaken = "name-taken"
        /// The wiki refused it (title blacklist, file verification, …).
        case refused
        /// A warning photocat does not settle alone (a deleted file of these bytes, …).
        case review
    }

    /// The API address.
    public var wiki: String
    /// The photo's path below the card root, byte for byte (a BLOB); `path` shows it.
    public var key: PathKey
    public var path: String { key.display }
    public var sha1: String
    /// The planned Commons name.
    public var filename: String
    public var outcome: Outcome
    public var wikiName: String?
    public var pageID: Int?
    /// The wiki's warnings or error, in words.
    public var detail: String?
    /// ISO 8601, UTC.
    public var at: String

    public init(
        wiki: String, key: PathKey, sha1: String, filename: String, outcome: Outcome,
        wikiName: String? = nil, pageID: Int? = nil, detail: String? = nil, at: String
    ) {
        (self.wiki, self.key, self.sha1, self.filename, self.outcome) = (wiki, key, sha1, filename, outcome)
        (self.wikiName, self.pageID, self.detail, self.at) = (wikiName, pageID, detail, at)
    }

    enum CodingKeys: String, CodingKey {
        case wiki, key, sha1, filename, outcome, wikiName = "wiki_name", pageID = "page_id", detail, at
    }
}
