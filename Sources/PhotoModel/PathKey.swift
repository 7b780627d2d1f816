import Foundation

/// A photo's identity: its path below the card root as the file system spells it, byte for
/// byte. Names need not be UTF-8 (an old camera or archiver writes Latin-1), and Swift's
/// String equality is canonical equivalence, under which "Café" written two ways (NFC, and NFD
/// as a Mac may write it) is one string though on disk they are two files. Keys compare bytes.
public struct PathKey: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The key of a UTF-8 path.
    public init(_ path: String) {
        bytes = Array(path.utf8)
    }

    public init(stringLiteral path: String) {
        self.init(path)
    }

    public static func < (a: PathKey, b: PathKey) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    public var isUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// The path for people and text outputs: UTF-8 as it is, each byte that is not UTF-8 shown
    /// as `\xNN`, so two names that differ in such a byte still read differently.
    public var display: String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var index = 0
        while index < bytes.count {
            let length = Self.sequenceLength(bytes[index])
            if length > 0, index + length <= bytes.count,
                let character = String(validating: bytes[index..<index + length], as: UTF8.self)
            {
                out += character
                index += length
            } else {
                out += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return out
    }

    public var description: String { display }

    /// The length of the UTF-8 sequence a lead byte starts, or 0 for a byte no sequence starts with.
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }
}

extension PathKey: Codable {
    /// A UTF-8 path is stored as its text; any other as `{"bytes": "<base64>"}`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.init(text)
        } else {
            self.init(bytes: Array(try container.decode(Raw.self).bytes))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let text = String(validating: bytes, as: UTF8.self) {
            try container.encode(text)
        } else {
            try container.encode(Raw(bytes: Data(bytes)))
        }
    }

    private struct Raw: Codable {
        var bytes: Data
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
