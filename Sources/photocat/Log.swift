import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// The run's messages. On a terminal they are plain; in a log file or a cron mail each line
/// starts with a UTC timestamp, so a morning reader knows when things happened.
enum Log {
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) != 0
    static let stderrIsTerminal = isatty(STDERR_FILENO) != 0

    /// A result line on standard output.
    static func say(_ message: String) {
        print(stamped(message, terminal: stdoutIsTerminal))
    }

    /// A diagnostic or progress line on standard error.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((stamped(message, terminal: stderrIsTerminal) + "\n").utf8))
    }

    private static func stamped(_ message: String, terminal: Bool) -> String {
        guard !terminal else { return message }
        let stamp = Date().formatted(.iso8601)
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { "\(stamp) \($0)" }.joined(separator: "\n")
    }
}

/// Progress on standard error: a bar with rate and time left, rewritten in place on a
/// terminal; a plain line every 25 photos otherwise.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var lastDrawn = ContinuousClock.now - .seconds(1)

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(done: Int, total: Int, path: String) {
        guard enabled else { return }
        lock.withLock {
            let elapsed = start.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = seconds > 0 ? Double(done) / seconds : 0
            if Log.stderrIsTerminal {
                // A few redraws a second are enough to read; hundreds would slow the terminal.
                guard done == total || lastDrawn.duration(to: .now) >= .milliseconds(100) else { return }
                lastDrawn = .now
                let width = 24
                let filled = total > 0 ? width * done / total : width
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                let left = rate > 0 ? Self.clock(Double(total - done) / rate) : "--:--"
                FileHandle.standardError.write(
                    Data(
                        String(
                            format: "\r\u{1B}[K%@ %d/%d  %.1f photos/s  %@ left  %@",
                            bar, done, total, rate, left, path
                        ).utf8))
            } else if done % 25 == 0 || done == total {
                Log.warn(String(format: "%d/%d photos read (%.1f/s)", done, total, rate))
            }
        }
    }

    func finish() {
        guard enabled, Log.stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole >= 3600
            ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
            : String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
