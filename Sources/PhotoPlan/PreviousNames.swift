import PhotoModel

/// The Commons names photos had before, so names stay put: by path (an edited photo keeps its
/// name) and by SHA-1 (a photo moved to another folder keeps it too).
public struct PreviousNames: Sendable, Equatable {
    public var byPath: [PathKey: String] = [:]
    public var bySHA1: [String: String] = [:]

    public init() {}
}
