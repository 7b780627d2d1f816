import Foundation
import Testing
import PhotoModel
import SampleCard
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// What the writer puts in, the reader must get back: both sides of libexif agree.
@Suite struct ExifRoundTripTests {
    static func everything() -> PhotoMetadata {
        var m = PhotoMetadata()
        m.make = "Canon"
        m.model = "Canon EOS R6"
        m.serialNumber = "012345678901"
        m.lensModel = "RF24-105mm F4 L IS USM"
        m.dateTimeOriginal = "2026:01:15 17:04:12"
        m.createDate = "2026:01:15 17:04:12"
        m.modifyDate = "2026:01:16 09:00:00"
        m.subSecTimeOriginal = "050"
        m.subSecTimeDigitized = "051"
        m.subSecTime = "7"
        m.offsetTimeOriginal = "-03:30"
        m.offsetTimeDigitized = "-03:30"
        m.offsetTime = "+01:00"
        m.orientation = 6
        m.exposureTime = 1.0 / 250
        m.fNumber = 4
        m.iso = 6400
        m.focalLength = 24
        m.focalLengthIn35mmFormat = 38
        m.flash = 16
        m.gpsDateStamp = "2026:01:15"
        m.gpsTimeStamp = "13:04:12.5"
        m.userComment = "Cake, second try"
        m.gps = GPSPosition(latitude: -33.8568, longitude: -151.2153, altitude: -12.5, imageDirection: 271.25, imageDirectionRef: "M")
        m.artist = "Leyla Məmmədova"
        m.copyright = "CC BY-SA 4.0"
        m.imageDescription = "Birthday cake"
        return m
    }

    @Test(arguments: [ExifWriter.ByteOrder.bigEndian, .littleEndian])
    func everyFieldSurvives(order: ExifWriter.ByteOrder) throws {
        let original = Self.everything()
        let result = ExifReader.read(segment: try ExifWriter.segment(for: original, byteOrder: order))
        #expect(result.problems.isEmpty)
        var read = result.metadata
        // GPS goes through degrees/minutes/seconds rationals: compare to 1e-6 degrees (~10 cm).
        let gps = try #require(read.gps)
        #expect(abs(gps.latitude - -33.8568) < 1e-6)
        #expect(abs(gps.longitude - -151.2153) < 1e-6)
        #expect(gps.altitude == -12.5)
        #expect(gps.imageDirection == 271.25)
        #expect(gps.imageDirectionRef == "M")
        read.gps = original.gps
        #expect(read == original)
    }

    /// A phone without a fix still records where it pointed: the heading is kept, and shown by
    /// `inspect`, though there is no position.
    @Test func aHeadingWithoutAPositionIsKept() throws {
        var m = PhotoMetadata()
        m.imageDirection = 135.5
        m.imageDirectionRef = "M"
        let read = ExifReader.read(segment: try ExifWriter.segment(for: m)).metadata
        #expect(read.gps == nil && read.imageDirection == 135.5 && read.imageDirectionRef == "M")
        let json = ExiftoolJSON.object(sourceFile: "a.jpg", frame: nil, metadata: read).serialized()
        #expect(json == #"{"SourceFile":"a.jpg","GPSImgDirection":135.5,"GPSImgDirectionRef":"M"}"#)
    }

    /// exiftool prints text that is a plain number as a JSON number, and anything else (a
    /// leading zero, a second dot, a letter) as text; `inspect --json` must do the same.
    @Test(arguments: [
        ("813", "813"), ("050", #""050""#), ("0", "0"), ("-12", "-12"), ("1.5", "1.5"), ("1e3", "1000"),
        ("2.5E-2", "0.025"), ("1.", #""1.""#), (".5", #"".5""#), ("1.2.3", #""1.2.3""#), ("12a", #""12a""#),
        ("-", #""-""#), ("", #""""#), ("1234567890123456", #""1234567890123456""#), ("1e1234", #""1e1234""#),
    ])
    func textThatIsANumberIsPrintedAsOne(text: String, json: String) {
        var m = PhotoMetadata()
        m.serialNumber = text
        let object = ExiftoolJSON.object(sourceFile: "a.jpg", frame: nil, metadata: m).serialized()
        #expect(object == #"{"SourceFile":"a.jpg","SerialNumber":"# + json + "}")
    }

    /// The tag table is the one list of what photocat reads: a photo holding every field shows
    /// each of them in `inspect --json`, under the table's names and in its order.
    @Test func inspectShowsEveryFieldOfTheTagTable() throws {
        let segment = try ExifWriter.segment(for: Self.everything())
        let metadata = ExifReader.read(segment: segment).metadata
        let frame = JPEGFrame(width: 6000, height: 4000, components: 3, precision: 8, process: .baseline, arithmetic: false)
        guard case .object(let members) = ExiftoolJSON.object(sourceFile: "a.jpg", frame: frame, metadata: metadata) else {
            Issue.record("not an object")
            return
        }
        let names = members.map(\.0)
        let expected =
            ["SourceFile"]
            + MetadataTag.table.flatMap { row -> [String] in
                switch row.kind {
                case .frameSize: ["ImageWidth", "ImageHeight"]
                case .gpsPosition: ["GPSLatitude", "GPSLongitude", "GPSAltitude", "GPSImgDirection", "GPSImgDirectionRef"]
                default: [row.name]
                }
            }
        #expect(names == expected)
    }

    @Test func invalidValuesAreReportedNotPassedOn() throws {
        var m = PhotoMetadata()
        m.make = "Canon"
        m.dateTimeOriginal = "0000:00:00 00:00:00"
        m.orientation = 9
        m.offsetTimeOriginal = "+25:00"
        let result = ExifReader.read(segment: try ExifWriter.segment(for: m))
        #expect(result.metadata.make == "Canon")
        #expect(result.metadata.dateTimeOriginal == nil)
        #expect(result.metadata.orientation == nil)
        #expect(result.metadata.offsetTimeOriginal == nil)
        #expect(result.problems.count == 3)
    }

    @Test func garbageIsNotACrash() {
        for length in [0, 1, 6, 12, 40] {
            let bytes = Array("Exif\0\0MM\0*".utf8) + [UInt8](repeating: 0xFF, count: length)
            let result = ExifReader.read(segment: Data(bytes))
            #expect(result.metadata == PhotoMetadata())
        }
    }
}
