import Foundation
import PhotoModel

/// Writes files the way a crash cannot half-finish: to a temporary file beside the target,
/// then rename(2). A file whose bytes are already right is left alone, so reruns do not touch
/// mtimes and downstream tools (rsync, make) see nothing new.
public enum AtomicFile {
    public enum Outcome: String, Sendable, Codable {
        case written, unchanged
    }

    /// How many files a stage wrote, found already right, or removed.
    public struct Counts: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0

        public init() {}

        public mutating func add(_ outcome: Outcome) {
            switch outcome {
            case .written: written += 1
            case .unchanged: unchanged += 1
            }
        }

        public static func + (a: Counts, b: Counts) -> Counts {
            var sum = a
            sum.written += b.written
            sum.unchanged += b.unchanged
            sum.removed += b.removed
            return sum
        }
    }

    @discardableResult
    public static func write(_ data: Data, to url: URL) throws -> Outcome {
        if let existing = try? Data(contentsOf: url), existing == data {
            return .unchanged
        }
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            FaultInjection.step()
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: "cannot rename into \(url.path): \(String(cString: strerror(errno)))"])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        FaultInjection.step()
        return .written
    }

    /// Temporary files a killed run left in `folder` (`.NAME.PID.tmp`). Call with the output
    /// lock held, when no other writer can be mid-write.
    public static func removeLeftovers(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Removes a file, counting it; a file already gone is not an error.
    public static func remove(_ url: URL) throws -> Bool {
        do {
            try FileManager.default.removeItem(at: url)
        } catch CocoaError.fileNoSuchFile {
            return false
        }
        FaultInjection.step()
        return true
    }
}
