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
        var items: [Item] = []
        try inspect(path: path) { items.append($0) }
        return items
    }

    /// Hands each file's item to `each`, in the order of the walk. Only what is printed is
    /// done: each file is opened once and its head read (the whole file only when its markers
    /// do not fit in the head), with no hash and no pixels. Files are read in batches, the
    /// files of a batch on all cores at once.
    public static func inspect(path: String, each: (Item) throws -> Void) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return try each(Item(object: nil, diagnostics: [Diagnostic(.error, .readMissing, path: path, "no such file")]))
        }
        guard isDirectory.boolValue else {
            let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int64 ?? 0
            let file = CardFile(relativePath: path, path: FileSystemPath(path), size: size, kind: .unknown)
            if let item = item(file, sourceFile: path, named: true) { try each(item) }
            return
        }
        // The scan opens no file: each is sorted by the head read here.
        let scan = try CardScanner(root: URL(fileURLWithPath: path), sniffs: false).scan()
        for diagnostic in scan.diagnostics where diagnostic.severity > .note {
            try each(Item(object: nil, diagnostics: [diagnostic]))
        }
        for start in stride(from: 0, to: scan.files.count, by: batchSize) {
            let batch = Array(scan.files[start..<min(start + batchSize, scan.files.count)])
            let items = [Item?](unsafeUninitializedCapacity: batch.count) { buffer, count in
                // Each iteration initialises its own element, and no other: no two touch the same memory.
                nonisolated(unsafe) let elements = buffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                    (elements + i).initialize(to: item(batch[i], sourceFile: path + "/" + batch[i].relativePath, named: false))
                }
                count = batch.count
            }
            for case let item? in items { try each(item) }
        }
    }

    static let batchSize = 256
    static let reader = PhotoReader(thumbnails: ThumbnailOptions(sizes: []))

    /// One file's item; nil for a file in a folder that is not a photo (the scan would skip it
    /// with a note). A file `named` on the command line is always reported.
    static func item(_ file: CardFile, sourceFile: String, named: Bool) -> Item? {
        let head: Data
        do {
            head = try file.path.read(limit: PhotoReader.headBytes)
        } catch {
            let id: Diagnostic.ID = named || FileKind.hasJPEGExtension(file.relativePath) ? .readUnreadable : .scanUnreadable
            return Item(object: nil, diagnostics: [Diagnostic(.error, id, path: file.relativePath, "cannot read the file: \(error.reason)")])
        }
        var file = file
        let first = Array(head.prefix(16))
        if named {
            file.kind = FileKind.sniff(first, fileName: file.relativePath)
        } else {
            switch CardScanner.sniff(head: first, relativePath: file.relativePath) {
            case .photo(let kind): file.kind = kind
            case .skipped(let diagnostic): return diagnostic.severity > .note ? Item(object: nil, diagnostics: [diagnostic]) : nil
            }
        }
        return item(reader.readHeader(file, head: head), sourceFile: sourceFile)
    }

    static func item(_ record: PhotoRecord, sourceFile: String) -> Item {
        guard record.frame != nil || record.metadata != nil else {
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
