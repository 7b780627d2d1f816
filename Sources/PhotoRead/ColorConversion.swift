import PhotoModel
/// Colour conversions libjpeg leaves to the caller.
public enum ColorConversion {
    /// CMYK to RGB. Adobe applications store CMYK inverted (0 = full ink); others store it plain.
    public static func rgb(fromCMYK image: RasterImage, adobeInverted: Bool) -> RasterImage {
        precondition(image.components == 4)
        let count = image.width * image.height
        var rgb = [UInt8](repeating: 0, count: count * 3)
        image.pixels.withUnsafeBufferPointer { src in
            rgb.withUnsafeMutableBufferPointer { dst in
                for i in 0..<count {
                    var c = Int(src[i * 4]), m = Int(src[i * 4 + 1]), y = Int(src[i * 4 + 2]), k = Int(src[i * 4 + 3])
                    if !adobeInverted {
                        c = 255 - c
                        m = 255 - m
                        y = 255 - y
                        k = 255 - k
                    }
                    // Now 255 means "no ink": channel = (1 - ink) × (1 - black).
                    dst[i * 3] = UInt8((c * k + 127) / 255)
                    dst[i * 3 + 1] = UInt8((m * k + 127) / 255)
                    dst[i * 3 + 2] = UInt8((y * k + 127) / 255)
                }
            }
        }
        return RasterImage(width: image.width, height: image.height, components: 3, pixels: rgb)
    }
}
