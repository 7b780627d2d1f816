import Foundation
import PhotoModel

/// `photocat inspect --json` output: exiftool's tag names and `-n` value forms, so a line can
/// be diffed against `exiftool -json -n`. A tag the photo lacks is absent.
public enum ExiftoolJSON {
    public static func object(sourceFile: String, frame: JPEGFrame?, metadata: PhotoMetadata) -> JSONValue {
        var members: [(String, JSONValue)] = [("SourceFile", .string(sourceFile))]
        for row in MetadataTag.table {
            members += values(of: row, frame: frame, metadata: metadata)
        }
        return .object(members)
    }

    /// One row of the tag table as exiftool names and prints it (`-n`); none when absent.
    static func values(of row: MetadataTag, frame: JPEGFrame?, metadata m: PhotoMetadata) -> [(String, JSONValue)] {
        let value: JSONValue?
        switch row.kind {
        case .text(let field), .subSeconds(let field), .userComment(let field):
            value = m[keyPath: field].map(text)
        case .date(let field), .offset(let field, _, _), .gpsDate(let field), .gpsTime(let field):
            value = m[keyPath: field].map(JSONValue.string)
        case .orientation(let field), .positiveInteger(let field), .integer(let field):
            value = m[keyPath: field].map(JSONValue.integer)
        case .positiveRational(let field):
            value = m[keyPath: field].map(JSONValue.number)
        case .frameSize:
            return frame.map { [("ImageWidth", .integer($0.width)), ("ImageHeight", .integer($0.height))] } ?? []
        case .gpsPosition:
            guard let gps = m.gps else {
                // A heading without a position is still the camera's heading.
                let heading: [(String, JSONValue?)] = [
                    ("GPSImgDirection", m.imageDirection.map(JSONValue.number)),
                    ("GPSImgDirectionRef", m.imageDirectionRef.map(JSONValue.string)),
                ]
                return heading.compactMap { name, value in value.map { (name, $0) } }
            }
            let members: [(String, JSONValue?)] = [
                ("GPSLatitude", .number(gps.latitude)), ("GPSLongitude", .number(gps.longitude)),
                ("GPSAltitude", gps.altitude.map(JSONValue.number)), ("GPSImgDirection", gps.imageDirection.map(JSONValue.number)),
                ("GPSImgDirectionRef", gps.imageDirectionRef.map(JSONValue.string)),
            ]
            return members.compactMap { name, value in value.map { (name, $0) } }
        }
        return value.map { [(row.name, $0)] } ?? []
    }

    /// exiftool prints a string that looks like a plain number as a JSON number
    /// (`SubSecTimeOriginal` "813" → 813, but "050" stays a string).
    static func text(_ value: String) -> JSONValue {
        if looksNumeric(value), let number = Double(value) {
            return number == number.rounded() && !value.contains(".") && !value.lowercased().contains("e")
                ? .integer(Int(number)) : .number(number)
        }
        return .string(value)
    }

    /// exiftool's test for a plain number, `-?(\d|[1-9]\d{1,14})(\.\d{1,16})?([eE][-+]?\d{1,3})?`,
    /// written out: a Swift regex is parsed again each time it is used, which cost `inspect`
    /// a third of its time.
    static func looksNumeric(_ value: String) -> Bool {
        var rest = value.utf8[...]
        func digits(_ range: ClosedRange<Int>) -> Substring.UTF8View? {
            let run = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            guard range.contains(run.count) else { return nil }
            rest = rest.dropFirst(run.count)
            return run
        }
        func skip(_ characters: String) -> Bool {
            guard let first = rest.first, characters.utf8.contains(first) else { return false }
            rest = rest.dropFirst()
            return true
        }
        _ = skip("-")
        guard let whole = digits(1...15), whole.count == 1 || whole.first != UInt8(ascii: "0") else { return false }
        if skip("."), digits(1...16) == nil { return false }
        if skip("eE") {
            _ = skip("+-")
            if digits(1...3) == nil { return false }
        }
        return rest.isEmpty
    }
}
