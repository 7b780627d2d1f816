import Foundation
import Testing
import PhotoModel
import PhotoRead

/// `inspect --json` against exiftool's answers on every JPEG of the development corpus and its
/// `bad/` folder. The agreement table of docs/exif-and-time.md is written from what this suite
/// measures: `make agreement` rewrites it, and the suite fails while the page says something else.
@Suite(.enabled(if: Fixtures.corpus != nil, Fixtures.corpusMissing))
struct ExiftoolAgreementTests {
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

    static let files: [String] = Fixtures.corpus.map { ExiftoolComparison(root: $0).files(in: ["", "bad/"]) } ?? []

    @Test(arguments: files)
    func agreesWithExiftool(path: String) throws {
        var comparison = ExiftoolComparison(root: Fixtures.corpus!)
        let differences = try comparison.compare(path).differences
        let knownHere = Self.known.keys.filter { $0.hasPrefix(path + " ") }
        #expect(
            Set(differences) == Set(knownHere),
            "unexplained differences: \(Set(differences).subtracting(knownHere).sorted()); fixed: \(Set(knownHere).subtracting(differences).sorted())"
        )
    }

    /// The figures and the table of docs/exif-and-time.md, measured here.
    @Test func theReadmeTableIsWhatThisSuiteMeasures() throws {
        var comparison = ExiftoolComparison(root: Fixtures.corpus!)
        var pairs = 0, differences = 0
        var unreadSerials: [String: Int] = [:]
        for path in Self.files {
            let result = try comparison.compare(path)
            pairs += result.pairs
            differences += result.differences.count
            if let maker = try comparison.unreadMakerNoteSerials(path) { unreadSerials[maker, default: 0] += 1 }
        }
        let agreement = Double(pairs - differences) / Double(pairs)
        #expect(Self.files.count > 110)
        #expect(agreement >= 0.995, "\(pairs - differences) of \(pairs) pairs agree")
        let table = AgreementTable(
            files: Self.files.count, pairs: pairs, differences: differences, perField: comparison.perField, unreadSerials: unreadSerials)
        try table.check(page: Fixtures.repository.appendingPathComponent("docs/exif-and-time.md"))
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

/// The block of docs/exif-and-time.md between `<!-- agreement -->` and `<!-- /agreement -->`.
struct AgreementTable {
    var files: Int
    var pairs: Int
    var differences: Int
    var perField: [String: (pairs: Int, agreeing: Int)]
    /// Files whose serial number only exiftool reads, by maker-note group.
    var unreadSerials: [String: Int]

    /// One row per group of fields: (inspect keys, EXIF source, fallbacks and notes).
    static let rows: [(keys: [String], source: String, notes: String)] = [
        (["Make", "Model"], "IFD0", ""),
        (["SerialNumber"], "ExifIFD BodySerialNumber", "the maker note's serial where libexif reads it (Canon, Nikon)"),
        (["LensModel"], "ExifIFD", ""),
        (
            ["DateTimeOriginal"], "ExifIFD",
            "capture time: → CreateDate (DateTimeDigitized) → ModifyDate (DateTime); `time_source` says which"
        ),
        (["CreateDate", "ModifyDate"], "ExifIFD, IFD0", "ISO-style values (`2023-09-27T14:37:11+02:00`) are normalised; their zone is used"),
        (["SubSecTimeOriginal"], "ExifIFD", "SubSecTimeDigitized / SubSecTime go with the fallback dates"),
        (["OffsetTimeOriginal"], "ExifIFD", "OffsetTimeDigitized / OffsetTime go with the fallback dates"),
        (["Orientation"], "IFD0", "1–8 only"),
        (["ImageWidth", "ImageHeight"], "JPEG frame header (SOF)", "never EXIF's PixelXDimension, which can lie"),
        (["ExposureTime", "FNumber", "FocalLength"], "ExifIFD", "any numeric type: RATIONAL as most cameras, FLOAT or DOUBLE as some"),
        (["ISO"], "ExifIFD ISOSpeedRatings", "the first value"),
        (["FocalLengthIn35mmFormat"], "ExifIFD", "0 (unknown) dropped"),
        (["Flash"], "ExifIFD", "the bit field as stored"),
        (["GPSLatitude", "GPSLongitude"], "GPS IFD + refs", "signed; 0°, 0° and off-globe dropped"),
        (["GPSAltitude"], "GPS IFD + GPSAltitudeRef", "negative below sea level; dropped without a position"),
        (["GPSImgDirection"], "GPS IFD (+Ref)", "0–360; kept (and shown by `inspect`) when there is no usable position"),
        (["GPSDateStamp", "GPSTimeStamp"], "GPS IFD", "UTC; 0/0 rationals dropped"),
        (
            ["Artist", "Copyright", "ImageDescription"], "IFD0",
            "camera placeholders (\"OLYMPUS DIGITAL CAMERA\", \"SONY DSC\", …) are never used as descriptions"
        ),
        (["UserComment"], "ExifIFD", "ASCII, UNICODE (UTF-16), JIS or undefined character code"),
    ]

    static let begin = "<!-- agreement: written by `make agreement` from ExiftoolAgreementTests -->"
    static let end = "<!-- /agreement -->"

    var markdown: String {
        let agreeing = pairs - differences
        let serialFiles = unreadSerials.values.reduce(0, +)
        let makers = unreadSerials.keys.sorted().joined(separator: ", ")
        var lines = [
            Self.begin,
            "The figures below compare `inspect --json` with exiftool on every JPEG of the development corpus",
            "(\(files) JPEGs from some 40 makers, the hostile ones included). They count the (file, field) pairs for",
            "which exiftool reports a value. A value photocat rejects by design, as above, counts as agreeing",
            "when photocat reports it instead of passing it on. Overall **\(agreeing) of \(pairs) pairs agree (\(Self.percent(agreeing, pairs)))**.",
            "`Tests/PhotoCatalogTests/Metadata/ExiftoolAgreementTests.swift` lists each remaining difference",
            "with its reason.",
            "",
            "| field (`inspect` key) | EXIF source | fallbacks and notes | agreement |",
            "| --- | --- | --- | --- |",
        ]
        for row in Self.rows {
            let figures = row.keys.map { key in perField[key].map { "\($0.agreeing)/\($0.pairs)" } ?? "0/0" }
            lines.append("| \(row.keys.joined(separator: ", ")) | \(row.source) | \(row.notes) | \(figures.joined(separator: ", ")) |")
        }
        lines += [
            "",
            "Maker-note serial numbers that libexif cannot read are not part of SerialNumber (\(makers):",
            "\(serialFiles) files of the corpus). Counting those too, the overall figure is",
            "\(agreeing) of \(pairs + serialFiles) (\(Self.percent(agreeing, pairs + serialFiles))).",
            Self.end,
        ]
        return lines.joined(separator: "\n")
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        String(format: "%.2f %%", Double(part) * 100 / Double(max(whole, 1)))
    }

    /// Rewrites the page's block under PHOTOCAT_RECORD_AGREEMENT=1, else expects it to match.
    func check(page url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let start = text.range(of: Self.begin), let stop = text.range(of: Self.end, range: start.upperBound..<text.endIndex) else {
            Issue.record("\(url.lastPathComponent) has no agreement block (\(Self.begin) … \(Self.end))")
            return
        }
        let current = String(text[start.lowerBound..<stop.upperBound])
        if ProcessInfo.processInfo.environment["PHOTOCAT_RECORD_AGREEMENT"] == "1" {
            try text.replacingCharacters(in: start.lowerBound..<stop.upperBound, with: markdown).write(to: url, atomically: true, encoding: .utf8)
        } else {
            #expect(current == markdown, "\(url.lastPathComponent)'s agreement table is stale; run `make agreement`:\n\(markdown)")
        }
    }
}
