import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct ExifValuesTests {
    @Test(
        arguments: [
            ("2026:01:15 17:04:12", "2026:01:15 17:04:12"),
            ("2026-01-15 17:04:12", "2026:01:15 17:04:12"),
            ("2024:02:29 00:00:00", "2024:02:29 00:00:00"),
            ("0000:00:00 00:00:00", nil),
            ("    :  :     :  :  ", nil),
            ("", nil),
            ("2024:02:30 12:00:00", nil),
            ("2023:02:29 12:00:00", nil),
            ("2026:13:01 12:00:00", nil),
            ("2026:01:15 24:00:00", nil),
            ("2026:01:15", nil),
        ] as [(String, String?)])
    func dates(raw: String, expected: String?) {
        #expect(ExifValues.normalizedDate(raw) == expected)
    }

    @Test(
        arguments: [
            ("+04:00", 14_400), ("-03:30", -12_600), ("+14:00", 50_400), ("+00:00", 0),
            ("+15:00", nil), ("04:00", nil), ("+4:00", nil), ("+04:60", nil), ("", nil),
        ] as [(String, Int?)])
    func offsets(raw: String, expected: Int?) {
        #expect(ExifValues.offsetSeconds(raw) == expected)
    }

    @Test(
        arguments: [
            (Array("Canon\0".utf8), "Canon"),
            (Array("NIKON D70   \0\0\0".utf8), "NIKON D70"),
            (Array("Zoë".utf8), "Zoë"),
            ([0x4A, 0x6F, 0x73, 0xE9], "José"),  // Latin-1, as older Windows tools wrote it
            (Array("A\0garbage".utf8), "A"),
            (Array("   \0".utf8), nil),
            ([0], nil),
        ] as [([UInt8], String?)])
    func text(bytes: [UInt8], expected: String?) {
        #expect(ExifValues.text(bytes) == expected)
    }

    @Test(arguments: [("813", true), ("050", true), ("123456789", true), ("1234567890", false), ("12a", false), ("", false)])
    func subSeconds(raw: String, expected: Bool) {
        #expect(ExifValues.isSubSec(raw) == expected)
    }

    @Test(arguments: ["OLYMPUS DIGITAL CAMERA", "SONY DSC", "DCIM\\100MEDIA", "   "])
    func placeholderDescriptionsDescribeNothing(text: String) {
        var metadata = PhotoMetadata()
        metadata.imageDescription = text
        #expect(metadata.meaningfulDescription == nil)
    }
}
