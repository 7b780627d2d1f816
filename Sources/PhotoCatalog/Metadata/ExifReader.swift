import Foundation
internal import CLibExif

/// Reads the EXIF block of a JPEG (the APP1 payload found by `JPEGStructure`) with libexif.
///
/// libexif's file loader gives up when other APPn segments come before APP1, which many phones
/// write; handing it the segment directly avoids that. Its "fix-up" option is turned off, since
/// it invents tags the file does not have, and its corrupt-data log lines become problems.
public enum ExifReader {
    public struct Result: Sendable, Equatable {
        public var metadata: PhotoMetadata
        /// What was wrong in the block: libexif's complaints and values rejected by validation.
        public var problems: [String]
    }

    public static func read(segment: Data) -> Result {
        let document = ExifDocument(segment: segment)
        var problems = document.log.messages
        let metadata = ExifFields(document: document).extract(problems: &problems)
        return Result(metadata: metadata, problems: problems)
    }
}

/// Owns one libexif `ExifData` and the log attached to it; both are released in `deinit`.
private final class ExifDocument {
    let data: UnsafeMutablePointer<ExifData>
    let log = ExifLogCollector()
    private let exifLog: OpaquePointer?
    /// libexif keeps this pointer for the life of the log, so it is heap-allocated and owned here.
    private let target: UnsafeMutablePointer<photocat_exif_log_target>

    init(segment: Data) {
        data = exif_data_new()
        // Keep the tags as stored: no invented defaults, no dropped "unknown" tags.
        exif_data_unset_option(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION)
        exif_data_unset_option(data, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS)
        exifLog = exif_log_new()
        target = .allocate(capacity: 1)
        target.initialize(to: photocat_exif_log_target(sink: { context, code, domain, message in
            guard let context, let message else { return }
            let collector = Unmanaged<ExifLogCollector>.fromOpaque(context).takeUnretainedValue()
            collector.record(code: code, domain: domain.map { String(cString: $0) } ?? "", message: String(cString: message))
        }, context: Unmanaged.passUnretained(log).toOpaque()))
        if let exifLog {
            photocat_exif_log_attach(exifLog, target)
            exif_data_log(data, exifLog)
        }
        segment.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return }
            exif_data_load_data(data, base, UInt32(min(raw.count, Int(UInt32.max))))
        }
    }

    deinit {
        exif_data_unref(data)
        if let exifLog { exif_log_unref(exifLog) }
        target.deinitialize(count: 1)
        target.deallocate()
    }

    var byteOrder: ExifByteOrder { exif_data_get_byte_order(data) }

    func entry(_ ifd: ExifIfd, _ tag: UInt32) -> UnsafeMutablePointer<ExifEntry>? {
        photocat_exif_get_entry(data, ifd, ExifTag(rawValue: tag))
    }
}

private final class ExifLogCollector {
    private(set) var messages: [String] = []

    func record(code: Int32, domain: String, message: String) {
        // Debug lines are libexif's chatter; corrupt-data and out-of-memory are real findings.
        guard code == Int32(EXIF_LOG_CODE_CORRUPT_DATA.rawValue) || code == Int32(EXIF_LOG_CODE_NO_MEMORY.rawValue) else { return }
        let line = domain.isEmpty ? message : "\(domain): \(message)"
        if !messages.contains(line), messages.count < 20 { messages.append(line) }
    }
}

/// Typed access to raw entry values. Rationals are read as stored, not through libexif's
/// formatted text, which rounds them.
private struct ExifFields {
    let document: ExifDocument

    func extract(problems: inout [String]) -> PhotoMetadata {
        var m = PhotoMetadata()
        m.make = text(EXIF_IFD_0, 0x010F)
        m.model = text(EXIF_IFD_0, 0x0110)
        m.serialNumber = text(EXIF_IFD_EXIF, 0xA431)
        m.lensModel = text(EXIF_IFD_EXIF, 0xA434)
        m.artist = text(EXIF_IFD_0, 0x013B)
        m.copyright = text(EXIF_IFD_0, 0x8298)
        m.imageDescription = text(EXIF_IFD_0, 0x010E)
        m.dateTimeOriginal = date(EXIF_IFD_EXIF, 0x9003, "DateTimeOriginal", &problems)
        m.createDate = date(EXIF_IFD_EXIF, 0x9004, "CreateDate", &problems)
        m.modifyDate = date(EXIF_IFD_0, 0x0132, "ModifyDate", &problems)
        m.subSecTimeOriginal = validated(text(EXIF_IFD_EXIF, 0x9291), "SubSecTimeOriginal", ExifValues.isSubSec, &problems)
        m.offsetTimeOriginal = validated(text(EXIF_IFD_EXIF, 0x9011), "OffsetTimeOriginal", { ExifValues.offsetSeconds($0) != nil }, &problems)
        if let orientation = integer(EXIF_IFD_0, 0x0112) {
            if (1...8).contains(orientation) {
                m.orientation = orientation
            } else {
                problems.append("Orientation \(orientation) is not one of 1–8; treated as upright")
            }
        }
        m.exposureTime = positive(rational(EXIF_IFD_EXIF, 0x829A))
        m.fNumber = positive(rational(EXIF_IFD_EXIF, 0x829D))
        m.iso = integer(EXIF_IFD_EXIF, 0x8827).flatMap { $0 > 0 ? $0 : nil }
        m.focalLength = positive(rational(EXIF_IFD_EXIF, 0x920A))
        m.gps = gps(&problems)
        return m
    }

    private func gps(_ problems: inout [String]) -> GPSPosition? {
        guard let latitude = degrees(0x0002), let longitude = degrees(0x0004) else {
            if document.entry(EXIF_IFD_GPS, 0x0002) != nil {
                problems.append("GPS latitude or longitude is unreadable; position ignored")
            }
            return nil
        }
        let south = text(EXIF_IFD_GPS, 0x0001)?.uppercased() == "S"
        let west = text(EXIF_IFD_GPS, 0x0003)?.uppercased() == "W"
        let lat = south ? -latitude : latitude
        let lon = west ? -longitude : longitude
        guard abs(lat) <= 90, abs(lon) <= 180 else {
            problems.append("GPS position \(lat), \(lon) is outside the globe; ignored")
            return nil
        }
        var position = GPSPosition(latitude: lat, longitude: lon)
        if let altitude = rational(EXIF_IFD_GPS, 0x0006) {
            position.altitude = integer(EXIF_IFD_GPS, 0x0005) == 1 ? -altitude : altitude
        }
        if let direction = rational(EXIF_IFD_GPS, 0x0011) {
            if (0...360).contains(direction) {
                position.imageDirection = direction
                position.imageDirectionRef = text(EXIF_IFD_GPS, 0x0010)
            } else {
                problems.append("GPSImgDirection \(direction) is not 0–360; ignored")
            }
        }
        return position
    }

    private func degrees(_ tag: UInt32) -> Double? {
        guard let parts = rationals(EXIF_IFD_GPS, tag), let d = parts.first, let degrees = d else { return nil }
        let minutes = parts.count > 1 ? parts[1] ?? 0 : 0
        let seconds = parts.count > 2 ? parts[2] ?? 0 : 0
        return degrees + minutes / 60 + seconds / 3600
    }

    private func date(_ ifd: ExifIfd, _ tag: UInt32, _ name: String, _ problems: inout [String]) -> String? {
        guard let raw = text(ifd, tag) else { return nil }
        if let normalized = ExifValues.normalizedDate(raw) { return normalized }
        problems.append("\(name) '\(raw)' is not a real date and time; ignored")
        return nil
    }

    private func validated(_ value: String?, _ name: String, _ isValid: (String) -> Bool, _ problems: inout [String]) -> String? {
        guard let value else { return nil }
        if isValid(value) { return value }
        problems.append("\(name) '\(value)' is malformed; ignored")
        return nil
    }

    private func positive(_ value: Double?) -> Double? {
        guard let value, value > 0, value.isFinite else { return nil }
        return value
    }

    // MARK: raw access

    private func values<T>(_ ifd: ExifIfd, _ tag: UInt32, _ read: (UnsafePointer<UInt8>, ExifFormat, ExifByteOrder) -> T?) -> [T?]? {
        guard let entry = document.entry(ifd, tag), let data = entry.pointee.data else { return nil }
        let format = entry.pointee.format
        let width = Int(exif_format_get_size(format))
        let count = Int(entry.pointee.components)
        guard width > 0, count > 0, count * width <= Int(entry.pointee.size) else { return nil }
        return (0..<count).map { read(UnsafePointer(data + $0 * width), format, document.byteOrder) }
    }

    private func rationals(_ ifd: ExifIfd, _ tag: UInt32) -> [Double?]? {
        values(ifd, tag) { pointer, format, order in
            switch format {
            case EXIF_FORMAT_RATIONAL:
                let r = exif_get_rational(pointer, order)
                return r.denominator == 0 ? nil : Double(r.numerator) / Double(r.denominator)
            case EXIF_FORMAT_SRATIONAL:
                let r = exif_get_srational(pointer, order)
                return r.denominator == 0 ? nil : Double(r.numerator) / Double(r.denominator)
            default:
                return nil
            }
        }
    }

    private func rational(_ ifd: ExifIfd, _ tag: UInt32) -> Double? {
        rationals(ifd, tag)?.first ?? nil
    }

    private func integer(_ ifd: ExifIfd, _ tag: UInt32) -> Int? {
        let first = values(ifd, tag) { pointer, format, order -> Int? in
            switch format {
            case EXIF_FORMAT_BYTE, EXIF_FORMAT_UNDEFINED: Int(pointer.pointee)
            case EXIF_FORMAT_SHORT: Int(exif_get_short(pointer, order))
            case EXIF_FORMAT_SSHORT: Int(exif_get_sshort(pointer, order))
            case EXIF_FORMAT_LONG: Int(exif_get_long(pointer, order))
            case EXIF_FORMAT_SLONG: Int(exif_get_slong(pointer, order))
            default: nil
            }
        }?.first
        return first ?? nil
    }

    private func text(_ ifd: ExifIfd, _ tag: UInt32) -> String? {
        guard let entry = document.entry(ifd, tag), let data = entry.pointee.data, entry.pointee.size > 0 else { return nil }
        guard entry.pointee.format == EXIF_FORMAT_ASCII || entry.pointee.format == EXIF_FORMAT_UNDEFINED
                || entry.pointee.format == EXIF_FORMAT_BYTE else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: data, count: Int(entry.pointee.size)))
        return ExifValues.text(bytes)
    }
}

/// Pure conversions of EXIF values, kept apart from libexif so they can be tested alone.
public enum ExifValues {
    /// ASCII tag bytes to text: cut at the first NUL, trailing spaces trimmed, UTF-8 when valid
    /// and Latin-1 otherwise (what older cameras and Windows tools wrote).
    public static func text(_ bytes: [UInt8]) -> String? {
        let cut = bytes.prefix { $0 != 0 }
        var end = cut.endIndex
        while end > cut.startIndex, cut[end - 1] == 0x20 { end -= 1 }
        let trimmed = cut[cut.startIndex..<end]
        guard !trimmed.isEmpty else { return nil }
        if let utf8 = String(validating: trimmed, as: UTF8.self) { return utf8 }
        return String(trimmed.map { Character(Unicode.Scalar($0)) })
    }

    /// `YYYY:MM:DD hh:mm:ss` when the value is a real date (a zero or impossible date is nil).
    /// Some tools write `-` or `/` between the date parts; those are accepted and normalised.
    public static func normalizedDate(_ raw: String) -> String? {
        let chars = Array(raw.trimmingCharacters(in: .whitespaces))
        guard chars.count >= 19 else { return nil }
        let separators: Set<Character> = [":", "-", "/"]
        guard separators.contains(chars[4]), chars[7] == chars[4], chars[10] == " " || chars[10] == "T",
              chars[13] == ":", chars[16] == ":" else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(chars[range])) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return nil }
        guard (1800...2999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        return String(format: "%04d:%02d:%02d %02d:%02d:%02d", year, month, day, hour, minute, second)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `+hh:mm` / `-hh:mm` to seconds east of UTC, for offsets real places use (−12:00…+14:00).
    public static func offsetSeconds(_ raw: String) -> Int? {
        let chars = Array(raw.trimmingCharacters(in: .whitespaces))
        guard chars.count == 6, chars[0] == "+" || chars[0] == "-", chars[3] == ":",
              let hours = Int(String(chars[1...2])), let minutes = Int(String(chars[4...5])),
              minutes < 60 else { return nil }
        let seconds = (hours * 60 + minutes) * 60 * (chars[0] == "-" ? -1 : 1)
        return (-12 * 3600...14 * 3600).contains(seconds) ? seconds : nil
    }

    public static func isSubSec(_ raw: String) -> Bool {
        !raw.isEmpty && raw.count <= 9 && raw.allSatisfy(\.isASCII) && raw.allSatisfy(\.isNumber)
    }
}
