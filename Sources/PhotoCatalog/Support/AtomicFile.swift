import Foundation

/// Writes files the way a crash cannot half-finish: to a temporary file beside the target,
/// then rename(2). A file whose bytes are already right is left alone, so reruns do not touch
/// mtimes and downstream tools (rsync, make) see nothing new.
public enum AtomicFile {
    public enum Outcome: String, Sendable, Codable {
        case written, unchanged
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
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: "cannot rename into \(url.path): \(String(cString: strerror(errno)))"])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return .written
    }

    @discardableResult
    public static func write(_ text: String, to url: URL) throws -> Outcome {
        try write(Data(text.utf8), to: url)
    }
}
