import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct JPEGStructureTests {
    private func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    private let sof: [UInt8] = [8, 0x01, 0xE0, 0x02, 0x80, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]

    @Test func findsExifBehindOtherAppSegments() throws {
        // Phones write APP6–APP15 before APP1; libexif's own loader gives up on those.
        let exif = Array("Exif\0\0".utf8) + [0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8, 0, 0]
        let bytes =
            [0xFF, 0xD8] + segment(0xE6, Array("NITF".utf8)) + segment(0xE9, [1, 2, 3]) + segment(0xE1, exif)
            + segment(0xC0, sof) + [0xFF, 0xDA, 0, 2, 0xFF, 0xD9]
        let structure = try JPEGStructure.parse(Data(bytes))
        #expect(structure.exifSegment == Data(exif))
        #expect(structure.frame == JPEGFrame(width: 640, height: 480, components: 3, precision: 8, process: .baseline, arithmetic: false))
        #expect(structure.problems.isEmpty)
    }

    @Test func progressiveFrame() throws {
        let structure = try JPEGStructure.parse(Data([0xFF, 0xD8] + segment(0xC2, sof) + [0xFF, 0xDA, 0, 2]))
        #expect(structure.frame?.process == .progressive)
    }

    @Test func segmentLengthThatLiesIsClippedAndReported() throws {
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF] + Array("Exif\0\0MM".utf8)
        let structure = try JPEGStructure.parse(Data(bytes))
        #expect(structure.frame == nil)
        #expect(structure.problems.contains { $0.contains("claims 65535 bytes") })
        #expect(structure.exifSegment?.count == 8)
    }

    @Test(arguments: [
        ([] as [UInt8], JPEGStructure.ParseError.empty),
        (Array("GIF89a".utf8), .notJPEG),
    ])
    func rejectsNonJPEG(bytes: [UInt8], expected: JPEGStructure.ParseError) {
        #expect(throws: expected) { try JPEGStructure.parse(Data(bytes)) }
    }

    @Test func soiAndEoiOnlyHasNoFrame() throws {
        let structure = try JPEGStructure.parse(Data([0xFF, 0xD8, 0xFF, 0xD9]))
        #expect(structure.frame == nil)
        #expect(structure.problems.contains { $0.contains("no frame header") })
    }
}
