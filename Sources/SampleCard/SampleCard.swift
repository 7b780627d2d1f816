import Foundation
import PhotoModel
import PhotoRead

/// The sample card in fixtures/: the Azerbaijani Wikimedians' "Wikipedia 25" birthday meetup in
/// Baku on 2026-01-15, shot on two cameras; the second one's clock was 1 h 02 min behind. It holds the cases a real card has: GPS on some
/// photos, cameras held upright (Orientation 6 and 8), a photo without EXIF, a photo cut short,
/// a photo copied twice, a burst of three frames with one out of focus, and a RAW file beside
/// the JPEGs.
public enum SampleCard {
    public enum Content: Sendable {
        case photo(PhotoMetadata?, seed: UInt64, portrait: Bool)
        /// Another frame of a burst: the picture of `seed`, the camera moved by `shift` pixels,
        /// and out of focus when `blur` (a Gaussian's sigma, in pixels) is above zero.
        case burstFrame(PhotoMetadata, seed: UInt64, portrait: Bool, shift: Int, blur: Double)
        /// The photo at `of`, cut to half its length (a card pulled out mid-write).
        case truncated(of: String)
        case copy(of: String)
        /// A RAW file: only a TIFF header, enough to be recognised and skipped.
        case raw
    }

    public struct Entry: Sendable {
        public var path: String
        public var content: Content
    }

    static let venue = (latitude: 40.377700, longitude: 49.892000)

    static func canon(_ time: String, subSec: String, orientation: Int = 1, gps heading: Double? = nil) -> PhotoMetadata {
        var m = PhotoMetadata()
        m.make = "Canon"
        m.model = "Canon EOS 90D"
        m.serialNumber = "093021004512"
        m.lensModel = "EF-S18-135mm f/3.5-5.6 IS USM"
        m.dateTimeOriginal = time
        m.createDate = time
        m.subSecTimeOriginal = subSec
        m.offsetTimeOriginal = "+04:00"
        m.orientation = orientation
        m.exposureTime = 1.0 / 125
        m.fNumber = 5.6
        m.iso = 1600
        m.focalLength = 35
        m.artist = "Example Photographer"
        m.copyright = "CC BY-SA 4.0"
        if let heading {
            m.gps = GPSPosition(latitude: venue.latitude, longitude: venue.longitude, altitude: 28, imageDirection: heading, imageDirectionRef: "T")
        }
        return m
    }

    static func sony(_ time: String, orientation: Int) -> PhotoMetadata {
        var m = PhotoMetadata()
        m.make = "SONY"
        m.model = "ILCE-6400"
        m.dateTimeOriginal = time
        m.orientation = orientation
        m.exposureTime = 1.0 / 60
        m.fNumber = 2.8
        m.iso = 3200
        m.focalLength = 24
        m.imageDescription = "SONY DSC"  // the camera's placeholder, not a description
        return m
    }

    public static let entries: [Entry] = [
        Entry(path: "DCIM/100CANON/IMG_0001.JPG", content: .photo(canon("2026:01:15 14:05:12", subSec: "31", gps: 135), seed: 1, portrait: false)),
        Entry(path: "DCIM/100CANON/IMG_0002.JPG", content: .photo(canon("2026:01:15 14:40:03", subSec: "07"), seed: 2, portrait: false)),
        Entry(path: "DCIM/100CANON/IMG_0003.JPG", content: .photo(canon("2026:01:15 16:05:00", subSec: "50", gps: 280.5), seed: 3, portrait: false)),
        Entry(
            path: "DCIM/100CANON/IMG_0004.JPG", content: .photo(canon("2026:01:15 16:06:30", subSec: "12", orientation: 8), seed: 4, portrait: true)),
        Entry(
            path: "DCIM/100CANON/IMG_0005.JPG",
            content: .burstFrame(canon("2026:01:15 17:01:10", subSec: "44", orientation: 6), seed: 5, portrait: true, shift: 0, blur: 0)),
        Entry(path: "DCIM/100CANON/IMG_0006.JPG", content: .photo(canon("2026:01:15 17:03:44", subSec: "90"), seed: 6, portrait: false)),
        Entry(path: "DCIM/100CANON/IMG_0007.JPG", content: .photo(canon("2026:01:15 17:10:00", subSec: "02"), seed: 7, portrait: false)),
        Entry(path: "DCIM/100CANON/IMG_0008.JPG", content: .photo(nil, seed: 8, portrait: false)),
        Entry(path: "DCIM/100CANON/IMG_0009.JPG", content: .truncated(of: "DCIM/100CANON/IMG_0002.JPG")),
        // The cake cut: IMG_0005 and two more frames of the burst, the last one out of focus.
        Entry(
            path: "DCIM/100CANON/IMG_0010.JPG",
            content: .burstFrame(canon("2026:01:15 17:01:11", subSec: "20", orientation: 6), seed: 5, portrait: true, shift: 3, blur: 0)),
        Entry(
            path: "DCIM/100CANON/IMG_0011.JPG",
            content: .burstFrame(canon("2026:01:15 17:01:12", subSec: "05", orientation: 6), seed: 5, portrait: true, shift: 6, blur: 2.5)),
        Entry(path: "DCIM/101MSDCF/DSC00001.JPG", content: .photo(sony("2026:01:15 13:40:00", orientation: 6), seed: 11, portrait: true)),
        Entry(path: "DCIM/101MSDCF/DSC00002.JPG", content: .photo(sony("2026:01:15 16:03:00", orientation: 8), seed: 12, portrait: true)),
        Entry(path: "DCIM/101MSDCF/DSC00003.JPG", content: .copy(of: "DCIM/101MSDCF/DSC00001.JPG")),
        Entry(path: "DCIM/101MSDCF/DSC00004.ARW", content: .raw),
    ]

    /// The bytes of every file, by card-relative path. Deterministic: the same on every machine.
    public static func files() throws -> [(path: String, data: Data)] {
        var made: [String: Data] = [:]
        var result: [(path: String, data: Data)] = []
        for entry in entries {
            let data: Data
            switch entry.content {
            case .photo(let metadata, let seed, let portrait):
                data = try photo(metadata, seed: seed, portrait: portrait)
            case .burstFrame(let metadata, let seed, let portrait, let shift, let blur):
                data = try photo(metadata, seed: seed, portrait: portrait, shift: shift, blur: blur)
            case .truncated(let of):
                let original = made[of]!
                data = original.prefix(original.count / 2)
            case .copy(let of):
                data = made[of]!
            case .raw:
                data = Data([0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00] + [UInt8](repeating: 0, count: 56))
            }
            made[entry.path] = data
            result.append((entry.path, data))
        }
        return result
    }

    /// The margin a burst's frames are cropped from, so that they are one picture moved.
    static let burstMargin = 8

    static func photo(_ metadata: PhotoMetadata?, seed: UInt64, portrait: Bool) throws -> Data {
        let (width, height) = portrait ? (480, 640) : (640, 480)
        return try encode(Painter.scene(width: width, height: height, seed: seed, hue: Int(seed % 5) * 8), metadata)
    }

    static func photo(_ metadata: PhotoMetadata, seed: UInt64, portrait: Bool, shift: Int, blur: Double) throws -> Data {
        let (width, height) = portrait ? (480, 640) : (640, 480)
        let canvas = Painter.scene(width: width + burstMargin, height: height + burstMargin, seed: seed, hue: Int(seed % 5) * 8)
        let frame = Painter.crop(canvas, x: shift, y: shift, width: width, height: height)
        return try encode(blur > 0 ? Painter.blurred(frame, sigma: blur) : frame, metadata)
    }

    static func encode(_ upright: RasterImage, _ metadata: PhotoMetadata?) throws -> Data {
        let stored = Painter.stored(upright, orientation: metadata?.orientation ?? 1)
        let jpeg = try JPEGCodec.encode(stored, quality: 80)
        guard let metadata else { return jpeg }
        return try ExifWriter.embed(segment: ExifWriter.segment(for: metadata), in: jpeg)
    }

    /// Writes the card below `root` (created if missing).
    public static func write(to root: URL) throws {
        for file in try files() {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url, options: .atomic)
        }
    }
}
