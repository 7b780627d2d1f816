import Foundation
import PhotoModel
import PhotoRead
import Testing

/// Cameras do not always store a value in the type the standard gives it: some write FNumber
/// and FocalLength as DOUBLE or FLOAT, ISO as RATIONAL, Flash as LONG. Each is read all the same.
@Suite struct ExifTypesTests {
    struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: UInt32
        var value: [UInt8]
    }

    /// `Exif\0\0` and a little-endian TIFF block whose IFD0 points to an Exif IFD with `entries`
    /// (given in tag order).
    static func segment(exif entries: [Entry]) -> Data {
        func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        let exifIFD: UInt32 = 8 + 18
        var data: [UInt8] = []
        var dataOffset = exifIFD + 2 + 12 * UInt32(entries.count) + 4
        var directory = le16(UInt16(entries.count))
        for entry in entries {
            directory += le16(entry.tag) + le16(entry.type) + le32(entry.count)
            if entry.value.count <= 4 {
                directory += entry.value + [UInt8](repeating: 0, count: 4 - entry.value.count)
            } else {
                directory += le32(dataOffset)
                data += entry.value
                dataOffset += UInt32(entry.value.count)
            }
        }
        directory += le32(0)
        let ifd0 = le16(1) + le16(0x8769) + le16(4) + le32(1) + le32(exifIFD) + le32(0)
        return Data(Array("Exif".utf8) + [0, 0] + [0x49, 0x49, 0x2A, 0x00] + le32(8) + ifd0 + directory + data)
    }

    static func bytes<T>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }  // little-endian on every machine photocat runs on
    }

    @Test func everyNumericTypeIsRead() {
        let segment = Self.segment(exif: [
            Entry(tag: 0x829D, type: 12, count: 1, value: Self.bytes((2.8).bitPattern)),  // FNumber as DOUBLE
            Entry(tag: 0x8827, type: 5, count: 1, value: Self.bytes(UInt32(800)) + Self.bytes(UInt32(1))),  // ISO as RATIONAL
            Entry(tag: 0x9209, type: 4, count: 1, value: Self.bytes(UInt32(16))),  // Flash as LONG
            Entry(tag: 0x920A, type: 11, count: 1, value: Self.bytes(Float(35).bitPattern)),  // FocalLength as FLOAT
        ])
        let metadata = ExifReader.read(segment: segment).metadata
        #expect(metadata.fNumber == 2.8)
        #expect(metadata.iso == 800)
        #expect(metadata.flash == 16)
        #expect(metadata.focalLength == 35)
    }
}
