import Foundation
import PhotoModel

/// `photocat inspect`: what photocat reads from photos, in exiftool's shape.
public enum Inspector {
    public struct Item: Sendable {
        /// Nil when the file could not be read as a JPEG.
        public var object: JSONValue?
        public var diagnostics: [Diagnostic]

        /// A file with an error: one that could not be read, or read only in part (its EXIF but
        /// no image). A passed-over symlink is not (a note or warning).
        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// A file, or every photo-like file in a folder (walked like a card).
    public static func inspect(path: String) throws -> [Item] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return [Item(object: nil, diagnostics: [Diagnostic(.error, .readMissing, path: path, "no such file")])]
        }
        let reader = PhotoReader(thumbnails: ThumbnailOptions(sizes: []))
        if isDirectory.boolValue {
            let scan = try CardScanner(root: URL(fileURLWithPath: path)).scan()
            let skipped = scan.diagnostics.filter { $0.severity > .note }.map { Item(object: nil, diagnostics: [$0]) }
            return skipped + scan.files.map { item(reader.read($0), sourceFile: path + "/" + $0.relativePath) }
        }
        let url = URL(fileURLWithPath: path)
        let head = (try? CardScanner.readHead(path: FileSystemPath(path))) ?? []
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let file = CardFile(
            relativePath: path, url: url, size: (attributes?[.size] as? Int64) ?? 0,
            kind: FileKind.sniff(head, fileName: path))
        return [item(reader.read(file), sourceFile: path)]
    }

    static func item(_ record: PhotoRecord, sourceFile: String) -> Item {
        guard record.sha1 != nil, record.frame != nil || record.metadata != nil else {
            return Item(object: nil, diagnostics: record.diagnostics)
        }
        return Item(
            object: ExiftoolJSON.object(sourceFile: sourceFile, frame: record.frame, metadata: record.metadata ?? PhotoMetadata()),
            diagnostics: record.diagnostics)
    }

    /// `Key: value` lines for people.
    public static func text(_ object: JSONValue) -> String {
        guard case .object(let members) = object else { return object.serialized() }
        return members.map { key, value in
            let shown: String = if case .string(let s) = value { s } else { value.serialized() }
            return "\(key.padding(toLength: 20, withPad: " ", startingAt: 0)) \(shown)"
        }.joined(separator: "\n") + "\n"
    }
}
