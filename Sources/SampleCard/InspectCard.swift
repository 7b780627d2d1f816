import Foundation
import PhotoModel
import PhotoRead

/// A card of many small photos for timing `photocat inspect` against exiftool. Reading EXIF
/// costs what the EXIF holds, and cameras write far more than the benchmark card's few tags
/// (maker notes of tens of kilobytes), so each photo carries the EXIF block of a real camera's
/// photo from `exifSources` (taken in turn), on one of a few small painted pictures. No two
/// photos have the same bytes.
public enum InspectCard {
    /// The EXIF blocks (APP1 payloads) of the JPEGs in `folder`, in name order.
    public static func exifBlocks(in folder: URL) throws -> [Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return names.filter { FileKind.hasJPEGExtension($0) }.compactMap { name in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
                let segment = try? JPEGStructure.parse(data).exifSegment,
                segment.count + 2 <= 0xFFFF
            else { return nil }
            return segment
        }
    }

    /// Writes `count` photos of 640 × 427 pixels into `folder/DCIM/100INSPC`.
    public static func write(to folder: URL, count: Int, exifSources: [Data]) throws {
        precondition(!exifSources.isEmpty, "at least one EXIF block")
        // Enough pictures that every (picture, EXIF block) pair is used at most once.
        let pictureCount = (count + exifSources.count - 1) / exifSources.count
        let pictures = try (0..<pictureCount).map { seed in
            try JPEGCodec.encode(Painter.scene(width: 640, height: 427, seed: UInt64(seed + 1)), quality: 85)
        }
        let directory = folder.appendingPathComponent("DCIM/100INSPC")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in 0..<count {
            let block = exifSources[index % exifSources.count]
            let data = try ExifWriter.embed(segment: block, in: pictures[index / exifSources.count])
            try data.write(to: directory.appendingPathComponent(String(format: "IMG_%04d.JPG", index + 1)))
        }
    }
}
