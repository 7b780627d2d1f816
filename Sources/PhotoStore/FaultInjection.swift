import Foundation
import PhotoModel

/// Crash testing: `PHOTOCAT_TEST_KILL_AT=N` makes the process send itself SIGKILL (or the signal
/// named by `PHOTOCAT_TEST_SIGNAL`: TERM, INT) at the Nth durable step (a temporary file written,
/// a file renamed into place or removed, a catalogue commit), so tests can stop a run at every
/// such point and check that the next run repairs everything. Without the variable this is one
/// comparison per step.
enum FaultInjection {
    private static let killAt: Int? = ProcessInfo.processInfo.environment["PHOTOCAT_TEST_KILL_AT"].flatMap(Int.init)
    private static let signal: Int32 =
        switch ProcessInfo.processInfo.environment["PHOTOCAT_TEST_SIGNAL"] {
        case "TERM": SIGTERM
        case "INT": SIGINT
        default: SIGKILL
        }
    private static let counter = Counter()

    static func step() {
        guard let killAt else { return }
        if counter.next() == killAt { kill(getpid(), signal) }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.withLock {
                value += 1
                return value
            }
        }
    }
}
