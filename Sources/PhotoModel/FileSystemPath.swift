import Foundation

/// A path as the file system holds it: bytes, which need not be UTF-8. Foundation's paths are
/// Strings, which cannot hold a name an old camera or archiver wrote in Latin-1, so the card is
/// walked and read through these.
public struct FileSystemPath: Sendable, Hashable {
    public var bytes: [UInt8]

    public init(_ path: String) {
        bytes = Array(path.utf8)
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// For messages and outputs: bytes that are not UTF-8 show as U+FFFD.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public func appending(_ name: [UInt8]) -> FileSystemPath {
        FileSystemPath(bytes: bytes + [UInt8(ascii: "/")] + name)
    }

    public func withCString<T>(_ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// The names in a folder, as bytes, without `.` and `..`.
    public func names() throws -> [[UInt8]] {
        guard let directory = withCString({ opendir($0) }) else { throw Self.error() }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        return names
    }

    /// lstat(2): the entry itself, a link not followed.
    public func linkStatus() throws -> stat {
        var info = stat()
        guard withCString({ lstat($0, &info) }) == 0 else { throw Self.error() }
        return info
    }

    /// stat(2): what the path leads to.
    public func status() throws -> stat {
        var info = stat()
        guard withCString({ stat($0, &info) }) == 0 else { throw Self.error() }
        return info
    }

    /// realpath(3): the path with every link resolved.
    public func resolved() throws -> FileSystemPath {
        guard let resolved = withCString({ realpath($0, nil) }) else { throw Self.error() }
        defer { free(resolved) }
        return FileSystemPath(bytes: Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved))))
    }

    /// The first `limit` bytes of the file, or all of it.
    public func read(limit: Int = .max) throws -> Data {
        let descriptor = withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw Self.error() }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.error() }
        // Straight into the result: one read for most files.
        var data = Data(count: min(limit, max(0, Int(info.st_size))))
        var filled = 0
        while filled < data.count {
            let count = data.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            guard count > 0 else {
                if count < 0 { throw Self.error() }
                break  // shorter than it was a moment ago
            }
            filled += count
        }
        data.count = filled
        // A file that grows meanwhile is read on to its end, or to `limit`.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while data.count < limit {
            let count = chunk.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress!, min($0.count, limit - data.count)) }
            if count < 0 { throw Self.error() }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        return data
    }

    /// read(2), again when a signal interrupted it.
    private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        while true {
            let result = Foundation.read(descriptor, buffer, count)
            if result >= 0 || errno != EINTR { return result }
        }
    }

    /// The current errno as an error whose `reason` is the system's message.
    public static func error() -> Error {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
