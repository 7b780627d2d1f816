import Foundation
import PhotoModel

/// The read stage for one photo: the file is read once, then hashed, its markers walked, its
/// EXIF read and its thumbnails rendered from the same bytes. Whatever goes wrong becomes the
/// record's failure or diagnostics; nothing is thrown, so one bad photo never stops the batch.
public struct PhotoReader: Sendable {
    public var thumbnails: ThumbnailOptions
    /// Shared by the readers of one run: photos with the same bytes are rendered once.
    public var claims: ThumbnailClaims?

    public init(thumbnails: ThumbnailOptions, claims: ThumbnailClaims? = nil) {
        self.thumbnails = thumbnails
        self.claims = claims
    }

    public func read(_ file: CardFile) -> PhotoRecord {
        var record = PhotoRecord(key: file.key)
        if file.size == 0 { return failed(record, .readEmpty, "empty file (0 bytes)") }
        let data: Data
        do {
            data = try StageTimes.measure(&record.times.read) { try file.path.read() }
        } catch {
            return failed(record, .readUnreadable, "cannot read the file: \(error.reason)")
        }
        if let (id, message) = refusal(file) { return failed(record, id, message) }
        record.sha1 = StageTimes.measure(&record.times.hash) {
            Fingerprint.sha1(data)
        }
        guard let structure = readStructure(Result { try JPEGStructure.parse(data) }, of: file, into: &record) else { return record }
        renderThumbnails(data, into: &record, strayBytesNoted: !structure.notes.isEmpty)
        return record
    }

    /// How many bytes `readHeader` is given: the markers before the scan (EXIF, at most 64 KB,
    /// and the frame header) fit in them for nearly every camera's photos.
    public static let headBytes = 128 * 1024

    /// The frame and the EXIF only, for `inspect`: no hash, no pixels. `head` is the file's
    /// first `headBytes` (the caller's one read); the whole file is read only when the markers
    /// before the scan do not all fit in it (a large ICC profile, say).
    public func readHeader(_ file: CardFile, head: Data) -> PhotoRecord {
        var record = PhotoRecord(key: file.key)
        if head.isEmpty { return failed(record, .readEmpty, "empty file (0 bytes)") }
        if let (id, message) = refusal(file) { return failed(record, id, message) }
        var parsed = Result { try JPEGStructure.parse(head) }
        if case .success(let structure) = parsed, !structure.reachedScan, head.count < file.size {
            let whole: Data
            do {
                whole = try file.path.read()
            } catch {
                return failed(record, .readUnreadable, "cannot read the file: \(error.reason)")
            }
            parsed = Result { try JPEGStructure.parse(whole) }
        }
        _ = readStructure(parsed, of: file, into: &record)
        return record
    }

    /// Why a file of this kind is not read as a photo, or nil for a JPEG.
    private func refusal(_ file: CardFile) -> (Diagnostic.ID, String)? {
        switch file.kind {
        case .jpeg:
            return nil
        case .otherImage(let format) where FileKind.hasJPEGExtension(file.relativePath):
            return (.scanNotJPEG, "named like a JPEG but holds \(format) data")
        case .otherImage(let format):
            return (.scanNotJPEG, "a \(format) file, not a JPEG; photocat reads JPEG photos only")
        case .video(let format) where !FileKind.hasJPEGExtension(file.relativePath):
            return (.scanNotJPEG, "a \(format) video, not a JPEG; photocat reads JPEG photos only")
        default:
            let named = FileKind.hasJPEGExtension(file.relativePath) ? "named like a JPEG but is" : "this is"
            return (.scanNotJPEG, "\(named) not an image photocat recognises")
        }
    }

    /// The marker walk's result, the frame and the EXIF into `record`; nil when there is no
    /// image to decode (the record has failed).
    private func readStructure(_ parsed: Result<JPEGStructure, Error>, of file: CardFile, into record: inout PhotoRecord) -> JPEGStructure? {
        let structure: JPEGStructure
        do {
            structure = try parsed.get()
        } catch {
            record = failed(record, .jpegNotJPEG, "\(error)")
            return nil
        }
        record.frame = structure.frame
        var metadataTime = Duration.zero
        StageTimes.measure(&metadataTime) { readMetadata(structure, into: &record) }
        record.times.metadata += metadataTime
        guard structure.frame != nil else {
            record = failed(record, .jpegNoFrame, structure.problems.last ?? "no image data")
            return nil
        }
        for problem in structure.problems {
            record.diagnostics.append(Diagnostic(.warning, .jpegStructure, path: file.relativePath, problem))
        }
        for note in structure.notes {
            record.diagnostics.append(Diagnostic(.note, .jpegStructure, path: file.relativePath, note))
        }
        return structure
    }

    private func readMetadata(_ structure: JPEGStructure, into record: inout PhotoRecord) {
        guard let segment = structure.exifSegment else {
            record.metadata = PhotoMetadata()
            record.diagnostics.append(Diagnostic(.note, .exifMissing, path: record.relativePath, "no EXIF data: no capture time, camera or position"))
            return
        }
        let exif = ExifReader.read(segment: segment)
        record.metadata = exif.metadata
        for problem in exif.problems {
            record.diagnostics.append(Diagnostic(.warning, .exifInvalid, path: record.relativePath, problem))
        }
        switch exif.metadata.captureDate?.source {
        case nil:
            record.diagnostics.append(
                Diagnostic(.warning, .exifNoDate, path: record.relativePath, "no capture time in the EXIF data; the page's date stays empty"))
        case .createDate?, .modifyDate?:
            record.diagnostics.append(
                Diagnostic(
                    .note, .exifDateFallback, path: record.relativePath,
                    "no DateTimeOriginal; capture time taken from \(exif.metadata.captureDate!.source.rawValue)"))
        default:
            break
        }
    }

    private func renderThumbnails(_ data: Data, into record: inout PhotoRecord, strayBytesNoted: Bool) {
        guard let sha1 = record.sha1 else { return }
        if let claims, !claims.claim(sha1) {
            // Another file on the card has these bytes: it renders them; this one is a duplicate.
            record.thumbnails = thumbnails.sizes.sorted().map { ThumbnailFile(size: $0, sha1: sha1) }
            return
        }
        do {
            record.decoded = !thumbnails.sizes.isEmpty
            let set = try Thumbnailer.render(jpeg: data, orientation: record.metadata?.orientation, options: thumbnails)
            record.times = record.times + set.times
            record.rendered = set.thumbnails
            record.signals = set.signals
            record.thumbnails = set.thumbnails.map { ThumbnailFile(size: $0.size, sha1: sha1) }
            note(set.warnings, in: &record, strayBytesNoted: strayBytesNoted)
        } catch let error as JPEGCodecError {
            let id: Diagnostic.ID =
                switch error {
                case .tooLarge: .jpegTooLarge
                case .unsupported: .jpegUnsupported
                default: .jpegCorrupt
                }
            record = failed(record, id, error.description)
        } catch {
            record = failed(record, .jpegCorrupt, error.reason)
        }
    }

    /// Damage fails the photo (or warns, under `--fail-on unreadable`): libjpeg guessed pixels,
    /// so it must never be uploaded silently. Harmless warnings are a note, unless the marker
    /// walk already noted the same stray bytes.
    private func note(_ warnings: DecodeWarnings, in record: inout PhotoRecord, strayBytesNoted: Bool) {
        if let first = warnings.firstDamage {
            let count = warnings.damageCount
            let damage = "damaged image data: \(first) (\(count) warning\(count == 1 ? "" : "s"))"
            switch thumbnails.failOn {
            case .damaged:
                record.failure = damage
                record.diagnostics.append(Diagnostic(.error, .jpegDamaged, path: record.relativePath, damage))
            case .unreadable:
                record.warnings.append(damage + "; kept by --fail-on unreadable, check it before uploading")
                record.diagnostics.append(Diagnostic(.warning, .jpegDamaged, path: record.relativePath, damage))
            }
        }
        if let first = warnings.firstHarmless, !strayBytesNoted {
            record.diagnostics.append(
                Diagnostic(.note, .jpegStructure, path: record.relativePath, "libjpeg: \(first); the picture is whole"))
        }
    }

    private func failed(_ record: PhotoRecord, _ id: Diagnostic.ID, _ message: String) -> PhotoRecord {
        var copy = record
        copy.failure = message
        copy.diagnostics.append(Diagnostic(.error, id, path: record.relativePath, message))
        return copy
    }
}
