import Foundation

/// JSON with sorted keys and no escaped slashes: stable bytes that diff well, for every file
/// and catalogue column photocat writes.
public enum StableJSON {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { encoder.outputFormatting.insert(.prettyPrinted) }
        return encoder
    }
}
