import PhotoModel

/// The one description of the EXIF photocat uses: for each value, where it is stored (IFD and
/// tag), how (its kind, which says both how to check it and how to store it), its name in
/// exiftool, and the field of `PhotoMetadata` it fills. The reader, the writer of test photos
/// and `inspect`'s exiftool-shaped output all go through this table, in its order (exiftool's
/// order of these tags).
public struct MetadataTag: Sendable {
    public enum IFD: Sendable, Equatable {
        case zero, exif, gps
    }

    /// How a value is stored and checked.
    public enum Kind: Sendable {
        /// ASCII text: cut at the first NUL, trailing spaces trimmed, UTF-8 or else Latin-1.
        case text(WritableKeyPath<PhotoMetadata, String?> & Sendable)
        /// `YYYY:MM:DD hh:mm:ss`, a real date (normalised; others are dropped with a problem).
        case date(WritableKeyPath<PhotoMetadata, String?> & Sendable)
        /// Up to nine digits of a second.
        case subSeconds(WritableKeyPath<PhotoMetadata, String?> & Sendable)
        /// `±hh:mm` that real places use; when absent, taken from an ISO-style date in `date`.
        case offset(WritableKeyPath<PhotoMetadata, String?> & Sendable, date: UInt16, in: IFD)
        /// 1–8.
        case orientation(WritableKeyPath<PhotoMetadata, Int?> & Sendable)
        /// A positive (S)RATIONAL.
        case positiveRational(WritableKeyPath<PhotoMetadata, Double?> & Sendable)
        /// A positive integer (BYTE, SHORT, LONG).
        case positiveInteger(WritableKeyPath<PhotoMetadata, Int?> & Sendable)
        /// An integer as stored (a bit field).
        case integer(WritableKeyPath<PhotoMetadata, Int?> & Sendable)
        /// An 8-byte character code, then the text.
        case userComment(WritableKeyPath<PhotoMetadata, String?> & Sendable)
        /// GPSDateStamp: `YYYY:MM:DD`, a real date.
        case gpsDate(WritableKeyPath<PhotoMetadata, String?> & Sendable)
        /// GPSTimeStamp: three rationals, `hh:mm:ss[.fff]`.
        case gpsTime(WritableKeyPath<PhotoMetadata, String?> & Sendable)
        /// The position: latitude, longitude, altitude and heading with their references
        /// (GPS tags 1–6, 16 and 17), one `GPSPosition`.
        case gpsPosition
        /// ImageWidth and ImageHeight: the frame's, from the JPEG itself, not from EXIF.
        case frameSize
    }

    /// The tag number; nil for `gpsPosition` and `frameSize`, which stand for several.
    public var tag: UInt16?
    public var ifd: IFD
    /// exiftool's name (`-n` value forms): the key in `inspect --json` and in problems.
    public var name: String
    public var kind: Kind

    init(_ tag: UInt16?, _ ifd: IFD, _ name: String, _ kind: Kind) {
        (self.tag, self.ifd, self.name, self.kind) = (tag, ifd, name, kind)
    }

    public static let table: [MetadataTag] = [
        MetadataTag(0x010F, .zero, "Make", .text(\.make)),
        MetadataTag(0x0110, .zero, "Model", .text(\.model)),
        MetadataTag(0xA431, .exif, "SerialNumber", .text(\.serialNumber)),
        MetadataTag(0xA434, .exif, "LensModel", .text(\.lensModel)),
        MetadataTag(0x9003, .exif, "DateTimeOriginal", .date(\.dateTimeOriginal)),
        MetadataTag(0x9004, .exif, "CreateDate", .date(\.createDate)),
        MetadataTag(0x0132, .zero, "ModifyDate", .date(\.modifyDate)),
        MetadataTag(0x9291, .exif, "SubSecTimeOriginal", .subSeconds(\.subSecTimeOriginal)),
        MetadataTag(0x9292, .exif, "SubSecTimeDigitized", .subSeconds(\.subSecTimeDigitized)),
        MetadataTag(0x9290, .exif, "SubSecTime", .subSeconds(\.subSecTime)),
        MetadataTag(0x9011, .exif, "OffsetTimeOriginal", .offset(\.offsetTimeOriginal, date: 0x9003, in: .exif)),
        MetadataTag(0x9012, .exif, "OffsetTimeDigitized", .offset(\.offsetTimeDigitized, date: 0x9004, in: .exif)),
        MetadataTag(0x9010, .exif, "OffsetTime", .offset(\.offsetTime, date: 0x0132, in: .zero)),
        MetadataTag(0x0112, .zero, "Orientation", .orientation(\.orientation)),
        MetadataTag(nil, .zero, "ImageWidth", .frameSize),
        MetadataTag(0x829A, .exif, "ExposureTime", .positiveRational(\.exposureTime)),
        MetadataTag(0x829D, .exif, "FNumber", .positiveRational(\.fNumber)),
        MetadataTag(0x8827, .exif, "ISO", .positiveInteger(\.iso)),
        MetadataTag(0x920A, .exif, "FocalLength", .positiveRational(\.focalLength)),
        MetadataTag(0xA405, .exif, "FocalLengthIn35mmFormat", .positiveInteger(\.focalLengthIn35mmFormat)),
        MetadataTag(0x9209, .exif, "Flash", .integer(\.flash)),
        MetadataTag(nil, .gps, "GPSLatitude", .gpsPosition),
        MetadataTag(0x001D, .gps, "GPSDateStamp", .gpsDate(\.gpsDateStamp)),
        MetadataTag(0x0007, .gps, "GPSTimeStamp", .gpsTime(\.gpsTimeStamp)),
        MetadataTag(0x013B, .zero, "Artist", .text(\.artist)),
        MetadataTag(0x8298, .zero, "Copyright", .text(\.copyright)),
        MetadataTag(0x010E, .zero, "ImageDescription", .text(\.imageDescription)),
        MetadataTag(0x9286, .exif, "UserComment", .userComment(\.userComment)),
    ]

    /// The GPS tags behind `gpsPosition`.
    public enum GPS {
        public static let latitudeRef: UInt16 = 0x0001
        public static let latitude: UInt16 = 0x0002
        public static let longitudeRef: UInt16 = 0x0003
        public static let longitude: UInt16 = 0x0004
        public static let altitudeRef: UInt16 = 0x0005
        public static let altitude: UInt16 = 0x0006
        public static let imageDirectionRef: UInt16 = 0x0010
        public static let imageDirection: UInt16 = 0x0011
    }
}
