import Foundation
internal import CLibExif
import PhotoModel

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
        let (repaired, repairs) = ExifBlockRepair.repair(segment)
        let document = ExifDocument(segment: repaired)
        var problems = repairs
        let metadata = ExifFields(document: document).extract(problems: &problems)
        return Result(metadata: metadata, problems: document.log.messages + problems)
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
        target.initialize(
            to: photocat_exif_log_target(
                sink: { context, code, domain, message in
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

    /// The maker note's entries by name, as libexif formats them (Canon, Nikon, Olympus,
    /// Pentax, Fuji and Apple notes are understood).
    func makerNoteValue(named name: String) -> String? {
        guard let note = exif_data_get_mnote_data(data) else { return nil }
        var buffer = [CChar](repeating: 0, count: 256)
        for index in 0..<exif_mnote_data_count(note) {
            guard let entryName = exif_mnote_data_get_name(note, index), String(cString: entryName) == name,
                exif_mnote_data_get_value(note, index, &buffer, UInt32(buffer.count)) != nil
            else { continue }
            return ExifValues.text(buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
        }
        return nil
    }

    func entry(_ ifd: ExifIfd, _ tag: UInt32) -> UnsafeMutablePointer<ExifEntry>? {
        photocat_exif_get_entry(data, ifd, ExifTag(rawValue: tag))
    }
}

private final class ExifLogCollector {
    private(set) var messages: [String] = []

    func record(code: Int32, domain: String, message: String) {
        // Debug lines are libexif's chatter; corrupt-data and out-of-memory are real findings.
        guard code == Int32(EXIF_LOG_CODE_CORRUPT_DATA.rawValue) || code == Int32(EXIF_LOG_CODE_NO_MEMORY.rawValue) else { return }
        // Maker notes are the makers' private formats, which libexif knows only in part; its
        // complaints about them say nothing about the tags photocat uses.
        guard !domain.hasPrefix("ExifMnote") else { return }
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
        for tag in MetadataTag.table {
            read(tag, into: &m, problems: &problems)
        }
        // Older cameras keep the serial number in the maker note only.
        m.serialNumber = m.serialNumber ?? makerNoteSerial(make: m.make)
        return m
    }

    /// Reads one row of the tag table into its field, checked as its kind says.
    private func read(_ row: MetadataTag, into m: inout PhotoMetadata, problems: inout [String]) {
        let ifd = Self.ifd(row.ifd)
        let tag = UInt32(row.tag ?? 0)
        switch row.kind {
        case .text(let field):
            m[keyPath: field] = text(ifd, tag)
        case .date(let field):
            m[keyPath: field] = date(ifd, tag, row.name, &problems)
        case .subSeconds(let field):
            m[keyPath: field] = validated(text(ifd, tag), row.name, ExifValues.isSubSec, &problems)
        case .offset(let field, let dateTag, let dateIFD):
            // Some tools write dates in ISO form with a zone ("2023-09-27T14:37:11+02:00").
            m[keyPath: field] =
                validated(text(ifd, tag), row.name, { ExifValues.offsetSeconds($0) != nil }, &problems)
                ?? text(Self.ifd(dateIFD), UInt32(dateTag)).flatMap(ExifValues.trailingOffset)
        case .orientation(let field):
            guard let orientation = integer(ifd, tag) else { return }
            if (1...8).contains(orientation) {
                m[keyPath: field] = orientation
            } else {
                problems.append("\(row.name) \(orientation) is not one of 1–8; treated as upright")
            }
        case .positiveRational(let field):
            m[keyPath: field] = positive(rational(ifd, tag))
        case .positiveInteger(let field):
            m[keyPath: field] = integer(ifd, tag).flatMap { $0 > 0 ? $0 : nil }
        case .integer(let field):
            m[keyPath: field] = integer(ifd, tag)
        case .userComment(let field):
            m[keyPath: field] = userComment(ifd, tag)
        case .gpsDate(let field):
            m[keyPath: field] = text(ifd, tag).flatMap { raw in
                if let date = ExifValues.normalizedDate(raw + " 00:00:00") { return String(date.prefix(10)) }
                problems.append("\(row.name) '\(raw)' is not a real date; ignored")
                return nil
            }
        case .gpsTime(let field):
            m[keyPath: field] = rationals(ifd, tag).flatMap(ExifValues.timeStamp)
        case .gpsPosition:
            m.gps = gps(&problems)
            let heading = heading(&problems)
            if var position = m.gps {
                (position.imageDirection, position.imageDirectionRef) = (heading?.direction, heading?.reference)
                m.gps = position
            } else {
                (m.imageDirection, m.imageDirectionRef) = (heading?.direction, heading?.reference)
            }
        case .frameSize:
            break  // the JPEG frame's, not EXIF's
        }
    }

    static func ifd(_ ifd: MetadataTag.IFD) -> ExifIfd {
        switch ifd {
        case .zero: EXIF_IFD_0
        case .exif: EXIF_IFD_EXIF
        case .gps: EXIF_IFD_GPS
        }
    }

    /// UserComment starts with an 8-byte character code naming the encoding of the rest.
    private func userComment(_ ifd: ExifIfd, _ tag: UInt32) -> String? {
        guard let entry = document.entry(ifd, tag), let data = entry.pointee.data else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: data, count: Int(entry.pointee.size)))
        return ExifValues.userComment(bytes, bigEndian: document.byteOrder == EXIF_BYTE_ORDER_MOTOROLA)
    }

    /// BodySerialNumber is the standard place; older cameras keep the serial in the maker note.
    private func makerNoteSerial(make: String?) -> String? {
        // Nikon keeps it as tag 0x00A0, which libexif names SerialNumber2 in older notes.
        guard let raw = document.makerNoteValue(named: "SerialNumber") ?? document.makerNoteValue(named: "SerialNumber2") else { return nil }
        guard make?.lowercased().hasPrefix("canon") == true else { return raw }
        // libexif prints Canon's 32-bit serial as "HHHH-DDDDD" (high half in hex, low half in
        // decimal); Canon and exiftool show the plain number.
        // (Split by hand: a Swift regex is parsed again at each use.)
        let halves = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard halves.count == 2, halves.allSatisfy({ $0.allSatisfy(\.isHexDigit) }), let high = UInt64(halves[0], radix: 16),
            let low = UInt64(halves[1])
        else { return raw }
        return String((high & 0xFFFF) << 16 | (low & 0xFFFF))
    }

    private func gps(_ problems: inout [String]) -> GPSPosition? {
        guard let latitude = degrees(MetadataTag.GPS.latitude), let longitude = degrees(MetadataTag.GPS.longitude) else {
            if document.entry(EXIF_IFD_GPS, UInt32(MetadataTag.GPS.latitude)) != nil {
                problems.append("GPS latitude or longitude is unreadable; position ignored")
            }
            return nil
        }
        let south = text(EXIF_IFD_GPS, UInt32(MetadataTag.GPS.latitudeRef))?.uppercased() == "S"
        let west = text(EXIF_IFD_GPS, UInt32(MetadataTag.GPS.longitudeRef))?.uppercased() == "W"
        let lat = south ? -latitude : latitude
        let lon = west ? -longitude : longitude
        guard abs(lat) <= 90, abs(lon) <= 180 else {
            problems.append("GPS position \(lat), \(lon) is outside the globe; ignored")
            return nil
        }
        guard lat != 0 || lon != 0 else {
            // 0°, 0° is in the Gulf of Guinea: what receivers write before they have a fix.
            problems.append("GPS position 0, 0 means the receiver had no fix; ignored")
            return nil
        }
        var position = GPSPosition(latitude: lat, longitude: lon)
        if let altitude = rational(EXIF_IFD_GPS, UInt32(MetadataTag.GPS.altitude)) {
            position.altitude = integer(EXIF_IFD_GPS, UInt32(MetadataTag.GPS.altitudeRef)) == 1 ? -altitude : altitude
        }
        return position
    }

    /// GPSImgDirection and its reference, read whether or not there is a position.
    private func heading(_ problems: inout [String]) -> (direction: Double, reference: String?)? {
        guard let direction = rational(EXIF_IFD_GPS, UInt32(MetadataTag.GPS.imageDirection)) else { return nil }
        guard (0...360).contains(direction) else {
            problems.append("GPSImgDirection \(direction) is not 0–360; ignored")
            return nil
        }
        return (direction, text(EXIF_IFD_GPS, UInt32(MetadataTag.GPS.imageDirectionRef)))
    }

    private func degrees(_ tag: UInt16) -> Double? {
        guard let parts = rationals(EXIF_IFD_GPS, UInt32(tag)), let d = parts.first, let degrees = d else { return nil }
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

    /// Every value of an entry as a number, whatever numeric type the camera stored it as:
    /// cameras write FNumber as DOUBLE, LightSource as LONG, ISO as RATIONAL. A rational with a
    /// zero denominator is nil.
    private func rationals(_ ifd: ExifIfd, _ tag: UInt32) -> [Double?]? {
        values(ifd, tag) { pointer, format, order -> Double? in
            switch format {
            case EXIF_FORMAT_BYTE, EXIF_FORMAT_UNDEFINED: Double(pointer.pointee)
            case EXIF_FORMAT_SBYTE: Double(Int8(bitPattern: pointer.pointee))
            case EXIF_FORMAT_SHORT: Double(exif_get_short(pointer, order))
            case EXIF_FORMAT_SSHORT: Double(exif_get_sshort(pointer, order))
            case EXIF_FORMAT_LONG: Double(exif_get_long(pointer, order))
            case EXIF_FORMAT_SLONG: Double(exif_get_slong(pointer, order))
            case EXIF_FORMAT_RATIONAL:
                Self.quotient(exif_get_rational(pointer, order))
            case EXIF_FORMAT_SRATIONAL:
                Self.quotient(exif_get_srational(pointer, order))
            case EXIF_FORMAT_FLOAT: Double(Float(bitPattern: UInt32(Self.word(pointer, 4, order))))
            case EXIF_FORMAT_DOUBLE: Double(bitPattern: Self.word(pointer, 8, order))
            default: nil
            }
        }
    }

    private static func quotient(_ value: ExifRational) -> Double? {
        value.denominator == 0 ? nil : Double(value.numerator) / Double(value.denominator)
    }

    private static func quotient(_ value: ExifSRational) -> Double? {
        value.denominator == 0 ? nil : Double(value.numerator) / Double(value.denominator)
    }

    /// An unsigned integer of `width` bytes in the block's byte order.
    private static func word(_ pointer: UnsafePointer<UInt8>, _ width: Int, _ order: ExifByteOrder) -> UInt64 {
        let bytes = (0..<width).map { UInt64(pointer[$0]) }
        let ordered = order == EXIF_BYTE_ORDER_MOTOROLA ? bytes : bytes.reversed()
        return ordered.reduce(0) { $0 << 8 | $1 }
    }

    private func rational(_ ifd: ExifIfd, _ tag: UInt32) -> Double? {
        rationals(ifd, tag)?.first ?? nil
    }

    /// The first value as an integer, when it is a whole number (in whatever type it is stored).
    private func integer(_ ifd: ExifIfd, _ tag: UInt32) -> Int? {
        guard let value = rational(ifd, tag), value.isFinite, value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    private func text(_ ifd: ExifIfd, _ tag: UInt32) -> String? {
        guard let entry = document.entry(ifd, tag), let data = entry.pointee.data, entry.pointee.size > 0 else { return nil }
        guard
            entry.pointee.format == EXIF_FORMAT_ASCII || entry.pointee.format == EXIF_FORMAT_UNDEFINED
                || entry.pointee.format == EXIF_FORMAT_BYTE
        else { return nil }
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

    /// `YYYY:MM:DD hh:mm:ss` when the value is a real date (see `LocalDateTime.normalizedDate`).
    public static func normalizedDate(_ raw: String) -> String? {
        LocalDateTime.normalizedDate(raw)
    }

    /// The zone at the end of an ISO-style date (`…T14:37:11+02:00` or `…Z`), as `+hh:mm`.
    public static func trailingOffset(_ raw: String) -> String? {
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard value.count > 19 else { return nil }
        let tail = String(value.dropFirst(19))
        if tail == "Z" { return "+00:00" }
        let zone = tail.drop { $0 != "+" && $0 != "-" }
        return offsetSeconds(String(zone)) != nil ? String(zone) : nil
    }

    /// `+hh:mm` / `-hh:mm` to seconds east of UTC (see `LocalDateTime.offsetSeconds`).
    public static func offsetSeconds(_ raw: String) -> Int? {
        LocalDateTime.offsetSeconds(raw)
    }

    /// GPSTimeStamp's three rationals as exiftool prints them: `hh:mm:ss` plus any fraction.
    public static func timeStamp(_ parts: [Double?]) -> String? {
        guard parts.count == 3, let h = parts[0], let m = parts[1], let s = parts[2] else { return nil }
        var total = (h * 60 + m) * 60 + s
        guard total >= 0, total < 86_400 + 1 else { return nil }
        let hours = Int(total / 3600)
        total -= Double(hours * 3600)
        let minutes = Int(total / 60)
        total -= Double(minutes * 60)
        let seconds = Int(total)
        total -= Double(seconds)
        let nanos = Int((total * 1e9).rounded())
        var fraction = nanos > 0 ? String(format: ".%09d", nanos) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return String(format: "%02d:%02d:%02d", hours, minutes, seconds) + fraction
    }

    /// UserComment: an 8-byte code (`ASCII`, `UNICODE`, `JIS` or eight zero bytes) and the text.
    public static func userComment(_ bytes: [UInt8], bigEndian: Bool) -> String? {
        guard bytes.count > 8 else { return nil }
        let code = String(decoding: bytes.prefix(8).prefix { $0 != 0 }, as: UTF8.self)
        let body = Array(bytes.dropFirst(8))
        let decoded: String?
        switch code {
        case "UNICODE":
            var units: [UInt16] = stride(from: 0, to: body.count - 1, by: 2).map { i -> UInt16 in
                let (first, second) = (UInt16(body[i]), UInt16(body[i + 1]))
                return bigEndian ? first << 8 | second : second << 8 | first
            }
            if units.first == 0xFFFE { units = units.map { $0.byteSwapped } }  // a BOM that disagrees with the block
            if units.first == 0xFEFF { units.removeFirst() }
            decoded = String(decoding: units.prefix { $0 != 0 }, as: UTF16.self)
        case "JIS":
            decoded = String(data: Data(body.prefix { $0 != 0 }), encoding: .shiftJIS) ?? text(body)
        default:
            decoded = text(body)
        }
        let trimmed = decoded?.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed?.isEmpty == false ? trimmed : nil
    }

    public static func isSubSec(_ raw: String) -> Bool {
        !raw.isEmpty && raw.count <= 9 && raw.allSatisfy(\.isASCII) && raw.allSatisfy(\.isNumber)
    }
}
