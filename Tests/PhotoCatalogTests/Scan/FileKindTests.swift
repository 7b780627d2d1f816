import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct FileKindTests {
    @Test(
        arguments: [
            ([0xFF, 0xD8, 0xFF, 0xE1], "IMG_0001.JPG", FileKind.jpeg),
            ([0xFF, 0xD8, 0xFF, 0xDB], "photo.png", .jpeg),
            ([0xFF, 0xD8, 0x00, 0x2A], "stray-bytes-after-soi.jpg", .jpeg),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "screenshot.JPG", .otherImage("PNG")),
            ([0x49, 0x49, 0x2A, 0x00, 0x10, 0x00], "IMG_0001.CR2", .otherImage("CR2")),
            ([0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00], "scan.tif", .otherImage("TIFF")),
            ([0x49, 0x49, 0x55, 0x00], "P1000001.RW2", .otherImage("RW2")),
            ([0, 0, 0, 0x18] + Array("ftypheic".utf8), "IMG_0001.HEIC", .otherImage("HEIF")),
            ([0, 0, 0, 0x18] + Array("ftypqt  ".utf8), "MVI_0001.MOV", .video("QuickTime")),
            (Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8), "a.webp", .otherImage("WebP")),
            (Array("hello".utf8), "notes.jpg", .unknown),
            ([], "empty.jpg", .unknown),
        ] as [([UInt8], String, FileKind)])
    func sniffsByContentNotName(head: [UInt8], name: String, expected: FileKind) {
        #expect(FileKind.sniff(head, fileName: name) == expected)
    }

    @Test(arguments: [("IMG_0001.JPG", true), ("a.jpeg", true), ("b.JPE", true), ("c.png", false), ("IMG_0001", false)])
    func jpegExtensions(name: String, expected: Bool) {
        #expect(FileKind.hasJPEGExtension(name) == expected)
    }
}
