import Foundation
internal import CLibExif
import PhotoModel
import PhotoRead

/// Writes an EXIF block with libexif: used to make the sample card and test photos with exactly
/// the tags a test needs. Photos from a card are never rewritten.
public enum ExifWriter {
    public enum ByteOrder: Sendable {
        case bigEndian, littleEndian
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The APP1 payload (`Exif\0\0` + TIFF) holding `metadata`.
    public static func segment(for metadata: PhotoMetadata, byteOrder: ByteOrder = .bigEndian) throws -> Data {
        let block = ExifBlock(order: byteOrder == .bigEndian ? EXIF_BYTE_ORDER_MOTOROLA : EXIF_BYTE_ORDER_INTEL)
        block.fill(from: metadata)
        return try block.save()
    }

    /// `jpeg` with an APP1 EXIF segment right after SOI, where cameras put it.
    public static func embed(segment: Data, in jpeg: Data) throws -> Data {
        guard jpeg.starts(with: [0xFF, 0xD8]) else { throw WriteError(description: "not a JPEG") }
        guard segment.count + 2 <= 0xFFFF else { throw WriteError(description: "EXIF block larger than 64 KB") }
        let length = segment.count + 2
        var out = Data([0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)])
        out.append(segment)
        out.append(jpeg.dropFirst(2))
        return out
    }
}

/// Owns one `ExifData` being built; freed in `deinit`.
private final class ExifBlock {
    let data: UnsafeMutablePointer<ExifData>
    let order: ExifByteOrder

    init(order: ExifByteOrder) {
        data = exif_data_new()
        self.order = order
        // Write exactly the tags given; libexif would otherwise add its own defaults.
        exif_data_unset_option(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION)
        exif_data_set_byte_order(data, order)
    }

    deinit { exif_data_unref(data) }

    /// Every field of the tag table that `m` holds, stored as its kind says.
    func fill(from m: PhotoMetadata) {
        for row in MetadataTag.table {
            let ifd = Self.ifd(row.ifd)
            let tag = UInt32(row.tag ?? 0)
            switch row.kind {
            case .text(let field), .date(let field), .subSeconds(let field), .offset(let field, _, _), .gpsDate(let field):
                ascii(ifd, tag, m[keyPath: field])
            case .orientation(let field), .positiveInteger(let field), .integer(let field):
                if let value = m[keyPath: field] { shorts(ifd, tag, [value]) }
            case .positiveRational(let field):
                rationals(ifd, tag, m[keyPath: field].map { [$0] })
            case .userComment(let field):
                if let text = m[keyPath: field] { bytes(ifd, tag, EXIF_FORMAT_UNDEFINED, Array("ASCII\0\0\0".utf8) + Array(text.utf8)) }
            case .gpsTime(let field):
                rationals(ifd, tag, m[keyPath: field].flatMap(Self.timeOfDay))
            case .gpsPosition:
                if let gps = m.gps {
                    fill(gps)
                } else if let direction = m.imageDirection {
                    ascii(EXIF_IFD_GPS, UInt32(MetadataTag.GPS.imageDirectionRef), m.imageDirectionRef ?? "T")
                    rationals(EXIF_IFD_GPS, UInt32(MetadataTag.GPS.imageDirection), [direction])
                }
            case .frameSize:
                break  // the JPEG frame's, written by the encoder
            }
        }
    }

    static func ifd(_ ifd: MetadataTag.IFD) -> ExifIfd {
        switch ifd {
        case .zero: EXIF_IFD_0
        case .exif: EXIF_IFD_EXIF
        case .gps: EXIF_IFD_GPS
        }
    }

    /// `hh:mm:ss[.fff]` as GPSTimeStamp's three rationals.
    static func timeOfDay(_ text: String) -> [Double]? {
        let parts = text.split(separator: ":").compactMap { Double($0) }
        return parts.count == 3 ? parts : nil
    }

    private func fill(_ gps: GPSPosition) {
        typealias Tag = MetadataTag.GPS
        bytes(EXIF_IFD_GPS, 0x0000, EXIF_FORMAT_BYTE, [2, 3, 0, 0])  // GPSVersionID 2.3
        ascii(EXIF_IFD_GPS, UInt32(Tag.latitudeRef), gps.latitude < 0 ? "S" : "N")
        rationals(EXIF_IFD_GPS, UInt32(Tag.latitude), Self.dms(abs(gps.latitude)))
        ascii(EXIF_IFD_GPS, UInt32(Tag.longitudeRef), gps.longitude < 0 ? "W" : "E")
        rationals(EXIF_IFD_GPS, UInt32(Tag.longitude), Self.dms(abs(gps.longitude)))
        if let altitude = gps.altitude {
            bytes(EXIF_IFD_GPS, UInt32(Tag.altitudeRef), EXIF_FORMAT_BYTE, [altitude < 0 ? 1 : 0])
            rationals(EXIF_IFD_GPS, UInt32(Tag.altitude), [abs(altitude)])
        }
        if let direction = gps.imageDirection {
            ascii(EXIF_IFD_GPS, UInt32(Tag.imageDirectionRef), gps.imageDirectionRef ?? "T")
            rationals(EXIF_IFD_GPS, UInt32(Tag.imageDirection), [direction])
        }
    }

    /// Degrees, minutes and seconds, seconds to 1/10000.
    static func dms(_ value: Double) -> [Double] {
        let degrees = value.rounded(.down)
        let minutes = ((value - degrees) * 60).rounded(.down)
        let seconds = ((value - degrees) * 60 - minutes) * 60
        return [degrees, minutes, (seconds * 10000).rounded() / 10000]
    }

    func save() throws -> Data {
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt32 = 0
        exif_data_save_data(data, &buffer, &size)
        guard let buffer, size > 0 else { throw ExifWriter.WriteError(description: "libexif could not save the block") }
        defer { free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }

    // MARK: entries

    private func ascii(_ ifd: ExifIfd, _ tag: UInt32, _ text: String?) {
        guard let text else { return }
        bytes(ifd, tag, EXIF_FORMAT_ASCII, Array(text.utf8) + [0])
    }

    private func shorts(_ ifd: ExifIfd, _ tag: UInt32, _ values: [Int]) {
        var raw = [UInt8](repeating: 0, count: values.count * 2)
        raw.withUnsafeMutableBufferPointer { buffer in
            for (i, v) in values.enumerated() { exif_set_short(buffer.baseAddress! + i * 2, order, ExifShort(clamping: v)) }
        }
        add(ifd, tag, EXIF_FORMAT_SHORT, components: values.count, raw)
    }

    private func rationals(_ ifd: ExifIfd, _ tag: UInt32, _ values: [Double]?) {
        guard let values else { return }
        var raw = [UInt8](repeating: 0, count: values.count * 8)
        raw.withUnsafeMutableBufferPointer { buffer in
            for (i, v) in values.enumerated() {
                exif_set_rational(buffer.baseAddress! + i * 8, order, Self.rational(v))
            }
        }
        add(ifd, tag, EXIF_FORMAT_RATIONAL, components: values.count, raw)
    }

    /// Exposure times as 1/N where that is exact, everything else over 10000.
    static func rational(_ value: Double) -> ExifRational {
        if value > 0, value < 1, (1 / value).rounded() == 1 / value {
            return ExifRational(numerator: 1, denominator: ExifLong(1 / value))
        }
        return ExifRational(numerator: ExifLong((value * 10000).rounded()), denominator: 10000)
    }

    private func bytes(_ ifd: ExifIfd, _ tag: UInt32, _ format: ExifFormat, _ raw: [UInt8]) {
        add(ifd, tag, format, components: raw.count, raw)
    }

    private func add(_ ifd: ExifIfd, _ tag: UInt32, _ format: ExifFormat, components: Int, _ raw: [UInt8]) {
        guard let content = photocat_exif_content(data, ifd), let entry = exif_entry_new() else { return }
        // The entry frees its data with the default allocator, i.e. free().
        guard let storage = malloc(raw.count)?.assumingMemoryBound(to: UInt8.self) else {
            exif_entry_unref(entry)
            return
        }
        raw.withUnsafeBufferPointer { storage.update(from: $0.baseAddress!, count: raw.count) }
        entry.pointee.tag = ExifTag(rawValue: tag)
        entry.pointee.format = format
        entry.pointee.components = UInt(components)
        entry.pointee.size = UInt32(raw.count)
        entry.pointee.data = storage
        exif_content_add_entry(content, entry)
        exif_entry_unref(entry)  // the content holds its own reference
    }
}
