import Foundation

/// Set from a signal handler (SIGINT, SIGTERM) and read by the pipeline between photos: photos
/// already being read finish and are committed, no new one starts.
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var signal: Int32?

    public init() {}

    public func request(signal: Int32) {
        lock.withLock { if self.signal == nil { self.signal = signal } }
    }

    /// The signal that asked for the stop, or nil while the run may go on.
    public var requested: Int32? { lock.withLock { signal } }
}
