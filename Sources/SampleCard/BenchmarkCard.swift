import Foundation
import PhotoModel
import PhotoRead

/// A card of camera-sized JPEGs for the benchmark: photographic grain so the entropy (and so the
/// decode cost) is like a camera's, 4:2:0, mixed orientations, distinct EXIF per photo.
public enum BenchmarkCard {
    /// Long edge × short edge of a sensor of `aspect` (3:2 for most cameras, 4:3 for phones)
    /// with about `megapixels` million pixels, in whole 16-pixel blocks.
    public static func size(megapixels: Double, aspect: Double = 1.5) -> (width: Int, height: Int) {
        let height = (megapixels * 1_000_000 / aspect).squareRoot()
        return (Int(height * aspect) / 16 * 16, Int(height) / 16 * 16)
    }

    /// Writes `count` photos into `folder/DCIM/100BENCH`. A few base pictures are painted and
    /// encoded once; each photo gets its own EXIF block, so every file has its own bytes.
    public static func write(
        to folder: URL, count: Int, megapixels: Double, aspect: Double = 1.5, quality: Int, log: (String) -> Void = { _ in }
    ) throws {
        let (width, height) = size(megapixels: megapixels, aspect: aspect)
        let baseCount = min(count, 4)
        var bases: [Data] = []
        for seed in 0..<baseCount {
            log("painting base picture \(seed + 1)/\(baseCount) (\(width)×\(height))")
            bases.append(try JPEGCodec.encode(Painter.photographic(width: width, height: height, seed: UInt64(seed + 100)), quality: quality))
        }
        let orientations = [1, 1, 6, 1, 8, 1, 3, 1]
        let directory = folder.appendingPathComponent("DCIM/100BENCH")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in 0..<count {
            var metadata = PhotoMetadata()
            metadata.make = "Canon"
            metadata.model = "Canon EOS 90D"
            let seconds = 14 * 3600 + index * 17
            metadata.dateTimeOriginal = String(format: "2026:01:15 %02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
            metadata.subSecTimeOriginal = String(format: "%02d", index % 100)
            metadata.offsetTimeOriginal = "+04:00"
            metadata.orientation = orientations[index % orientations.count]
            let data = try ExifWriter.embed(segment: ExifWriter.segment(for: metadata), in: bases[index % baseCount])
            try data.write(to: directory.appendingPathComponent(String(format: "IMG_%04d.JPG", index + 1)))
        }
    }
}
