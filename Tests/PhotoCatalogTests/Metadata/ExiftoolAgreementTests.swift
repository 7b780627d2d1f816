import Foundation
import PhotoCatalog
import Testing

/// `inspect --json` against exiftool's answers (`NAME.exiftool.json`, `exiftool -json -n -G1`) for
/// real camera files in the development corpus.
@Suite(.enabled(if: Fixtures.corpus != nil, Fixtures.corpusMissing))
struct ExiftoolAgreementTests {
    /// photocat key → exiftool keys, first present wins (Composite carries the signed GPS values).
    static let keys: [(String, [String])] = [
        ("Make", ["IFD0:Make"]), ("Model", ["IFD0:Model"]), ("SerialNumber", ["ExifIFD:SerialNumber"]),
        ("LensModel", ["ExifIFD:LensModel"]), ("DateTimeOriginal", ["ExifIFD:DateTimeOriginal"]),
        ("SubSecTimeOriginal", ["ExifIFD:SubSecTimeOriginal"]), ("OffsetTimeOriginal", ["ExifIFD:OffsetTimeOriginal"]),
        ("Orientation", ["IFD0:Orientation"]), ("ImageWidth", ["File:ImageWidth"]), ("ImageHeight", ["File:ImageHeight"]),
        ("ExposureTime", ["ExifIFD:ExposureTime"]), ("FNumber", ["ExifIFD:FNumber"]), ("ISO", ["ExifIFD:ISO"]),
        ("FocalLength", ["ExifIFD:FocalLength"]), ("GPSLatitude", ["Composite:GPSLatitude"]),
        ("GPSLongitude", ["Composite:GPSLongitude"]), ("GPSAltitude", ["Composite:GPSAltitude", "GPS:GPSAltitude"]),
        ("GPSImgDirection", ["GPS:GPSImgDirection"]), ("Artist", ["IFD0:Artist"]), ("Copyright", ["IFD0:Copyright"]),
        ("ImageDescription", ["IFD0:ImageDescription"]),
    ]

    static func exiftool(_ name: String) throws -> [String: Any] {
        let stem = (name as NSString).deletingPathExtension
        let url = Fixtures.corpus!.appendingPathComponent(stem + ".exiftool.json")
        let array = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
        return array[0]
    }

    static func photocat(_ name: String) throws -> [String: Any] {
        let item = try #require(try Inspector.inspect(path: Fixtures.corpus!.appendingPathComponent(name).path).first)
        let object = try #require(item.object)
        return try JSONSerialization.jsonObject(with: Data(object.serialized().utf8)) as! [String: Any]
    }

    static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x as NSNumber, let y as NSNumber):
            return abs(x.doubleValue - y.doubleValue) <= 1e-6 * max(1, abs(x.doubleValue))
        // photocat trims the trailing spaces cameras pad text with; exiftool keeps them.
        case (let x as String, let y as String): return x == y.replacing(/\ +$/, with: "")
        default: return false
        }
    }

    /// exiftool shows values photocat deliberately drops: blank text, zero dates, orientation 0.
    static func exiftoolValueIsInvalid(_ key: String, _ value: Any) -> Bool {
        if let s = value as? String {
            return s.trimmingCharacters(in: .whitespaces).isEmpty || ExifValues.normalizedDate(s) == nil && s.contains(":  :")
                || s == "0000:00:00 00:00:00" || s == "undef"
        }
        return ["Orientation", "ISO"].contains(key) && (value as? NSNumber)?.doubleValue == 0
    }

    @Test(arguments: [
        "exiftool-Apple.jpg",            // iPhone: GPS west, heading, sub-seconds
        "pp-huawei-gps-error.jpg",       // APP segments before APP1: libexif's loader finds nothing here
        "exiftool-Canon1DmkIII.jpg",
        "pillow-ultrahdr.jpg",           // Pixel 6 with OffsetTimeOriginal
        "mdx-Sony_Ericsson_C905c.jpg",
    ])
    func agreesOnEveryField(name: String) throws {
        let expected = try Self.exiftool(name)
        let actual = try Self.photocat(name)
        var compared = 0
        for (key, sources) in Self.keys {
            guard let value = sources.lazy.compactMap({ expected[$0] }).first, !Self.exiftoolValueIsInvalid(key, value) else {
                #expect(actual[key] == nil, "\(name): \(key) should be absent")
                continue
            }
            compared += 1
            #expect(Self.same(actual[key], value), "\(name): \(key) photocat=\(String(describing: actual[key])) exiftool=\(value)")
        }
        #expect(compared >= 6, "\(name): too few fields compared")
    }

    /// Over the whole corpus, every field exiftool reports validly is read the same, bar a short
    /// list of documented differences.
    @Test func agreesAcrossTheCorpus() throws {
        let known: Set<String> = [
            "exifr-door-knocker.jpg ISO",           // exiftool lists both ISO values ("200 0"); photocat takes the first
            "piexif-r_casio.jpg SerialNumber",      // binary bytes exiftool shows as "?"
            "pillow-hopper_bad_exif.jpg Orientation", // exiftool drops the bad IFD0 that libexif still reads
            "pp-buggy_panorama.jpg GPSLatitude",    // 213° latitude: off the globe, dropped by photocat
            "pp-buggy_panorama.jpg GPSLongitude",
        ]
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.corpus!.path)
            .filter { !$0.hasSuffix(".json") && FileManager.default.fileExists(atPath: Fixtures.corpus!.appendingPathComponent(($0 as NSString).deletingPathExtension + ".exiftool.json").path) }
            .sorted()
        var compared = 0
        var mismatches: [String] = []
        for name in names {
            let expected = try Self.exiftool(name)
            guard expected["File:FileType"] as? String == "JPEG" else { continue }
            let actual = try Self.photocat(name)
            for (key, sources) in Self.keys {
                guard let value = sources.lazy.compactMap({ expected[$0] }).first, !Self.exiftoolValueIsInvalid(key, value) else { continue }
                compared += 1
                if !Self.same(actual[key], value), !known.contains("\(name) \(key)") {
                    mismatches.append("\(name) \(key): photocat=\(String(describing: actual[key])) exiftool=\(value)")
                }
            }
        }
        #expect(compared > 900)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}
