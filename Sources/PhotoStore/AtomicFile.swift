import Foundation
import PhotoModel

/// Writes files the way a crash or a power cut cannot half-finish: to a temporary file beside
/// the target, synced to the disk, then rename(2), then the folder synced, so that once `write`
/// returns the new bytes are there to stay. A file whose bytes are already right is left
/// alone, so reruns do not touch mtimes and downstream tools (rsync, make) see nothing new.
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
            try writeSynced(data, to: temporary.path)
            FaultInjection.step()
            guard rename(temporary.path, url.path) == 0 else { throw FileSystemPath.error() }
            try sync(folder: directory.path)
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

    /// Creates `path` with `data` and fsync(2)s it before closing.
    private static func writeSynced(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemPath.error() }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemPath.error()
                }
                offset += count
            }
        }
        guard fsync(descriptor) == 0 else { throw FileSystemPath.error() }
    }

    /// fsync(2) on a folder: makes a rename or a new name in it durable.
    private static func sync(folder path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemPath.error() }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileSystemPath.error() }
    }
}
