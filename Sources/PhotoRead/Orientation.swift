import PhotoModel
/// The eight EXIF orientations and the pixel transform that shows each one upright.
public enum Orientation {
    /// Returns `image` as a viewer should show it for EXIF `orientation` (1–8; anything else is upright).
    public static func upright(_ image: RasterImage, orientation: Int) -> RasterImage {
        guard (2...8).contains(orientation) else { return image }
        let w = image.width, h = image.height
        // Where output pixel (0, 0) comes from in the stored image, and how far one step right
        // and one step down move there.
        let walk: Transposition.Walk =
            switch orientation {
            case 2: .init(origin: w - 1, stepX: -1, stepY: w, swapsAxes: false)  // mirrored
            case 3: .init(origin: w * h - 1, stepX: -1, stepY: -w, swapsAxes: false)  // turned 180°
            case 4: .init(origin: (h - 1) * w, stepX: 1, stepY: -w, swapsAxes: false)  // upside down, mirrored
            case 5: .init(origin: 0, stepX: w, stepY: 1, swapsAxes: true)  // transposed
            case 6: .init(origin: (h - 1) * w, stepX: -w, stepY: 1, swapsAxes: true)  // turned 90° clockwise
            case 7: .init(origin: w * h - 1, stepX: -w, stepY: -1, swapsAxes: true)  // transversed
            default: .init(origin: w - 1, stepX: w, stepY: -1, swapsAxes: true)  // 8: turned 90° anticlockwise
            }
        return Transposition.remapped(image, walk)
    }
}
