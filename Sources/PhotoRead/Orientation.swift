import PhotoModel
/// The eight EXIF orientations and the pixel transform that shows each one upright.
public enum Orientation {
    /// Returns `image` as a viewer should show it for EXIF `orientation` (1–8; anything else is upright).
    public static func upright(_ image: RasterImage, orientation: Int) -> RasterImage {
        guard (2...8).contains(orientation) else { return image }
        let w = image.width, h = image.height, c = image.components
        let swaps = orientation >= 5
        let outW = swaps ? h : w, outH = swaps ? w : h
        // For each output pixel (x, y), where it comes from in the stored image.
        let source: (Int, Int) -> (Int, Int) =
            switch orientation {
            case 2: { x, y in (w - 1 - x, y) }
            case 3: { x, y in (w - 1 - x, h - 1 - y) }
            case 4: { x, y in (x, h - 1 - y) }
            case 5: { x, y in (y, x) }
            case 6: { x, y in (y, h - 1 - x) }
            case 7: { x, y in (w - 1 - y, h - 1 - x) }
            default: { x, y in (w - 1 - y, x) }  // 8
            }
        var out = [UInt8](repeating: 0, count: image.pixels.count)
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<outH {
                    for x in 0..<outW {
                        let (sx, sy) = source(x, y)
                        let from = (sy * w + sx) * c, to = (y * outW + x) * c
                        for ch in 0..<c { dst[to + ch] = src[from + ch] }
                    }
                }
            }
        }
        return RasterImage(width: outW, height: outH, components: c, pixels: out)
    }
}
