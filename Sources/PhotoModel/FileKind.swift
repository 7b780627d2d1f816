import Foundation

/// What a file on the card is, decided from its first bytes (cards are full of files whose
/// extension lies) and, only where the bytes do not say, from its extension.
public enum FileKind: Sendable, Equatable, Codable {
    case jpeg
    /// A photo in a format photocat does not catalogue (RAW, HEIC, PNG, TIFF, WebP…).
    case otherImage(String)
    case video(String)
    case unknown

    /// JPEG is FF D8 FF; the rest is there only to name what was skipped.
    public static func sniff(_ head: [UInt8], fileName: String) -> FileKind {
        // SOI is enough: libjpeg reads on when stray bytes follow it, so photocat does too.
        if head.starts(with: [0xFF, 0xD8]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .otherImage("PNG") }
        if head.starts(with: Array("GIF8".utf8)) { return .otherImage("GIF") }
        if head.count >= 12, head[0..<4].elementsEqual("RIFF".utf8) {
            let form = String(decoding: head[8..<12], as: UTF8.self)
            return form == "WEBP" ? .otherImage("WebP") : form.hasPrefix("AVI") ? .video("AVI") : .unknown
        }
        if head.count >= 12, head[4..<8].elementsEqual("ftyp".utf8) {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["heic", "heix", "heim", "heis", "mif1", "msf1", "avif"].contains(brand) {
                return .otherImage(brand == "avif" ? "AVIF" : "HEIF")
            }
            if brand.hasPrefix("crx") { return .otherImage("CR3") }
            return .video(brand == "qt  " ? "QuickTime" : "MP4")
        }
        if head.starts(with: [0x49, 0x49, 0x55, 0x00]) { return .otherImage("RW2") }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            // TIFF containers: most RAW formats (CR2, NEF, ARW, DNG) share this header.
            let ext = (fileName as NSString).pathExtension.uppercased()
            return .otherImage(ext.isEmpty || ext == "TIF" || ext == "TIFF" ? "TIFF" : ext)
        }
        return .unknown
    }

    /// Extensions a camera gives JPEGs: a file named so that is not a JPEG is a failed photo,
    /// not a file to pass over quietly.
    public static func hasJPEGExtension(_ fileName: String) -> Bool {
        ["jpg", "jpeg", "jpe", "jfif"].contains((fileName as NSString).pathExtension.lowercased())
    }
}
