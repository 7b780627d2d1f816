/// One line of `commons/batch.jsonl`: a photo, its planned Commons name and page, and whether it
/// may be uploaded. Upload tools read `filename`, `wikitext` and `status`.
public struct BatchEntry: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case ready, excluded, duplicate, failed
    }

    /// Path relative to the card.
    public var source: String
    public var sha1: String?
    public var filename: String?
    public var wikitext: String?
    public var status: Status
    public var reasons: [String]
    /// Paths relative to the output folder, smallest first.
    public var thumbnails: [String]
    /// For duplicates: the source of the identical file that is uploaded instead.
    public var duplicateOf: String?
    /// Capture time on the venue's clock, `YYYY-MM-DD hh:mm:ss`.
    public var captured: String?
    public var scene: String?
    public var people: [String]
    public var width: Int?
    public var height: Int?

    enum CodingKeys: String, CodingKey {
        case source, sha1, filename, wikitext, status, reasons, thumbnails
        case duplicateOf = "duplicate_of"
        case captured, scene, people, width, height
    }
}
