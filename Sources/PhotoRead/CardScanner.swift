import Foundation
import PhotoModel

public struct ScanResult: Sendable {
    public var files: [CardFile]
    public var diagnostics: [Diagnostic]
}

/// Walks a card folder read-only, in a stable order (byte order of names at each level).
///
/// Symbolic links: a link to a file inside the card is read like a file (it is the same photo
/// under a second name, so the batch marks it a duplicate of the first); a link to a folder is
/// never followed (it can loop or walk the same photos twice); a link leading off the card, a
/// dangling link and a link loop are skipped. Each link is reported.
public struct CardScanner: Sendable {
    public var root: URL
    /// Whether the scan opens each file to tell photos from other files by their first bytes.
    /// A caller that reads every file anyway (`inspect`) scans without, and sorts each file with
    /// `sniff(head:relativePath:)` from its own read: one open per file.
    public var sniffs: Bool

    public init(root: URL, sniffs: Bool = true) {
        self.root = root.standardizedFileURL
        self.sniffs = sniffs
    }

    /// What the scan makes of a file from its first bytes (16 are enough) and its name.
    public enum Sniffed: Sendable, Equatable {
        /// A photo to read, or a file the user will expect to be one (named .JPG): it fails in
        /// the read stage, which says why.
        case photo(FileKind)
        /// Not a photo: skipped, with a note (or an error) saying why.
        case skipped(Diagnostic)
    }

    public static func sniff(head: [UInt8], relativePath: String) -> Sniffed {
        let kind = FileKind.sniff(head, fileName: relativePath)
        switch kind {
        case .jpeg:
            return .photo(kind)
        case .unknown where FileKind.hasJPEGExtension(relativePath):
            return .photo(kind)
        case .otherImage(let format) where FileKind.hasJPEGExtension(relativePath):
            // A PNG renamed .JPG: the user thinks it is a photo, so it fails visibly.
            return .photo(.otherImage(format))
        case .otherImage(let format):
            return .skipped(Diagnostic(.note, .scanNotJPEG, path: relativePath, "\(format) file; photocat catalogues JPEG only, skipped"))
        case .video(let format):
            return .skipped(Diagnostic(.note, .scanVideo, path: relativePath, "\(format) video; skipped"))
        case .unknown:
            return .skipped(Diagnostic(.note, .scanUnknownFile, path: relativePath, "not a photo; skipped"))
        }
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
        let rootPath = FileSystemPath(root.path)
        // The card's own path with its links resolved, to tell where a link leads.
        let realRoot = (try? rootPath.resolved()) ?? rootPath
        var walk = Walk(realRoot: realRoot, sniffs: sniffs)
        walk.folder(rootPath, relative: nil)
        return walk.result
    }

    static func readHead(path: FileSystemPath) throws -> [UInt8] {
        Array(try path.read(limit: 16))
    }

    /// One walk over the card, collecting files and diagnostics.
    private struct Walk {
        let realRoot: FileSystemPath
        let sniffs: Bool
        var result = ScanResult(files: [], diagnostics: [])

        /// `relative` is the folder's path below the card root (nil for the root itself).
        mutating func folder(_ directory: FileSystemPath, relative: PathKey?) {
            let names: [[UInt8]]
            do {
                names = try directory.names()
            } catch {
                result.diagnostics.append(
                    Diagnostic(.error, .scanUnreadableFolder, path: relative?.display ?? ".", "cannot list folder: \(error.reason)"))
                return
            }
            for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                if name.first == UInt8(ascii: ".") || CardScanner.systemNames.contains(String(decoding: name, as: UTF8.self)) { continue }
                let key = PathKey(bytes: relative.map { $0.bytes + [UInt8(ascii: "/")] + name } ?? name)
                if String(validating: name, as: UTF8.self) == nil {
                    result.diagnostics.append(
                        Diagnostic(
                            .note, .scanNameNotUTF8, path: key.display,
                            "the name is not UTF-8 (an old camera or archiver?); each such byte is shown as \\xNN, the file is read as it is"))
                }
                visit(directory.appending(name), key: key)
            }
        }

        mutating func visit(_ path: FileSystemPath, key: PathKey) {
            let relativePath = key.display
            let info: stat
            do {
                info = try path.linkStatus()
            } catch {
                result.diagnostics.append(Diagnostic(.error, .scanUnreadable, path: relativePath, "cannot read file information: \(error.reason)"))
                return
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                folder(path, relative: key)
            case S_IFLNK:
                if let file = followLink(path, key: key) { result.files.append(file) }
            case S_IFREG:
                if let file = classify(path, key: key, info: info) { result.files.append(file) }
            default:
                result.diagnostics.append(Diagnostic(.note, .scanSpecialFile, path: relativePath, "not a regular file; skipped"))
            }
        }

        /// A link to a regular file inside the card, as a file (with the target's size and
        /// time); anything else is reported and skipped.
        mutating func followLink(_ path: FileSystemPath, key: PathKey) -> CardFile? {
            let relativePath = key.display
            let target: stat
            do {
                target = try path.status()
            } catch {
                let loop = (error as? POSIXError)?.code == .ELOOP
                result.diagnostics.append(
                    Diagnostic(
                        .warning, loop ? .scanSymlinkLoop : .scanDanglingSymlink, path: relativePath,
                        "\(loop ? "symbolic link loop" : "symbolic link to a missing file"); skipped"))
                return nil
            }
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path.string)) ?? "?"
            guard target.st_mode & S_IFMT == S_IFREG else {
                result.diagnostics.append(
                    Diagnostic(
                        .note, .scanSymlink, path: relativePath,
                        "symbolic link to the folder \(destination); links to folders are not followed"))
                return nil
            }
            let inside = (try? path.resolved()).map { $0.bytes.starts(with: realRoot.bytes + [UInt8(ascii: "/")]) } ?? false
            guard inside else {
                result.diagnostics.append(
                    Diagnostic(
                        .warning, .scanSymlinkOutside, path: relativePath,
                        "symbolic link to \(destination), outside the card; skipped"))
                return nil
            }
            // No note: the batch already says it, the link being a duplicate of the photo it names.
            return classify(path, key: key, info: target)
        }

        mutating func classify(_ path: FileSystemPath, key: PathKey, info: stat) -> CardFile? {
            let relativePath = key.display
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            func file(_ kind: FileKind) -> CardFile {
                CardFile(key: key, path: path, size: Int64(info.st_size), modified: modified, kind: kind)
            }
            guard sniffs else { return file(.unknown) }
            let head: [UInt8]
            do {
                head = try CardScanner.readHead(path: path)
            } catch {
                // A photo the user expects to see fails in the read stage, which says why; anything
                // else is reported here.
                if FileKind.hasJPEGExtension(relativePath) { return file(.unknown) }
                result.diagnostics.append(Diagnostic(.error, .scanUnreadable, path: relativePath, "cannot open: \(error.reason)"))
                return nil
            }
            switch CardScanner.sniff(head: head, relativePath: relativePath) {
            case .photo(let kind):
                return file(kind)
            case .skipped(let diagnostic):
                result.diagnostics.append(diagnostic)
            }
            return nil
        }
    }
}
