/// What a person agreed to about being photographed (the manifest's `consent:`).
public enum Consent: String, Sendable, Equatable, Codable, CaseIterable {
    /// May be named and identified.
    case full
    /// Fine in group photos and on stage, never named.
    case group
    /// Must not appear: photos listing them leave the batch.
    case none
}

/// What the batch files need beside the photos' lines: the event's title and who the people
/// are. The catalogue keeps it with each run, so the output folder can be written from the
/// catalogue alone.
public struct BatchHeader: Sendable, Equatable, Codable {
    public struct Person: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var consent: Consent

        public init(id: String, name: String, consent: Consent) {
            (self.id, self.name, self.consent) = (id, name, consent)
        }
    }

    public var title: String
    public var people: [Person]
    /// The venue's time zone, whose clock the capture times are on.
    public var timeZone: String?

    public init(title: String, people: [Person], timeZone: String? = nil) {
        self.title = title
        self.people = people
        self.timeZone = timeZone
    }
}
