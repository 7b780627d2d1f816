import Foundation
import PhotoModel
import PhotoRead

/// `inspect --json` against exiftool's answers (`NAME.exiftool.json`, `exiftool -json -n -G1`)
/// for the photos of one folder: which (file, field) pairs agree, and which differ.
struct ExiftoolComparison {
    enum Kind {
        case text, number, date
    }

    struct Field {
        var key: String
        var sources: [String]
        var kind: Kind
    }

    /// photocat key → exiftool keys (first present wins) and how values compare. Composite
    /// carries the signed GPS values. SerialNumber is BodySerialNumber, else the maker-note
    /// serial of the makers whose notes libexif reads it from (Canon, Nikon).
    static let fields: [Field] = [
        Field(key: "Make", sources: ["IFD0:Make"], kind: .text), Field(key: "Model", sources: ["IFD0:Model"], kind: .text),
        Field(key: "SerialNumber", sources: ["ExifIFD:SerialNumber", "Canon:SerialNumber", "Nikon:SerialNumber"], kind: .text),
        Field(key: "LensModel", sources: ["ExifIFD:LensModel"], kind: .text),
        Field(key: "DateTimeOriginal", sources: ["ExifIFD:DateTimeOriginal"], kind: .date),
        Field(key: "CreateDate", sources: ["ExifIFD:CreateDate"], kind: .date),
        Field(key: "ModifyDate", sources: ["IFD0:ModifyDate"], kind: .date),
        Field(key: "SubSecTimeOriginal", sources: ["ExifIFD:SubSecTimeOriginal"], kind: .text),
        Field(key: "OffsetTimeOriginal", sources: ["ExifIFD:OffsetTimeOriginal"], kind: .text),
        Field(key: "Orientation", sources: ["IFD0:Orientation"], kind: .number),
        Field(key: "ImageWidth", sources: ["File:ImageWidth"], kind: .number),
        Field(key: "ImageHeight", sources: ["File:ImageHeight"], kind: .number),
        Field(key: "ExposureTime", sources: ["ExifIFD:ExposureTime"], kind: .number),
        Field(key: "FNumber", sources: ["ExifIFD:FNumber"], kind: .number),
        Field(key: "ISO", sources: ["ExifIFD:ISO"], kind: .number),
        Field(key: "FocalLength", sources: ["ExifIFD:FocalLength"], kind: .number),
        Field(key: "FocalLengthIn35mmFormat", sources: ["ExifIFD:FocalLengthIn35mmFormat"], kind: .number),
        Field(key: "Flash", sources: ["ExifIFD:Flash"], kind: .number),
        Field(key: "GPSLatitude", sources: ["Composite:GPSLatitude"], kind: .number),
        Field(key: "GPSLongitude", sources: ["Composite:GPSLongitude"], kind: .number),
        Field(key: "GPSAltitude", sources: ["Composite:GPSAltitude", "GPS:GPSAltitude"], kind: .number),
        Field(key: "GPSImgDirection", sources: ["GPS:GPSImgDirection"], kind: .number),
        Field(key: "GPSDateStamp", sources: ["GPS:GPSDateStamp"], kind: .text),
        Field(key: "GPSTimeStamp", sources: ["GPS:GPSTimeStamp"], kind: .text),
        Field(key: "Artist", sources: ["IFD0:Artist"], kind: .text), Field(key: "Copyright", sources: ["IFD0:Copyright"], kind: .text),
        Field(key: "ImageDescription", sources: ["IFD0:ImageDescription"], kind: .text),
        Field(key: "UserComment", sources: ["ExifIFD:UserComment"], kind: .text),
    ]

    /// The folder holding the photos and their answers.
    let root: URL
    /// (pairs, agreeing) by field, over every file compared so far.
    private(set) var perField: [String: (pairs: Int, agreeing: Int)] = [:]

    init(root: URL) { self.root = root }

    /// Card-relative names of the JPEGs in `folders` that have an exiftool answer; with
    /// `exiftoolSaysJPEG`, only those exiftool reads as JPEG (it takes a JPEG with stray bytes
    /// after SOI for a file of unknown format, and still finds its EXIF).
    func files(in folders: [String] = [""], exiftoolSaysJPEG: Bool = true) -> [String] {
        folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []).sorted()
                .compactMap { name -> String? in
                    guard !name.hasSuffix(".json"), let answer = try? exiftool(folder + name),
                        exiftoolSaysJPEG ? answer["File:FileType"] as? String == "JPEG" : FileKind.hasJPEGExtension(name)
                    else { return nil }
                    return folder + name
                }
        }
    }

    func exiftool(_ path: String) throws -> [String: Any] {
        let stem = (path as NSString).deletingPathExtension
        let data = try Data(contentsOf: root.appendingPathComponent(stem + ".exiftool.json"))
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]])?.first ?? [:]
    }

    func photocat(_ path: String) throws -> [String: Any] {
        guard let object = try Inspector.inspect(path: root.appendingPathComponent(path).path).first?.object else { return [:] }
        return try JSONSerialization.jsonObject(with: Data(object.serialized().utf8)) as? [String: Any] ?? [:]
    }

    /// Values exiftool shows that photocat rejects by design and reports instead: blank text,
    /// zero or impossible dates, Orientation outside 1–8, 0 meaning "unknown", positions off
    /// the globe or at 0°, 0° (no fix), an altitude without a position.
    static func isInvalid(_ field: Field, _ value: Any, in answer: [String: Any]) -> Bool {
        let latitude = (answer["Composite:GPSLatitude"] as? NSNumber)?.doubleValue
        let longitude = (answer["Composite:GPSLongitude"] as? NSNumber)?.doubleValue
        if field.key.hasPrefix("GPSL") || field.key == "GPSAltitude" || field.key == "GPSImgDirection" {
            if latitude == 0, longitude == 0 { return true }
            if field.key == "GPSAltitude", latitude == nil || longitude == nil { return true }
            if field.key == "GPSLatitude", let v = (value as? NSNumber)?.doubleValue, abs(v) > 90 { return true }
            if field.key == "GPSLongitude", let latitude, abs(latitude) > 90 { return true }
        }
        if let text = value as? String, Double(text) == nil || field.kind != .number {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || text == "undef" { return true }
            if field.kind == .date { return ExifValues.normalizedDate(text) == nil }
            return false
        }
        let number = number(value)
        switch field.key {
        case "Orientation": return !(1...8).contains(number ?? 0)
        case "ISO", "FocalLengthIn35mmFormat": return number == 0
        default: return false
        }
    }

    /// exiftool gives FLOAT values as text ("0.00800000037997961").
    static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue ?? (value as? String).flatMap(Double.init)
    }

    static func same(_ kind: Kind, _ actual: Any?, _ expected: Any) -> Bool {
        switch (kind, actual, expected) {
        case (.number, _, _), (_, is NSNumber, is NSNumber):
            guard let x = number(actual), let y = number(expected) else { return false }
            return abs(x - y) <= 1e-6 * max(1, abs(y))  // 1e-6° ≈ 0.1 m
        case (.date, let x as String, let y as String):
            return x == ExifValues.normalizedDate(y)
        case (_, let x as String, let y as String):
            // photocat trims the trailing spaces cameras pad text with; exiftool keeps them.
            return x == y.replacing(/[ \n]+$/, with: "")
        default:
            return false
        }
    }

    /// The pairs compared for one file and those that differ ("path Field").
    mutating func compare(_ path: String) throws -> (pairs: Int, differences: [String]) {
        let expected = try exiftool(path)
        let actual = try photocat(path)
        var pairs = 0
        var differences: [String] = []
        for field in Self.fields {
            guard let value = field.sources.lazy.compactMap({ expected[$0] }).first else { continue }
            pairs += 1
            let agrees =
                Self.isInvalid(field, value, in: expected) ? actual[field.key] == nil : Self.same(field.kind, actual[field.key], value)
            if !agrees { differences.append("\(path) \(field.key)") }
            perField[field.key, default: (0, 0)].pairs += 1
            perField[field.key, default: (0, 0)].agreeing += agrees ? 1 : 0
        }
        return (pairs, differences)
    }

    /// Serial numbers exiftool finds in maker notes libexif cannot read (by maker group), for
    /// files whose compared SerialNumber sources are all absent.
    func unreadMakerNoteSerials(_ path: String) throws -> String? {
        let answer = try exiftool(path)
        let field = Self.fields.first { $0.key == "SerialNumber" }!
        guard !field.sources.contains(where: { answer[$0] != nil }) else { return nil }
        // XMP is not read by design; only the makers' own notes count here.
        return answer.keys.sorted().first { $0.hasSuffix(":SerialNumber") && !$0.hasPrefix("XMP") }.map { String($0.split(separator: ":")[0]) }
    }
}
