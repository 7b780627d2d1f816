import Foundation

/// A camera position from the GPS IFD, in signed decimal degrees (south and west negative).
public struct GPSPosition: Sendable, Equatable, Codable {
    public var latitude: Double
    public var longitude: Double
    /// Metres, negative below sea level.
    public var altitude: Double?
    /// Direction the camera faced, in degrees.
    public var imageDirection: Double?
    /// `T` (true north) or `M` (magnetic north).
    public var imageDirectionRef: String?

    public init(latitude: Double, longitude: Double, altitude: Double? = nil,
                imageDirection: Double? = nil, imageDirectionRef: String? = nil) {
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
    /// `+hh:mm` or `-hh:mm`.
    public var offsetTimeOriginal: String?
    public var orientation: Int?
    public var exposureTime: Double?
    public var fNumber: Double?
    public var iso: Int?
    public var focalLength: Double?
    public var gps: GPSPosition?
    public var artist: String?
    public var copyright: String?
    public var imageDescription: String?

    public init() {}

    /// The capture time with its fallbacks (DateTimeOriginal → CreateDate → ModifyDate).
    public var captureDate: (value: String, source: DateSource)? {
        if let d = dateTimeOriginal { return (d, .dateTimeOriginal) }
        if let d = createDate { return (d, .createDate) }
        if let d = modifyDate { return (d, .modifyDate) }
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
