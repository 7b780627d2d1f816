import Foundation
import PhotoModel

/// Repairs what would make libexif drop more than the damage itself, before libexif sees it,
/// and reports what libexif would drop without a word.
///
/// - A TIFF header whose byte order is right but whose magic number is not 42: libexif drops
///   the whole block silently, while the IFDs behind it are often intact (exiftool reads them).
///   The magic is set back to 42.
/// - Sub-IFD pointers (and thumbnail offsets) that point outside the block: libexif stops
///   reading an IFD at the first such pointer it cannot follow, so one damaged Exif IFD pointer
///   would also lose the GPS IFD listed after it. Renaming the entry to an unused tag number
///   keeps everything else readable.
/// - Entries whose data runs past the end of the block: libexif drops just that entry, logging
///   it only as debug chatter; each is named here.
enum ExifBlockRepair {
    /// Sub-IFD pointer tags: Exif IFD, GPS IFD, Interoperability IFD.
    static let pointerTags: [UInt16: String] = [0x8769: "Exif IFD", 0x8825: "GPS IFD", 0xA005: "Interoperability IFD"]
    /// Thumbnail offset and length: libexif treats them as pointers too, and in a sub-IFD gives
    /// up on the rest of the IFD when one is out of range.
    static let thumbnailTags: Set<UInt16> = [0x0201, 0x0202]
    /// A tag number no standard defines: libexif keeps the entry but follows nothing.
    static let inertTag: UInt16 = 0xFFFF
    /// Bytes per value of each TIFF type (BYTE … DOUBLE).
    static let typeSizes: [Int: Int] = [1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8]
    /// Enough to say what happened in a block whose every entry is garbage.
    static let maximumReports = 8

    static func repair(_ segment: Data) -> (segment: Data, problems: [String]) {
        let header = 6  // "Exif\0\0"
        guard segment.count >= header + 8 else { return (segment, []) }
        var block = TIFFBlock(bytes: [UInt8](segment), start: header)
        guard block.hasByteOrder else { return (segment, []) }
        var problems: [String] = []
        if block.read16(2) != 42 {
            problems.append("TIFF header magic number is \(block.read16(2)), not 42; repaired so that the IFDs behind it are read")
            block.write16(2, 42)
        }
        var visited = Set<Int>()
        var pending = [(offset: block.read32(4), name: "IFD0")]
        var dropped = 0
        while let (ifd, ifdName) = pending.popLast() {
            guard ifd >= 8, ifd + 2 <= block.size, visited.insert(ifd).inserted else { continue }
            for index in 0..<block.read16(ifd) {
                let entry = ifd + 2 + index * 12
                guard entry + 12 <= block.size else { break }
                let tag = UInt16(block.read16(entry))
                let value = block.read32(entry + 8)
                if let name = pointerTags[tag] {
                    if value >= 8, value + 2 <= block.size {
                        pending.append((value, name))
                    } else {
                        problems.append("\(name) pointer \(value) lies outside the \(block.size)-byte EXIF block; that IFD is lost")
                        block.write16(entry, inertTag)
                    }
                } else if thumbnailTags.contains(tag), ifdName != "IFD0", value >= block.size {
                    block.write16(entry, inertTag)  // libexif would stop reading this IFD here
                } else if let bytes = dataSize(block, entry), bytes > 4, value + bytes > block.size {
                    dropped += 1
                    if dropped <= maximumReports {
                        problems.append(
                            "\(ifdName) \(tagName(tag)): its \(bytes) bytes at offset \(value) run past the end of the \(block.size)-byte EXIF block; dropped, the rest of the IFD is read"
                        )
                    }
                }
            }
        }
        if dropped > maximumReports { problems.append("\(dropped - maximumReports) more entries run past the end of the EXIF block") }
        return (problems.isEmpty ? segment : Data(block.bytes), problems)
    }

    /// The bytes an entry's values take, or nil for an unknown type.
    private static func dataSize(_ block: TIFFBlock, _ entry: Int) -> Int? {
        typeSizes[block.read16(entry + 2)].map { $0 * block.read32(entry + 4) }
    }

    private static func tagName(_ tag: UInt16) -> String {
        let hex = String(format: "0x%04X", tag)
        guard let name = MetadataTag.table.first(where: { $0.tag == tag })?.name else { return "tag \(hex)" }
        return "\(name) (tag \(hex))"
    }
}

/// The TIFF structure inside an EXIF segment, read in its own byte order; offsets are
/// relative to the TIFF header, as the IFDs give them.
private struct TIFFBlock {
    var bytes: [UInt8]
    let start: Int

    var size: Int { bytes.count - start }
    var hasByteOrder: Bool { bytes[start] == bytes[start + 1] && (bytes[start] == 0x49 || bytes[start] == 0x4D) }
    private var bigEndian: Bool { bytes[start] == 0x4D }

    func read16(_ at: Int) -> Int {
        let (a, b) = (Int(bytes[start + at]), Int(bytes[start + at + 1]))
        return bigEndian ? a << 8 | b : b << 8 | a
    }

    func read32(_ at: Int) -> Int {
        bigEndian ? read16(at) << 16 | read16(at + 2) : read16(at + 2) << 16 | read16(at)
    }

    mutating func write16(_ at: Int, _ value: UInt16) {
        let (high, low) = (UInt8(value >> 8), UInt8(value & 0xFF))
        (bytes[start + at], bytes[start + at + 1]) = bigEndian ? (high, low) : (low, high)
    }
}
