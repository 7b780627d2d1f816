import Foundation
import PhotoModel

/// Neutralises IFD pointers that point outside the EXIF block before libexif sees it.
///
/// libexif stops reading an IFD at the first sub-IFD pointer it cannot follow, so one damaged
/// Exif IFD pointer in IFD0 also loses the GPS IFD listed after it. Renaming such an entry to an
/// unused tag number keeps everything else readable; what was lost is reported.
enum ExifBlockRepair {
    /// Sub-IFD pointer tags: Exif IFD, GPS IFD, Interoperability IFD.
    static let pointerTags: [UInt16: String] = [0x8769: "Exif IFD", 0x8825: "GPS IFD", 0xA005: "Interoperability IFD"]
    /// A tag number no standard defines: libexif keeps the entry but follows nothing.
    static let inertTag: UInt16 = 0xFFFF

    static func repair(_ segment: Data) -> (segment: Data, problems: [String]) {
        let header = 6  // "Exif\0\0"
        guard segment.count >= header + 8 else { return (segment, []) }
        var bytes = [UInt8](segment)
        let bigEndian = bytes[header] == 0x4D
        func read16(_ at: Int) -> Int {
            bigEndian ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : Int(bytes[at + 1]) << 8 | Int(bytes[at])
        }
        func read32(_ at: Int) -> Int {
            bigEndian ? read16(at) << 16 | read16(at + 2) : read16(at + 2) << 16 | read16(at)
        }
        let tiffSize = bytes.count - header
        var problems: [String] = []
        var visited = Set<Int>()
        var pending = [read32(header + 4)]
        while let ifd = pending.popLast() {
            guard ifd >= 8, ifd + 2 <= tiffSize, visited.insert(ifd).inserted else { continue }
            let count = read16(header + ifd)
            for index in 0..<count {
                let entry = header + ifd + 2 + index * 12
                guard entry + 12 <= bytes.count else { break }
                let tag = UInt16(read16(entry))
                guard let name = pointerTags[tag] else { continue }
                let target = read32(entry + 8)
                if target >= 8, target + 2 <= tiffSize {
                    pending.append(target)
                } else {
                    problems.append("\(name) pointer \(target) lies outside the \(tiffSize)-byte EXIF block; that IFD is lost")
                    bytes[entry] = UInt8(inertTag >> 8)
                    bytes[entry + 1] = UInt8(inertTag & 0xFF)
                }
            }
        }
        return (problems.isEmpty ? segment : Data(bytes), problems)
    }
}
