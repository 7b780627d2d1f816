import Foundation
internal import CJPEGGuard
import PhotoModel

public enum JPEGCodecError: Error, Equatable, CustomStringConvertible {
    /// libjpeg refused the data; the message is libjpeg's own.
    case corrupt(String)
    case unsupported(String)
    /// The frame is larger than the configured pixel limit (a decompression bomb, or a panorama
    /// beyond what the user allowed); refused before any pixel memory is allocated.
    case tooLarge(width: Int, height: Int, limit: Int)
    case encodeFailed(String)

    public var description: String {
        switch self {
        case .corrupt(let message): "corrupt JPEG data: \(message)"
        case .unsupported(let message): "unsupported JPEG: \(message)"
        case .tooLarge(let w, let h, let limit): "frame of \(w)×\(h) pixels exceeds the limit of \(limit / 1_000_000) megapixels"
        case .encodeFailed(let message): "cannot encode JPEG: \(message)"
        }
    }
}

/// The frame as libjpeg sees it, before any pixel is decoded.
public struct JPEGHeader: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var components: Int
    public var precision: Int
    public var isCMYK: Bool
    public var hasAdobeMarker: Bool
}

/// libjpeg's warnings for one decode, by what the pixels suffered. The codes are sorted in
/// CJPEGGuard: premature end of data, bad Huffman or arithmetic codes, lost restart markers,
/// inconsistent progressions and entropy-coded data left over are damage (libjpeg guessed part
/// of the picture); bytes between header segments that belong to none, an unknown Adobe
/// transform or JFIF revision are not.
public struct DecodeWarnings: Sendable, Equatable {
    public var damageCount = 0
    public var firstDamage: String?
    public var harmlessCount = 0
    public var firstHarmless: String?

    public init(damageCount: Int = 0, firstDamage: String? = nil, harmlessCount: Int = 0, firstHarmless: String? = nil) {
        self.damageCount = damageCount
        self.firstDamage = firstDamage
        self.harmlessCount = harmlessCount
        self.firstHarmless = firstHarmless
    }

    public var isDamaged: Bool { damageCount > 0 }
}

/// A DCT scale of libjpeg-turbo: `eighths`/8 of the frame's size, 1 to 8. It decodes each 8×8
/// block with an inverse DCT of `eighths`×`eighths` points, so a smaller picture costs less than
/// a full decode and a resize; every block becomes the average-like summary of its pixels.
public struct DCTScale: Sendable, Equatable {
    public let eighths: Int

    public init(eighths: Int) {
        precondition((1...8).contains(eighths), "libjpeg scales by 1/8 to 8/8")
        self.eighths = eighths
    }

    public static let full = DCTScale(eighths: 8)

    /// The decoded length of `length` full-size pixels, as libjpeg rounds it (up).
    public func scaled(_ length: Int) -> Int { (length * eighths + 7) / 8 }
}

public struct DecodedJPEG: Sendable {
    /// Gray or RGB: CMYK data is converted on the way out.
    public var image: RasterImage
    /// The frame as stored (its full size, whatever the scale `image` was decoded at).
    public var header: JPEGHeader
    public var warnings: DecodeWarnings
}

/// The only libjpeg user. Every call goes through CJPEGGuard, so a corrupt file is an error value.
public enum JPEGCodec {
    /// Decodes `data`; `scale` picks the DCT scale once the header is known.
    public static func decode(_ data: Data, maxPixels: Int, scale: (JPEGHeader) -> DCTScale) throws -> DecodedJPEG {
        try data.withUnsafeBytes { raw -> DecodedJPEG in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { throw JPEGCodecError.corrupt("empty file") }
            guard let decoder = pcj_decoder_new(base, raw.count) else { throw JPEGCodecError.corrupt("cannot create decoder") }
            defer { pcj_decoder_free(decoder) }
            func failure() -> JPEGCodecError { .corrupt(String(cString: pcj_decoder_error(decoder))) }

            var info = pcj_header()
            guard pcj_decoder_read_header(decoder, &info) == 0 else { throw failure() }
            let header = JPEGHeader(
                width: Int(info.width), height: Int(info.height), components: Int(info.components),
                precision: Int(info.data_precision),
                isCMYK: info.color_space == Int32(PCJ_COLOR_CMYK) || info.color_space == Int32(PCJ_COLOR_YCCK),
                hasAdobeMarker: info.adobe_marker != 0)
            try check(header, maxPixels: maxPixels)

            let chosen = scale(header)
            var width: Int32 = 0, height: Int32 = 0, components: Int32 = 0
            guard pcj_decoder_start(decoder, Int32(chosen.eighths), &width, &height, &components) == 0 else { throw failure() }
            let rowBytes = Int(width) * Int(components)
            // Uninitialised: libjpeg writes every row (zeros for any it cannot decode).
            var status: Int32 = 0
            let pixels = [UInt8](unsafeUninitializedCapacity: rowBytes * Int(height)) { buffer, count in
                status = pcj_decoder_read_rows(decoder, buffer.baseAddress, rowBytes)
                count = buffer.count
            }
            guard status == 0 else { throw failure() }

            var image = RasterImage(width: Int(width), height: Int(height), components: Int(components), pixels: pixels)
            if image.components == 4 { image = ColorConversion.rgb(fromCMYK: image, adobeInverted: header.hasAdobeMarker) }
            return DecodedJPEG(image: image, header: header, warnings: warnings(of: decoder))
        }
    }

    private static func warnings(of decoder: OpaquePointer) -> DecodeWarnings {
        func count(_ kind: Int) -> Int { Int(pcj_decoder_warning_count(decoder, Int32(kind))) }
        func first(_ kind: Int) -> String? { count(kind) > 0 ? String(cString: pcj_decoder_first_warning(decoder, Int32(kind))) : nil }
        return DecodeWarnings(
            damageCount: count(PCJ_WARNING_DAMAGE), firstDamage: first(PCJ_WARNING_DAMAGE),
            harmlessCount: count(PCJ_WARNING_HARMLESS), firstHarmless: first(PCJ_WARNING_HARMLESS))
    }

    private static func check(_ header: JPEGHeader, maxPixels: Int) throws {
        guard header.precision == 8 else { throw JPEGCodecError.unsupported("\(header.precision)-bit samples") }
        guard [1, 3, 4].contains(header.components) else { throw JPEGCodecError.unsupported("\(header.components) colour components") }
        guard header.width > 0, header.height > 0 else { throw JPEGCodecError.corrupt("frame has no pixels") }
        guard header.width * header.height <= maxPixels else {
            throw JPEGCodecError.tooLarge(width: header.width, height: header.height, limit: maxPixels)
        }
    }

    /// libjpeg-turbo's version (2001005 for 2.1.5), or 0 for another libjpeg. Encoded bytes
    /// depend on it, so byte-exact comparisons of encoder output do too.
    public static var libraryVersion: Int { Int(pcj_library_version()) }

    /// Baseline JPEG with optimised Huffman tables: the same pixels give the same bytes. Gray
    /// and RGB; CMYK (stored as given, with an Adobe marker) only to make test files.
    public static func encode(_ image: RasterImage, quality: Int) throws -> Data {
        precondition([1, 3, 4].contains(image.components), "encode takes gray, RGB or CMYK")
        var output: UnsafeMutablePointer<UInt8>?
        var size = 0
        var message = [CChar](repeating: 0, count: 200)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            pcj_encode(
                pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.components),
                image.rowBytes, Int32(quality), &output, &size, &message, message.count)
        }
        guard status == 0, let output else {
            throw JPEGCodecError.encodeFailed(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { pcj_free_buffer(output) }
        return Data(bytes: output, count: size)
    }
}
