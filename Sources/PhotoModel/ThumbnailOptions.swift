public struct ThumbnailOptions: Sendable, Equatable, Codable {
    /// What a photo whose image data libjpeg had to patch up (truncated, corrupt) becomes.
    public enum DamagePolicy: String, Sendable, Codable, CaseIterable {
        /// It fails: the batch never carries a damaged photo (the default).
        case damaged
        /// Only photos that cannot be decoded at all fail; damaged ones stay in the batch with
        /// a warning in their reasons, for a person to look at.
        case unreadable
    }

    /// Long-edge sizes in pixels.
    public var sizes: [Int]
    public var quality: Int
    /// Frames above this many pixels are refused before decoding (decompression bombs).
    public var maxPixels: Int
    public var failOn: DamagePolicy

    public init(sizes: [Int] = [320, 1280], quality: Int = 85, maxPixels: Int = 300_000_000, failOn: DamagePolicy = .damaged) {
        self.sizes = sizes
        self.quality = quality
        self.maxPixels = maxPixels
        self.failOn = failOn
    }

    /// Parses `--sizes`: long edges from 16 to 8192 pixels, comma-separated (`320,1280`).
    public static func sizes(parsing text: String) throws -> [Int] {
        let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ (16...8192).contains($0 ?? 0) }) else {
            throw SizesError(text: text)
        }
        return values.compactMap { $0 }
    }

    public struct SizesError: Error, CustomStringConvertible {
        var text: String
        public var description: String { "sizes are long edges from 16 to 8192 pixels, comma-separated, such as 320,1280" }
    }
}
