import Foundation
import SampleCard
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// Small JPEGs made in memory for tests.
enum Images {
    static func jpeg(width: Int = 64, height: Int = 48, seed: UInt64 = 1, metadata: PhotoMetadata? = nil, quality: Int = 90) throws -> Data {
        let jpeg = try JPEGCodec.encode(Painter.scene(width: width, height: height, seed: seed), quality: quality)
        guard let metadata else { return jpeg }
        return try ExifWriter.embed(segment: ExifWriter.segment(for: metadata), in: jpeg)
    }

    /// Mean colour of a square of `size` pixels whose top-left corner is at (x, y).
    static func mean(_ image: RasterImage, x: Int, y: Int, size: Int) -> [Int] {
        var sum = [0, 0, 0]
        for yy in y..<(y + size) {
            for xx in x..<(x + size) {
                for c in 0..<3 { sum[c] += Int(image.pixels[(yy * image.width + xx) * image.components + c]) }
            }
        }
        return sum.map { $0 / (size * size) }
    }

    static func isRed(_ rgb: [Int]) -> Bool { rgb[0] > 170 && rgb[1] < 90 && rgb[2] < 90 }
    static func isYellow(_ rgb: [Int]) -> Bool { rgb[0] > 180 && rgb[1] > 170 && rgb[2] < 110 }
}
