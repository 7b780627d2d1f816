import Foundation

/// Which SHA-1s a run has already rendered: the first photo with given bytes renders the
/// thumbnails, a second copy on the card only points at them.
public final class ThumbnailClaims: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = Set<String>()

    public init() {}

    /// True for the first photo with these bytes in this run.
    public func claim(_ sha1: String) -> Bool {
        lock.withLock { claimed.insert(sha1).inserted }
    }
}
