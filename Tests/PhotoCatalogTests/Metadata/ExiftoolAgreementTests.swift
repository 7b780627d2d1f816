import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// `inspect --json` against exiftool's answers (`NAME.exiftool.json`, `exiftool -json -n -G1`) on
/// every JPEG of the development corpus and its `bad/` folder.
@Suite(.enabled(if: Fixtures.corpus != nil, Fixtures.corpusMissing))
struct ExiftoolAgreementTests {
    enum Kind {
        case text, number, date
    }

    /// photocat key → exiftool keys (first present wins) and how values compare. Composite
    /// carries the signed GPS values. SerialNumber is BodySerialNumber, else the maker-note
    /// serial of the makers whose notes libexif reads it from (Canon, Nikon).
    static let fields: [(key: String, sources: [String], kind: Kind)] = [
        ("Make", ["IFD0:Make"], .text), ("Model", ["IFD0:Model"], .text),
        ("SerialNumber", ["ExifIFD:SerialNumber", "Canon:SerialNumber", "Nikon:SerialNumber"], .text),
        ("LensModel", ["ExifIFD:LensModel"], .text),
        ("DateTimeOriginal", ["ExifIFD:DateTimeOriginal"], .date), ("CreateDate", ["ExifIFD:CreateDate"], .date),
        ("ModifyDate", ["IFD0:ModifyDate"], .date),
        ("SubSecTimeOriginal", ["ExifIFD:SubSecTimeOriginal"], .text), ("OffsetTimeOriginal", ["ExifIFD:OffsetTimeOriginal"], .text),
        ("Orientation", ["IFD0:Orientation"], .number),
        ("ImageWidth", ["File:ImageWidth"], .number), ("ImageHeight", ["File:ImageHeight"], .number),
        ("ExposureTime", ["ExifIFD:ExposureTime"], .number), ("FNumber", ["ExifIFD:FNumber"], .number),
        ("ISO", ["ExifIFD:ISO"], .number), ("FocalLength", ["ExifIFD:FocalLength"], .number),
        ("FocalLengthIn35mmFormat", ["ExifIFD:FocalLengthIn35mmFormat"], .number), ("Flash", ["ExifIFD:Flash"], .number),
        ("GPSLatitude", ["Composite:GPSLatitude"], .number), ("GPSLongitude", ["Composite:GPSLongitude"], .number),
        ("GPSAltitude", ["Composite:GPSAltitude", "GPS:GPSAltitude"], .number),
        ("GPSImgDirection", ["GPS:GPSImgDirection"], .number),
        ("GPSDateStamp", ["GPS:GPSDateStamp"], .text), ("GPSTimeStamp", ["GPS:GPSTimeStamp"], .text),
        ("Artist", ["IFD0:Artist"], .text), ("Copyright", ["IFD0:Copyright"], .text),
        ("ImageDescription", ["IFD0:ImageDescription"], .text), ("UserComment", ["ExifIFD:UserComment"], .text),
    ]

    /// Every remaining difference, with the reason. The test fails if one disappears too, so
    /// this list stays true.
    static let known: [String: String] = [
        "bad/nasty_metadata_text.jpg Artist": "Latin-1 bytes: photocat decodes \"José Muñoz\", exiftool prints \"Jos? Mu?oz\"",
        "exifr-door-knocker.jpg ISO": "the tag holds two values (\"200 0\"); photocat takes the first",
        "exifr-door-knocker.jpg Flash": "the tag holds two values (\"8 0\"); photocat takes the first",
        "exiftool-InfiRay.jpg GPSTimeStamp": "stored as 0/0 rationals: exiftool warns and prints 00:00:00, photocat drops it",
        "mdx-Leica_T_Typ_701.jpg GPSTimeStamp": "stored as 0/0 rationals: exiftool warns and prints 00:00:00, photocat drops it",
        "exiv2-FurnaceCreekInn.jpg GPSDateStamp": "the camera wrote a time into the date stamp; photocat keeps the date",
        "piexif-r_casio.jpg SerialNumber": "binary bytes in BodySerialNumber; exiftool replaces one with \"?\"",
    ]

    /// Card-relative names of the corpus JPEGs that have an exiftool answer.
    static let files: [String] = {
        guard let corpus = Fixtures.corpus else { return [] }
        let fm = FileManager.default
        return ["", "bad/"].flatMap { folder in
            ((try? fm.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)) ?? []).sorted().compactMap { name -> String? in
                guard !name.hasSuffix(".json"), let answer = try? exiftool(folder + name),
                    answer["File:FileType"] as? String == "JPEG"
                else { return nil }
                return folder + name
            }
        }
    }()

    static func exiftool(_ path: String) throws -> [String: Any] {
        let stem = (path as NSString).deletingPathExtension
        let url = Fixtures.corpus!.appendingPathComponent(stem + ".exiftool.json")
        let array = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
        return array[0]
    }

    static func photocat(_ path: String) throws -> [String: Any] {
        let item = try #require(try Inspector.inspect(path: Fixtures.corpus!.appendingPathComponent(path).path).first)
        guard let object = item.object else { return [:] }
        return try JSONSerialization.jsonObject(with: Data(object.serialized().utf8)) as! [String: Any]
    }

    /// Values exiftool shows that photocat rejects by design and reports instead: blank text,
    /// zero or impossible dates, Orientation outside 1–8, 0 meaning "unknown", positions off
    /// the globe or at 0°, 0° (no fix).
    static func isInvalid(_ key: String, _ kind: Kind, _ value: Any, in answer: [String: Any]) -> Bool {
        let noFix =
            (answer["Composite:GPSLatitude"] as? NSNumber)?.doubleValue == 0
            && (answer["Composite:GPSLongitude"] as? NSNumber)?.doubleValue == 0
        if key.hasPrefix("GPSL") || key == "GPSAltitude" || key == "GPSImgDirection" {
            if noFix { return true }
            if key == "GPSLatitude", let v = (value as? NSNumber)?.doubleValue, abs(v) > 90 { return true }
            if key == "GPSLongitude", (answer["Composite:GPSLatitude"] as? NSNumber).map({ abs($0.doubleValue) > 90 }) == true { return true }
        }
        if let text = value as? String {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || text == "undef" { return true }
            if kind == .date { return ExifValues.normalizedDate(text) == nil }
            return false
        }
        let number = (value as? NSNumber)?.doubleValue
        switch key {
        case "Orientation": return !(1...8).contains(number ?? 0)
        case "ISO", "FocalLengthIn35mmFormat": return number == 0
        default: return false
        }
    }

    static func same(_ kind: Kind, _ actual: Any?, _ expected: Any) -> Bool {
        switch (kind, actual, expected) {
        case (_, let x as NSNumber, let y as NSNumber):
            return abs(x.doubleValue - y.doubleValue) <= 1e-6 * max(1, abs(y.doubleValue))  // 1e-6° ≈ 0.1 m
        case (.date, let x as String, let y as String):
            return x == ExifValues.normalizedDate(y)
        case (_, let x as String, let y as String):
            // photocat trims the trailing spaces cameras pad text with; exiftool keeps them.
            return x == y.replacing(/[ \n]+$/, with: "")
        default:
            return false
        }
    }

    /// (pairs compared, differences) for one file; `perField` counts (pairs, agreeing) by field.
    static func compare(_ path: String, perField: inout [String: (Int, Int)]) throws -> (pairs: Int, differences: [String]) {
        let expected = try exiftool(path)
        let actual = try photocat(path)
        var pairs = 0
        var differences: [String] = []
        for field in fields {
            guard let value = field.sources.lazy.compactMap({ expected[$0] }).first else { continue }
            pairs += 1
            let agrees = isInvalid(field.key, field.kind, value, in: expected) ? actual[field.key] == nil : same(field.kind, actual[field.key], value)
            if !agrees {
                differences.append("\(path) \(field.key)")
            }
            perField[field.key, default: (0, 0)].0 += 1
            perField[field.key, default: (0, 0)].1 += agrees ? 1 : 0
        }
        return (pairs, differences)
    }

    @Test(arguments: files)
    func agreesWithExiftool(path: String) throws {
        var perField: [String: (Int, Int)] = [:]
        let (_, differences) = try Self.compare(path, perField: &perField)
        let knownHere = Self.known.keys.filter { $0.hasPrefix(path + " ") }
        #expect(
            Set(differences) == Set(knownHere),
            "unexplained differences: \(Set(differences).subtracting(knownHere).sorted()); fixed: \(Set(knownHere).subtracting(differences).sorted())"
        )
    }

    /// The figure quoted in the README.
    @Test func agreementIsAtLeast99Point5Percent() throws {
        var pairs = 0, differences = 0
        var perField: [String: (Int, Int)] = [:]
        for path in Self.files {
            let result = try Self.compare(path, perField: &perField)
            pairs += result.pairs
            differences += result.differences.count
        }
        let agreement = Double(pairs - differences) / Double(pairs)
        #expect(Self.files.count > 110)
        #expect(agreement >= 0.995, "\(pairs - differences) of \(pairs) pairs agree")
        print("exiftool agreement: \(pairs - differences) of \(pairs) (file, field) pairs, \(String(format: "%.2f", agreement * 100)) %")
        for field in Self.fields {
            let (total, agreeing) = perField[field.key] ?? (0, 0)
            print("  \(field.key): \(agreeing)/\(total)")
        }
    }

    /// Every file of the corpus, JPEG or not, gives a line or a per-file error, and quickly.
    @Test(.timeLimit(.minutes(1))) func inspectNeverCrashesOrHangs() throws {
        let corpus = Fixtures.corpus!
        for folder in ["", "bad/"] {
            let items = try Inspector.inspect(path: corpus.appendingPathComponent(folder).path)
            #expect(items.count > 10)
            #expect(items.allSatisfy { $0.object != nil || !$0.diagnostics.isEmpty })
        }
    }
}
