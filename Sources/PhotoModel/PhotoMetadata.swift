import Foundation

/// A camera position from the GPS IFD, in signed decimal degrees (south and west negative).
public struct GPSPosition: Sendable, Equatable, Codable {
    enum CodingKeys: String, CodingKey {
        case latitude, longitude, altitude
        case imageDirection = "heading"
        case imageDirectionRef = "heading_ref"
    }

    public var latitude: Double
    public var longitude: Double
    /// Metres, negative below sea level.
    public var altitude: Double?
    /// Direction the camera faced, in degrees.
    public var imageDirection: Double?
    /// `T` (true north) or `M` (magnetic north).
    public var imageDirectionRef: String?

    public init(
        latitude: Double, longitude: Double, altitude: Double? = nil,
        imageDirection: Double? = nil, imageDirectionRef: String? = nil
    ) {
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
        self.imageDirection = imageDirection
        self.imageDirectionRef = imageDirectionRef
    }
}

/// The EXIF fields photocat uses, already checked: invalid values are dropped (and reported
/// by the reader) rather than passed on. Names follow exiftool's.
public struct PhotoMetadata: Sendable, Equatable, Codable {
    /// Which tag the capture time came from.
    public enum DateSource: String, Sendable, Codable {
        case dateTimeOriginal = "DateTimeOriginal"
        case createDate = "CreateDate"
        case modifyDate = "ModifyDate"
    }

    public var make: String?
    public var model: String?
    public var serialNumber: String?
    public var lensModel: String?
    /// `YYYY:MM:DD hh:mm:ss` as the camera wrote them (wall-clock, no zone).
    public var dateTimeOriginal: String?
    public var createDate: String?
    public var modifyDate: String?
    public var subSecTimeOriginal: String?
    public var subSecTimeDigitized: String?
    public var subSecTime: String?
    /// `+hh:mm` or `-hh:mm`: the zone of DateTimeOriginal (EXIF 2.31).
    public var offsetTimeOriginal: String?
    /// The zone of CreateDate.
    public var offsetTimeDigitized: String?
    /// The zone of ModifyDate.
    public var offsetTime: String?
    public var orientation: Int?
    public var exposureTime: Double?
    public var fNumber: Double?
    public var iso: Int?
    public var focalLength: Double?
    public var focalLengthIn35mmFormat: Int?
    /// The EXIF Flash bit field (bit 0: fired).
    public var flash: Int?
    public var gps: GPSPosition?
    /// The compass heading (GPSImgDirection, degrees) of a photo with no usable position: a
    /// phone without a fix still knows where it pointed. With a position, it is in `gps`.
    public var imageDirection: Double?
    /// `T` (true north) or `M` (magnetic north), with `imageDirection`.
    public var imageDirectionRef: String?
    /// UTC date of the GPS fix, `YYYY:MM:DD`.
    public var gpsDateStamp: String?
    /// UTC time of the GPS fix, `hh:mm:ss[.fff]`.
    public var gpsTimeStamp: String?
    public var artist: String?
    public var copyright: String?
    public var imageDescription: String?
    public var userComment: String?

    public init() {}

    /// The capture time with its fallbacks (DateTimeOriginal → CreateDate → ModifyDate), each
    /// with the sub-seconds and zone offset that belong to that tag.
    public var captureDate: (value: String, subSeconds: String?, offset: String?, source: DateSource)? {
        if let d = dateTimeOriginal { return (d, subSecTimeOriginal, offsetTimeOriginal, .dateTimeOriginal) }
        if let d = createDate { return (d, subSecTimeDigitized, offsetTimeDigitized, .createDate) }
        if let d = modifyDate { return (d, subSecTime, offsetTime, .modifyDate) }
        return nil
    }

    /// Texts cameras write when the owner wrote nothing; they describe nothing.
    static let placeholderDescriptions: Set<String> = [
        "OLYMPUS DIGITAL CAMERA", "SONY DSC", "DCIM\\100MEDIA", "DIGITAL CAMERA", "KONICA MINOLTA DIGITAL CAMERA",
        "MINOLTA DIGITAL CAMERA", "PENTAX DIGITAL CAMERA", "SAMSUNG DIGITAL CAMERA", "EASYSHARE CAMERA",
        "default", "Exif_JPEG_PICTURE", "LEICA DIGITAL CAMERA", "Digital image", "<Digimax S500 / Kenox S500>",
    ]

    /// The photographer's own description, or nil when it is a camera's placeholder.
    public var meaningfulDescription: String? {
        guard let text = imageDescription?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return Self.placeholderDescriptions.contains(text) ? nil : text
    }
}
