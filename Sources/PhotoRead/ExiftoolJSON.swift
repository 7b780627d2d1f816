import Foundation
import PhotoModel

/// `photocat inspect --json` output: exiftool's tag names and `-n` value forms, so a line can
/// be diffed against `exiftool -json -n`. A tag the photo lacks is absent.
public enum ExiftoolJSON {
    public static func object(sourceFile: String, frame: JPEGFrame?, metadata: PhotoMetadata) -> JSONValue {
        var members: [(String, JSONValue)] = [("SourceFile", .string(sourceFile))]
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append((key, value)) }
        }
        add("Make", metadata.make.map(text))
        add("Model", metadata.model.map(text))
        add("SerialNumber", metadata.serialNumber.map(text))
        add("LensModel", metadata.lensModel.map(text))
        add("DateTimeOriginal", metadata.dateTimeOriginal.map(JSONValue.string))
        add("CreateDate", metadata.createDate.map(JSONValue.string))
        add("ModifyDate", metadata.modifyDate.map(JSONValue.string))
        add("SubSecTimeOriginal", metadata.subSecTimeOriginal.map(text))
        add("SubSecTimeDigitized", metadata.subSecTimeDigitized.map(text))
        add("SubSecTime", metadata.subSecTime.map(text))
        add("OffsetTimeOriginal", metadata.offsetTimeOriginal.map(JSONValue.string))
        add("OffsetTimeDigitized", metadata.offsetTimeDigitized.map(JSONValue.string))
        add("OffsetTime", metadata.offsetTime.map(JSONValue.string))
        add("Orientation", metadata.orientation.map(JSONValue.integer))
        add("ImageWidth", frame.map { .integer($0.width) })
        add("ImageHeight", frame.map { .integer($0.height) })
        add("ExposureTime", metadata.exposureTime.map(JSONValue.number))
        add("FNumber", metadata.fNumber.map(JSONValue.number))
        add("ISO", metadata.iso.map(JSONValue.integer))
        add("FocalLength", metadata.focalLength.map(JSONValue.number))
        add("FocalLengthIn35mmFormat", metadata.focalLengthIn35mmFormat.map(JSONValue.integer))
        add("Flash", metadata.flash.map(JSONValue.integer))
        if let gps = metadata.gps {
            add("GPSLatitude", .number(gps.latitude))
            add("GPSLongitude", .number(gps.longitude))
            add("GPSAltitude", gps.altitude.map(JSONValue.number))
            add("GPSImgDirection", gps.imageDirection.map(JSONValue.number))
            add("GPSImgDirectionRef", gps.imageDirectionRef.map(JSONValue.string))
        }
        add("GPSDateStamp", metadata.gpsDateStamp.map(JSONValue.string))
        add("GPSTimeStamp", metadata.gpsTimeStamp.map(JSONValue.string))
        add("Artist", metadata.artist.map(text))
        add("Copyright", metadata.copyright.map(text))
        add("ImageDescription", metadata.imageDescription.map(text))
        add("UserComment", metadata.userComment.map(text))
        return .object(members)
    }

    /// exiftool prints a string that looks like a plain number as a JSON number
    /// (`SubSecTimeOriginal` "813" → 813, but "050" stays a string).
    static func text(_ value: String) -> JSONValue {
        let pattern = /-?(\d|[1-9]\d{1,14})(\.\d{1,16})?([eE][-+]?\d{1,3})?/
        if value.wholeMatch(of: pattern) != nil, let number = Double(value) {
            return number == number.rounded() && !value.contains(".") && !value.lowercased().contains("e")
                ? .integer(Int(number)) : .number(number)
        }
        return .string(value)
    }
}
