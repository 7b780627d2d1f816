import PhotoModel

/// A place where the manifest names photos: an entry of a person's or a scene's `photos:`
/// list, or a key of the top-level `photos:` map, with its position in the file, so that one
/// that matches no photo on the card can be pointed at (a typo there can let a photo of someone
/// who did not consent go out).
public struct PhotoReference: Sendable, Equatable {
    public enum Owner: Sendable, Equatable {
        case person(id: String, consent: Consent)
        case scene(id: String)
        /// A key of the `photos:` map (a per-photo override).
        case photo
    }

    public var pattern: PhotoPattern
    public var owner: Owner
    public var file: String
    public var line: Int
    public var column: Int

    public init(pattern: PhotoPattern, owner: Owner, file: String, line: Int, column: Int) {
        (self.pattern, self.owner, self.file, self.line, self.column) = (pattern, owner, file, line, column)
    }

    /// Whether a miss here can let a photo of someone out that they did not agree to.
    public var guardsConsent: Bool {
        if case .person(_, let consent) = owner { return consent != .full }
        return false
    }

    /// `people: murad (consent none)`, for messages.
    public var ownerDescription: String {
        switch owner {
        case .person(let id, let consent): "photos of `\(id)` (consent \(consent.rawValue))"
        case .scene(let id): "photos of scene `\(id)`"
        case .photo: "photos"
        }
    }
}
