import Foundation

/// One regular file found on the card.
public struct CardFile: Sendable, Equatable {
    /// Path relative to the card root, with `/` separators: the file's identity in every output.
    public var relativePath: String
    public var url: URL
    public var size: Int64
    /// Modification time in nanoseconds since 1970: with the size, how a later run knows the
    /// file is unchanged without reading it.
    public var modified: Int64
    public var kind: FileKind

    public init(relativePath: String, url: URL, size: Int64, modified: Int64 = 0, kind: FileKind) {
        self.relativePath = relativePath
        self.url = url
        self.size = size
        self.modified = modified
        self.kind = kind
    }
}

public struct ScanResult: Sendable {
    public var files: [CardFile]
    public var diagnostics: [Diagnostic]
}

/// Walks a card folder read-only, in a stable order (byte order of names at each level).
///
/// Symbolic links are never followed: a link to a photo would be the same photo twice (a
/// duplicate upload), a link to a folder can leave the card or loop. Each link is reported.
public struct CardScanner: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// Names cameras, operating systems and indexers leave on cards.
    static let systemNames: Set<String> = [
        "Thumbs.db", "desktop.ini", "System Volume Information", "$RECYCLE.BIN", "__MACOSX",
    ]

    public func scan() throws -> ScanResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw PhotoCatalogError.cardNotFound(root.path)
        }
        guard isDirectory.boolValue else { throw PhotoCatalogError.cardNotADirectory(root.path) }
        var result = ScanResult(files: [], diagnostics: [])
        walk(directory: root.path, relative: "", into: &result)
        return result
    }

    private func walk(directory: String, relative: String, into result: inout ScanResult) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            result.diagnostics.append(Diagnostic(.error, "scan.unreadable-folder", path: relative.isEmpty ? "." : relative, "cannot list folder: \(error.reason)"))
            return
        }
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            if name.hasPrefix(".") || Self.systemNames.contains(name) { continue }
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            visit(path: path, relativePath: relativePath, into: &result)
        }
    }

    private func visit(path: String, relativePath: String, into result: inout ScanResult) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            result.diagnostics.append(Diagnostic(.error, "scan.unreadable", path: relativePath, "cannot read file information: \(String(cString: strerror(errno)))"))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            walk(directory: path, relative: relativePath, into: &result)
        case S_IFLNK:
            result.diagnostics.append(Self.describeLink(at: path, relativePath: relativePath))
        case S_IFREG:
            if let file = classify(path: path, relativePath: relativePath, info: info, into: &result) {
                result.files.append(file)
            }
        default:
            result.diagnostics.append(Diagnostic(.note, "scan.special-file", path: relativePath, "not a regular file; skipped"))
        }
    }

    private func classify(path: String, relativePath: String, info: stat, into result: inout ScanResult) -> CardFile? {
        let head: [UInt8]
        do {
            head = try Self.readHead(path: path)
        } catch {
            // A photo the user expects to see fails in the read stage, which says why; anything
            // else is reported here.
            if FileKind.hasJPEGExtension(relativePath) { return file(path, relativePath, info, .unknown) }
            result.diagnostics.append(Diagnostic(.error, "scan.unreadable", path: relativePath, "cannot open: \(error.reason)"))
            return nil
        }
        let kind = FileKind.sniff(head, fileName: relativePath)
        switch kind {
        case .jpeg:
            return file(path, relativePath, info, kind)
        case .unknown where FileKind.hasJPEGExtension(relativePath):
            return file(path, relativePath, info, kind)
        case .otherImage(let format) where FileKind.hasJPEGExtension(relativePath):
            // A PNG renamed .JPG: the user thinks it is a photo, so it fails visibly.
            return file(path, relativePath, info, .otherImage(format))
        case .otherImage(let format):
            result.diagnostics.append(Diagnostic(.note, "scan.not-jpeg", path: relativePath, "\(format) file; photocat catalogues JPEG only, skipped"))
        case .video(let format):
            result.diagnostics.append(Diagnostic(.note, "scan.video", path: relativePath, "\(format) video; skipped"))
        case .unknown:
            result.diagnostics.append(Diagnostic(.note, "scan.unknown-file", path: relativePath, "not a photo; skipped"))
        }
        return nil
    }

    private func file(_ path: String, _ relativePath: String, _ info: stat, _ kind: FileKind) -> CardFile {
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return CardFile(relativePath: relativePath, url: URL(fileURLWithPath: path), size: Int64(info.st_size), modified: modified, kind: kind)
    }

    static func readHead(path: String) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        return Array(try handle.read(upToCount: 16) ?? Data())
    }

    static func describeLink(at path: String, relativePath: String) -> Diagnostic {
        var target = stat()
        if stat(path, &target) != 0 {
            let id = errno == ELOOP ? "scan.symlink-loop" : "scan.dangling-symlink"
            let what = errno == ELOOP ? "symbolic link loop" : "symbolic link to a missing file"
            return Diagnostic(.warning, id, path: relativePath, "\(what); skipped")
        }
        let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
        return Diagnostic(.note, "scan.symlink", path: relativePath, "symbolic link to \(destination); links are not followed, skipped")
    }
}
