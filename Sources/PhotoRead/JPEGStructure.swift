import Foundation
import PhotoModel

/// The markers of a JPEG up to the start of scan, walked without any C library:
/// where the EXIF block is, what the frame is, and what was wrong with the structure.
public struct JPEGStructure: Sendable, Equatable {
    public var frame: JPEGFrame?
    /// The first APP1 segment that starts with `Exif\0\0`, header included (what libexif loads).
    public var exifSegment: Data?
    /// Structural problems found on the way (lying lengths, no frame).
    public var problems: [String] = []
    /// Oddities that cost nothing: bytes between segments that belong to none. libjpeg skips
    /// them with a warning ("extraneous bytes before marker") and every viewer shows the photo.
    public var notes: [String] = []
    /// Whether the walk reached the start of scan: everything before the pixels was seen.
    public var reachedScan = false

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case notJPEG
        case empty

        public var description: String {
            switch self {
            case .notJPEG: "not a JPEG file (no SOI marker)"
            case .empty: "empty file"
            }
        }
    }

    /// Walks the markers in `data`. Never reads out of bounds: a segment whose length runs past
    /// the end is clipped and reported.
    public static func parse(_ data: Data) throws -> JPEGStructure {
        try data.withUnsafeBytes { raw in try parse(raw.bindMemory(to: UInt8.self)) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JPEGStructure {
        guard !bytes.isEmpty else { throw ParseError.empty }
        guard bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xD8 else { throw ParseError.notJPEG }
        var structure = JPEGStructure()
        var offset = 2
        while offset < bytes.count {
            let skipFrom = offset
            guard let (marker, discarded) = nextMarker(bytes, from: &offset) else {
                structure.problems.append("no marker in the last \(bytes.count - skipFrom) bytes before the end of the file")
                break
            }
            if discarded > 0 {
                structure.notes.append(
                    "\(discarded) extraneous byte\(discarded == 1 ? "" : "s") before marker \(name(marker)) at offset \(skipFrom), skipped as libjpeg does"
                )
            }
            if marker == 0xD9 { break }  // EOI before any scan
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }  // no length
            guard offset + 2 <= bytes.count else {
                structure.problems.append("file ends inside the length of marker \(name(marker))")
                break
            }
            let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
            guard length >= 2 else {
                structure.problems.append("marker \(name(marker)) has an impossible length \(length)")
                break
            }
            let start = offset + 2
            var end = offset + length
            if end > bytes.count {
                structure.problems.append(
                    "segment \(name(marker)) claims \(length) bytes but the file ends \(end - bytes.count) bytes early"
                )
                end = bytes.count
            }
            structure.take(marker: marker, payload: bytes[start..<end])
            if marker == 0xDA {  // start of scan: the header is over
                structure.reachedScan = end == offset + length  // its own header whole
                return structure.finished()
            }
            offset = end
        }
        return structure.finished()
    }

    /// Finds the next marker as libjpeg's `next_marker` does: bytes up to the next 0xFF are
    /// discarded, 0xFF fill bytes skipped, and 0xFF 0x00 (no marker) discarded too. Returns the
    /// marker code and how many bytes were discarded, or nil at the end of the file.
    private static func nextMarker(_ bytes: UnsafeBufferPointer<UInt8>, from offset: inout Int) -> (UInt8, Int)? {
        var discarded = 0
        while true {
            while offset < bytes.count, bytes[offset] != 0xFF {
                offset += 1
                discarded += 1
            }
            while offset < bytes.count, bytes[offset] == 0xFF { offset += 1 }
            guard offset < bytes.count else { return nil }
            let code = bytes[offset]
            offset += 1
            if code != 0x00 { return (code, discarded) }
            discarded += 2
        }
    }

    /// "0xFFDB", as JPEG references name markers.
    private static func name(_ marker: UInt8) -> String { "0xFF" + String(marker, radix: 16, uppercase: true) }

    private mutating func take(marker: UInt8, payload: Slice<UnsafeBufferPointer<UInt8>>) {
        switch marker {
        case 0xE1 where exifSegment == nil && payload.starts(with: Array("Exif\0\0".utf8)):
            exifSegment = Data(payload)
        case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
            if frame == nil { frame = Self.frame(marker: marker, payload: payload) }
            if frame == nil { problems.append("frame header is too short") }
        default:
            break
        }
    }

    private static func frame(marker: UInt8, payload: Slice<UnsafeBufferPointer<UInt8>>) -> JPEGFrame? {
        guard payload.count >= 6 else { return nil }
        let p = payload.startIndex
        let kind = marker & 0x0F
        let process: JPEGFrame.Process =
            switch kind {
            case 0x0, 0x8: .baseline
            case 0x1, 0x9: .extended
            case 0x2, 0xA: .progressive
            default: .lossless
            }
        return JPEGFrame(
            width: Int(payload[p + 3]) << 8 | Int(payload[p + 4]),
            height: Int(payload[p + 1]) << 8 | Int(payload[p + 2]),
            components: Int(payload[p + 5]),
            precision: Int(payload[p]),
            process: process,
            arithmetic: kind >= 0x9
        )
    }

    private func finished() -> JPEGStructure {
        var copy = self
        if frame == nil { copy.problems.append("no frame header (SOF): there is no image in this file") }
        return copy
    }
}
